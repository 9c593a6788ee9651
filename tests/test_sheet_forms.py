"""Issue 17.1: every valid XML form of a worksheet is read whole, and the scan agrees with calamine.

The property test writes sheets in varied forms (attribute order, with and
without r on rows and cells, either quote, a namespace prefix, inline and
shared strings, whitespace), also mixed element by element, and checks that
every cell is read, that both scans find the true extent, and that nothing
is said to disagree.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compliance.ingest.readers import read_file
from compliance.ingest.sheetxml import scan_workbook
from xlsx_forms import Form, workbook

forms = st.builds(Form, prefix=st.sampled_from(["", "x"]), t_first=st.booleans(), quote=st.sampled_from(['"', "'"]),
                  row_r=st.booleans(), cell_r=st.booleans(), shared=st.booleans(), spaces=st.booleans())
values = st.one_of(st.integers(-10**6, 10**6),
                   st.text(st.sampled_from("区安监局罚2016〔〕号ab &<>'\"#!?:-"), min_size=1, max_size=8)
                   .filter(lambda s: s.strip() == s and s.strip()))
cells = st.dictionaries(st.tuples(st.integers(1, 60), st.integers(1, 40)), values, min_size=1, max_size=80)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=forms, mixed=st.one_of(st.none(), st.integers(0, 1000)), sheet=cells)
# The widest row is not the last: the extent's width comes from B1, not from the last cell (A3).
@example(form=Form(row_r=False), mixed=None, sheet={(1, 2): 0, (2, 1): "0", (3, 1): "0"})
def test_every_cell_of_every_form_is_read(tmp_path_factory, form, mixed, sheet):
    path = workbook(tmp_path_factory.mktemp("forms") / "forms.xlsx", {"表1": sheet}, form, mixed)
    [raw] = read_file(path)
    assert raw.doubt is None
    for (r, c), value in sheet.items():
        read = raw.rows[r - 1][c - 1]
        assert read == value if isinstance(value, str) else float(read) == value, ((r, c), value, read)
    height, width = max(r for r, _ in sheet), max(c for _, c in sheet)
    assert len(raw.rows) == height
    scan = scan_workbook(path).sheets["表1"]
    assert (scan.rows, scan.columns) == (height, width), scan
    # The guard's cheap look before calamine: rows exact; columns never over, and exact past Z when every
    # cell there has its r (spaces around = or a wide cell without r are the full scan's to find).
    guard = scan_workbook(path, details=False).sheets["表1"]
    assert guard.rows == height and guard.columns <= width, guard
    if width > 26 and mixed is None and form.cell_r and not form.spaces:
        assert guard.columns == width, guard
