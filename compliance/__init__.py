"""compliance: are permit and penalty decisions published on time?"""

from __future__ import annotations

from .lazy import lazy_names
from .version import __version__

# Loaded on first use (PEP 562): `compliance --version` and the `history` commands must not pay for
# importing the whole check (reading, report writers, quality checks) before they can answer.
_LAZY = {"CalendarNotCovered": ".errors", "ComplianceError": ".errors", "Rule": ".rules", "Status": ".status",
         "check": ".api", "WorkCalendar": ".workcalendar"}

# No public name may equal a module's name: `import compliance.classify` must give the module.
# The classifier itself is `compliance.classify.classify`.
__all__ = ["CalendarNotCovered", "ComplianceError", "Rule", "Status", "WorkCalendar", "__version__", "check"]


__getattr__, __dir__ = lazy_names(__name__, _LAZY)
