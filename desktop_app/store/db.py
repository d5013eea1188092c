"""Opening and closing the SQLite database.

Every model is bound to the ``database`` proxy; the app, the command line and the tests
initialise it with a real file. WAL, foreign keys, a busy timeout and IMMEDIATE transactions
(a writer takes the lock at BEGIN, so two writers never deadlock half-way).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase

from desktop_app.store import crypto as _crypto

database = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


NotADatabaseError = _crypto.NotADatabaseError  # also the base of the password errors


def connect(path: str | Path, *, create: bool = True) -> SqliteDatabase:
    """Open *path* (creating it when *create*), bind the models to it and return it."""
    path = Path(path)
    if not create and not path.exists():
        raise FileNotFoundError(str(path))
    if path.exists() and path.is_dir():
        raise IsADirectoryError(str(path))
    if path.parent and not path.parent.exists():
        if not create:
            raise FileNotFoundError(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
    key = _crypto.key_for(path) if path.exists() and _crypto.needs_key(path) else None
    if path.exists() and path.stat().st_size > 0:
        _check_header(path)
    real = _crypto.cipher_database(path, key, PRAGMAS) if key else SqliteDatabase(
        str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    try:
        real.connect()
        real.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database
        if not real.is_closed():
            real.close()
        raise (_crypto.WrongPasswordError(path) if key else NotADatabaseError(str(path))) from exc
    database.initialize(real)
    return real


def _check_header(path: Path) -> None:
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        if _crypto.looks_encrypted(path):
            if _crypto.key_for(path):
                return
            raise _crypto.EncryptedDatabaseError(path)
        raise NotADatabaseError(str(path))


def close() -> None:
    """Checkpoint the WAL into the main file and close."""
    real = database.obj
    if real is None or real.is_closed():
        return
    try:
        real.execute_sql("PRAGMA optimize")
        real.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    real.close()


def current_path() -> Path | None:
    real = database.obj
    return Path(real.database) if real is not None else None
