"""The report is written in a child process, where Ctrl-C and SIGTERM can stop it at once.

rustpy-xlsxwriter keeps the interpreter for seconds at a time while it saves
(measured: another thread waited up to 3.3 s for its turn while 300,000 rows
were saved), and a signal handler runs only when the interpreter is free, so
Ctrl-C used to wait for the write to end. In a child process the write can be
stopped at any moment: the parent waits for it with its interpreter free,
and on Ctrl-C or SIGTERM kills it and removes the temporary files.

- Where ``fork`` exists (Linux, macOS) and the process has a single thread
  (the CLI), the child shares the run's memory and nothing is copied;
  otherwise (Windows) it is started with ``spawn`` and the sheets' builder
  (``functools.partial(build_specs, run)``) is pickled to it.
- The child ignores Ctrl-C (the terminal sends it to the whole process group):
  the parent decides, and kills the child itself.
- Its stderr goes nowhere: the Rust library prints its own errors there, and
  the parent reports the child's exception in Chinese instead.
- A call from a thread other than the main one (the web server's workers)
  writes in its own process: signals go to the main thread there, and a fork
  from a process with threads is not safe.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable

from ..errors import WriterAborted
from .tempfiles import pid_running
from .writers import WriterUsed, write_workbook


def write_isolated(specs_for: Callable, path: Path, backend: str | None = None,
                   method: str | None = None) -> WriterUsed:
    """``write_workbook`` in a child process (see the module's note); ``method`` forces a start method."""
    if threading.current_thread() is not threading.main_thread():
        return write_workbook(specs_for, path, backend)
    context = mp.get_context(method or _start_method())
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, specs_for, Path(path), backend), daemon=True)
    child.start()
    send.close()
    try:
        wait([receive, child.sentinel])  # interruptible: Ctrl-C and SIGTERM are raised here
        outcome = receive.recv() if receive.poll() else None
    except EOFError:
        outcome = None
    except BaseException:
        child.kill()
        child.join()
        raise
    finally:
        receive.close()
    child.join()
    if outcome is None:
        raise WriterAborted(child.exitcode)
    kind, value, details = outcome
    if kind == "ok":
        return value
    if details and hasattr(value, "add_note"):
        value.add_note("写报告的子进程中：\n" + details)  # shown with --debug
    raise value


def _start_method() -> str:
    """fork when it is safe (a single thread: no lock can be held mid-way by another), else spawn."""
    if "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _child(send, specs_for, path: Path, backend: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(os.getppid())
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)
    try:
        outcome = ("ok", write_workbook(specs_for, path, backend), "")
    except BaseException as exc:  # everything goes back to the parent, which decides
        outcome = ("error", _portable(exc), traceback.format_exc())
    send.send(outcome)
    send.close()


def _die_with_parent(parent: int) -> None:
    """A parent killed with kill -9 takes its writer along: nothing goes on writing a file no one renames."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # it died before the call
            os._exit(1)
        return

    def watch():
        while os.getppid() == parent and pid_running(parent):  # Windows keeps the old ppid: ask
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _portable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
