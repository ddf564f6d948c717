"""draft: the documents of a PRC consumer-loan debt dispute, drafted from one case file."""

__version__ = "0.1.0"
