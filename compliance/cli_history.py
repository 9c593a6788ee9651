"""`compliance check`'s history options and the `compliance history` commands (issue 23).

The store is read and written only here and in api.check; a web upload never writes to it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .cli_chinese import CONTEXT, FriendlyGroup
from .errors import ComplianceError, write_failed
from .params import Month
from .history.store import HistoryStore, StoreError, default_store_path
from .version import JSON_TOOL
from .problems import message
from .rules import CATEGORY_LABELS

# The modules each command needs are imported in it: a `history` command answers in well under a second
# only if it does not first import the report writers and the classification (benchmarks/bench_history.py).


def history_target(db: str | None, no_history: bool, record: bool, month: str | None,
                   as_of) -> tuple[HistoryStore | None, str | None]:
    """(store, period) for a check: a monthly run is recorded as its month, another only with --record."""
    if no_history or not (month or record):
        return None, None
    return open_store(db), month or as_of.strftime("%Y-%m")


def open_store(db: str | None) -> HistoryStore:
    """A SQLite file (the default), or a PostgreSQL database given as a postgresql:// URL."""
    if db and "://" in db and not db.startswith("postgresql"):
        from .history.server import url_label  # (SQLAlchemy, only for a URL) the URL shown without its password
        raise click.UsageError(message("param-db-url", value=url_label(db)))
    return HistoryStore(db or default_store_path())


def serving_store(db: str | None) -> HistoryStore | None:
    """`serve --db`: a store that exists and can be read now; the page only reads it, so never creates it."""
    if db is None:
        return None
    store = open_store(db)
    if not store.exists():
        raise StoreError.of("store-missing", path=store.label,
                            reason="网页只读取历史库、不会新建；请先按月检查（check --month）建立，或核对 --db 的路径。")
    store.check_readable()
    return store


def record_period(run, store: HistoryStore | None, outputs=None) -> bool:
    """Record the run; True when the store failed. A failure is said on stderr (the report is already written)
    and in the verdict, on the terminal and in the JSON (``outputs``; probe p80 M1: 通过 beside exit 2)."""
    if store is None:
        return False
    error = run.history_error
    if error is None and run.history is not None:
        from .history.record import record_history  # when used: start-up time

        try:
            before = [p for p in store.periods() if p["period"] == run.history.period] if store.exists() else []
            revision = record_history(run, store)
            _say_migrated(store)
            click.echo(f"已记入历史库 {store.label}：{run.history.period}（第 {revision} 次记录）", err=True)
            for line in replaced_elsewhere(before, run) + other_rule_before(store, run):
                click.echo(line, err=True)
            for line in stale_warnings(store.periods(), run.history.period, run.history.previous_period):
                click.echo(line, err=True)
        except StoreError as exc:
            error = exc
    if error is not None:
        click.echo(f"错误：{error.message.rstrip('。')}。报告已照常生成，但本期的历史记录未完成。", err=True)
        if run.history_error is None and outputs is not None:  # failed while recording: known only now
            try:
                outputs.history_failed(error)
            except ComplianceError as again:  # the JSON could not be written again: said, the verdict stands
                click.echo(f"错误：{again.message}", err=True)
    return error is not None


def replaced_elsewhere(before: list[dict], run) -> list[str]:
    """A recorded month replaced by a run of files from other folders: most likely a wrong --month (the
    October folder run as 2026-09), which replaced that month's records. Said, with the way back."""
    if not before:
        return []
    folders = {str(Path(p).parent) for p in before[0]["inputs"]}
    now = {str(Path(e.path).parent) for e in run.inputs if not e.not_read}
    if not folders or not now or any(_same_folder(a, b) for a in folders for b in now):
        return []
    return [f"注意：{run.history.period} 此前（{before[0]['run_time']}）是用 {'、'.join(sorted(folders))} 中的文件记录的，"
            f"这次的文件在 {'、'.join(sorted(now))}，已替换那次的记录。是单位重新报送的，无需处理；如果是 --month 写错了，"
            f"请用原来的文件重新运行 {run.history.period}（--month {run.history.period}）。"]


def _same_folder(stored: str, now: str) -> bool:
    """One folder, written once relative and once absolute (p80: files/2026-11 and /tmp/p80/files/2026-11):
    a relative path was relative to that run's working folder, which may not be this one."""
    a, b = Path(os.path.abspath(stored)), Path(os.path.abspath(now))
    if a == b:
        return True
    for relative, absolute in ((Path(stored), b), (Path(now), a)):
        parts = [part for part in relative.parts if part not in ("", ".")]
        if not relative.is_absolute() and parts and ".." not in parts and absolute.parts[-len(parts):] == tuple(parts):
            return True
    return False


