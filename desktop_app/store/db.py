"""Opening and closing the database: a SQLite file, or a database on a PostgreSQL server.

Every model is bound to the ``database`` proxy; the app, the command line and the tests
initialise it with a real file or server. On a file: WAL, foreign keys, a busy timeout and IMMEDIATE
transactions (a writer takes the lock at BEGIN, so two writers never deadlock half-way).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import opening, writes
from desktop_app.store.opening import NotADatabaseError

database = writes.WatchedDatabase()  # notes the table of every write (store.writes)
__all__ = ["NotADatabaseError", "PRAGMAS", "close", "connect", "current_location", "current_path", "database",
           "is_server", "passphrase", "refuse_writes"]

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def connect(path: str | Path | opening.ServerAddress, *, create: bool = True,
            read_only: bool = False) -> SqliteDatabase:
    """Open *path* (creating it when *create*; *read_only*: a file for reading only), bind the models to it
    and return it. How it opens (a server, a plain or encrypted file, or refused) is decided by
    ``opening.examine``."""
    real = opening.peewee_database(opening.examine(path, create=create and not read_only), PRAGMAS,
                                   read_only=read_only)
    database.initialize(real)
    writes.forget()
    return real


def close() -> None:
    """Checkpoint the WAL into the main file and close."""
    real = database.obj
    writes.forget()
    if real is None or real.is_closed():
        return
    if is_server():
        real.close()
        return
    if not real.connect_params.get("uri"):  # a file opened for reading only has nothing to fold in
        try:
            real.execute_sql("PRAGMA optimize")
            real.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception as exc:  # either driver's error (or peewee's): closing must still close
            if not isinstance(exc, (sqlite3.Error, *_driver_errors())):
                raise
    real.close()


def refuse_writes() -> None:
    """From now on this thread's connection refuses to write (work that promised only to read)."""
    real = database.obj
    if is_server():  # the server's own read-only transactions, for the rest of this connection
        real.execute_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    elif isinstance(real, SqliteDatabase):  # a cipher database is one too
        real.execute_sql("PRAGMA query_only = 1")


def _driver_errors() -> tuple[type[BaseException], ...]:
    import peewee

    return (peewee.DatabaseError, *crypto_errors())


def crypto_errors() -> tuple[type[BaseException], ...]:
    from desktop_app.store import crypto

    return crypto.database_errors()


def passphrase() -> str | None:
    """The password the open file was opened with (None: a plain file, a server, or none open)."""
    real = database.obj
    if real is None or is_server():
        return None
    return real.connect_params.get("passphrase") or None


def current_location() -> Path | opening.ServerAddress | None:
    """The file or server the models are bound to (None before any)."""
    real = database.obj
    if real is None:
        return None
    address = getattr(real, "server_address", None)
    return address if address is not None else Path(getattr(real, "file_path", real.database))


def current_path() -> Path | None:
    """The file the models are bound to; None for none, and for a server."""
    location = current_location()
    return location if isinstance(location, Path) else None


def is_server() -> bool:
    """True when the models are bound to a server database."""
    return getattr(database.obj, "server_address", None) is not None
