"""A store file checked by type before anything uses it: every record against its record type.

msgspec does the decoding and the type checks (strict types, ranges, patterns, closed
vocabularies) in C, straight from the file's bytes, and is faster than json.loads: the
record types of kazsec.model are the one schema, not a second hand-written copy. Each
record is decoded on its own so that a mismatch names its table, record and field. A few
rules no type can state (a real calendar date, a passage inside its source, references
the commands follow) are checked after.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import msgspec

from kazsec.model import (
    KNOWLEDGE_TABLES,
    META_TABLE,
    RECORD_TYPES,
    SCHEMA_VERSION,
    MetaRecord,
    Record,
)

Problem = Callable[[str], Exception]


_FIELD = re.compile(r"at `\$\.?([^`]*)`")
_MISSING = re.compile(r"Object missing required field `([^`]*)`")
_DECODERS: dict[str, msgspec.json.Decoder[Any]] = {
    table: msgspec.json.Decoder(RECORD_TYPES[table]) for table in KNOWLEDGE_TABLES
}
_TABLE_DECODERS: dict[str, msgspec.json.Decoder[Any]] = {
    table: msgspec.json.Decoder(dict.__class_getitem__((str, RECORD_TYPES[table])))
    for table in KNOWLEDGE_TABLES
}
_META_DECODER = msgspec.json.Decoder(MetaRecord)


def _where(error: msgspec.ValidationError) -> tuple[str, str]:
    """msgspec's message without its path, and the field the path names."""
    message = str(error)
    found = _FIELD.search(message)
    field = found.group(1) if found else ""
    return _FIELD.sub("", message).rstrip(" -"), field


def _mismatch(error: msgspec.ValidationError) -> str:
    """' lacks file', or ': start: Expected `int`, got `float`'."""
    message, field = _where(error)
    missing = _MISSING.match(message)
    if missing:
        inner = f"{field}." if field else ""
        return f" lacks {inner}{missing.group(1)}"
    return f": {field or 'record'}: {message}"


def decode_store(raw: bytes, fail: Problem) -> dict[str, dict[str, Record]]:
    """The tables of a store file, every record checked; `fail(why)` gives the error to raise."""
    try:
        envelope = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
    except UnicodeDecodeError:
        raise fail("is binary, not a JSON store") from None
    except msgspec.DecodeError as exc:
        if b"\x00" in raw[:4096] or not raw[:1].isascii():
            raise fail("is binary, not a JSON store") from None
        raise fail(f"is damaged or truncated ({exc})") from None
    except msgspec.ValidationError:
        raise fail("is not a kazsec store (not a JSON object)") from None
    except RecursionError:
        raise fail("is not a kazsec store (nested too deeply)") from None
    meta = _check_version(envelope, fail)
    for table in KNOWLEDGE_TABLES:
        if table not in envelope:
            raise fail(f"lacks the {table!r} table")
    _check_meta(meta, fail)
    tables = {table: _decode_table(table, envelope[table], fail) for table in KNOWLEDGE_TABLES}
    _check_rules(tables, fail)
    return {META_TABLE: {"1": meta}, **tables}


def _check_version(envelope: dict[str, msgspec.Raw], fail: Problem) -> Record:
    if META_TABLE not in envelope:
        raise fail(f"is not a kazsec store (no {META_TABLE} table)")
    try:
        records = msgspec.json.decode(envelope[META_TABLE], type=dict[str, dict[str, Any]])
        meta = next(iter(records.values()))
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, StopIteration):
        raise fail(f"is not a kazsec store (no {META_TABLE} record)") from None
    version = meta.get("schema_version")
    if version != SCHEMA_VERSION:
        raise fail(f"has schema version {version}, this kazsec reads version {SCHEMA_VERSION}")
    return meta


def _check_meta(meta: Record, fail: Problem) -> None:
    try:
        _META_DECODER.decode(msgspec.json.encode(meta))
    except msgspec.ValidationError as exc:
        raise fail(f"{META_TABLE} record{_mismatch(exc)}") from None


def _decode_table(table: str, raw: msgspec.Raw, fail: Problem) -> dict[str, Record]:
    # The whole table in one call (a catalogue of 10,000 sources in a few ms); only a table
    # that fails is decoded again record by record, to name the record and field.
    try:
        return _TABLE_DECODERS[table].decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        pass
    try:
        records = msgspec.json.decode(raw, type=dict[str, msgspec.Raw])
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        raise fail(f"table {table!r} is not a table of records") from None
    decoder = _DECODERS[table]
    decoded: dict[str, Record] = {}
    for doc_id, record in records.items():
        try:
            decoded[doc_id] = decoder.decode(record)
        except msgspec.ValidationError as exc:
            raise fail(f"{table} record {doc_id}{_mismatch(exc)}") from None
        except (msgspec.DecodeError, RecursionError):
            raise fail(f"{table} record {doc_id}: nested too deeply") from None
    return decoded


def _real_date(value: str) -> bool:
    return len(value) != 10 or _parses(value)


def _parses(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_rules(tables: dict[str, dict[str, Record]], fail: Problem) -> None:
    """What the types cannot say: a date is a real one (no 2022-02-30, no month 13).

    References between records are `kazsec check`'s to report; the commands read around a
    dangling one instead of failing on it.
    """
    for table, fields in (("events", ("date", "date_end")), ("positions", ("start", "end"))):
        for doc_id, record in tables[table].items():
            for field in fields:
                value = record[field]
                if (len(value) >= 7 and not 1 <= int(value[5:7]) <= 12) or not _real_date(value):
                    raise fail(f"{table} record {doc_id}: {field}: no such date {value!r}")