def other_rule_before(store: HistoryStore, run) -> list[str]:
    """The previous period recorded under another rule (a district that moved to the national 7 days): this
    period's 较上期 and its follow-up of the items carried over are by another measure. Said, not refused."""
    from .history.record import days_in_force  # when used: start-up time

    previous = run.history.previous_period
    recorded = store.rule_used(previous) if previous else None
    now = days_in_force(run.rules, run.history.period)
    if recorded is None or recorded == now:
        return []
    return [f"注意：上期 {previous} 是按 {recorded} 记录的，本期按 {now}；"
            f"“较上期”的及时公开率和上期遗留事项的判定所依据的规则不同，比较时请留意。"]


def stale_warnings(periods: list[dict], period: str, previous: str | None) -> list[str]:
    """What the user must re-run after recording ``period`` on ``previous``: the follow-up of a period is
    built on the one before it, so a base that has changed since, or later periods built without this
    run, carry open items that may be missing (months recorded out of order, or a month re-run)."""
    stale = {p["period"] for p in periods if p["stale"]}
    out = []
    if previous in stale:
        out.append(f"注意：本期的整改跟踪以 {previous} 的记录为上期，而 {previous} 需重新运行（它之前的月份在它之后有变动），"
                   f"本期带来的遗留事项可能不全。请按月份顺序重新运行 {previous} 及之后各期。")
    later = sorted(p for p in stale if p > period)
    if later:
        out.append(f"注意：之后的 {'、'.join(later)} 已经记录，它们的整改跟踪没有用上本期这次的结果，需按月份顺序重新运行。")
    # recorded by another run while this one ran (on a store that held no earlier month, too): built without it
    between = sorted(p["period"] for p in periods if (previous or "") < p["period"] < period)
    if between:
        base = f"以 {previous} 为上期" if previous else "没有上期（开始时历史库中没有更早的月份）"
        out.append(f"注意：本次运行期间，另一次运行记入了 {'、'.join(between)}；本期的整改跟踪{base}，没有用上它，"
                   f"它仍未整改的事项不在本期的报告中。请重新运行 {period}。")
        return out
    return out + gap_warnings(period, previous)


def gap_warnings(period: str, previous: str | None) -> list[str]:
    """A month between ``previous`` and ``period`` never recorded: what it found was never followed up."""
    missing = _months_between(previous, period) if previous else []
    if not missing:
        return []
    months = _months_text(missing)
    return [f"注意：历史库中没有 {months} 的记录：{period} 的整改跟踪以 {previous} 为上期，"
            f"{months} 新发现的问题没有跟踪。需要时请按月份顺序补跑 {missing[0]} 及之后各期。"]


def _months_between(first: str, last: str) -> list[str]:
    """The months after ``first`` and before ``last`` (YYYY-MM)."""
    year, month = map(int, first.split("-"))
    out = []
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if f"{year:04d}-{month:02d}" >= last:
            return out
        out.append(f"{year:04d}-{month:02d}")


def _months_text(months: list[str]) -> str:
    return "、".join(months) if len(months) <= 6 else f"{months[0]} 至 {months[-1]}"


def store_warnings(store: HistoryStore) -> None:
    """Before `history open` and `export` answer: what in the store makes their answer incomplete."""
    periods = store.periods()
    stale = sorted(p["period"] for p in periods if p["stale"])
    if stale:
        click.echo(f"注意：{'、'.join(stale)} 需重新运行（之前的月份在它之后有变动），仍未整改的事项可能不全。"
                   "请按月份顺序重新运行后再看（history list 列出各期）。", err=True)
    if not periods:
        return
    latest = max(periods, key=lambda p: p["period"])
    for line in gap_warnings(latest["period"], latest["previous_period"]):
        click.echo(line, err=True)
    # an earlier hole (a month forgotten, or never run, between two recorded ones): named too, not only "re-run"
    recorded = {p["period"] for p in periods}
    said = set(_months_between(latest["previous_period"], latest["period"])) if latest["previous_period"] else set()
    holes = [m for m in _months_between(min(recorded), latest["period"]) if m not in recorded and m not in said]
    if holes:
        click.echo(f"注意：历史库中没有 {_months_text(holes)} 的记录（从未记录，或已用 history forget 删除）："
                   f"那时新发现的问题没有跟踪，之后各期的整改跟踪可能不全。需要时请按月份顺序补跑 {holes[0]} 及之后各期。",
                   err=True)


def _say_migrated(store: HistoryStore) -> None:
    """A write that brought an older store to this version says so, and where the copy from before is."""
    if store.migrated is not None:
        copy = f"（升级前的副本：{store.migrated}）" if store.migrated else ""
        click.echo(f"历史库 {store.label} 已升级到本版本的结构{copy}", err=True)


