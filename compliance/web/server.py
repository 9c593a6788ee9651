"""Run the application on waitress: what `compliance serve` starts.

waitress is a production WSGI server written in pure Python, with no C
extension and no fork: it runs the same on the district office's Windows PC
as on Linux. Reports past their time are swept once a minute.

Slow clients: waitress holds a request until it has arrived whole, so a slow
client costs a connection, not a worker. Connections are bounded by
CONNECTION_LIMIT (waitress's default is 100) and a request head by
channel.HEAD_SECONDS; an idle connection closes after IDLE_SECONDS. On Linux
and macOS the loop uses poll(), which has no limit on descriptor numbers;
Windows' select() takes 512 sockets, above CONNECTION_LIMIT.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import shutil
import signal
import socket
import threading
from typing import Callable

from ..config import Config
from ..errors import ComplianceError
from ..workcalendar import WorkCalendar
from .app import MB, create_app, too_large_message
from .channel import GuardedChannel
from .guard import HostPolicy, reachable_addresses

SWEEP_SECONDS = 60
THREADS = 4
CONNECTION_LIMIT = 400
IDLE_SECONDS = 30  # a connection with nothing to say: a browser opens a new one when it needs one


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def make_server(app, host: str, port: int):
    """A waitress server bound to host:port (port 0: any free port)."""
    from waitress.server import BaseWSGIServer, create_server  # start-up time: the app and its tests need no server

    max_body = int(app.config["MAX_CONTENT_LENGTH"]) + MB  # up to here the app answers 413 itself
    channel = type("Channel", (GuardedChannel,),
                   {"too_large": too_large_message(app.extensions["compliance"]["limits"])})
    sockets: dict = {}
    try:
        server = create_server(app, map=sockets, host=host, port=port, threads=THREADS,
                               max_request_body_size=max_body, clear_untrusted_proxy_headers=True,
                               ident="compliance", connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_SECONDS,
                               cleanup_interval=5, asyncore_use_poll=True)
    except OSError as exc:
        raise _bind_error(exc, host, port) from exc
    except ValueError as exc:  # waitress: a host name that resolves to nothing ("Invalid host/port specified")
        raise ComplianceError.of("serve-host-unknown", host=host) from exc
    for listener in sockets.values():
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = channel
    return server


def _bind_error(exc: OSError, host: str, port: int) -> ComplianceError:
    """The operating system's reason in the user's words (its own text is English)."""
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return ComplianceError.of("serve-host-unknown", host=host)
    if exc.errno == errno.EADDRINUSE:
        return ComplianceError.of("serve-port-busy", port=port)
    if exc.errno == errno.EACCES:
        return ComplianceError.of("serve-port-denied", host=host, port=port)
    return ComplianceError.of("serve-cannot-start", host=host, port=port, errno=exc.errno or type(exc).__name__)


def _network_lines(host: str, port: int, allow_hosts) -> list[str]:
    """The addresses other computers can open (each passes the host check), and the names allowed."""
    addresses = reachable_addresses() if host in ("0.0.0.0", "::", "") else [host]
    if addresses:
        lines = ["其他电脑请打开：" + "  ".join(url_for(a, port) for a in addresses)]
    else:
        lines = ["其他电脑请打开 http://本机的IP地址:" f"{port}/（本机的 IP 地址可在命令提示符中运行 ipconfig 查看）"]
    if allow_hosts:
        lines.append("也可以用这些名称打开：" + "  ".join(url_for(n, port) for n in allow_hosts))
    else:
        lines.append("要用电脑名或内网域名打开，请在启动时加 --allow-host 名称（可重复）；其他名称一律拒绝。")
    return lines


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def serve(config: Config, calendar: WorkCalendar, host: str, port: int, echo: Callable[[str], None],
          allow_hosts: tuple[str, ...] = (), history=None) -> None:
    """Serve until Ctrl-C; then stop and delete every upload and report. ``history``: the store whose
    trend and open items the page shows after a self-check (read-only)."""
    logging.getLogger("waitress").setLevel(logging.ERROR)
    app = create_app(config, calendar, hosts=HostPolicy.for_server(host, allow_hosts), history=history)
    work = app.extensions["compliance"]["work_dir"]
    store = app.extensions["compliance"]["store"]
    server = make_server(app, host, port)
    stop = threading.Event()

    def sweep():
        while not stop.wait(SWEEP_SECONDS):
            store.sweep()

    threading.Thread(target=sweep, name="report-sweeper", daemon=True).start()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop cleans up like Ctrl-C
    actual_port = server.effective_port
    echo(f"网页版已启动，请用浏览器打开：{url_for(host, actual_port)}")
    if not is_loopback(host):
        echo(f"注意：本服务监听 {host}，同一网络中的其他电脑也可以访问（无需登录）。")
        for line in _network_lines(host, actual_port, allow_hosts):
            echo(line)
    else:
        echo("只有本机可以访问。要让各单位的电脑也能打开，请加 --host 0.0.0.0。")
    if history is not None:
        echo(f"历史库：{history.label}（只读）。各单位自查后可看到本单位历次及时公开率和仍未整改的事项。")
    echo(f"上传上限：{config.web.max_files} 个文件、合计 {config.web.max_upload_mb:g} MB；"
         f"报告保留 {config.web.report_ttl_minutes:g} 分钟。按 Ctrl+C 停止。")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.close()
        shutil.rmtree(work, ignore_errors=True)
    echo("网页服务已停止，上传的文件和报告已删除。")
