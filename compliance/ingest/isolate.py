"""Each file is read in a process of its own, within bounds of memory and time.

A reader can fail in ways no ``except`` catches: calamine aborts the whole
process when an allocation fails (one character at XFD1048576 asks for
512 GiB), and a hostile file can make a parser run for ever. So every file,
also a single one and every web upload, is read in a child process that may
die alone: its address space may grow by at most ``max_read_memory_mb``
(RLIMIT_AS) and it is killed after ``max_read_seconds``. The file is then
reported as not read, with the bound it passed, and the other files go on.

Children are forked when the process has a single thread (the CLI: a few
milliseconds each); a multi-threaded process (the web server) starts them
from a fork server, since forking a process whose other threads may hold
locks can deadlock the child. Windows has neither: see docs/limits.md.
At most ``WORKERS`` children run at once in the whole process, whatever the
number of concurrent checks, so the bound on memory is WORKERS x the limit.
"""

from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import pickle
import signal
import tempfile
import threading
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable

from ..errors import FileFault, ReconciliationError
from ..leftovers import READER_PREFIX, sweep_dead, tag
from ..orphans import die_with_parent
from .limits import DEFAULT_MAX_READ_MEMORY_MB, DEFAULT_MAX_READ_SECONDS

WORKERS = min(2, os.cpu_count() or 1)
_SLOTS = threading.BoundedSemaphore(WORKERS)  # children of this process, across concurrent checks
_ALLOCATION_FAILED = b"memory allocation of"  # what Rust prints before it aborts


@dataclass(frozen=True)
class ReadLimits:
    memory_mb: int = DEFAULT_MAX_READ_MEMORY_MB
    seconds: float = DEFAULT_MAX_READ_SECONDS


@dataclass
class _Child:
    index: int
    process: mp.process.BaseProcess
    connection: object
    deadline: float
    stderr: str  # the child's standard error, kept in a file: Rust's dying words say why
    killed: bool = False  # by us, at its deadline


def read_isolated(files: list[Path], work: Callable, failed: Callable, limits: ReadLimits,
                  progress: Callable[[int], None] | None = None) -> list:
    """``work(path)`` for every file, each in a child; ``failed(path, code, detail, **values)`` when one dies."""
    _sweep_once()
    context = _context()
    results: dict[int, object] = {}
    queue, running = deque(range(len(files))), []
    try:
        _read_all(files, work, failed, limits, progress, context, results, queue, running)
    finally:
        _abandon(running)  # Ctrl-C or SIGTERM: no reader left running, no stderr file left in the temp folder
    return [results[i] for i in range(len(files))]


def _read_all(files, work, failed, limits, progress, context, results, queue, running) -> None:
    while queue or running:
        while queue and (_SLOTS.acquire(timeout=0.2) if not running else _SLOTS.acquire(blocking=False)):
            try:
                child = _start(context, files[queue[0]], queue.popleft(), work, limits)
            except BaseException:
                _SLOTS.release()
                raise
            running.append(child)
        if not running:
            continue
        now = time.monotonic()
        ready = wait([c.connection for c in running] + [c.process.sentinel for c in running],
                     timeout=max(0.0, min(c.deadline for c in running) - now) + 0.01)
        for child in [c for c in running if c.connection in ready or c.process.sentinel in ready
                      or time.monotonic() > c.deadline]:
            running.remove(child)
            try:
                results[child.index] = _finish(child, files[child.index], failed, limits)
            finally:
                _SLOTS.release()
            if progress:
                progress(child.index)


def _abandon(running: list, release: bool = True) -> None:
    for child in running:
        if child.process.pid is not None:
            if child.process.is_alive():
                child.process.kill()
            child.process.join()
        child.connection.close()
        _read_and_remove(child.stderr)
        if release:
            _SLOTS.release()
    running.clear()


_swept = False


