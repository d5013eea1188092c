"""Opening a database ready for use: connect, refuse newer schemas, migrate older ones."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import db as _db
from desktop_app.store import migrations


def open_database(path: str | Path, *, create: bool = True) -> SqliteDatabase:
    """Open *path*, migrating it to the current schema. Raises FileNotFoundError,
    db.NotADatabaseError or migrations.SchemaTooNewError without changing the file."""
    real = _db.connect(path, create=create)
    try:
        migrations.run(real)
    except Exception:
        real.close()
        raise
    return real
