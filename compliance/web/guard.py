"""Which Host and Origin a request may carry: defence against DNS rebinding and cross-site posts.

A web page the operator happens to visit can make the browser talk to this
server in two ways. It can post a form to it (a cross-site request: the
browser sends an ``Origin`` that is not this server's), or it can point a
name it controls at 127.0.0.1 and then read the answers as its own (DNS
rebinding: the browser sends that name in ``Host``). So:

- ``Host`` must be a name or address the server was started for: on
  127.0.0.1, ``localhost`` and the loopback addresses; on ``0.0.0.0``, also
  every address of this machine (an address literal cannot be rebound), the
  machine's own name, and the names given with ``--allow-host``.
- A request that changes something (POST) must come from this server's own
  page: an ``Origin`` (or, failing that, a ``Referer``) naming another site
  is refused. Scripts that send neither (curl, the README's API examples)
  are still served.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, request

WILDCARD = {"0.0.0.0", "::", ""}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Private ranges whose route shows this machine's address on that network (no packet is sent).
PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255", "100.127.255.255")


def split_host(value: str) -> str:
    """'Example.COM:8000' -> 'example.com'; '[::1]:8000' -> '::1'; the port is not part of the check."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value[1:]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def _ip(text: str):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def is_local_address(text: str) -> bool:
    """True when ``text`` is an address of this machine: the system lets a socket bind to it."""
    address = _ip(text)
    if address is None:
        return False
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.bind((str(address), 0))
        return True
    except OSError:
        return False


def reachable_addresses() -> list[str]:
    """This machine's IPv4 addresses that other computers on the network can use (not loopback)."""
    found = set()
    try:
        found |= {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        pass
    for target in PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((target, 9))  # UDP: chooses a route, sends nothing
                found.add(probe.getsockname()[0])
            except OSError:
                continue
    usable = [a for a in found if (ip := _ip(a)) and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified)]
    return sorted(usable, key=lambda a: tuple(int(p) for p in a.split(".")))


@dataclass(frozen=True)
class HostPolicy:
    """The Host names a server started on ``bound`` answers to; ``names`` come from --allow-host."""

    bound: str = "127.0.0.1"
    names: frozenset[str] = frozenset()

    @classmethod
    def for_server(cls, bound: str, names=()) -> "HostPolicy":
        return cls(split_host(bound) if bound not in WILDCARD else bound, frozenset(split_host(n) for n in names))

    def allows(self, host_header: str | None) -> bool:
        host = split_host(host_header or "")
        if not host:
            return False
        if host in self.names or host == self.bound:
            return True
        address = _ip(host)
        loopback = host == "localhost" or (address is not None and address.is_loopback)
        bound_ip = _ip(self.bound)
        if self.bound == "localhost" or (bound_ip is not None and bound_ip.is_loopback):
            return loopback
        if self.bound in WILDCARD:
            return loopback or is_local_address(host) or host == socket.gethostname().lower()
        return host == socket.gethostname().lower() or (address is not None and address == bound_ip)


def install(app: Flask, policy: HostPolicy, refuse) -> None:
    """Check every request before it reaches a view; ``refuse(message, status, code)`` answers."""

    def check():
        host = request.headers.get("Host", "")
        if not policy.allows(host):
            shown = host[:80] or "（空）"
            return refuse(f"这个地址（{shown}）不是本服务允许的访问地址，已拒绝。请用启动时屏幕上打印的地址打开；"
                          f"如需用这个名称访问，请在启动 compliance serve 时加上 --allow-host {split_host(shown)}",
                          403, "host-not-allowed")
        if request.method not in SAFE_METHODS and _cross_site(host):
            return refuse("拒绝来自其他网站的提交：只能在本服务自己的网页上上传表格。", 403, "cross-site-request")
        return None

    app.before_request(check)


def _cross_site(host: str) -> bool:
    """A browser's request sent from a page of another origin (another host, port or scheme)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return True
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if source is None:
        return False  # not from a browser page: a script, which no web page can make a browser be
    parts = urlsplit(source)
    return source == "null" or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower()