def _sweep_once() -> None:
    """The stderr files of readers whose check was killed with kill -9 (leftovers.py), once a process."""
    global _swept
    if not _swept:
        _swept = True
        sweep_dead(Path(tempfile.gettempdir()), READER_PREFIX, lambda name: name.endswith(".txt"),
                   lambda path: path.unlink(missing_ok=True))


def _context():
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        context = mp.get_context("forkserver")
        context.set_forkserver_preload(["compliance.ingest.load"])
        return context
    return mp.get_context("spawn")


def _start(context, path: Path, index: int, work: Callable, limits: ReadLimits) -> _Child:
    receive, send = context.Pipe(duplex=False)
    handle, stderr = tempfile.mkstemp(prefix=READER_PREFIX + tag(), suffix=".txt")
    os.close(handle)
    # A forked child holds a copy of the read end too: it closes it, so that its write fails, rather
    # than blocking for ever, when the check that would read it is gone.
    inherited = receive if context.get_start_method() == "fork" else None
    process = context.Process(target=_child, args=(send, work, path, limits.memory_mb, stderr, inherited),
                              daemon=True)
    try:
        with _signals_held() if context.get_start_method() == "fork" else nullcontext():
            process.start()  # a fork server (the web server) forks elsewhere: it must never inherit the mask
    except BaseException:  # Ctrl-C while starting: the caller never sees this child
        _abandon([_Child(index, process, receive, 0.0, stderr)], release=False)
        raise
    finally:
        send.close()
    return _Child(index, process, receive, time.monotonic() + limits.seconds, stderr)


_STOPS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM wait while a child is forked: one that reached the child before it ignores
    Ctrl-C would print a traceback on the user's terminal. The child lets them in again (_quiet)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, no mask
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


_ANSWER = None  # in a reader child: the connection its answer goes back on (finish_early)


def finish_early(result) -> None:
    """In a reader child, from any thread: send ``result`` as the child's answer and end the child now.

    A guard that finds a file past a bound while a native parse still runs (it cannot be
    interrupted) refuses the file at once instead of after the parse. Outside a reader child
    (reading in-process, tests) it does nothing, and the caller goes on to raise as usual.
    """
    if _ANSWER is None:
        return
    _ANSWER.send_bytes(pickle.dumps(("ok", result), protocol=pickle.HIGHEST_PROTOCOL))
    _ANSWER.close()
    os._exit(0)


