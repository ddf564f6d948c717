"""This folder ships inside draft as the package toolkit.bundled.schema (see pyproject.toml); keep this file."""
