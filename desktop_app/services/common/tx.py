"""The transaction every service write runs in, and what it tells when it ends.

``with atomic():`` opens one IMMEDIATE transaction (a nested one becomes a savepoint). The database notes the table of
every write inside it (store.writes); when the outermost transaction commits, the kinds of data it changed are
reported to whoever listens (common.changes), so the window refreshes what shows them. A rollback reports nothing.
When SQLite has already undone a failed transaction itself (a full disk), the failure that caused it is what the
caller sees, not peewee's "cannot rollback - no transaction is active".
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.services.common import changes
from desktop_app.store import writes
from desktop_app.store.db import database
from desktop_app.store.models import StaleRowError

log = logging.getLogger(__name__)

# What SQLite says when the transaction it was asked to undo is already gone: on a full disk (SQLITE_FULL)
# or an I/O error it rolls back by itself, and peewee's own rollback then fails with these words.
_ALREADY_UNDONE = ("cannot rollback", "no transaction is active", "no such savepoint")


def _already_undone(exc: BaseException) -> bool:
    return any(words in str(exc).lower() for words in _ALREADY_UNDONE)


class _KeepTheCause:
    """Around ``database.atomic()``: when the undo after a failed write fails because SQLite undid the
    transaction itself, the write's own error (a full disk, say) goes on."""

    def __init__(self, inner):
        self._inner = inner

    def __enter__(self):
        return self._inner.__enter__()

    def __exit__(self, exc_type, exc, traceback) -> bool:
        try:
            return bool(self._inner.__exit__(exc_type, exc, traceback))
        except Exception as undo_failed:
            if exc is not None and _already_undone(undo_failed):
                log.warning("the failed transaction was already undone by SQLite: %s", undo_failed)
                return False  # the original exception propagates
            cause: BaseException | None = undo_failed
            while cause is not None and _already_undone(cause):  # the driver's error, then peewee's
                cause = cause.__context__
            if exc is None and cause is not None:
                raise cause from None  # the commit failed (disk full) and SQLite undid it
            raise


@contextmanager
def atomic() -> Iterator[None]:
    """One transaction; the changes it made are reported once it has committed. A record saved by someone else
    since it was read refuses the whole write with a message naming them (services.common.versions)."""
    try:
        if database.in_transaction():
            with _KeepTheCause(database.atomic()):
                yield
            return
        with _KeepTheCause(database.atomic()):
            yield
    except StaleRowError as exc:
        from desktop_app.services.common import versions

        raise versions.stale_error(exc.instance) from None
    changes.committed(writes.take_committed())
