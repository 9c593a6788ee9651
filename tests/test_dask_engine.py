"""--engine dask gives the pandas engine's answers, on a real cluster: a scheduler and a worker process
(two worker processes, one thread each) started here on localhost, as `dask scheduler` and `dask worker`
run on other machines; and once without --scheduler, on the LocalCluster the command starts itself.

Every check runs the real CLI in a subprocess, so this test process never starts a Dask client: its
threads stay as they were (isolate.py forks readers only from a single-threaded process).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import PENALTY_HEADER, penalty_rows, write_xlsx
from test_bad_inputs import CASES
from test_read_limits import costly

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
ONLINE = sorted((ROOT / "sample_online").glob("*.*"))
AS_OF = "2016-12-31"
HANG = 300


@contextlib.contextmanager
def cluster(where: Path, daemon_workers: bool = False):
    """A scheduler and two workers as separate processes; ended, and waited for, at the end."""
    address_file = where / "scheduler.json"
    env = dict(os.environ)
    if not daemon_workers:  # as the README tells: workers start the read children
        env["DASK_DISTRIBUTED__WORKER__DAEMON"] = "False"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    started = [subprocess.Popen(dask + ["--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                        "--scheduler-file", str(address_file)],
                                cwd=where, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        _wait_for(address_file.exists)
        address = json.loads(address_file.read_text())["address"]
        started.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                         "--nworkers", "2", "--nthreads", "1", "--memory-limit", "1GiB",
                                         "--no-dashboard", "--host", "127.0.0.1"],
                                        cwd=where, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait_for(lambda: _workers(address) == 2)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def workers_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cluster")


@pytest.fixture(scope="module")
def scheduler(workers_folder):
    with cluster(workers_folder) as address:  # the workers' working folder: not this test's
        yield address


def _wait_for(ready, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < end, "the cluster did not start"
        time.sleep(0.2)


def _workers(address: str) -> int:
    code = (f"from distributed import Client\nc = Client({address!r}, timeout=5)\n"
            "print(len(c.scheduler_info()['workers']))\nc.close()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    return int(proc.stdout.strip() or 0)


def run(paths, work: Path, name: str, *options) -> tuple[subprocess.CompletedProcess, dict, Path]:
    report, js = work / f"{name}.xlsx", work / f"{name}.json"
    proc = subprocess.run([sys.executable, "-m", "compliance", "check", *map(str, paths), "--as-of", AS_OF,
                           "--out", str(report), "--json", str(js), *options],
                          cwd=work, capture_output=True, text=True, timeout=HANG)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc, json.loads(js.read_text(encoding="utf-8")), report


def sheet_values(report: Path, name: str) -> list[tuple]:
    workbook = openpyxl.load_workbook(report, read_only=True)
    try:
        return list(workbook[name].iter_rows(values_only=True))
    finally:
        workbook.close()


def assert_same(paths, work: Path, *options, scheduler: str | None = None) -> dict:
    """Both engines on the same inputs: the same exit code, every record, every figure, the same 汇总."""
    pandas_run, expected, expected_report = run(paths, work, "pandas", *options)
    dask_run, got, got_report = run(paths, work, "dask", "--engine", "dask", "--all-records", *options,
                                    *(["--scheduler", scheduler] if scheduler else []))
    assert dask_run.returncode == pandas_run.returncode, dask_run.stderr
    assert got["records"] == expected["records"]
    assert got["summary"] == expected["summary"]
    assert got["inputs"] == expected["inputs"]
    assert {k: v for k, v in got.items() if k != "report_writer"} == \
           {k: v for k, v in expected.items() if k != "report_writer"}
    for sheet in ("汇总", "逾期清单", "数据问题", "全部记录"):
        assert sheet_values(got_report, sheet) == sheet_values(expected_report, sheet), sheet
    assert dask_run.stdout.replace(str(got_report), "") == pandas_run.stdout.replace(str(expected_report), "")
    return got


def test_the_sample_data_and_the_website_lists_give_the_same_answers(scheduler, tmp_path):
    got = assert_same([SAMPLE], tmp_path, *sum((["--online", p] for p in ONLINE), []),
                      "--online-since", "2016-06-01", scheduler=scheduler)
    assert got["summary"]["records"] == 378 and got["summary"]["overdue"] > 0
    assert "online" in json.dumps(got, ensure_ascii=False)


def test_messy_and_broken_files_give_the_same_answers_and_a_crashing_reader_costs_its_file(scheduler, tmp_path):
    folder, work = tmp_path / "报送", tmp_path / "work"
    folder.mkdir()
    work.mkdir()
    (work / "compliance.toml").write_text("[limits]\nmax_read_memory_mb = 400\n", encoding="utf-8")
    write_xlsx(folder / "good_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3)})
    for case in CASES:
        if case.config is None:
            case.build(folder, tmp_path)
    costly(folder / "区安监局_崩溃_处罚.xlsx")  # its reader needs ~0.9 GB: the child dies at 400 MB
    frame = pd.DataFrame(penalty_rows(4, start=20), columns=PENALTY_HEADER)
    frame.to_parquet(folder / "区信用平台_处罚.parquet")
    got = assert_same([folder], work, scheduler=scheduler)
    errors = {Path(e["file"]).name: e["error"] for e in got["inputs"]}
    assert errors["区安监局_崩溃_处罚.xlsx"]["code"] == "read-memory-limit"
    assert errors["区信用平台_处罚.parquet"] is None and errors["good_处罚.xlsx"] is None
    assert sum(e is not None for e in errors.values()) >= 8
    read = {e["file"] for e in got["inputs"] if e["error"] is None and sum(s["records"] for s in e["sheets"])}
    assert {r["file"] for r in got["records"]} <= read and len(read) >= 20  # the others' records: repeats
    assert got["summary"]["records"] + got["summary"]["repeats"] == sum(
        s["records"] for e in got["inputs"] for s in e["sheets"])


def test_without_scheduler_a_local_cluster_gives_the_same_answers(tmp_path):
    assert_same([SAMPLE], tmp_path)
    # without --all-records the dask engine's report leaves 全部记录 out, and 说明 says where every record is
    proc, got, report = run([SAMPLE], tmp_path, "dask-default", "--engine", "dask", "--records-out", "记录")
    workbook = openpyxl.load_workbook(report, read_only=True)
    names = workbook.sheetnames
    workbook.close()
    assert "全部记录" not in names and {"汇总", "逾期清单", "数据问题", "说明"} <= set(names), names
    said = {row[0]: row[1] for row in sheet_values(report, "说明")}
    assert "--all-records" in said["全部记录"] and "记录" in said["全部记录"], said["全部记录"]
    assert got["summary"]["records"] == 378 and (tmp_path / "记录").is_dir()


def test_an_unreachable_scheduler_is_said_in_chinese(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "compliance", "check", str(SAMPLE), "--as-of", AS_OF,
                           "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "r.xlsx")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=HANG)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "连接不上 Dask 集群的调度器 tcp://127.0.0.1:9" in proc.stderr, proc.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_scheduler_needs_the_dask_engine(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "compliance", "check", str(SAMPLE), "--scheduler", "tcp://x:1"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=HANG)
    assert proc.returncode == 2 and "--scheduler 只能与 --engine dask 一起使用" in proc.stderr, proc.stderr


def test_daemonic_workers_are_refused_before_any_file_is_read(tmp_path):
    with cluster(tmp_path, daemon_workers=True) as address:
        proc = subprocess.run([sys.executable, "-m", "compliance", "check", str(SAMPLE), "--as-of", AS_OF,
                               "--engine", "dask", "--scheduler", address, "--out", str(tmp_path / "r.xlsx")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=HANG)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "不能再启动读取文件的子进程" in proc.stderr and "DASK_DISTRIBUTED__WORKER__DAEMON=False" in proc.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_a_file_the_workers_do_not_see_as_this_machine_does_is_named_and_not_read(scheduler, workers_folder,
                                                                                   tmp_path):
    """/proc/self/cwd/… is one absolute path that each process resolves in its own working folder: the
    workers' differs from the command's, as a machine without the shared storage would (one file missing
    there, one different there)."""
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3)})
    write_xlsx(tmp_path / "区环保局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(2)})
    write_xlsx(workers_folder / "区环保局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(5)})
    shared = write_xlsx(tmp_path / "区编办_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(4, start=50)})
    (workers_folder / shared.name).write_bytes(shared.read_bytes())  # the same file in both: read
    here = Path("/proc/self/cwd")
    proc, payload, _ = run([here / "区安监局_处罚.xlsx", here / "区环保局_处罚.xlsx", here / shared.name], tmp_path,
                           "dask", "--engine", "dask", "--scheduler", scheduler)
    errors = {Path(e["file"]).name: e["error"] and e["error"]["code"] for e in payload["inputs"]}
    assert errors == {"区安监局_处罚.xlsx": "dask-workers-elsewhere", "区环保局_处罚.xlsx": "dask-workers-elsewhere",
                      "区编办_处罚.xlsx": None}
    messages = {Path(e["file"]).name: e["error"]["message"] for e in payload["inputs"] if e["error"]}
    assert "同一路径" in messages["区环保局_处罚.xlsx"] and "（读不到）" in messages["区安监局_处罚.xlsx"]
    assert payload["summary"]["records"] == 4 and proc.returncode == 1


def test_relative_paths_are_read_where_the_command_runs_and_said_as_given(scheduler, tmp_path):
    """A worker started in another folder read a relative path from there: nothing was read. The command's own
    folder's path is sent; the files are named as given."""
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(3)})
    write_xlsx(folder / "区编办_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(4, start=50)})
    got = assert_same(["报送"], tmp_path, scheduler=scheduler)
    assert sorted(e["file"] for e in got["inputs"]) == ["报送/区安监局_处罚.xlsx", "报送/区编办_处罚.xlsx"]
    assert all(e["error"] is None for e in got["inputs"]) and got["summary"]["records"] == 7


def test_a_scheduler_without_workers_is_said_not_waited_on(tmp_path):
    address_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)],
                                 cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(address_file.exists)
        address = json.loads(address_file.read_text())["address"]
        proc = subprocess.run([sys.executable, "-m", "compliance", "check", str(SAMPLE), "--as-of", AS_OF,
                               "--engine", "dask", "--scheduler", address, "--out", str(tmp_path / "r.xlsx")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=HANG)
    finally:
        scheduler.terminate()
        scheduler.wait(timeout=30)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"Dask 集群的调度器 {address} 连上了，但 30 秒内没有任何工作进程" in proc.stderr, proc.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_a_worker_restarted_on_the_local_cluster_can_still_read(tmp_path):
    """A worker past its memory limit is restarted by its nanny; it came back daemonic (the setting held only
    while the cluster was built), and its next file ended the run: "daemonic processes are not allowed to have
    children". Restarted here on purpose, in a process of its own (this one never starts a client)."""
    script = tmp_path / "restart.py"
    script.write_text(
        "from pathlib import Path\n"
        "from compliance.cluster import _is_daemon, cluster_reader, dask_client\n"
        "from compliance.ingest.load import load\n"
        "if __name__ == '__main__':\n"
        f"    files = sorted(Path({str(SAMPLE)!r}).glob('*.xlsx'))[:3]\n"
        "    with dask_client(workers=2) as client:\n"
        "        client.restart()\n"
        "        print('daemonic', sorted(client.run(_is_daemon).values()))\n"
        "        result = load(files, read=cluster_reader(client))\n"
        "    print('errors', [e.error for e in result.inputs], 'records', len(result.records))\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=HANG)
    assert proc.returncode == 0, proc.stderr
    assert "daemonic [False, False]" in proc.stdout and "errors [None, None, None]" in proc.stdout, proc.stdout
