"""Run the application on waitress: what `compliance serve` starts.

waitress is a production WSGI server written in pure Python, with no C
extension and no fork: it runs the same on the district office's Windows PC
as on Linux. Reports past their time are swept once a minute.
"""

from __future__ import annotations

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
from .app import MB, create_app

SWEEP_SECONDS = 60
THREADS = 4


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
    from waitress.server import create_server  # start-up time: the app and its tests need no server

    max_body = int(app.config["MAX_CONTENT_LENGTH"]) + MB  # the app answers 413 itself
    try:
        return create_server(app, host=host, port=port, threads=THREADS, max_request_body_size=max_body,
                             clear_untrusted_proxy_headers=True, ident="compliance")
    except OSError as exc:
        raise ComplianceError(f"无法在 {host}:{port} 启动网页服务（{exc.strerror or exc}）。"
                              "端口可能已被占用，请用 --port 换一个端口") from exc


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def serve(config: Config, calendar: WorkCalendar, host: str, port: int, echo: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; then stop and delete every upload and report."""
    logging.getLogger("waitress").setLevel(logging.ERROR)
    app = create_app(config, calendar)
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
        echo(f"其他电脑请打开：http://{socket.gethostname()}:{actual_port}/（或本机的 IP 地址）")
    else:
        echo("只有本机可以访问。要让各单位的电脑也能打开，请加 --host 0.0.0.0。")
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
