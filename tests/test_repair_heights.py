"""report/repair.py adds the heights of wrapped rows to a written sheet's XML as it streams past: every
named row gets its height wherever the stream's chunks are cut, and a named row that was never written
(no cells) costs only itself."""

import io
import re

from hypothesis import given
from hypothesis import strategies as st

from compliance.report.repair import _HeightSink


def sheet_xml(rows: int) -> bytes:
    body = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>&lt;row r="%d"</t></is></c></row>' % (r, r, r)
                    for r in range(1, rows + 1) if r % 7)  # every 7th row is not written
    return b'<worksheet><sheetData>' + body + b'</sheetData></worksheet>'


@given(st.integers(1, 60), st.sets(st.integers(1, 70)), st.integers(1, 200))
def test_every_written_row_named_gets_its_height_whatever_the_chunks(rows, named, chunk):
    xml = sheet_xml(rows)
    out = io.BytesIO()
    sink = _HeightSink(out, {r: 15.0 * (1 + r % 3) + 2 for r in named})
    for at in range(0, len(xml), chunk):
        sink.write(xml[at:at + chunk])
    sink.finish()
    result = out.getvalue()
    assert re.sub(rb' ht="[\d.]+" customHeight="1"', b"", result) == xml  # nothing else changed
    tall = {int(m.group(1)): float(m.group(2)) for m in re.finditer(rb'<row r="(\d+)" ht="([\d.]+)"', result)}
    written = {r for r in range(1, rows + 1) if r % 7}
    assert tall == {r: 15.0 * (1 + r % 3) + 2 for r in named & written}
