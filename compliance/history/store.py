"""The history store: a SQLite file by default, or a PostgreSQL database when ``--db`` is a
``postgresql://`` URL. HistoryStore is what the CLI, the check and the web page hold; the SQL is in
database.py, loaded on first use. A SQLite file is read with the standard library's sqlite3; only a
server's URL imports SQLAlchemy (0.8–1.2 s on a busy 2-core machine).
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from ..errors import ComplianceError, library_reason
from .columns import FOLLOWUP_COLUMNS, LEDGER_LATEST, RECORD_COLUMNS, RULE_USED  # noqa: F401 (the lists other modules read from here)

if TYPE_CHECKING:  # `history list` needs no pandas: start-up time
    import pandas as pd

DEFAULT_NAME = "公开时限历史.sqlite"


class StoreError(ComplianceError):
    """The store cannot be used: not ours, corrupt, newer, unreachable, or a database error.
    ``code``: a store-* code."""


def default_store_path() -> Path:
    return Path("reports") / DEFAULT_NAME


def is_url(target) -> bool:
    return "://" in str(target)


class HistoryStore:
    """One store: a file path, or a ``postgresql://`` URL. Nothing is opened until a method is called;
    every method opens its own connection (a store is shared by several processes)."""

    def __init__(self, target: str | Path):
        self._target = target
        self.path = None if is_url(target) else Path(target)
        self._database = None

    @property
    def _db(self):
        if self._database is None:
            from .database import Database  # on first use: SQLAlchemy is imported only by a run with a store
            self._database = Database(self._target, self.path is None, self._fail)
        return self._database

    @property
    def label(self) -> str:
        """The file's path, or the URL without its password: what messages and the JSON show."""
        return str(self.path) if self.path is not None else self._db.label

    def _fail(self, code: str, exc: BaseException | None = None, **values) -> StoreError:
        reason = library_reason(values.pop("reason", None) or (str(exc) if exc else ""))
        return StoreError.of(code, path=self.label, reason=reason, **values)

    def exists(self) -> bool:
        return self.path.exists() if self.path is not None else self._db.exists()

    @property
    def migrated(self) -> Path | str | None:
        """After a write that migrated an older store: its backup copy (a file), "" (a server), else None."""
        return self._database.migrated if self._database is not None else None

    def check_readable(self) -> None:
        """Raise StoreError when the store exists but cannot be used (a missing store is fine)."""
        self._db.check_readable()

    # -- reading ---------------------------------------------------------------------------------
    def previous_period(self, period: str) -> str | None:
        """The latest recorded period before ``period`` (None without one, or without a store yet)."""
        return self._db.previous_period(period)

    def followups(self, period: str, still_open: bool = False) -> pd.DataFrame:
        """One period's follow-up items (FOLLOWUP_COLUMNS); ``still_open``: only those the next period follows."""
        return _keyed_anew(self._db.followups(period, still_open))

    def followup_rows(self, period: str, still_open: bool = False) -> list[tuple]:
        """followups() as plain tuples of FOLLOWUP_COLUMNS, without pandas (start-up time of `history open`)."""
        return self._db.followup_rows(period, still_open)

    def records(self, periods: list[str], units: list[str]) -> pd.DataFrame:
        """Stored records of ``periods`` and ``units`` (keys, dates and status: what the follow-up needs)."""
        return _keyed_anew(self._db.records(periods, units))

    def rates(self, period: str | None = None) -> pd.DataFrame:
        """(period, unit, category, rate) of one period or of all."""
        return self._db.rates(period)

    def ledger_latest(self, period: str) -> dict[str, str]:
        """{unit: the latest day its ledgers of ``period`` held in any row} (ISO; carry._unpublished_until)."""
        return self._db.ledger_latest(period)

    def rule_used(self, period: str) -> str | None:
        """The rule (RuleSet.name) ``period`` was recorded under; None when not recorded, or recorded before
        the store kept it."""
        return self._db.rule_used(period)

    def rate_rows(self) -> list[tuple]:
        """rates() of all periods as plain (period, unit, category, rate) tuples, without pandas."""
        return self._db.rate_rows()

    def periods(self) -> list[dict]:
        """Every recorded period with its run time, inputs, record count, revisions and staleness."""
        return self._db.periods()

    def latest_period(self) -> str | None:
        return self._db.latest_period()

    # -- writing ---------------------------------------------------------------------------------
    def record(self, period: dict, records: pd.DataFrame, counts: pd.DataFrame, rates: pd.DataFrame,
               followups: pd.DataFrame) -> int:
        """Record one period in one transaction, replacing an earlier run of it; returns its revision.

        ``period``: period, run_time, as_of, inputs (list), previous_period. A
        replaced run is kept in ``revisions``; later periods become stale, and so does this one when the
        period before it is no longer the one it was built on (database.Database.record).
        """
        return self._db.record(period, records, counts, rates, followups)

    def forget(self, name: str) -> bool:
        """Delete one period (its revisions too); later periods become stale. False when it was not there."""
        return self._db.forget(name)


def _keyed_anew(frame: pd.DataFrame) -> pd.DataFrame:
    """Stored numbers keyed by today's normalisation: a key stored by an earlier version (…18号（已送达）,
    …字第18号) must meet this month's key for the same number, or an open item would look deleted.
    The rule applied to its own output changes nothing, so a stored key is normalised as it stands."""
    from ..ingest.docnumbers import normalise_document_numbers  # pandas: only where frames are read

    if len(frame) and "number_key" in frame.columns:
        keys = frame["number_key"].astype(object).where(frame["number_key"].notna(), "")
        frame = frame.assign(number_key=masked_keys(normalise_document_numbers(keys)).to_numpy(object))
    return frame


def masked_keys(keys):
    """Normalised 文书号 as the store keeps them: an ID number in one, whole or among other characters
    (从业资格证420203…号: probe p93 H1), masked; keys stored in full by earlier versions are read through it."""
    import pandas as pd  # only where frames are read: `history list` starts without it

    from ..quality.codes import masked_numbers  # (as above)

    values = keys.astype(object).fillna("").to_numpy(object)
    masked = masked_numbers(values)
    return keys if masked is values else pd.Series(masked, index=keys.index, dtype=object)
