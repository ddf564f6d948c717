"""This folder ships inside draft as the package toolkit.bundled.templates (see pyproject.toml); keep this file."""
