"""What a native writer prints as it fails (a Rust panic: "Couldn't write to xml file: Os { code: 28 …}",
"stack backtrace: note: …") is kept off the user's screen: the failure is said in Chinese by the caller,
and the native text goes with the exception, for --debug.

Only in a single-threaded process (the CLI's check): file descriptor 2 is the whole process's, and in the
web server other requests' threads write their logs to it meanwhile."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from contextlib import contextmanager


@contextmanager
def native_stderr_kept():
    if threading.active_count() != 1:
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real stderr (captured in tests): nothing to keep off
        yield
        return
    with tempfile.TemporaryFile() as kept:
        os.dup2(kept.fileno(), 2)
        try:
            yield
        except BaseException as exc:
            os.dup2(saved, 2)
            kept.seek(0)
            said = kept.read(8192).decode("utf-8", "replace").strip()
            if said and hasattr(exc, "add_note"):  # Python 3.11+; on 3.10 the text is dropped with the screen's
                exc.add_note(f"native writer said: {said}")
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
