"""compliance: are permit and penalty decisions published on time?"""

from .version import __version__

from .errors import CalendarNotCovered, ComplianceError
from .rules import Rule
from .status import Status
from .api import check
from .workcalendar import WorkCalendar

# No public name may equal a module's name: `import compliance.classify` must give the module.
# The classifier itself is `compliance.classify.classify`.
__all__ = ["CalendarNotCovered", "ComplianceError", "Rule", "Status", "WorkCalendar", "__version__", "check"]
