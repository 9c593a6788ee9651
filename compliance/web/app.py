"""The Flask application: the page, and the JSON API it calls.

Every answer comes from the functions behind the CLI: ``api.check`` and
``api.write_outputs`` for a check; ``deadline_payload`` for a deadline;
``WorkCalendar.describe`` for the calendar. Parameters are read by the
parameter types the CLI uses (params.py), so a bad value gets the CLI's message.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import secrets
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

import click
from flask import Flask, Response, current_app, g, request, send_file
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..version import __version__
from ..api import check as run_check, write_outputs
from ..clock import china_now
from ..config import Config
from ..deadline_info import deadline_payload
from ..errors import CalendarNotCovered, ComplianceError, ServerStorageError
from ..problem_types import READER, WEB
from ..problems import message
from ..params import CliDate, Days, Month, RuleName
from ..report import tempfiles
from ..report.paths import REPORT_PREFIX, default_name, safe_name
from ..report.scope import out_of_scope_text
from ..rules import PROFILES, from_options
from ..status import FLAGGED, STATUS_LABELS, STATUS_MEANINGS
from ..workcalendar import WorkCalendar
from .guard import HostPolicy, install as install_guard
from .history import UNAVAILABLE, read_history, upload_units
from .reports import ReportStore
from .uploads import relabel, save_uploads, scrub, upload_name

STATIC = Path(__file__).resolve().parent / "static"
MB = 1 << 20


class BadInput(Exception):
    """A request the API refuses: a status code and a Chinese message."""

    def __init__(self, message: str, status: int = 400, code: str = "bad-input"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


def error_response(message: str, status: int, code: str) -> Response:
    return json_response({"error": {"code": code, "message": message}}, status)


def json_response(payload: dict, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return Response(body, status=status, mimetype="application/json")


def _param(name: str, kind: click.ParamType, label: str):
    """A form or query value read as the CLI reads it; blank means not given."""
    source = request.form if request.method == "POST" else request.args
    value = source.get(name, "").strip()
    if not value:
        return None
    try:
        return kind.convert(value, None, None)
    except click.BadParameter as exc:
        raise BadInput(f"{label}的值无效：{exc.message}") from exc


def create_app(config: Config | None = None, calendar: WorkCalendar | None = None, *,
               work_dir: str | Path | None = None, now: Callable[[], dt.datetime] = china_now,
               clock: Callable[[], float] = time.monotonic, hosts: HostPolicy | None = None,
               history=None) -> Flask:
    """The application. ``now`` gives the run date (the as-of date may not pass it);
    ``clock`` times the reports' expiry; both are injected for tests. ``hosts``: the Host names
    it answers to (default: this machine's loopback only; see guard.py). ``history``: a HistoryStore
    (`serve --db`) whose trend and open items a self-check shows for its own units, read-only."""
    config = config or Config()
    web = config.web
    if work_dir is None:
        tempfiles.sweep_web_folders()  # what a server killed with kill -9 left: uploads are people's data
    work = Path(work_dir) if work_dir else tempfiles.new_web_folder()
    (work / "uploads").mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, static_folder=str(STATIC), static_url_path="/static")
    app.config["MAX_CONTENT_LENGTH"] = int(web.max_upload_mb * MB)
    app.config["MAX_FORM_PARTS"] = web.max_files + 20  # files plus the few form fields
    app.extensions["compliance"] = {
        "store": ReportStore(work / "reports", web.report_ttl_minutes * 60, clock, int(web.max_reports_mb * MB)),
        "work_dir": work,
        "calendar": calendar or WorkCalendar(), "config": config, "now": now, "history": history,
        "limits": f"单次最多上传 {web.max_files} 个文件、合计不超过 {web.max_upload_mb:g} MB"}
    app.register_error_handler(BadInput, lambda exc: error_response(exc.message, exc.status, exc.code))
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(OSError, _os_error)
    app.register_error_handler(Exception, _internal_error)
    install_guard(app, hosts or HostPolicy(), refusal)
    app.after_request(_headers)
    app.add_url_rule("/", view_func=_index, methods=["GET"])
    app.add_url_rule("/api/info", view_func=_info, methods=["GET"])
    app.add_url_rule("/api/calendar", view_func=_calendar_info, methods=["GET"])
    # Every message the page shows says what a clerk can do, and names the server's files without their
    # paths (problem_types.WEB_WORDING); the context is the request's thread's, reset when it ends.
    app.before_request(lambda: setattr(g, "reader", READER.set(WEB)))
    app.teardown_request(lambda _error: READER.reset(g.reader) if "reader" in g else None)
    app.add_url_rule("/api/deadline", view_func=_deadline, methods=["GET"])
    app.add_url_rule("/api/check", view_func=_check, methods=["POST"])
    app.add_url_rule("/reports/<token>", view_func=_report, methods=["GET"])
    if history is not None:
        app.add_url_rule("/api/history/<token>", view_func=_history, methods=["GET"])
    app.add_url_rule("/template", view_func=_template, methods=["GET"])
    return app


def _state() -> dict:
    return current_app.extensions["compliance"]


def too_large_message(limits: str) -> str:
    """Said by the app and by the server (an upload refused before it reaches the app)."""
    return (f"上传的文件太大：{limits}。多个文件请分几次上传；一个文件就超过上限的，请交区政府办用命令行 "
            "compliance check 检查，或请区政府办调整 compliance.toml 中的 [web] 设置。")


def _too_large(_exc):
    # The form-parts bound (MAX_FORM_PARTS) stops a request of many small files before the app counts them:
    # within the size bound, it was the number of files.
    if request.content_length is not None and request.content_length <= current_app.config["MAX_CONTENT_LENGTH"]:
        return error_response(f"一次上传的文件太多，超过上限：{_state()['limits']}。请分几次上传。", 413, "too-many-files")
    return error_response(too_large_message(_state()["limits"]), 413, "upload-too-large")


def refusal(message: str, status: int, code: str) -> Response:
    """JSON for the API; plain text for an address a person typed."""
    if request.path.startswith(("/api/", "/reports/")):
        return error_response(message, status, code)
    return Response(message + "\n", status=status, mimetype="text/plain")


def _http_error(exc: HTTPException):
    messages = {404: "找不到这个地址", 405: "不支持这种请求方式", 400: "请求格式有误"}
    return error_response(messages.get(exc.code, exc.name), exc.code or 500, f"http-{exc.code}")


def _internal_error(exc: Exception):
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    incident = secrets.token_hex(4)  # the details go to the server's log, never to the visitor (paths, code)
    current_app.logger.exception("internal error %s", incident)
    return error_response(f"内部错误（编号 {incident}）。请把编号和出错的时间告诉区政府办；"
                          "详细情况记录在运行网页服务的电脑上。", 500, "internal-error")


def _os_error(exc: OSError):
    """The server's own disk (full, read-only): an ordinary condition, said plainly, without its path."""
    current_app.logger.error("server storage: %s", exc)
    fault = ServerStorageError(exc)
    return error_response(fault.message, fault.status, fault.code)


def _headers(response: Response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if request.path.startswith(("/api/", "/reports/")):
        response.headers["Cache-Control"] = "no-store"
    return response


def _index():
    return send_file(STATIC / "index.html", mimetype="text/html", max_age=0)


def _info():
    """What the page needs to draw its forms: limits, today, rules, status labels."""
    state = _state()
    state["store"].sweep()
    web, default = state["config"].web, from_options(None, None, state["config"].rules)
    return json_response({
        "version": __version__,
        "today": state["now"]().date().isoformat(),
        "limits": {"max_upload_mb": web.max_upload_mb, "max_files": web.max_files,
                   "report_ttl_minutes": web.report_ttl_minutes},
        "default_rule": {"name": default.name, "short": default.short_name, "rules": default.to_json()},
        "profiles": [{"key": key, "name": rule.name, "short": rule.short(), "description": rule.describe(),
                      "permit_days": rule.permit_days, "penalty_days": rule.penalty_days,
                      "basis": rule.basis} for key, rule in PROFILES.items()],
        "statuses": [{"key": key, "label": label, "meaning": STATUS_MEANINGS[key],
                      "flagged": key in FLAGGED} for key, label in STATUS_LABELS.items()],
    })


def _calendar_info():
    """The same object as `compliance calendar --json`."""
    return json_response(_state()["calendar"].describe())


def _deadline():
    """The same object as `compliance deadline --json` (``explain=1``: with --explain)."""
    date = _param("date", CliDate(), "决定日期")
    if date is None:
        raise BadInput("请填写决定日期，例如 2016-09-28")
    days = _param("days", Days(), "工作日数") or 20
    explain = request.args.get("explain", "").lower() in ("1", "true", "yes")
    try:
        return json_response(deadline_payload(_state()["calendar"], date, days, explain))
    except CalendarNotCovered as exc:  # --calendar is the server's option, not the visitor's
        raise BadInput(message("web-calendar-year-missing", year=exc.year), code="calendar-year-missing") from exc
    except ComplianceError as exc:
        raise BadInput(exc.message, code=exc.code) from exc


def _quality_option() -> bool:
    """quality=off: the page's box unticked, as --no-quality."""
    value = request.form.get("quality", "on")
    if value not in ("on", "off"):
        raise BadInput(f"数据质量选项应为 on 或 off，现为“{value}”")
    return value == "on"


def _check_options(now: dt.datetime, config: Config):
    """(as_of, month, rules) from the form, checked as the CLI checks them."""
    as_of = _param("as_of", CliDate(), "统计截止日")
    month = _param("month", Month(), "月份")
    rule_name = _param("rule", RuleName("web-rule"), "规则")
    days = _param("days", Days(), "工作日数")
    if days is not None and rule_name is not None:
        raise BadInput("工作日数与规则只能选一个")
    if as_of is not None and as_of > now.date():
        raise BadInput(message("param-as-of-future", as_of=as_of.isoformat(), today=now.date().isoformat()))
    if month is not None and month > (as_of or now.date()).strftime("%Y-%m"):
        raise BadInput(message("param-month-after-as-of", month=month, as_of=(as_of or now.date()).isoformat())
                       .replace("（--month）", " "))  # the page's 月份 box, not an option
    try:
        return as_of, month, from_options(days, rule_name, config.rules, days_from="网页上填写的天数")
    except ComplianceError as exc:
        raise BadInput(exc.message, code=exc.code) from exc


def _check():
    """The same object as `compliance check --json -`, plus report_url and scope_note (and
    history_url with `serve --db`). Never recorded in the history store, whatever the month."""
    state = _state()
    state["store"].sweep()
    config = state["config"]
    uploads = [f for f in request.files.getlist("files") if f.filename]
    # a part whose name is not UTF-8 makes the form parser drop the whole form: nothing at all came through
    if not uploads and not request.files and not request.form and (request.content_length or 0) > 0:
        raise BadInput("收到了上传的内容，但读不出文件名（文件名可能不是 UTF-8 编码）。请在本页面用“选择文件”上传；"
                       "如仍不行，把文件名改为简单的中文或英文后再上传", code="no-files")
    if not uploads:
        raise BadInput("请选择至少一个表格文件（.xlsx、.xls、.csv）", code="no-files")
    if len(uploads) > config.web.max_files:
        raise BadInput(f"一次上传了 {len(uploads)} 个文件，超过上限：{state['limits']}。请分几次上传。",
                       413, "too-many-files")
    run_time = state["now"]()
    as_of, month, rules = _check_options(run_time, config)
    quality = _quality_option()
    folder = Path(tempfile.mkdtemp(prefix="request-", dir=state["work_dir"] / "uploads"))
    try:
        shown = save_uploads([(upload_name(f), f.stream) for f in uploads], folder)
        try:
            run = run_check(list(shown), as_of=as_of, run_date=run_time.date(), rules=rules,
                            calendar=state["calendar"], config=config, month=month, run_time=run_time,
                            quality=quality)
        except ComplianceError as exc:
            raise BadInput(scrub(exc.message, shown, str(folder)), code=exc.code) from exc
        relabel(run, shown)
        payload, report_url = _outputs(run)
        payload = {**payload, "report_url": report_url}
        if report_url is None:  # nothing checked: no figures, and no line pointing to a report never made
            return json_response(scrub(payload, shown, str(folder)))
        payload["scope_note"] = out_of_scope_text(run)  # the terminal's words for what was read but not counted
        if state["history"] is not None:  # serve --db: this upload's units, read-only (history.py)
            payload["history_url"] = "/api/history/" + report_url.rsplit("/", 1)[1]
        return json_response(scrub(payload, shown, str(folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _download_name(run, units: tuple[str, ...]) -> str:
    """The CLI's report name, with the unit when the upload is one unit's (公开时限检查_区人社局_2025-10-31.xlsx):
    two units' reports, or one unit's two checks, are not 公开时限检查_2025-10-31 (1).xlsx in Downloads."""
    name = default_name(run)
    unit = safe_name(units[0]) if len(units) == 1 else ""
    return name.replace(REPORT_PREFIX, f"{REPORT_PREFIX}{unit}_", 1) if unit else name


def _outputs(run) -> tuple[dict, str | None]:
    """The report, kept for download, and the JSON answer naming its writer (write_outputs, as the CLI)."""
    store = _state()["store"]
    token, folder = store.new_folder()
    try:
        outputs = write_outputs(run, out=folder / "report.xlsx")
    except BaseException as exc:
        store.discard(token)
        if isinstance(exc.__cause__, OSError):  # the server's own disk: said plainly, without the path
            raise exc.__cause__ from None
        raise
    if outputs.report is None:  # nothing could be read: no report
        store.discard(token)
        return outputs.payload, None
    units = upload_units(run.records)
    store.keep(token, outputs.report, _download_name(run, units), units)
    return outputs.payload, f"/reports/{token}"


def _template():
    """The 报送模板, as `compliance template` writes it."""
    from ..template import template_bytes  # openpyxl loads only when a clerk asks for the template

    return send_file(io.BytesIO(template_bytes()), as_attachment=True, download_name="报送模板.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", max_age=0)


def _expired() -> Response:
    minutes = f"{_state()['config'].web.report_ttl_minutes:g}"
    return error_response(f"报告不存在或已过期（报告只保留 {minutes} 分钟；"
                          "服务器上的报告太多时，最早的会提前删除）。请重新上传表格检查。", 404, "report-expired")


def _history(token: str):
    """The trend and open items of the units of the upload behind ``token`` (history.py): the same
    objects as `history trend --unit …` and `history open --unit …`."""
    state = _state()
    kept = state["store"].get(token)
    if kept is None:
        return _expired()
    payload = read_history(state["history"], kept.units)
    if payload is None:
        return error_response(UNAVAILABLE, 503, "history-unavailable")
    return json_response(payload)


def _report(token: str):
    state = _state()
    kept = state["store"].get(token)
    if kept is None or not kept.path.is_file():
        return _expired()
    return send_file(kept.path, as_attachment=True, download_name=kept.download_name,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", max_age=0)
