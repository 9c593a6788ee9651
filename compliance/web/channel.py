"""waitress connections that slow clients cannot use to lock everyone out, and its refusals in Chinese JSON.

waitress reads requests on one thread with non-blocking sockets, and hands a
request to a worker thread only once it has arrived whole: a slow client
costs a connection, never a worker. What it does not bound is how long a
request head may take (its timeout fires only after a silence), so a client
that sends one header byte a second keeps its connection for ever, and 100
such clients (the default connection limit) shut everyone else out. Here:

- a request head must be complete within HEAD_SECONDS of its first byte,
  or the connection is closed (checked on every turn of waitress's loop);
- waitress's own refusals (413 for an upload past the limit before the
  application sees it, 400, 431) answer with the page's JSON and a Chinese
  message, and the connection lingers a little, reading and discarding what
  the browser is still sending, so that the browser reads the answer instead
  of a reset connection.
"""

from __future__ import annotations

import json
import socket
import time

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask
from waitress.utilities import Error

from ..errors import ServerStorageError

HEAD_SECONDS = 10  # a browser sends its request head in one packet; 10 s is generous on any network
LINGER_SECONDS = 30  # how long a refused upload may go on being sent (50 MB at 15 Mbit/s)

MESSAGES = {431: "请求头太长，已拒绝。", 400: "请求格式有误，已拒绝。"}


class StorageError(Error):
    """The server's disk cannot buffer an upload (waitress spools bodies past 512 KB to a temporary file)."""

    def __init__(self, fault: ServerStorageError):
        super().__init__(fault.message)
        self.code, self.reason = fault.status, "Insufficient Storage" if fault.status == 507 else "Unavailable"


class JsonErrorTask(ErrorTask):
    """waitress's plain-text English errors, as the page's ``{"error": {"code", "message"}}``."""

    def execute(self):
        error = self.request.error
        code = f"http-{error.code}"
        message = MESSAGES.get(error.code, "请求有误，已拒绝。")
        if error.code == 413:
            code, message = "upload-too-large", self.channel.too_large
        if isinstance(error, StorageError):
            code, message = ServerStorageError.code, error.body
        self.channel.linger_wanted = error.code in (413, 503, 507)  # the browser is still sending
        body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode("utf-8")
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "application/json; charset=utf-8"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class GuardedChannel(HTTPChannel):
    error_task_class = JsonErrorTask
    too_large = "上传的文件太大。"  # make_server sets the application's own message
    head_started: float | None = None
    linger_wanted = False
    linger_until: float | None = None

    def received(self, data):
        try:
            result = super().received(data)
        except OSError as exc:  # the body's temporary file: the disk is full
            return self._refuse(StorageError(ServerStorageError(exc)))
        partial = self.request is not None and not self.request.headers_finished
        if not partial:
            self.head_started = None
        elif self.head_started is None:
            self.head_started = time.monotonic()
        return result

    def _refuse(self, error) -> bool:
        """Answer the request being received with ``error``, as waitress does with its own."""
        with self.requests_lock:
            request = self.request or self.parser_class(self.adj)
            request.error, request.completed = error, True
            self.request, self.head_started = None, None
            self.requests.append(request)
            if len(self.requests) == 1:
                self.server.add_task(self)
        return True

    def readable(self):
        if self.linger_until is not None:
            if time.monotonic() > self.linger_until:
                self.linger_until = 0.0  # done lingering: writable() now lets handle_write close it
                self.will_close = True
                return False
            return True
        if self.head_started is not None and time.monotonic() - self.head_started > HEAD_SECONDS:
            self.head_started = None
            self.will_close = True  # a head that trickles in is not a visitor: close it
            return False
        return super().readable()

    def handle_read(self):
        if self.linger_until is None:
            return super().handle_read()
        try:
            if self.socket.recv(1 << 16):  # discarded
                return
        except OSError:
            pass
        self._close_now()  # the client is done (or gone)

    def handle_close(self):
        if self.linger_wanted and self.linger_until is None and self.connected:
            self._linger()
        else:
            self._close_now()

    def _linger(self):
        """The answer is sent: say so (FIN), then drain what the client still sends, for a while."""
        try:
            self.socket.shutdown(socket.SHUT_WR)
        except OSError:
            return self._close_now()
        self.will_close = self.close_when_flushed = False
        self.linger_until = time.monotonic() + LINGER_SECONDS

    def _close_now(self):
        self.linger_wanted = False
        super().handle_close()
