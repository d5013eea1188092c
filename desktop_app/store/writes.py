"""Which tables the writes of each thread touched, as the database itself sees them.

Every model is bound to ``db.database``, a ``WatchedDatabase``: each INSERT, UPDATE or DELETE that a model or a
query runs through it notes its table, and a commit makes the tables noted since the last one *committed* (a
rollback forgets them). ``take_committed()`` hands them over once: services.common.tx reports them when its outermost
transaction ends, so a new write says what it changed without anyone remembering to.

Rows written straight through the driver (``insert_rows``, for speed) note their table too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from peewee import DatabaseProxy, Delete, Insert, Update

_WRITES = (Insert, Update, Delete)


class _State(threading.local):
    def __init__(self) -> None:
        self.pending: set[str] = set()  # written in the transaction under way
        self.committed: set[str] = set()  # written and committed, not yet taken
        self.quiet = 0  # inside unwatched(): writes are bookkeeping, not data anyone shows


_state = _State()


def _table_name(table: Any) -> str:
    meta = getattr(table, "_meta", None)
    return meta.table_name if meta is not None else getattr(table, "__name__", str(table))


def note(table_name: str) -> None:
    """Record a write to *table_name* on this thread (committed at once when no transaction is open)."""
    if _state.quiet:
        return
    _state.pending.add(table_name)


def take_committed() -> frozenset[str]:
    """The tables written and committed on this thread since the last call."""
    tables = frozenset(_state.committed)
    _state.committed.clear()
    return tables


def forget() -> None:
    """Drop what this thread noted (another database file is opened: nothing of the old one is news)."""
    _state.pending.clear()
    _state.committed.clear()


@contextmanager
def unwatched() -> Iterator[None]:
    """Writes inside are bookkeeping (the audit trail's head), not a change of anything a view shows."""
    _state.quiet += 1
    try:
        yield
    finally:
        _state.quiet -= 1


class WatchedDatabase(DatabaseProxy):
    """The proxy the models are bound to, noting the table of each write that goes through it."""

    def execute(self, query: Any, **context_options: Any) -> Any:
        cursor = self.obj.execute(query, **context_options)
        if isinstance(query, _WRITES):
            note(_table_name(query.table))
            if not self.obj.in_transaction():  # autocommit: the write is committed already
                _commit()
        return cursor

    def commit(self) -> Any:
        result = self.obj.commit()
        _commit()
        return result

    def rollback(self) -> Any:
        _state.pending.clear()
        return self.obj.rollback()


def _commit() -> None:
    _state.committed |= _state.pending
    _state.pending.clear()


def insert_rows(database: DatabaseProxy, table_name: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """INSERT *rows* into *table_name* straight through the driver (store.bulk: a file's executemany, a
    server's COPY): several times faster than peewee's insert_many, which renders every value into the SQL
    (10,000 people: 1.4 s → 0.2 s)."""
    from desktop_app.store import bulk

    bulk.insert_rows(database, table_name, columns, rows)
    note(table_name)
    if not database.in_transaction():
        _commit()
