"""`compliance check` runs in a worker process, so that Ctrl-C and SIGTERM stop it at once, even mid-write.

rustpy-xlsxwriter keeps the interpreter for seconds at a time while it saves
(measured: another thread waited up to 3.3 s for its turn while 300,000 rows
were saved; a Ctrl-C at 200,000 rows took 7.6 s to act), and a Python signal
handler runs only when the interpreter is free. So the process the shell
waits for is a light supervisor: it forks right after start-up, before any
file is read, so it shares the imported code and holds no data (a writer
child forked later would have doubled the touched memory: +30 % at
1,000,000 records). The worker runs the check in a process group of its own
and inherits the terminal; the supervisor passes its exit code on.

On Ctrl-C or SIGTERM the supervisor passes the signal on to the worker's
group, which stops and cleans up as usual when it can. A worker that has not
ended after GRACE_SECONDS (busy in the writer) is killed with its whole group
(reader processes included); the supervisor then removes the temporary report
files the worker announced (tempfiles.announce), says "已中止。" and exits
130 or 143. A worker that dies by itself (out of memory) is reported in
Chinese, exit 2.

Where fork is missing (Windows), or the output streams are not real files
(click's CliRunner in tests), the check runs in the process itself; there,
Ctrl-C during the report write takes effect when the write ends. On Windows
the same design would start the worker with subprocess in a Job Object,
which ends the whole tree at once.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
import time
from pathlib import Path

from .errors import CheckAborted
from .leftovers import remove_readers_of
from .orphans import die_with_parent
from . import interrupts
from .interrupts import EXIT_INTERRUPTED, EXIT_TERMINATED
from .problems import message
from .report import tempfiles

GRACE_SECONDS = 1.0
EXIT_CANNOT_RUN = 2


def supervised(command):
    """``command`` run by a worker; the supervisor returns the worker's exit code instead."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        code = supervise()
        return command(*args, **kwargs) if code is None else code

    return run


def supervise() -> int | None:
    """Fork a worker; in the supervisor return the worker's exit code, in the worker (or unsupervised) None."""
    if not _can_fork():
        return None
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the worker: goes on with the check
        os.close(read_end)
        os.setpgid(0, 0)
        _die_with(os.getppid())
        tempfiles.announce_to(write_end)
        interrupts.supervisor_reports = True
        return None
    os.close(write_end)
    try:
        os.setpgid(pid, pid)  # also here: whichever runs first, the group exists before a signal is passed on
    except OSError:
        pass
    return _wait(pid, read_end)


def end_worker(code) -> None:
    """In the worker, once the command has ended: flush the output and leave at once with ``code`` (a
    SystemExit code). Python's own teardown of a finished check (the modules and memory of pandas,
    pyarrow and the records' leftovers) cost 0.2 s at 100,000 records, and nothing is left to do: the
    outputs are written and closed, reader processes joined, each history write committed (a pooled
    store connection holds no transaction). Elsewhere (unsupervised, tests) it returns."""
    if not interrupts.supervisor_reports:
        return
    if code is not None and not isinstance(code, int):  # sys.exit("text"): shown, exit 1, as Python does
        sys.stderr.write(f"{code}\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more can reach it
            pass
    os._exit(code or 0)


def _can_fork() -> bool:
    if not hasattr(os, "fork") or threading.active_count() != 1 \
            or threading.current_thread() is not threading.main_thread():
        return False
    try:
        sys.stdout.fileno()
        sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return False  # captured streams: a forked worker's output would not reach them
    return True


def _die_with(supervisor: int) -> None:
    """kill -9 of the supervisor takes the worker along (Linux; elsewhere the worker finishes its run)."""
    if not die_with_parent(supervisor):
        os._exit(EXIT_CANNOT_RUN)


def _wait(pid: int, announcements: int) -> int:
    received: list[int] = []

    def forward(signum, _frame):
        received.append(signum)
        try:
            os.killpg(pid, signum)
        except OSError:
            pass

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        status = _reap(pid, received)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    temps, written = _announced(announcements)
    if status is None:  # still busy after the grace period: stop it, and clean up after it
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for temp in temps:
            tempfiles.remove(temp)
        remove_readers_of(pid)
        sys.stderr.write(f"\n{_interrupted(written)}\n")
        return EXIT_TERMINATED if signal.SIGTERM in received else EXIT_INTERRUPTED
    code = os.waitstatus_to_exitcode(status)
    if code < 0 or received:  # a reader started as the signal came may not have removed its file yet
        remove_readers_of(pid)
    if code < 0 and not received:  # killed from outside: out of memory, a native crash
        for temp in temps:
            tempfiles.remove(temp)
        sys.stderr.write(f"错误：{CheckAborted(-code, written).message}\n")
        return EXIT_CANNOT_RUN
    if received and (code < 0 or code in (EXIT_INTERRUPTED, EXIT_TERMINATED)):  # stopped, the message left to us
        sys.stderr.write(f"{_interrupted(written)}\n")
        return EXIT_TERMINATED if signal.SIGTERM in received else EXIT_INTERRUPTED
    return code  # also after a signal that came once everything was written: the run ended, not 已中止 (p80 L1)


def _interrupted(written: list[str]) -> str:
    """已中止, and the outputs already written whole before it came (the report, not yet the JSON: probe p87 L5)."""
    said = message("interrupted")
    return said + (f"中止前已完整写好：{'、'.join(written)}；其余未写。" if written else "")


def _reap(pid: int, received: list[int]) -> int | None:
    """The worker's wait status; None when it has not ended GRACE_SECONDS after a signal was passed on.

    Polled (50 times a second, nothing else to do): a blocking wait would resume after the signal's handler.
    """
    first_signal = None
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if received and first_signal is None:
            first_signal = time.monotonic()
        if first_signal is not None and time.monotonic() - first_signal > GRACE_SECONDS:
            return None
        time.sleep(0.02)


def _announced(fd: int) -> tuple[list, list]:
    """(the temporary files the worker said it was writing, the outputs it said were written and in
    place: lines marked "="), read once it has ended or is about to be killed."""
    os.set_blocking(fd, False)
    data = b""
    try:
        while chunk := os.read(fd, 65536):
            data += chunk
    except BlockingIOError:
        pass
    finally:
        os.close(fd)
    lines = [line for line in data.decode("utf-8", "surrogateescape").splitlines() if line]
    written = [line[1:] for line in lines if line.startswith("=")]
    return [Path(line) for line in lines if not line.startswith("=")], written
