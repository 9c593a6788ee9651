"""Month over month: the history store (store.py) and the follow-up of open items (carry.py).

A monthly run (``--month``) or a run with ``--record`` is recorded as one
period; the next period's run looks for the items still open then and gives
each one state (resolved / corrected / open / dropped). docs/history.md says
how a maintainer reads the store.
"""

from __future__ import annotations

from ..lazy import lazy_names

# Loaded on first use (PEP 562): importing store.py for a `history` command must not import carry.py
# and with it the whole classification.
_LAZY = {"FollowUp": ".carry", "follow_up": ".carry", "HistoryStore": ".store", "StoreError": ".store",
         "default_store_path": ".store"}

__all__ = ["FollowUp", "HistoryStore", "StoreError", "default_store_path", "follow_up"]


__getattr__, __dir__ = lazy_names(__name__, _LAZY)
