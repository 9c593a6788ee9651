"""Ctrl-C and SIGTERM: both stop a run the same way, and the exit code says which it was.

Shells report a process stopped by signal N as 128 + N: 130 for Ctrl-C
(SIGINT), 143 for SIGTERM (a service manager, `kill`). The tool exits with
those codes itself, after cleaning up, so that 1 keeps its one meaning
("problems found in the data"). SIGTERM raises ``Terminated``, a kind of
KeyboardInterrupt, so every ``finally`` and every cleanup that Ctrl-C runs
runs for it too.
"""

from __future__ import annotations

import os
import signal
import threading

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM

# Set in a supervised worker: its supervisor says "已中止。" (once), whether the
# worker ends by itself after the signal or has to be killed.
supervisor_reports = False


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would raise KeyboardInterrupt."""


def _raise_terminated(signum, frame):
    if frame is not None and frame.f_code.co_name == "__del__":
        # Raised in a finalizer (a pipe collected as the signal came), the exception would be printed as
        # "Exception ignored in …" and dropped, and the run go on: the signal comes again a moment later.
        threading.Timer(0.02, os.kill, (os.getpid(), signum)).start()
        return
    raise Terminated


def handle_sigterm(ctx) -> None:
    """SIGTERM raises Terminated for the rest of ``ctx`` (a click context); the old handler comes back after."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


def exit_code(interrupt: BaseException | None) -> int:
    """130 for Ctrl-C, 143 for SIGTERM; ``interrupt`` is the exception or what click's Abort wraps."""
    return EXIT_TERMINATED if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED
