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
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from .errors import ComplianceError, FileFault, library_reason
from .ingest.digest import file_sha256
from .ingest.load import OwnFiles, read_all

LOCAL_WORKERS = max(1, min(4, os.cpu_count() or 1))  # one per core, few: each also starts read children
LOCAL_WORKER_MEMORY = "2GiB"  # per worker; left to itself distributed gives each worker half the machine
CONNECT_SECONDS = 10


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = LOCAL_WORKERS, memory_limit: str = LOCAL_WORKER_MEMORY):
    """A client of the cluster at ``scheduler``, or of a LocalCluster on this machine, closed at the end."""
    import dask  # start-up time: only --engine dask needs them
    from distributed import Client, LocalCluster  # start-up time, likewise

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ComplianceError.of("dask-scheduler-unreachable", address=scheduler,
                                     reason=library_reason(f"{type(exc).__name__}: {exc}")) from exc
        cluster = None
    else:
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   memory_limit=memory_limit, dashboard_address=None,
                                   silence_logs=logging.CRITICAL)  # a worker's heartbeat lost at shutdown is no news
        client = Client(cluster)
    try:
        _refuse_daemonic_workers(client, scheduler)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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
        futures = client.map(read_one, files, config=config, own=own, pure=False)
        index = {future.key: number for number, future in enumerate(futures)}
        pending = as_completed(futures)
        del futures  # each result is released on the workers once it is here
        results: list = [None] * len(files)
        for done, future in enumerate(pending, start=1):
            number = index[future.key]
            results[number] = _same_file(future.result(), files[number], digests[number])
            future.release()
            if progress:
                progress(done, len(files), str(files[number]))
        return results

    return read


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
