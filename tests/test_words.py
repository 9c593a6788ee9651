"""Issue 21 item 3: one set of words in the terminal, the report, the page and the README, each defined once.

The README's "排名规则和用词" table is the definition; the terminal (real CLI), the report's
汇总 and 说明 (openpyxl reads the real workbook) and the page (index.html as served) use its
words and its formulas, and no abbreviation of them.
"""

import datetime as dt
import re
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from compliance.status import STATUS_LABELS
from helpers import PENALTY_HEADER, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGE = (ROOT / "compliance" / "web" / "static" / "index.html").read_text(encoding="utf-8")
WORDS = [*STATUS_LABELS.values(), "逾期", "及时公开率", "迟报率", "合规率", "完整率", "排名及时率", "网站未见"]
FORMULAS = ["逾期", "及时公开率", "迟报率", "排名及时率"]


def section(text: str, title: str) -> str:
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def definitions() -> dict[str, str]:
    rows = re.findall(r"^\| (\S+) \| (.+) \|$", section(README, "排名规则和用词"), flags=re.M)
    return {word: meaning for word, meaning in rows if word not in ("词", "---")}


def test_each_word_is_defined_once_in_the_readme_and_nowhere_else_in_it():
    rows = re.findall(r"^\| (\S+) \|", section(README, "排名规则和用词"), flags=re.M)
    assert sorted(w for w in rows if w in WORDS) == sorted(WORDS)  # each once in the table
    outside = README.replace(section(README, "排名规则和用词"), "")
    # Program output quoted in text blocks repeats the tool's own one-line rule; that is use, not definition.
    outside = re.sub(r"```text\n.*?```", "", outside, flags=re.S)
    for word in WORDS:
        # a definition is "**词** =" or "词 = …÷"; elsewhere the README only uses the word
        assert not re.search(rf"\*\*{word}\*\* *[=＝（]|(^|[，。；\s]){word} = [^，。]*÷", outside, flags=re.M), word
    assert "才是考核所说的“瞒报”嫌疑" in definitions()["网站未见"]  # a blank ledger date is no claim to hide


def test_the_formulas_are_the_readmes_on_the_page_and_on_the_about_sheet(tmp_path):
    defined = definitions()
    about = dict(_about_rows(_report(tmp_path)))
    for word in FORMULAS:
        formula = re.split("：|（考核", defined[word])[0]
        assert about[word].startswith(formula), (word, about[word], formula)
        assert f"<li>{word} = {formula}" in PAGE, word


def test_the_terminal_and_the_summary_sheet_use_the_words_unabridged(tmp_path):
    path = _report(tmp_path)
    result = _run(tmp_path)
    header = next(line for line in result.stdout.splitlines() if line.startswith("排名"))
    assert header.split() == ["排名", "单位", "类别", "按时公开", "逾期", "未到期", "数据有误", "无法判定", "排名及时率"]
    assert not re.search("迟报(?!率)", result.stdout)  # 迟报 alone once meant 逾期公开 only
    assert "逾期 = 逾期公开 + 逾期未公开" in result.stdout
    sheet = openpyxl.load_workbook(path)["汇总"]
    headers = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "排名")
    for word in [*STATUS_LABELS.values(), "及时公开率", "迟报率", "合规率", "完整率", "排名及时率"]:
        assert word in headers, word
    assert not set(headers) & {"迟报", "有误", "待定", "及时率", "未公开"}


def _ledger(tmp_path: Path) -> Path:
    rows = [(dt.date(2016, 9, 1), dt.date(2016, 9, 5)), (dt.date(2016, 9, 1), dt.date(2016, 11, 30)),
            (dt.date(2016, 9, 1), None), (dt.date(2016, 9, 1), dt.date(2016, 8, 1))]
    body = [[i, f"西罚〔2016〕{i}号", f"公司{i}", d, p, "区安监局"] for i, (d, p) in enumerate(rows, start=1)]
    return write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})


def _run(tmp_path: Path):
    _ledger(tmp_path)
    return CliRunner().invoke(main, ["check", str(tmp_path / "区安监局.xlsx"), "--as-of", "2016-12-31",
                                     "--out", str(tmp_path / "r.xlsx")], prog_name="compliance")


def _report(tmp_path: Path) -> Path:
    assert _run(tmp_path).exit_code == 1
    return tmp_path / "r.xlsx"


def _about_rows(path: Path):
    for row in openpyxl.load_workbook(path)["说明"].iter_rows(values_only=True):
        if row and row[0] and len(row) > 1 and row[1]:
            yield row[0], str(row[1])
