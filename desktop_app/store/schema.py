"""Opening a database ready for use: connect, refuse newer schemas, migrate older ones."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import crypto, migrations, opening
from desktop_app.store import db as _db


def _peek_version(target: opening.Target) -> int:
    """The schema version of an existing file, read without changing it (no WAL switch)."""
    conn = opening.raw_connection(target, readonly=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise opening.NotADatabaseError(str(target.path))  # another program's SQLite file: never migrate it
        return version
    except crypto.database_errors() as exc:
        raise opening.NotADatabaseError(str(target.path)) from exc
    finally:
        conn.close()


def _open_server(target: opening.ServerTarget):
    """Connect to a server database and bring it up to date; an empty one gets the whole schema."""
    real = _db.connect(target.address)
    try:
        version = migrations.schema_version(real)
        if version > migrations.SCHEMA_VERSION:
            raise migrations.SchemaTooNewError(version, migrations.SCHEMA_VERSION)
        if version == 0 and migrations.has_tables(real):
            raise opening.NotADatabaseError(str(target.address))  # another program's tables: never touched
        migrations.run(real)
    except Exception:
        real.close()
        raise
    return real


def open_database(path: str | Path | opening.ServerAddress, *, create: bool = True) -> SqliteDatabase:
    """Open *path* (a file, or a server's database), migrating it to the current schema. Raises
    FileNotFoundError, db.NotADatabaseError, migrations.SchemaTooNewError or a server.ServerError without
    changing anything."""
    target = opening.examine(path, create=create)
    if isinstance(target, opening.ServerTarget):
        return _open_server(target)
    if target.exists:
        version = _peek_version(target)
        if version > migrations.SCHEMA_VERSION:
            raise migrations.SchemaTooNewError(version, migrations.SCHEMA_VERSION)
    real = _db.connect(target.path, create=create)
    try:
        migrations.run(real)
    except Exception:
        real.close()
        raise
    return real
