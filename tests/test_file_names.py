"""Names and paths as a clerk's machine has them: file names in GBK bytes (a zip made on a Chinese Windows,
unpacked on Linux) are read and shown decoded (one such name used to stop the whole monthly run with an
internal error); an output name too long is refused before the run; a JSON that cannot be written after
the report still leaves the report said. Real files, the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LINUX_ONLY = pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take names that are not UTF-8")


def _gbk(folder: Path, *parts: str) -> bytes:
    return os.path.join(os.fsencode(folder), *(p.encode("gbk") for p in parts))


@LINUX_ONLY
def test_files_named_in_gbk_are_read_and_shown_decoded(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    os.mkdir(_gbk(folder, "区编办"))
    shutil.copyfile(ROOT / "sample_data" / "区国土分局_2016年行政处罚.xlsx", _gbk(folder, "区编办", "台账.xlsx"))
    with open(_gbk(folder, "区司法局台账.csv"), "w", encoding="utf-8") as handle:
        handle.write("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n西司罚〔2016〕1号,甲,2016-09-01,2016-12-05\n")
    shutil.copyfile(ROOT / "sample_data" / "区人社局_2016年行政许可.xlsx", folder / "区人社局_2016年行政许可.xlsx")
    before = set(Path(tempfile.gettempdir()).glob("compliance-names-*"))
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(folder), "--as-of", "2016-12-31",
                             "--no-history", "--out", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # late decisions, nothing unreadable
    assert "内部错误" not in result.stderr and "无法读取" not in result.stdout + result.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    files = {r["file"] for r in data["records"]}
    assert {f"{folder}/区司法局台账.csv", f"{folder}/区编办/台账.xlsx"} <= files, files
    said = json.dumps(data["inputs"], ensure_ascii=False)
    assert "文件名不是 UTF-8 编码" in said and "\\udc" not in said
    assert "区司法局" in {r["unit"] for r in data["records"]}
    assert set(Path(tempfile.gettempdir()).glob("compliance-names-*")) == before  # the aliases are gone
    assert (tmp_path / "r.xlsx").stat().st_size > 0


@pytest.mark.parametrize("option", ["--out", "--json", "--records-out", "--db"])
def test_an_output_name_too_long_to_make_is_said_before_the_run(tmp_path, option):
    name = "长" * 90 + (".xlsx" if option == "--out" else "")
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(ROOT / "sample_data"), "--as-of",
                             "2016-12-31", option, str(tmp_path / name), "-q"], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode == 2
    assert f"{option} 给的路径中有一个名字太长" in result.stderr and "内部错误" not in result.stderr
    assert not (tmp_path / "reports").exists()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_when_the_json_cannot_be_written_the_report_written_before_it_is_still_said():
    # A JSON folder the user may not write in: the report was in place, yet no 报告已保存 and no results.
    work = Path(tempfile.mkdtemp())
    try:
        (work / "ro").mkdir()
        os.chmod(work / "ro", 0o555)
        command = [sys.executable, "-m", "compliance", "check", str(ROOT / "sample_data"), "--as-of", "2016-12-31",
                   "--no-history", "--out", "r.xlsx", "--json", "ro/x.json"]
        if os.geteuid() == 0:  # root writes anywhere: run without the capability that lets it
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv")
            drop = "-dac_override,-dac_read_search"
            command = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=work)
        assert result.returncode == 2, result.stderr
        assert "无法写入 JSON 文件 ro/x.json（没有权限）" in result.stderr
        assert (work / "r.xlsx").exists() and "报告已保存：r.xlsx" in result.stdout
        # never a plain verdict beside exit 2 (review rev62): the JSON is missing
        assert "未完成：JSON 文件未能保存。本次检查：共 378 条记录" in result.stdout, result.stdout
    finally:
        os.chmod(work / "ro", 0o755)
        shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("options, said", [
    (["--no-history", "--record"], "--no-history 与 --record 只能选一个"),
    (["--online-since", "2016-01-01"], "--online-since 要与 --online 一起用"),
])
def test_options_that_contradict_each_other_are_refused(tmp_path, options, said):
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(ROOT / "sample_data"), "--as-of",
                             "2016-12-31", *options, "-q"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 2 and said in result.stderr
    assert not (tmp_path / "reports").exists()


def test_a_store_that_is_no_database_is_said_in_chinese_not_in_sqlites_english(tmp_path):
    shutil.copyfile(ROOT / "sample_data" / "区人社局_2016年行政许可.xlsx", tmp_path / "副本.xlsx")
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(ROOT / "sample_data"), "--as-of",
                             "2016-12-31", "--db", "副本.xlsx", "--record", "-q"], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert "（不是 SQLite 数据库文件）" in result.stderr and "file is not a database" not in result.stderr
    assert (tmp_path / "副本.xlsx").read_bytes() == (ROOT / "sample_data" / "区人社局_2016年行政许可.xlsx").read_bytes()


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ as on Linux")
def test_a_report_the_disk_cannot_take_is_said_in_chinese_without_the_writers_panic(tmp_path):
    import resource
    import signal

    def small_files():  # as a full disk does: the writer's files cannot grow
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(ROOT / "sample_data"), "--as-of",
                             "2016-12-31", "--no-history", "--out", "r.xlsx", "-q"], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path, preexec_fn=small_files)
    assert result.returncode == 2
    assert "无法写入报告 r.xlsx（文件超过系统允许的大小）" in result.stderr, result.stderr
    assert "backtrace" not in result.stderr and "Couldn't" not in result.stderr
    assert not (tmp_path / "r.xlsx").exists() and not list(tmp_path.glob("*.tmp*"))


@LINUX_ONLY
def test_a_long_gbk_name_valid_on_disk_is_read_too(tmp_path):
    # 100 characters: 200 bytes in GBK, valid; 300 in UTF-8, too long for the alias unless it is cut.
    name = "区安监局" + "长" * 96 + ".csv"
    with open(_gbk(tmp_path, name), "w", encoding="utf-8") as handle:
        handle.write("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n西安监罚〔2016〕1号,甲,2016-09-01,2016-09-05\n")
    result = subprocess.run([sys.executable, "-m", "compliance", "check", str(tmp_path), "--as-of", "2016-12-31",
                             "--no-history", "--json", "-"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [r["file"] for r in json.loads(result.stdout)["records"]] == [f"{tmp_path}/{name}"]
