"""The repository stands alone: its docs explain the rules, and nothing cites a file outside it."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "rules.md"
OUTSIDE = re.compile(r"DOMAIN\.md|/work/shared|\.\./shared")
CITATION = re.compile(r"docs/rules\.md §(\d+)")


def tracked_text_files():
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        path = ROOT / name
        if path.suffix in {".py", ".md", ".toml", ".txt", ".json", ".html", ".js", ".css", ".csv", ""} and path.is_file():
            yield path


def test_nothing_cites_a_file_outside_the_repository():
    this = Path(__file__).resolve()
    cited = [str(p.relative_to(ROOT)) for p in tracked_text_files()
             if p.resolve() != this and OUTSIDE.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert cited == []


def test_every_citation_of_the_rules_names_a_section_that_exists():
    sections = set(re.findall(r"^## (\d+)\. ", RULES.read_text(encoding="utf-8"), re.M))
    cited = {}
    for path in tracked_text_files():
        for number in CITATION.findall(path.read_text(encoding="utf-8", errors="replace")):
            cited.setdefault(number, []).append(str(path.relative_to(ROOT)))
    assert cited, "the code cites docs/rules.md by section"
    assert {n: files for n, files in cited.items() if n not in sections} == {}


def test_readme_links_the_rules_and_the_rules_name_their_sources():
    assert "](docs/rules.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    text = RULES.read_text(encoding="utf-8")
    for source in ("西政办发〔2016〕55号", "20个工作日内上网公开", "国办发〔2015〕51号", "第二百零一条",
                   "find_workday", "busday", "--calendar", "公示期"):
        assert source in text, source