def _child(connection, work: Callable, path: Path, memory_mb: int, stderr: str, inherited=None) -> None:
    global _ANSWER
    die_with_parent()  # a killed check must not leave its readers blocked on a pipe nobody reads
    if inherited is not None:
        inherited.close()
    _quiet(stderr)
    armed = _watch_memory()  # before the bound: the watch's own thread stack and malloc arena are not the reader's
    armed(_limit_memory(memory_mb))
    _ANSWER = connection
    try:
        payload = pickle.dumps(("ok", work(path)), protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        payload = pickle.dumps(("memory", None))
    except ReconciliationError as exc:  # a counting bug is the run's, never one file's fault
        payload = pickle.dumps(("reconciliation", exc.message))
    connection.send_bytes(payload)
    connection.close()


def _quiet(stderr: str) -> None:
    """A crashing native reader prints its own dump: kept for --debug, never shown to a user."""
    faulthandler.disable()
    handle = os.open(stderr, os.O_WRONLY | os.O_TRUNC)
    os.dup2(handle, 2)
    os.close(handle)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # held while forking (_signals_held)
    os.environ["RUST_BACKTRACE"] = "0"  # Rust's dying words in one line, not a 90-frame backtrace


def _limit_memory(memory_mb: int) -> int | None:
    """RLIMIT_AS: the address space may grow by ``memory_mb`` from where the child starts; the bytes it may
    reach, or None where it cannot be bounded."""
    try:
        import resource  # POSIX only: on Windows the time bound holds, the memory bound is designed (docs)

        limit = _address_space() + memory_mb * (1 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
        return limit
    except (ImportError, OSError, ValueError):  # no /proc or no RLIMIT_AS (macOS): time is still bounded
        return None


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


NEAR_LIMIT = b"\nMemoryError: the reader came within 5 % of its address-space limit\n"
# A native reader whose one large allocation is refused dies by a signal well before the 5 % line
# (pandas 2.0's factorize at about 94 % of its room, probe of CI's lower-bound run): past half the room,
# a doubling buffer's next step can already be refused.
PAST_HALF = b"\nmemory: the reader passed half of its address-space limit\n"


def _watch_memory() -> Callable[[int | None], None]:
    """A native reader that meets the bound may die by SIGSEGV without a word (a thread's stack, an unchecked
    allocation): the child's standard error then says nothing, and the file would be called damaged. A watch
    that sees the address space near the bound says so first (_died reads it as the memory bound). Returns
    the call that arms it with the bound (None: no bound, no watch)."""
    armed, ready = [], threading.Event()

    def watch():
        _address_space()  # the thread's first allocations, made before the bound is measured
        ready.set()
        while not armed:
            time.sleep(0.005)
        half, near = armed[0]
        while near is not None:
            try:
                used = _address_space()
                if half is not None and used > half:
                    os.write(2, PAST_HALF)
                    half = None
                if used > near:
                    os.write(2, NEAR_LIMIT)
                    return
            except (OSError, ValueError):
                return
            time.sleep(0.02)

    threading.Thread(target=watch, daemon=True, name="memory-watch").start()
    ready.wait(1.0)

    def arm(limit: int | None) -> None:
        if limit is None:
            armed.append((None, None))
            return
        room = limit - _address_space()
        armed.append((limit - room // 2, limit - room // 20))  # past half the room; within 5 % of it
    return arm


def _finish(child: _Child, path: Path, failed: Callable, limits: ReadLimits):
    payload = None
    if child.connection.poll():
        try:
            payload = pickle.loads(child.connection.recv_bytes())
        except (EOFError, OSError):
            payload = None
    if payload is None and time.monotonic() > child.deadline and child.process.is_alive():
        child.process.kill()  # past its deadline (a dead child's pipe can close before its exit is seen)
        child.killed = True
    child.process.join()
    child.connection.close()
    said = _read_and_remove(child.stderr)
    if payload is None:
        return _died(child, path, failed, limits, said)
    if payload[0] == "memory":
        return failed(path, "read-memory-limit", said or "MemoryError", limit_mb=limits.memory_mb)
    if payload[0] == "reconciliation":
        fault = ReconciliationError.__new__(ReconciliationError)
        Exception.__init__(fault, payload[1])
        fault.message = payload[1]
        raise fault
    return payload[1]


def _died(child: _Child, path: Path, failed: Callable, limits: ReadLimits, said: str):
    code = child.process.exitcode
    detail = f"exit code {code}; stderr: {said}"
    if child.killed:
        return failed(path, "read-time-limit", detail, seconds=limits.seconds)
    if said.encode(errors="replace").find(_ALLOCATION_FAILED) >= 0 or "MemoryError" in said:
        return failed(path, "read-memory-limit", detail, limit_mb=limits.memory_mb)
    if code is not None and code < 0 and PAST_HALF.decode().strip() in said:  # a signal, with the bound near
        return failed(path, "read-memory-limit", detail, limit_mb=limits.memory_mb)
    return failed(path, "read-aborted", detail)


def _read_and_remove(path: str) -> str:
    """What the child said on stderr: its first and last 4 KB (the cause comes first, a backtrace after)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(handle.tell(), os.fstat(handle.fileno()).st_size - 4096))
            tail = handle.read()
            return (head + (b" ... " if tail else b"") + tail).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def fault_entry(entry_type, digest: Callable) -> Callable:
    """A ``failed`` callback that builds the file's entry with its fault."""
    def failed(path: Path, code: str, detail: str, **values):
        entry = entry_type(str(path), digest(path))
        entry.error = FileFault(code, path, detail=detail, **values)
        return entry, []
    return failed
