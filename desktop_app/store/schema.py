"""Opening a database ready for use: connect, refuse newer schemas, migrate older ones."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import crypto as _crypto
from desktop_app.store import db as _db
from desktop_app.store import migrations


def _peek_version(path: Path) -> int:
    """The schema version of an existing file, read without changing it (no WAL switch)."""
    conn = _crypto.connect_raw(path, readonly=True)  # with the password of an encrypted file
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise _db.NotADatabaseError(str(path))  # another program's SQLite file: never migrate it
        return version
    except _crypto.database_errors() as exc:
        raise _db.NotADatabaseError(str(path)) from exc
    finally:
        conn.close()


def open_database(path: str | Path, *, create: bool = True) -> SqliteDatabase:
    """Open *path*, migrating it to the current schema. Raises FileNotFoundError,
    db.NotADatabaseError or migrations.SchemaTooNewError without changing the file."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > 0:
        _db._check_header(path)
        version = _peek_version(path)
        if version > migrations.SCHEMA_VERSION:
            raise migrations.SchemaTooNewError(version, migrations.SCHEMA_VERSION)
    real = _db.connect(path, create=create)
    try:
        migrations.run(real)
    except Exception:
        real.close()
        raise
    return real
