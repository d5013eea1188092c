"""The transaction every service write runs in, and what it tells when it ends.

``with atomic():`` opens one IMMEDIATE transaction (a nested one becomes a savepoint). The database notes the table of
every write inside it (store.writes); when the outermost transaction commits, the kinds of data it changed are
reported to whoever listens (common.changes), so the window refreshes what shows them. A rollback reports nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.services.common import changes
from desktop_app.store import writes
from desktop_app.store.db import database
from desktop_app.store.models import StaleRowError


@contextmanager
def atomic() -> Iterator[None]:
    """One transaction; the changes it made are reported once it has committed. A record saved by someone else
    since it was read refuses the whole write with a message naming them (services.common.versions)."""
    try:
        if database.in_transaction():
            with database.atomic():
                yield
            return
        with database.atomic():
            yield
    except StaleRowError as exc:
        from desktop_app.services.common import versions

        raise versions.stale_error(exc.instance) from None
    changes.committed(writes.take_committed())
