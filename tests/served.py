"""A real `compliance serve` in a subprocess on a free port, and plain-socket clients for it."""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`compliance serve ARGS` started in ``cwd``; ``stop()`` sends Ctrl-C and returns (stdout, stderr)."""

    def __init__(self, cwd: Path, *args: str, port: int | None = None, tmpdir: Path | None = None):
        self.port = port or free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **({"TMPDIR": str(tmpdir)} if tmpdir else {})}
        self.proc = subprocess.Popen([sys.executable, "-m", "compliance", "serve", *args, "--port", str(self.port)],
                                     cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                if self.get("/api/info", timeout=2)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.proc.kill()
        raise AssertionError(f"serve did not answer: {self.proc.communicate()}")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 60) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def upload(self, files: list[tuple[str, bytes]], fields: dict | None = None, headers: dict | None = None,
               timeout: float = 120) -> tuple[int, dict]:
        body, content_type = multipart(files, fields or {})
        status, _, data = self.request("POST", "/api/check", body,
                                       {"Content-Type": content_type, **(headers or {})}, timeout)
        return status, json.loads(data)

    def stop(self) -> tuple[str, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        return self.proc.communicate(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.stop()
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


def multipart(files: list[tuple[str, bytes]], fields: dict) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it (file names as UTF-8)."""
    boundary = "----compliance" + secrets.token_hex(8)
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for filename, data in files:
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8")
        parts.append(head + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
