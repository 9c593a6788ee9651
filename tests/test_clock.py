"""Today is China's today, whatever the machine's time zone (a server left on UTC is common)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from compliance.clock import CHINA, china_now


def _run(args: list[str], tz: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TZ=tz)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300)


def test_china_now_is_utc_plus_eight_in_any_zone():
    for tz in ("Etc/GMT+12", "Etc/GMT-14", "UTC"):
        shown = _run(["-c", "from compliance.clock import china_now; print(china_now().isoformat())"], tz)
        assert shown.returncode == 0, shown.stderr
        there = dt.datetime.fromisoformat(shown.stdout.strip())
        expected = dt.datetime.now(dt.timezone.utc).astimezone(CHINA).replace(tzinfo=None)
        assert abs((there - expected).total_seconds()) < 60, (tz, there, expected)
    assert abs((china_now() - expected).total_seconds()) < 60


def test_a_publication_dated_today_in_china_is_no_future_date_on_a_machine_far_west(tmp_path):
    # 20 hours behind Beijing: before the fix, from 00:00 to 20:00 Beijing time the machine's date was
    # yesterday, so --as-of today was refused and a publication of today was 日期在今天之后 (invalid)
    today = china_now().date()
    decided = today - dt.timedelta(days=3)
    ledger = tmp_path / "区安监局_处罚.csv"
    ledger.write_text("行政处罚决定书文号,当事人,处罚决定日期,公示日期\n"
                      f"西安监罚〔{today.year}〕1号,甲公司,{decided.isoformat()},{today.isoformat()}\n", encoding="utf-8")
    out = tmp_path / "r.json"
    done = _run(["-m", "compliance", "check", str(ledger), "--as-of", today.isoformat(), "--no-history",
                 "--out", str(tmp_path / "r.xlsx"), "--json", str(out), "-q"], "Etc/GMT+12")
    assert done.returncode in (0, 1), done.stderr
    [record] = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert record["published_date"] == today.isoformat()
    assert record["status"] != "invalid", record
