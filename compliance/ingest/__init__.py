"""Files -> records: readers (bytes -> cells), header detection, column meaning, records, load.

Import the modules themselves (``compliance.ingest.load``); this package
imports nothing so that config.py can use the column rules without a cycle.
"""
