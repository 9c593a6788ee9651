"""The package's version and name, in a module of its own so that any module can read them without a cycle
(or pandas)."""

__version__ = "0.1.0"
JSON_TOOL = "compliance"  # the first key of every JSON output ("tool": "compliance"): how a JSON file we wrote is known
