"""Ctrl-C, SIGTERM, kill -9 and a full disk, with real signals to a real `compliance check` (issue 19.9–19.11,
issue 18 item 8): the exit codes shells use, no traceback, no temporary file left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest

from compliance import supervise
from compliance.interrupts import Terminated, _raise_terminated
from compliance.report import tempfiles
from helpers import write_csv
from served import Served

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and tmpfs")
GUARD = 300  # seconds: turns a hang into a failure, not a speed target
HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]


def ledger(tmp_path: Path, rows: int, name: str = "区安监局_2016年行政处罚.csv") -> Path:
    data = [[f"西安监罚〔2016〕{i}号", f"某某有限公司{i}", "2016-09-01", "2016-09-10" if i % 7 else "2016-11-30",
             "区安监局"] for i in range(rows)]
    return write_csv(tmp_path / name, [HEADER] + data)


def start_check(source: Path, out: Path, temp: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(temp)} if temp else None
    return subprocess.Popen([sys.executable, "-m", "compliance", "check", str(source), "--as-of", "2016-12-31",
                             "-o", str(out), "-q"], cwd=source.parent, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def wait_for_saving(proc: subprocess.Popen, folder: Path) -> Path:
    """The moment the report's bytes start to arrive in its temporary file (the Rust writer is saving)."""
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline and proc.poll() is None:
        temps = [p for p in folder.glob(".~compliance-*.xlsx") if p.stat().st_size > 0]
        if temps:
            return temps[0]
        time.sleep(0.02)
    proc.kill()
    raise AssertionError(f"the write never started: {proc.communicate()}")


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory) -> Path:
    return ledger(tmp_path_factory.mktemp("big"), 150_000)


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_the_write_stops_the_run_with_the_shells_exit_code(big_ledger, tmp_path, signum, code):
    out = tmp_path / "reports" / "报告.xlsx"
    out.parent.mkdir()
    proc = start_check(big_ledger, out)
    temp = wait_for_saving(proc, out.parent)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == code, err
    assert err.strip() == "已中止。"
    assert not temp.exists() and list(out.parent.iterdir()) == []  # no report, no temporary file, no .fix


