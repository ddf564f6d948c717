"""Batch drafting: many cases (case files, folders, or a spreadsheet) drafted in parallel, with a report.

The flow is that of one case, many times over: inputs → jobs (``inputs``, ``spreadsheet``) → workers
(``runner``, ``worker``) → a folder per case and ``report.json``/``report.csv`` (``report``); shard
reports are merged by ``merge``. ``draft_batch`` in ``batch`` ties them together.
"""
