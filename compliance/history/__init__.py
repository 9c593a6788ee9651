"""Month over month: the history store (store.py) and the follow-up of open items (carry.py).

A monthly run (``--month``) or a run with ``--record`` is recorded as one
period; the next period's run looks for the items still open then and gives
each one state (resolved / corrected / open / dropped). docs/history.md says
how a maintainer reads the store.
"""

from __future__ import annotations

from .carry import FollowUp, follow_up
from .store import HistoryStore, StoreError, default_store_path

__all__ = ["FollowUp", "HistoryStore", "StoreError", "default_store_path", "follow_up"]
