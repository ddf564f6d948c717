"""This folder ships inside draft as the package toolkit.bundled.samples (see pyproject.toml); keep this file."""
