"""The hash of a stored row, read straight from the driver (a committee's ten years of attendance are a million
rows tied to the trail, so the check reads them as plain tuples, not as model objects).

Each column is brought to one form whatever the engine returns (SQLite gives dates and times as text and flags as
0/1, PostgreSQL as date, datetime and bool objects), then audit_chain.row_digest hashes the row. The audit trail
stores this hash when it records a write (services.common.audit) and the check compares it with the row as it is
(services.datafile.trail_rows): both go through here, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from peewee import BooleanField, DateField, DateTimeField, Model

from desktop_app.services.common import audit_chain
from desktop_app.store.db import database

_CHUNK = 500


def _to_datetime(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value  # not a time: hashed as it is
    return value


def _to_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]) if len(value) == 10 else dt.datetime.fromisoformat(value).date()
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _to_bool(value: Any) -> Any:
    return bool(value) if isinstance(value, (int, bool)) else value


Column = tuple[str, str, Callable[[Any], Any] | None]
_known: dict[str, tuple[Column, ...]] = {}


def _columns(model: type[Model]) -> tuple[Column, ...]:
    """(field name, column name, converter) of every column, in the order of the field names."""
    table = model._meta.table_name
    if table in _known:
        return _known[table]
    found: list[Column] = []
    for name, field in model._meta.fields.items():
        convert: Callable[[Any], Any] | None = None
        if isinstance(field, DateTimeField):
            convert = _to_datetime
        elif isinstance(field, DateField):
            convert = _to_date
        elif isinstance(field, BooleanField):
            convert = _to_bool
        found.append((name, field.column_name, convert))
    _known[table] = tuple(sorted(found, key=lambda column: column[0]))
    return _known[table]


def _digest(table: str, columns, row: tuple) -> str:
    values = {name: (convert(v) if convert is not None and v is not None else v)
              for (name, _column, convert), v in zip(columns, row, strict=True)}
    return audit_chain.row_digest(table, values)


def _select(model: type[Model]) -> str:
    columns = ", ".join(f'"{column}"' for _name, column, _c in _columns(model))
    return f'SELECT "uid", {columns} FROM "{model._meta.table_name}"'


def digests(model: type[Model], uids: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
    """(uid, hash) of the stored rows of *model* with those *uids* (every row when None); absent ones left out."""
    table, columns, select = model._meta.table_name, _columns(model), _select(model)
    if uids is None:
        for uid, *row in database.execute_sql(select):
            yield uid, _digest(table, columns, tuple(row))
        return
    wanted = list(dict.fromkeys(u for u in uids if u))
    param = getattr(database.obj, "param", "?")  # the driver's placeholder
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        marks = ", ".join([param] * len(chunk))
        for uid, *row in database.execute_sql(f'{select} WHERE "uid" IN ({marks})', chunk):
            yield uid, _digest(table, columns, tuple(row))
