"""本文件夹随 draft 一起安装（作为 toolkit.bundled.samples，见 pyproject.toml）：请勿删除本文件。"""
