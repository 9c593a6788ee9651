"""One date shape in the frame (dates.DATE_DTYPE) and each deadline computed once, on real files."""

import datetime as dt

import numpy as np
import pytest

from compliance.api import check
from compliance.classify import add_deadlines, classify
from compliance.dates import DATE_DTYPE
from compliance.ingest.load import load
from compliance.rules import PROFILES, single
from compliance.workcalendar import WorkCalendar
from helpers import PENALTY_HEADER, write_csv, write_xlsx

D = dt.date
DISTRICT, NATIONAL = single(PROFILES["district"]), single(PROFILES["national"])
# 2016-09-01 (Thu): 7 working days -> 2016-09-12; 20 working days -> 2016-09-30 (09-18 is a make-up Sunday)
ROW = [1, "西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), None, "区安监局"]
LIST_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]


@pytest.fixture
def files(tmp_path):
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER, ROW]})
    # the list spans 2016-09-20 to 2016-10-20: a deadline before it cannot be checked against it (nor one
    # after its latest date, issue 20.12); its decisions go back to 08-25, before the record's (a list of
    # later decisions only could not show it either: docs/rules.md §9)
    online = write_csv(tmp_path / "list.csv", [LIST_HEADER, ["西安监罚〔2016〕99号", "乙公司", "2016-08-25", "2016-09-20"],
                                               ["西安监罚〔2016〕98号", "丙公司", "2016-10-10", "2016-10-20"]])
    return ledger, online


@pytest.mark.parametrize("rules, deadline, result", [
    (NATIONAL, D(2016, 9, 12), "not-verifiable"),  # deadline before the list's span
    (DISTRICT, D(2016, 9, 30), "not-found"),  # the list could have shown it
])
def test_the_online_span_test_and_the_status_share_one_deadline(files, rules, deadline, result):
    ledger, online = files
    run = check([ledger], as_of=D(2016, 12, 31), run_date=D(2017, 1, 5), rules=rules, online=[online])
    record = run.records.iloc[0]
    assert record["deadline"] == np.datetime64(deadline) and record["online_result"] == result
    assert record["status"] == "overdue"


def test_every_date_column_has_the_one_shape(files):
    ledger, online = files
    run = check([ledger], as_of=D(2016, 12, 31), run_date=D(2017, 1, 5), online=[online])
    for name in ("decision_date", "published_date", "deadline", "ledger_published_date", "online_published_date"):
        assert run.records[name].dtype == DATE_DTYPE, name
    for name in ("decision_date", "online_date"):
        assert run.online.online_only[name].dtype == DATE_DTYPE, name
    assert isinstance(run.online.lists[0].first, dt.date) and isinstance(run.online.span_start, dt.date)


def test_classify_uses_the_deadline_it_is_given(files):
    """A frame that already has its deadlines is not given new ones: the deadline is computed once."""
    records = add_deadlines(load([files[0]]).records, WorkCalendar(), NATIONAL)
    judged = classify(records, WorkCalendar(), DISTRICT, D(2016, 12, 31), D(2017, 1, 5)).iloc[0]
    assert judged["deadline"] == np.datetime64(D(2016, 9, 12)) and judged["working_days"] == 7
    fresh = classify(load([files[0]]).records, WorkCalendar(), DISTRICT, D(2016, 12, 31), D(2017, 1, 5)).iloc[0]
    assert fresh["deadline"] == np.datetime64(D(2016, 9, 30)) and fresh["rule"] == DISTRICT.rules[0].name
