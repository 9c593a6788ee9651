"""Files -> records: readers (bytes -> cells), header detection, column meaning, records, load.

Import the modules themselves (``compliance.ingest.load``); this package
imports nothing, so that a module that needs one part (config.py, the column
rules) does not load the readers. Nothing here imports from above it (config,
report, online): what reading needs from there is passed in (load.ReadSettings,
load.OwnFiles); tests/test_imports.py holds it to that.
"""
