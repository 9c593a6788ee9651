"""A period's records as one blob (schema version 2): Parquet bytes, column-wise and zstd-compressed.

100,000 records are about 1.3 MB and take 0.1–0.2 s to encode, where binding them row by row took over
a second. Only the next period's follow-up reads them back (carry._covered: keys of a few units).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .columns import RECORD_COLUMNS

FORMAT = "parquet-1"  # period_records.format: how ``data`` is encoded
_INTEGERS = {"row"}


def _array(column: pd.Series, name: str) -> pa.Array:
    """A column as its Arrow type: strings straight from the Series (no Python objects), dates as ISO
    text. Not pa.Table.from_pandas, which keeps pandas' own types; a cell of another kind (a number in a
    text column) becomes its text, as SQLite kept it in version 1."""
    kind, plain = (pa.int64(), int) if name in _INTEGERS else (pa.string(), str)
    if plain is str and pd.api.types.is_datetime64_any_dtype(column.dtype):
        days = column.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
        return pa.array(days, from_pandas=True).cast(pa.string())  # date32 -> "2016-09-28", NaT -> null
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    try:
        return pa.array(column, type=kind, from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid, pa.ArrowNotImplementedError):
        values = column.to_numpy(dtype=object, na_value=None)
        return pa.array([None if v is None else plain(v) for v in values], type=kind)


def encode(records: pd.DataFrame) -> bytes:
    """RECORD_COLUMNS of ``records`` as Parquet bytes (dates as datetime64 or as ISO text)."""
    table = pa.table({name: _array(records[name], name) for name in RECORD_COLUMNS})
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", write_page_checksum=True)  # damage is found, not read
    return sink.getvalue().to_pybytes()


class DamagedBlob(ValueError):
    """A period's blob that is not the Parquet it was written as: SQLite keeps no checksum of a blob's
    bytes, so damage inside one is found only when it is read (database.py: store-corrupt)."""


def decode(data: bytes, columns: list[str], units: list[str] | None = None) -> pd.DataFrame:
    """``columns`` of one blob's records (``units``: only theirs), text as Python strings, None for missing."""
    try:
        table = pq.read_table(pa.BufferReader(data), columns=columns, page_checksum_verification=True)
    except (pa.ArrowException, OSError, ValueError) as error:
        raise DamagedBlob(f"记录数据块（{len(data)} 字节）无法读取：{error}") from error
    if units is not None:
        table = table.filter(pc.is_in(table["unit"], value_set=pa.array(units, type=pa.string())))
    return pd.DataFrame({name: table[name].to_numpy(zero_copy_only=False) for name in columns}, columns=columns)