db_option = click.option("--db", "db", type=str, metavar="文件|网址",
                         help="历史库（默认 reports/公开时限历史.sqlite；或 postgresql://用户@主机/库）。")
json_option = click.option("--json", "json_target", metavar="文件|-", help="以 JSON 输出（“-”表示屏幕）。")
OPEN_LINES = 50  # a screenful; a city's store can hold thousands (the JSON and the export hold all)
unit_option = click.option("--unit", "units", multiple=True, metavar="单位", help="只看这个单位，可重复使用。")


def _confirmed(question: str, period: str) -> bool:
    """The answer typed or piped in; input that ends with no answer (a script, < /dev/null) is a usage error
    saying --yes, not the 已中止 of a Ctrl-C."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.confirm(question, default=False)  # Ctrl-C at the question: 已中止, as anywhere
    click.echo(f"{question} [y/N]: ", nl=False)  # piped: read here, as click versions answer an ended input differently
    answer = sys.stdin.readline() if sys.stdin is not None else ""
    if not answer:
        click.echo()
        raise click.UsageError(message("history-forget-needs-yes", period=period))
    return answer.strip().lower() in ("y", "yes", "是")


def _known_units(store: HistoryStore, units) -> tuple[str, ...]:
    """--unit as the store spells it (区安监 or 西塞山区安全生产监督管理局 for 区安监局, said on stderr);
    a unit the store does not hold is an error naming those it does, never an empty, clean-looking answer."""
    from .ingest.unit_spellings import same_unit  # when used: start-up time

    if not units:
        return ()
    from .summary import TOTAL  # the run's total row: no unit

    latest = store.latest_period()  # and the names open items go by now (a unit with none in scope has no rate)
    items = store.followup_rows(latest, still_open=True) if latest else []
    known = sorted({row[1] for row in store.rate_rows() if row[1] and row[1] != TOTAL}
                   | {row[0] for row in items if row[0]})
    out = []
    for asked in (u.strip() for u in units):
        found = [asked] if asked in known else [k for k in known if same_unit(asked, k)] or \
            [k for k in known if asked and asked in k]
        if len(found) != 1:
            raise ComplianceError.of("history-unit-unknown", unit=asked, known="、".join(found or known[:30]) or "（无）")
        if found[0] != asked:
            click.echo(f"按历史库中的单位“{found[0]}”查询（--unit {asked}）。", err=True)
        out.append(found[0])
        # renamed since (区人社局, now 西塞山区人力资源和社会保障局): its items are under the new name; one other
        # spelling only, never two offices that both shorten to it
        others = [k for k in known if k != found[0] and same_unit(found[0], k)]
        if len(others) == 1:
            click.echo(f"同时查询历史库中的另一写法“{others[0]}”。", err=True)
            out.append(others[0])
    return tuple(out)


def _existing(db: str | None) -> HistoryStore:
    store = open_store(db)
    if not store.exists():
        raise StoreError.of("store-missing", path=store.label, reason="按月检查（--month）后才有历史。")
    return store


def json_text(payload: dict) -> str:
    """The JSON with one line per list entry: as readable as indent=, and written by json's C encoder
    (indent= falls back to the pure-Python one: 0.7 s for 10,000 open items, most of `history open`)."""
    def value(v) -> str:
        if isinstance(v, list) and v:
            return "[\n  " + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in v) + "\n ]"
        return json.dumps(v, ensure_ascii=False)

    return "{\n" + ",\n".join(f" {json.dumps(k, ensure_ascii=False)}: {value(v)}" for k, v in payload.items()) + "\n}"


def _emit(payload, json_target: str | None) -> bool:
    """Write the JSON when asked; True when it went to the screen (no table to print then)."""
    if json_target is None:
        return False
    text = json_text({"tool": JSON_TOOL, **payload})  # the first key: how a JSON file of ours is known
    if json_target == "-":
        click.echo(text)
        return True
    from .report.paths import refuse_foreign_json, write_atomically  # (pandas) only for a file: start-up time

    target = Path(json_target)
    refuse_foreign_json(target)  # the store itself, a ledger, any file the tool did not write: never replaced
    try:
        write_atomically(target, lambda temp: temp.write_text(text + "\n", encoding="utf-8"), ".json")
    except OSError as exc:
        raise write_failed(" JSON 文件", json_target, "--json", exc) from exc
    return False


@click.group(cls=FriendlyGroup, context_settings=CONTEXT)
def history():
    """查看历史库：已记录的月份、仍未整改的事项、各单位及时公开率的变化。

    按月检查（check --month）会把当月结果记入历史库；下个月检查时逐条跟踪上月遗留的问题。

    \b
    示例：
      compliance history list
      compliance history open --unit 区安监局
      compliance history trend --json -
    """


@history.command("list")
@db_option
@json_option
def list_cmd(db, json_target):
    """列出已记录的月份：记录时间、读入的文件、记录数、重新运行的次数。

    \b
    示例：
      compliance history list --db reports/公开时限历史.sqlite
    """
    periods = _existing(db).periods()
    if _emit({"periods": periods}, json_target):
        return 0
    if not periods:
        click.echo("历史库中还没有记录。")
    for p in periods:
        stale = "；之前的月份在它之后有变动（重新运行、删除或补记），需重新运行" if p["stale"] else ""
        click.echo(f"{p['period']}  记录于 {p['run_time']}  统计截止 {p['as_of']}  {p['records']} 条记录  "
                   f"{len(p['inputs'])} 个文件  第 {p['revision']} 次记录{stale}")
    return 0


@history.command("open")
@db_option
@unit_option
@json_option
@click.option("--all", "show_all", is_flag=True, help=f"逐条列出全部事项（默认最多列 {OPEN_LINES} 条）。")
def open_cmd(db, units, json_target, show_all):
    """列出目前仍未整改的事项（最近一期之后仍未销号的），按单位排列。

    \b
    示例：
      compliance history open --unit 区安监局 --json -
    """
    from .history.queries import open_items  # when used: start-up time

    store = _existing(db)
    store_warnings(store)
    items = open_items(store, _known_units(store, units))
    if _emit({"items": items}, json_target):
        return 0
    if not items:
        click.echo("没有仍未整改的事项。")
        return 0
    click.echo(f"仍未整改的事项共 {len(items)} 项，涉及 {len({i['unit'] for i in items})} 个单位：")
    shown = items if show_all else items[:OPEN_LINES]
    for item in shown:
        found = item["problem_label"]  # first found as 未到期, overdue since: both said
        if item["status_label"] and item["status_label"] != found and item["problem"] != "not-found":
            found += f"（现为{item['status_label']}）"
        click.echo(f"{item['unit']}  {item['document_number'] or item['party'] or ''}  自 {item['first_period']} 起"
                   f"（{item['periods_open']} 期）  {found}  现状：{item['state_label']}"
                   + (f"  说明：{item['note']}" if item.get("note") else ""))
    if len(shown) < len(items):
        click.echo(f"……另有 {len(items) - len(shown)} 项未列出，加 --all 显示全部，"
                   "或用 --unit 只看一个单位、用 history export 导出整改台账")
    return 0


@history.command("trend")
@db_option
@unit_option
@json_option
def trend_cmd(db, units, json_target):
    """各单位每期的及时公开率。

    \b
    示例：
      compliance history trend --unit 区安监局
    """
    from .history.queries import trend  # when used: start-up time

    store = _existing(db)
    payload = trend(store, _known_units(store, units))
    if _emit(payload, json_target):
        return 0
    for unit in payload["units"]:
        rates = "  ".join(f"{p} {'—' if r is None else f'{r:.1%}'}" for p, r in unit["rates"].items())
        kind = {"all": "全部", **CATEGORY_LABELS}.get(unit["category"], unit["category"])  # the 趋势 sheet's words
        click.echo(f"{unit['unit']}（{kind}）  {rates}")
    return 0


@history.command("export")
@click.argument("out", metavar="文件.xlsx")
@db_option
def export_cmd(out, db):
    """把整改台账（最近一期的全部跟踪事项）和各单位趋势导出为 Excel 工作簿，供法制办使用。

    文件已存在时拒绝覆盖。

    \b
    示例：
      compliance history export 整改台账_2016-11.xlsx
    """
    from .history.export import export_workbook  # when used: start-up time

    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    if target.exists():
        raise ComplianceError.of("history-export-exists", path=target)
    try:
        store = _existing(db)
        store_warnings(store)
        latest = export_workbook(store, target)
    except OSError as exc:
        raise write_failed("工作簿", target, "另一个文件名", exc) from exc
    if latest is None:
        click.echo("历史库中还没有记录，未生成工作簿。")
        return 1
    click.echo(f"已导出截至 {latest} 的整改台账和趋势：{target}")
    return 0


@history.command("forget")
@click.argument("period", metavar="年-月", type=Month())
@db_option
@click.option("--yes", is_flag=True, help="不再询问，直接删除。")
def forget_cmd(period, db, yes):
    """从历史库删除一个月份的记录（之后的月份会标为需重新运行）。

    \b
    示例：
      compliance history forget 2016-11 --yes
    """
    store = _existing(db)
    if not yes and not _confirmed(f"确定从 {store.label} 删除 {period} 的记录？", period):
        click.echo("未删除。")
        return 0
    found = store.forget(period)
    _say_migrated(store)
    click.echo(f"已删除 {period} 的记录。" if found else f"历史库中没有 {period} 的记录。")
    return 0 if found else 1
