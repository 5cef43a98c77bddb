"""Write stage: Parquet files with explicit Arrow schemas, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

CLAIMS_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()),
        ("doc_id", pa.string()),
        ("source_path", pa.string()),
        ("province", pa.string()),
        ("city", pa.string()),
        ("district", pa.string()),
        ("adcode", pa.string()),
        ("report_year", pa.int32()),
        ("year", pa.int32()),
        ("period", pa.string()),
        ("claim_type", pa.string()),
        ("indicator", pa.string()),
        ("indicator_id", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("value_base", pa.float64()),
        ("unit_base", pa.string()),
        ("growth_rate", pa.float64()),
        ("growth_unit", pa.string()),
        ("base_year", pa.int32()),
        ("qualifier", pa.string()),
        ("evidence", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("rule", pa.string()),
        # ours, beyond the contract
        ("place", pa.string()),  # the most specific of district / city / province
        ("value_max", pa.float64()),  # high end of a range (200至400个)
        ("growth_rate_max", pa.float64()),
        ("value_text", pa.string()),
        ("section", pa.string()),
    ]
)

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_path", pa.string()),
        ("sha256", pa.string()),
        ("encoding", pa.string()),
        ("title", pa.string()),
        ("province", pa.string()),
        ("city", pa.string()),
        ("district", pa.string()),
        ("adcode", pa.string()),
        ("report_year", pa.int32()),
        ("meeting_date", pa.string()),
        ("article_date", pa.string()),
        ("speaker", pa.string()),
        ("article_index", pa.int32()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("n_chars", pa.int64()),
        ("n_claims", pa.int64()),
        ("warnings", pa.list_(pa.string())),
    ]
)

REJECTS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_path", pa.string()),
        ("reason", pa.string()),
        ("evidence", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("rule", pa.string()),
        ("candidate", pa.string()),
    ]
)


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table of the schema (keys the schema lacks are dropped)."""
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.Table.from_pydict(cols, schema=schema)


def write_table(rows: list[dict[str, Any]] | pa.Table, schema: pa.Schema, path: Path) -> None:
    """Write rows (or a table of the schema) as Parquet to a temp file beside `path`,
    then rename it into place.

    The rename is atomic, so a crash or Ctrl-C never leaves a half-written file.
    """
    table = rows if isinstance(rows, pa.Table) else to_table(rows, schema)
    if table.schema != schema:
        raise ValueError(f"{path.name}: table schema differs from the contract")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table.combine_chunks(), tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
