"""Click's own words in Chinese: usage errors, "did you mean", file and folder errors, ``--help`` boilerplate.

Click looks every message up through ``gettext`` when it is shown; :func:`install` points click's modules
at this catalog instead of the process-wide gettext domain, so nothing else in the process changes and the
exit codes stay click's own (2 for a usage error). A message missing from the catalog stays English. With
``LANG`` (or ``LC_ALL``, ``LC_MESSAGES``, ``LANGUAGE``) set to an English locale, click keeps its English.
"""

from __future__ import annotations

import importlib
import os
import unicodedata

CATALOG: dict[str, str] = {
    # --help
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示此帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "required": "必填",
    # usage errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 {command} {option} 查看用法。",
    "No such option {name!r}.": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令 {name}。",
    "Missing command.": "缺少命令。",
    "Missing argument": "缺少必填的参数",
    "Missing option": "缺少必填的选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Option {name!r} does not take a value.": "选项 {name} 后面不能跟值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的首字符不对（{option}）",
    "Value must be an iterable.": "值必须是一组。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename}：{message}",
    "unknown error": "未知错误",
    "Aborted!": "已取消。",
    # values
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是“是/否”的值。可写：{states}",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    # files and folders
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename} 不存在：请检查路径是否写对。",
    "{name} {filename!r} is a file.": "{name} {filename} 是一个文件，不是文件夹：请指定一个文件夹。",
    "{name} {filename!r} is a directory.": "{name} {filename} 是一个文件夹，不是文件：请指定一个文件。",
    "{name} {filename!r} is not readable.": "{name} {filename} 没有读取权限。",
    "{name} {filename!r} is not writable.": "{name} {filename} 没有写入权限。",
    "{name} {filename!r} is not executable.": "{name} {filename} 不可执行。",
    # prompts
    "Error: invalid input": "错误：输入无效",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Repeat for confirmation": "请再输入一次确认",
    "Do you want to continue?": "要继续吗？",
    "Press any key to continue...": "按任意键继续……",
}

# singular msgid → (Chinese for one, Chinese for several); Chinese has one form, the text differs.
PLURALS: dict[str, tuple[str, str]] = {
    "Did you mean {possibility}?": ("您是不是要输入 {possibility}？", "（您是不是要输入其中之一：{possibilities}？）"),
    "Got unexpected extra argument ({args})": ("多了一个参数（{args}）", "多了几个参数（{args}）"),
    "Option {name!r} requires an argument.": ("选项 {name} 后面需要一个值。", "选项 {name} 后面需要 {nargs} 个值。"),
    "{value!r} is not {choice}.": ("{value!r} 不是可选的值 {choice}。", "{value!r} 不是可选的值之一：{choices}。"),
    "Takes {nargs} values but 1 was given.": ("需要 {nargs} 个值，只给了 1 个。", "需要 {nargs} 个值，给了 {len} 个。"),
    "{len_type} values are required, but {len_value} was given.": (
        "需要 {len_type} 个值，给了 {len_value} 个。",
        "需要 {len_type} 个值，给了 {len_value} 个。",
    ),
}

# the names of click's value types, shown in messages ("不是有效的整数") and as the help's placeholders
TYPE_NAMES = {
    "StringParamType": "文字",
    "IntParamType": "整数",
    "IntRange": "整数",
    "FloatParamType": "数字",
    "FloatRange": "数字",
    "BoolParamType": "是/否",
    "DateTime": "日期时间",
}
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def gettext(message: str) -> str:
    return CATALOG.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular][0 if n == 1 else 1]
    return singular if n == 1 else plural


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character takes two (so --help's columns line up)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wants_english() -> bool:
    """Whether the user's locale asks for English messages (gettext's order of variables)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(variable):
            return value.lower().startswith("en")
    return False


def install() -> None:
    """Make click speak Chinese (unless the locale is English); calling it again changes nothing."""
    if wants_english():
        return
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    importlib.import_module("click.formatting").term_len = display_width  # type: ignore[attr-defined]
    types = importlib.import_module("click.types")
    for class_name, shown in TYPE_NAMES.items():
        getattr(types, class_name).name = shown
