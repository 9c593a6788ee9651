"""--records-out DIR: every record with its result as Parquet; a folder the tool did not create is never touched."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from compliance.cli import main

pytest.importorskip("pyarrow")
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def check(tmp_path: Path, *paths, records_out) -> tuple:
    result = CliRunner().invoke(main, ["check", *map(str, paths), "--as-of", "2016-12-31", "--out",
                                       str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json"),
                                       "--records-out", str(records_out)])
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) if (tmp_path / "r.json").exists() else None
    return result, payload


def test_every_record_and_its_result_is_written_and_a_second_run_replaces_the_folder(tmp_path):
    folder = tmp_path / "记录"
    result, payload = check(tmp_path, SAMPLE, records_out=folder)
    assert result.exit_code == 1, result.output
    table = pd.read_parquet(folder)
    assert len(table) == payload["summary"]["records"] == 378
    expected = pd.DataFrame(payload["records"])
    assert table["status"].tolist() == expected["status"].tolist()
    assert table["row"].tolist() == expected["row"].tolist()
    assert table["deadline"].dt.strftime("%Y-%m-%d").fillna("").tolist() == expected["deadline"].fillna("").tolist()
    assert "全部记录（Parquet）已写入" in result.output
    before = sorted(p.name for p in folder.iterdir())
    result, _ = check(tmp_path, SAMPLE, records_out=folder)
    assert result.exit_code == 1 and sorted(p.name for p in folder.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~")]


def test_a_folder_the_tool_did_not_create_is_refused_before_anything_is_written(tmp_path):
    folder = tmp_path / "数据组"
    folder.mkdir()
    (folder / "分析.parquet").write_bytes(b"the team's own file")
    result, payload = check(tmp_path, SAMPLE, records_out=folder)
    assert result.exit_code == 2 and "不是本工具用 --records-out 建立的文件夹" in result.stderr
    assert payload is None and not (tmp_path / "r.xlsx").exists()
    assert [p.name for p in folder.iterdir()] == ["分析.parquet"]
    result, _ = check(tmp_path, SAMPLE, records_out=SAMPLE / "区编办_2016年行政许可.xlsx")  # a file: refused
    assert result.exit_code == 2 and "拒绝写入" in result.stderr


def test_the_parts_inside_an_input_folder_are_not_read_back(tmp_path):
    import shutil

    inputs = tmp_path / "报送"
    shutil.copytree(SAMPLE, inputs)
    check(tmp_path, inputs, records_out=inputs / "记录")
    result, payload = check(tmp_path, inputs, records_out=inputs / "记录")
    assert payload["summary"]["records"] == 378
    assert not [e for e in payload["inputs"] if "记录" in e["file"]]


def test_past_the_json_limit_the_json_is_refused_with_advice_before_anything_is_written(tmp_path, monkeypatch):
    import compliance.api

    monkeypatch.setattr(compliance.api, "JSON_MAX_RECORDS", 377)  # the sample has 378 records
    result, payload = check(tmp_path, SAMPLE, records_out=tmp_path / "记录")
    assert result.exit_code == 2 and "超过 --json 的上限 377 条" in result.stderr and "--records-out" in result.stderr
    assert payload is None and not (tmp_path / "r.xlsx").exists() and not (tmp_path / "记录").exists()
    monkeypatch.setattr(compliance.api, "JSON_MAX_RECORDS", 378)
    result, payload = check(tmp_path, SAMPLE, records_out=tmp_path / "记录")
    assert result.exit_code == 1 and len(payload["records"]) == 378
