"""Repairs of rustpy-xlsxwriter 0.8 output, kept apart so they can go when the library fixes them.

pyproject pins rustpy-xlsxwriter to the range these repairs are tested with
(tests/test_safety.py). Two gaps are mended:
- a sheet's last row is written twice when that row carries row settings
  (Excel then offers to "repair" the file): the second copy is dropped;
- its charts cannot set an axis scale or data labels: the chart part is
  replaced by the one xlsxwriter writes for the same sheet.
Only what changes is decompressed: zipfile's public API lists the entries
(``ZipInfo.header_offset``, ``compress_size``, ``CRC``), every other entry's
compressed bytes are copied as they are, and the new archive's headers are
written here from the zip format (APPNOTE 4.3). Copying instead of
recompressing the record sheets saved 0.8 s at 100,000 records and 7.5 s at
1,000,000. Anything unexpected (another number of charts, an entry that is
not deflated or stored) raises ``RepairError``, and the caller falls back to
the xlsxwriter backend, saying so.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections import deque
from pathlib import Path

from ..errors import RepairError
from .layout import SheetSpec

CHART_PART = re.compile(r"xl/charts/chart\d+\.xml")
TAIL = 4 << 20  # a row is far smaller than this
_SELF_CLOSED_LAST = re.compile(rb'<row r="(\d+)"[^>]*/>(\s*</sheetData>)')


def repair_rust_output(path: Path, specs: list[SheetSpec], chart_parts: dict[str, bytes]) -> None:
    """Rewrite ``path`` with duplicated last rows dropped, the heights of wrapped rows with a fill set
    (heights_after_writing) and ``chart_parts`` swapped in."""
    heights = {f"xl/worksheets/sheet{i}.xml": heights_after_writing(s) for i, s in enumerate(specs, start=1)}
    heights = {name: rows for name, rows in heights.items() if rows}
    suspects = {f"xl/worksheets/sheet{i}.xml" for i, s in enumerate(specs, start=1) if _last_row_has_settings(s)}
    suspects |= set(heights)
    fixed = path.with_name(path.name + ".fix")
    try:
        with zipfile.ZipFile(path) as source:
            infos = source.infolist()
            names = [i.filename for i in infos if CHART_PART.fullmatch(i.filename)]
            if sorted(names) != sorted(chart_parts):
                raise RepairError(f"图表部件与预期不符：{names} / {sorted(chart_parts)}")
            if len({i.filename for i in infos}) != len(infos) or \
                    any(i.compress_type not in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED) for i in infos):
                raise RepairError("压缩包条目与预期不符")
            with open(path, "rb") as raw, open(fixed, "wb") as out:
                writer = _ZipAssembler(out)
                for info in infos:
                    if info.filename in chart_parts:
                        writer.add_bytes(info, chart_parts[info.filename])
                    elif info.filename in suspects:
                        with source.open(info) as stream:
                            writer.add_stream(info, lambda sink, s=stream, h=heights.get(info.filename):
                                              _copy_without_duplicate_last_row(s, _HeightSink(sink, h) if h else sink))
                    else:
                        writer.copy_raw(raw, info)
                writer.finish()
        os.replace(fixed, path)
    finally:
        fixed.unlink(missing_ok=True)


class _ZipAssembler:
    """Writes a zip archive from raw compressed entries (APPNOTE 4.3), with Zip64 where sizes need it."""

    LOCAL = struct.Struct("<IHHHHHIIIHH")
    CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
    LIMIT = 0xFFFFFFFF  # sizes and offsets from here on go in Zip64 fields
    FULL = 0xFFFFFFFF  # what the 32-bit field then says

    def __init__(self, out):
        self.out = out
        self.entries: list[tuple] = []  # (info, flags, method, crc, csize, usize, offset)

    def copy_raw(self, raw, info: zipfile.ZipInfo) -> None:
        raw.seek(info.header_offset)
        fields = self.LOCAL.unpack(raw.read(self.LOCAL.size))
        if fields[0] != 0x04034B50:
            raise RepairError(f"压缩包条目头不符：{info.filename}")
        raw.seek(fields[9] + fields[10], os.SEEK_CUR)  # the name and extra field of the old header
        offset = self._local_header(info, info.compress_type, info.CRC, info.compress_size, info.file_size)
        left = info.compress_size
        while left:
            chunk = raw.read(min(left, 1 << 20))
            if not chunk:
                raise RepairError(f"压缩包条目不完整：{info.filename}")
            self.out.write(chunk)
            left -= len(chunk)
        self.entries.append((info, info.compress_type, info.CRC, info.compress_size, info.file_size, offset))

    def add_bytes(self, info: zipfile.ZipInfo, data: bytes) -> None:
        self.add_stream(info, lambda sink: sink.write(data), len(data))

    def add_stream(self, info: zipfile.ZipInfo, produce, size_hint: int | None = None) -> None:
        """Deflate what ``produce(sink)`` writes; the header is patched once the sizes are known."""
        zip64 = (size_hint if size_hint is not None else info.file_size) >= self.LIMIT // 2
        offset = self._local_header(info, zipfile.ZIP_DEFLATED, 0, 0, 0, zip64=zip64)
        sink = _DeflateSink(self.out)
        produce(sink)
        sink.flush()
        if not zip64 and max(sink.csize, sink.usize) >= self.LIMIT:
            raise RepairError(f"条目过大：{info.filename}")
        end = self.out.tell()
        self.out.seek(offset)
        self._local_header(info, zipfile.ZIP_DEFLATED, sink.crc, sink.csize, sink.usize, zip64=zip64)
        self.out.seek(end)
        self.entries.append((info, zipfile.ZIP_DEFLATED, sink.crc, sink.csize, sink.usize, offset))

    def _local_header(self, info, method, crc, csize, usize, zip64: bool | None = None) -> int:
        offset = self.out.tell()
        if zip64 is None:
            zip64 = max(csize, usize) >= self.LIMIT
        name = info.filename.encode("utf-8")
        extra = struct.pack("<HHQQ", 1, 16, usize, csize) if zip64 else b""
        sizes = (self.FULL, self.FULL) if zip64 else (csize, usize)
        time, date = _dos_time(info.date_time)
        self.out.write(self.LOCAL.pack(0x04034B50, 45 if zip64 else 20, _flags(name), method, time, date, crc,
                                       *sizes, len(name), len(extra)))
        self.out.write(name + extra)
        return offset

    def finish(self) -> None:
        start = self.out.tell()
        for info, method, crc, csize, usize, offset in self.entries:
            name = info.filename.encode("utf-8")
            big = [v for v in (usize, csize) if max(csize, usize) >= self.LIMIT]
            if offset >= self.LIMIT:
                big.append(offset)
            extra = struct.pack(f"<HH{len(big)}Q", 1, 8 * len(big), *big) if big else b""
            time, date = _dos_time(info.date_time)
            self.out.write(self.CENTRAL.pack(
                0x02014B50, 45 if big else 20, 45 if big else 20, _flags(name), method, time, date, crc,
                self.FULL if max(csize, usize) >= self.LIMIT else csize,
                self.FULL if max(csize, usize) >= self.LIMIT else usize,
                len(name), len(extra), 0, 0, 0, info.external_attr, self.FULL if offset >= self.LIMIT else offset))
            self.out.write(name + extra)
        end = self.out.tell()
        count, size = len(self.entries), end - start
        if count >= 0xFFFF or start >= self.LIMIT or size >= self.LIMIT:
            self.out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, size, start))
            self.out.write(struct.pack("<IIQI", 0x07064B50, 0, end, 1))
        self.out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                                   self.FULL if size >= self.LIMIT else size,
                                   self.FULL if start >= self.LIMIT else start, 0))


class _DeflateSink:
    """A file-like sink that deflates (raw, as zip stores it) into ``out`` and counts as it goes."""

    def __init__(self, out):
        self.out = out
        self.compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
        self.crc = self.csize = self.usize = 0

    def write(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.usize += len(data)
        self._emit(self.compressor.compress(data))

    def flush(self) -> None:
        self._emit(self.compressor.flush())

    def _emit(self, block: bytes) -> None:
        self.csize += len(block)
        self.out.write(block)


def _dos_time(date_time: tuple) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), (max(year, 1980) - 1980) << 9 | (month << 5) | day


def _flags(name: bytes) -> int:
    return 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8


def heights_after_writing(spec: SheetSpec) -> dict[int, float]:
    """{sheet row (1-based): points} set here, not by the writer: rustpy-xlsxwriter 0.8 writes a row that has
    both a height and a format (a fill, wrapping) with the row's format on its date cells, which then show
    as numbers (42614). A sheet with fills wraps by row formats (writers.py), so its heights come after."""
    if not (spec.wrap_columns and spec.highlight):
        return {}
    return {spec.header_row + 2 + r: h for r, h in spec.row_heights.items()}


class _HeightSink:
    """Passes a sheet's XML on, with ``ht`` and ``customHeight`` added to the rows ``heights`` names.

    Rows come in order, so each named row is looked for from where the last one was found (bytes.find):
    a regular expression over every row made a Python call per row of the sheet."""

    def __init__(self, sink, heights: dict[int, float]):
        self.sink, self.heights, self.carry = sink, heights, b""
        self.wanted = iter(sorted(heights))
        self.next = next(self.wanted, None)

    def write(self, data: bytes) -> None:
        data = self.carry + data
        cut = data.rfind(b"<")  # a tag cut at the chunk's end waits for the rest; one before it is whole
        self.carry = data[cut:] if cut >= 0 else b""
        self._pass(data[:cut] if cut >= 0 else data)

    def finish(self) -> None:
        self._pass(self.carry)
        self.carry = b""

    def _pass(self, data: bytes) -> None:
        start = 0
        while self.next is not None:
            tag = b'<row r="%d"' % self.next
            at = data.find(tag, start)
            if at < 0:
                if self.next > self._last_row(data):
                    break  # further on, in a later chunk
                self.next = next(self.wanted, None)  # a row not written (no cells): the others still get theirs
                continue
            end = at + len(tag)
            self.sink.write(data[start:end] + b' ht="%g" customHeight="1"' % self.heights[self.next])
            start = end
            self.next = next(self.wanted, None)
        self.sink.write(data[start:] if start else data)

    @staticmethod
    def _last_row(data: bytes) -> int:
        at = data.rfind(b'<row r="')
        return int(data[at + 8:data.index(b'"', at + 8)]) if at >= 0 else 0


def _last_row_has_settings(spec: SheetSpec) -> bool:
    last = spec.header_row + len(spec.frame)
    with_settings = {spec.header_row} | {spec.header_row + 1 + r for r in
                                         (*spec.highlight, *spec.bold_rows, *spec.row_heights)}
    if spec.title:
        with_settings.add(0)
    return last in with_settings


def _copy_without_duplicate_last_row(stream, sink) -> None:
    held, size = deque(), 0  # the last TAIL bytes or more, as read: joined once at the end
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        held.append(chunk)
        size += len(chunk)
        while size - len(held[0]) >= TAIL:
            size -= len(held[0])
            sink.write(held.popleft())
    tail = b"".join(held)
    match = _SELF_CLOSED_LAST.search(tail)
    if match and tail.rfind(b'<row r="%s"' % match.group(1), 0, match.start()) >= 0:
        tail = tail[:match.start()] + match.group(2) + tail[match.end():]
    sink.write(tail)
    if isinstance(sink, _HeightSink):
        sink.finish()
