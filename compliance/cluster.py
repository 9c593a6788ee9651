"""``--engine dask``: the files are read on a Dask cluster, one task per file; the check itself is the same.

Each task reads its file exactly as the pandas engine does, in a child process
of the worker within the read limits (ingest/isolate.py), so a file that
crashes its native reader costs only that file: the worker survives, and
distributed never retries the file on other workers until ``KilledWorker``.
That child is why workers must not be daemonic (a daemonic process may not
start children): the LocalCluster is started so, and ``dask worker`` on other
machines needs ``DASK_DISTRIBUTED__WORKER__DAEMON=False`` (checked on connect).

The records come back to this process, which then runs the pandas engine's
steps (repeats, deadlines, the website lists, the summary) and all its
reconciliation checks: the answers are the pandas engine's by construction.
The read child's memory is outside the Dask worker's memory accounting: a
worker's limit bounds what the worker holds, the read limit bounds the child.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import warnings
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable

from .errors import ComplianceError, FileFault, library_reason
from .ingest.digest import file_sha256
from .ingest.load import InputFile, OwnFiles, read_all
from .relabel import relabel_inputs

LOCAL_WORKERS = max(1, min(4, os.cpu_count() or 1))  # one per core, few: each also starts read children
CONNECT_SECONDS = 10
WORKERS_SECONDS = 30  # a scheduler with no worker: said, never waited on for ever


def local_worker_memory(workers: int = LOCAL_WORKERS) -> int:
    """Bytes per worker: 60 % of this machine's memory shared among the workers, at least 2 GiB (the rest is
    this process's, which writes the report). Explicit: left to itself distributed gives each its share of
    the whole machine, and a worker past its limit is restarted (a 1,000,000-row CSV holds 2 GiB as records)."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") if hasattr(os, "sysconf") else 0
    return max(2 << 30, int(total * 0.6) // max(workers, 1))


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = LOCAL_WORKERS, memory_limit: int | str | None = None):
    """A client of the cluster at ``scheduler``, or of a LocalCluster on this machine (``memory_limit`` per worker:
    local_worker_memory by default), closed at the end."""
    import dask  # start-up time: only --engine dask needs them
    from distributed import Client, LocalCluster  # start-up time, likewise

    with ExitStack() as stack:
        # distributed's own log lines are English and about its machinery (a key regathered, a worker
        # restarted): what a file's reading cost is said per file (read_one), in Chinese
        stack.enter_context(_quiet_logger("distributed"))
        stack.enter_context(warnings.catch_warnings())
        warnings.filterwarnings("ignore", message=r"Port \d+ is already in use")  # its status page: not ours
        if scheduler:
            client = _connect(Client, scheduler)
            stack.callback(client.close)
        else:
            # held while the cluster lives: a worker restarted (past its memory limit) must come back able to
            # start its read children too, as the first ones were
            stack.enter_context(dask.config.set({"distributed.worker.daemon": False}))
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   memory_limit=memory_limit or local_worker_memory(workers), dashboard_address=None,
                                   silence_logs=logging.CRITICAL)  # a worker's heartbeat lost at shutdown is no news
            stack.callback(cluster.close)
            client = Client(cluster)
            stack.callback(client.close)
        _refuse_daemonic_workers(client, scheduler)
        yield client


def _connect(Client, scheduler: str):
    """A client of the scheduler at ``scheduler`` that has a worker; said in Chinese when it cannot be."""
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:  # TypeError: ucx://, tls:// without their setup
        raise ComplianceError.of("dask-scheduler-unreachable", address=scheduler,
                                 reason=library_reason(f"{type(exc).__name__}: {exc}")) from exc
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except (TimeoutError, OSError) as exc:
        client.close()
        raise ComplianceError.of("dask-no-workers", address=scheduler, seconds=WORKERS_SECONDS) from exc
    return client


@contextmanager
def _quiet_logger(name: str):
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _is_daemon() -> bool:
    return bool(mp.current_process().daemon)


def _refuse_daemonic_workers(client, scheduler: str | None) -> None:
    daemonic = [address for address, daemon in client.run(_is_daemon).items() if daemon]
    if daemonic:
        raise ComplianceError.of("dask-worker-daemon", address=scheduler or "LocalCluster",
                                 workers="、".join(daemonic))


def cluster_reader(client) -> Callable:
    """A ``read`` for ingest.load: every file a task on the cluster, results in the files' order."""

    def read(files: list[Path], config, progress=None, own=None) -> list:
        from distributed import as_completed  # start-up time: only --engine dask needs it

        digests = [file_sha256(path) for path in files]  # what this machine sees: the workers must see it too
        # a worker started in another folder reads a relative path from there: each is sent whole, and its
        # records and notes say it as given
        whole = [path if path.is_absolute() else Path.cwd() / path for path in files]
        futures = client.map(read_one, whole, config=config, own=own, pure=False)
        index = {future.key: number for number, future in enumerate(futures)}
        pending = as_completed(futures)
        del futures  # each result is released on the workers once it is here
        results: list = [None] * len(files)
        for done, future in enumerate(pending, start=1):
            number = index[future.key]
            results[number] = _same_file(_result(future, files[number]), files[number], digests[number])
            if whole[number] != files[number]:
                relabel_inputs(results[number][1], [results[number][0]], {str(whole[number]): str(files[number])})
            future.release()
            if progress:
                progress(done, len(files), str(files[number]))
        return results

    return read


def _result(future, path: Path):
    """The task's answer; a file whose worker died reading it (past the worker's memory, every retry) is that
    file not read, never the run's end."""
    import distributed.client  # start-up time: only --engine dask needs it
    from distributed.scheduler import KilledWorker  # likewise

    # FutureCancelledError is newer than the lowest distributed this package allows (pyproject.toml)
    cancelled = getattr(distributed.client, "FutureCancelledError", KilledWorker)
    try:
        return future.result()
    except (KilledWorker, cancelled) as exc:
        entry = InputFile(str(path), file_sha256(path))
        entry.error = FileFault("dask-worker-died", path, detail=f"{type(exc).__name__}: {exc}")
        return entry, []


def read_one(path: Path, config, own):
    """On a worker: one file, read in a child of the worker as the pandas engine reads it."""
    return read_all([path], config, None, own or OwnFiles())[0]


def _same_file(result, path: Path, digest: str | None):
    """A worker that read another file, or none, under this path (no shared storage): the file is not read."""
    entry, frames = result
    if digest is not None and entry.sha256 != digest:
        entry.error = FileFault("dask-workers-elsewhere", path, seen=entry.sha256 or "（读不到）",
                                expected=digest)
        entry.sheets, entry.notes, frames = [], [], []
    return entry, frames
