"""A child process that ends when the process that started it ends, even by kill -9.

Linux's PR_SET_PDEATHSIG sends the child SIGKILL when its parent dies. Used by
the check's worker (its parent is the supervisor) and by every reader process
(a reader whose check was killed would otherwise block for ever writing its
records into a pipe that nobody reads, holding their memory). Elsewhere it
does nothing: the child finishes its work and then exits.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> bool:
    """Ask for SIGKILL when the parent dies; False when ``parent`` (default: the current one) is
    already gone, so that the caller can stop at once."""
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            return True
    return os.getppid() == parent
