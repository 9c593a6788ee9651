"""compliance: are permit and penalty decisions published on time?"""

from .errors import CalendarNotCovered, ComplianceError
from .workcalendar import WorkCalendar

__version__ = "0.1.0"

__all__ = ["CalendarNotCovered", "ComplianceError", "WorkCalendar", "__version__"]