def test_ctrl_c_to_the_whole_process_group_as_a_terminal_sends_it(big_ledger, tmp_path):
    out = tmp_path / "报告.xlsx"
    proc = subprocess.Popen([sys.executable, "-m", "compliance", "check", str(big_ledger), "--as-of", "2016-12-31",
                             "-o", str(out), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    wait_for_saving(proc, tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # the writer child gets it too, and must leave the decision to the parent
    _, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == 130 and err.strip() == "已中止。"
    assert list(tmp_path.glob("*.xlsx*")) == [] and list(tmp_path.glob(".~*")) == []


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_while_files_are_read_stops_the_readers_and_leaves_nothing_in_the_temp_folder(
        big_ledger, tmp_path, signum, code):
    temp = tmp_path / "temp"
    temp.mkdir()
    proc = start_check(big_ledger, tmp_path / "报告.xlsx", temp)
    deadline = time.monotonic() + GUARD
    while not list(temp.glob("compliance-reader-*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    assert list(temp.glob("compliance-reader-*")), "the reader never started"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == code and err.strip() == "已中止。", err
    assert list(temp.iterdir()) == [] and not (tmp_path / "报告.xlsx").exists()


def test_kill_9_leaves_files_that_the_next_run_removes_but_not_a_concurrent_runs(big_ledger, tmp_path):
    out = tmp_path / "报告.xlsx"
    proc = start_check(big_ledger, out)
    temp = wait_for_saving(proc, tmp_path)
    proc.kill()
    proc.communicate()
    time.sleep(0.5)  # the writer child dies with its parent (it would otherwise go on writing)
    assert temp.exists()
    fix = temp.with_name(temp.name + ".fix")
    fix.write_bytes(b"half a repair")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:  # a run still going on here, another computer's, and an older version's: not to be touched
        alive = tmp_path / f".~compliance-{tempfiles.HOST}-{sleeper.pid}-abc.xlsx"
        elsewhere = tmp_path / f".~compliance-000000-{proc.pid}-abc.xlsx"
        old_name, ancient = tmp_path / ".~compliance-k2j4h5.xlsx", tmp_path / ".~compliance-x8y7z6.xlsx"
        for path in (alive, elsewhere, old_name, ancient):
            path.write_bytes(b"")
        week_ago = time.time() - 7 * 24 * 3600
        os.utime(ancient, (week_ago, week_ago))
        result = subprocess.run([sys.executable, "-m", "compliance", "check", str(ledger(tmp_path, 3)),
                                 "--as-of", "2016-12-31", "-o", str(out), "-q"], capture_output=True, text=True,
                                timeout=GUARD)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert result.returncode == 1, result.stderr
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~"))
    assert left == sorted([alive.name, elsewhere.name, old_name.name])
    assert openpyxl.load_workbook(out, read_only=True)["全部记录"].max_row == 4


def test_a_killed_web_servers_uploads_are_removed_by_the_next_server(tmp_path):
    env_tmp = tmp_path / "tmp"
    env_tmp.mkdir()
    first = Served(tmp_path, tmpdir=env_tmp)
    first.proc.kill()
    first.proc.communicate()
    [left] = env_tmp.glob("compliance-web-*")
    with Served(tmp_path, tmpdir=env_tmp) as second:
        [now] = env_tmp.glob("compliance-web-*")
        assert now != left and second.get("/api/info")[0] == 200


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs: a real full disk (needs root; skipped, saying so, where mount is impossible)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (root is needed): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_one_chinese_line_with_no_second_attempt(small_disk, tmp_path):
    source = ledger(tmp_path, 30_000)  # its report is over 2 MB
    out = small_disk / "报告.xlsx"
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(source), "--as-of", "2016-12-31",
                             "-o", str(out)], capture_output=True, text=True, timeout=GUARD)
    assert result.returncode == 2
    assert result.stderr.strip() == f"错误：无法写入报告 {out}（磁盘空间不足）。请用 --out 换一个位置"
    assert list(small_disk.iterdir()) == []  # the partial temporary file is gone
    assert "后备" not in result.stdout + result.stderr  # the fallback writer was not tried


@pytest.mark.parametrize("rows, free_kb", [
    (30_000, None),  # the upload itself (waitress spools it to a temporary file) does not fit
    (2_000, 200),  # the upload fits, its report does not
])
def test_a_full_disk_on_the_server_is_a_plain_chinese_answer(small_disk, tmp_path, rows, free_kb):
    body = ledger(tmp_path, rows).read_bytes()
    with Served(tmp_path, tmpdir=small_disk) as server:
        if free_kb:
            stat = os.statvfs(small_disk)
            (small_disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - free_kb * 1024))
        status, payload = server.upload([("区安监局_行政处罚.csv", body)], {"as_of": "2016-12-31"})
        after = server.upload([("区安监局_行政处罚.csv", ledger(tmp_path, 3).read_bytes())],
                              {"as_of": "2016-12-31"}) if free_kb else (200, None)
    assert status == 507, payload
    assert payload["error"] == {"code": "server-storage",
                                "message": "服务器暂时无法保存文件（磁盘空间不足），本次没有检查。请稍后再试，或告诉区政府办。"}
    assert after[0] == 200  # a smaller upload still gets its answer


def test_a_worker_killed_from_outside_is_reported_and_cleaned_up(big_ledger, tmp_path):
    out = tmp_path / "报告.xlsx"
    proc = start_check(big_ledger, out)
    temp = wait_for_saving(proc, tmp_path)
    worker = int(temp.name.split("-")[2])  # .~compliance-<host>-<pid>-…: the worker that writes it
    assert worker != proc.pid
    os.kill(worker, signal.SIGKILL)  # as the out-of-memory killer would
    _, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == 2
    assert err.strip() == ("错误：检查进程意外结束（信号 9），未生成报告。可能是内存不足：请关闭其他程序后重试，"
                           "或用 --month 分几次检查")
    assert list(tmp_path.glob(".~*")) == [] and not out.exists()


def test_a_worker_killed_after_the_report_says_the_report_is_whole(big_ledger, tmp_path):
    # Killed while it writes the JSON, after the report is in place: the report stands, and so says the
    # message (it said 未生成报告 beside a report the user then found).
    out, answer = tmp_path / "报告.xlsx", tmp_path / "结果.json"
    proc = subprocess.Popen([sys.executable, "-m", "compliance", "check", str(big_ledger), "--as-of", "2016-12-31",
                             "-o", str(out), "--json", str(answer), "-q"], cwd=big_ledger.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline and proc.poll() is None and not list(tmp_path.glob(".~compliance-*.json")):
        time.sleep(0.005)
    [temp] = list(tmp_path.glob(".~compliance-*.json"))
    os.kill(int(temp.name.split("-")[2]), signal.SIGKILL)
    _, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == 2
    assert err.strip() == (f"错误：检查进程在写出 {out} 之后意外结束（信号 9）：这些文件是完整的，之后的步骤（如记入历史库）没有完成。"
                           "请重新运行")
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "汇总"  # whole
    assert not answer.exists() and list(tmp_path.glob(".~*")) == []


def test_a_reader_that_leaves_early_gets_no_internal_error_and_the_report_stays(tmp_path):
    """`compliance check … | head`: stdout's reader is gone before the first line; the shell's 141, no
    内部错误 and no traceback, and the report written before the terminal lines is whole."""
    source = ledger(tmp_path, 30)
    out = tmp_path / "报告.xlsx"
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has left before anything is written
    try:
        done = subprocess.run([sys.executable, "-m", "compliance", "check", str(source), "--as-of", "2016-12-31",
                               "--out", str(out)], stdout=write_end, stderr=subprocess.PIPE, timeout=GUARD)
    finally:
        os.close(write_end)
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 141, stderr
    assert "内部错误" not in stderr and "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "汇总"


def _children(pid: int) -> list[int]:
    """Linux: the processes whose parent is ``pid``, from /proc (field 4 of stat, after the name)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; PR_SET_PDEATHSIG is Linux's")
def test_a_check_killed_while_reading_leaves_no_reader_behind(big_ledger, tmp_path):
    """kill -9 of the check (its supervisor and worker) while a reader works: the reader goes too, instead
    of blocking for ever on the pipe its records were to go through (found by hand: 160 MB each, still
    there after 20 minutes, holding the caller's stdout open). The reader's stderr file that the killed
    check could not remove is removed by the next check; a live process's is kept."""
    temp = tmp_path / "temp"
    temp.mkdir()
    live = temp / f"compliance-reader-{tempfiles.HOST}-{os.getpid()}-abc.txt"
    live.touch()
    proc = start_check(big_ledger, tmp_path / "报告.xlsx", temp)
    deadline, workers, readers = time.monotonic() + GUARD, [], []
    while time.monotonic() < deadline and proc.poll() is None and not readers:
        workers = _children(proc.pid)
        readers = [r for w in workers for r in _children(w)]
        time.sleep(0.02)
    assert readers, "no reader process was seen"
    for pid in [proc.pid, *workers]:  # not the readers: they must go by themselves
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(r) for r in readers):
        time.sleep(0.1)
    still = [r for r in readers if _alive(r)]
    for pid in still:  # not left behind by the test either
        os.kill(pid, signal.SIGKILL)
    assert still == []
    proc.communicate(timeout=GUARD)
    assert len(list(temp.glob("compliance-reader-*"))) == 2  # kill -9: nothing could remove it
    small = ledger(tmp_path, 3, "区环保局_2016年行政处罚.csv")
    after = start_check(small, tmp_path / "第二次.xlsx", temp)
    after.communicate(timeout=GUARD)
    assert after.returncode == 1 and list(temp.iterdir()) == [live]


def test_sigterm_in_a_finalizer_is_delivered_again_outside_it():
    """Full-run flake: SIGTERM while a pipe was being collected raised Terminated inside its __del__, where
    Python prints "Exception ignored in …" (a traceback on the user's screen) and drops it; the run went on.
    The handler sends the signal again a moment later instead, and it stops the run where a finalizer is not."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals need the main thread")
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        class Finalized:
            def __del__(self):
                os.kill(os.getpid(), signal.SIGTERM)  # arrives while the finalizer runs
                time.sleep(0.001)

        with pytest.raises(Terminated):
            Finalized()  # collected at once: the signal meets the finalizer's frame
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                time.sleep(0.01)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _supervised(code: int, written: Path | None = None) -> int:
    """supervise._wait over a real forked worker that ignores Ctrl-C (past the point where a signal stops it),
    announces ``written`` as the real one does, and ends with ``code``; Ctrl-C comes 0.1 s in."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if written is not None:
            tempfiles.announce_to(write_end)
            tempfiles.announce_written(written)
        time.sleep(0.5)
        os._exit(code)
    os.close(write_end)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
    return supervise._wait(pid, read_end)


@pytest.mark.parametrize("worker_code, said, code", [(1, "", 1), (0, "", 0), (130, "已中止。", 130)])
def test_a_ctrl_c_the_worker_no_longer_acted_on_leaves_its_verdict(capfd, worker_code, said, code):
    # probe p80 L1: Ctrl-C as the run ended, everything written: the supervisor still said 已中止 and exit 130
    assert _supervised(worker_code) == code
    assert capfd.readouterr().err.strip() == said


def test_a_ctrl_c_after_the_report_was_written_names_it(capfd, tmp_path):
    # probe p87 L5: stopped after the report was in place, before the JSON: only 已中止 was said
    report = tmp_path / "报告.xlsx"
    assert _supervised(130, report) == 130
    assert capfd.readouterr().err.strip() == f"已中止。中止前已完整写好：{report}；其余未写。"
