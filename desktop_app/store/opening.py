"""How a database is opened: the one place that decides, from what the user named, whether it is a file
or a server, and for a file, from what lies at the path, which driver and which password to use, or which
refusal to raise.

``locate`` reads what was named (``--db``, the window's choice): a ``postgresql://`` address before any
path. ``db.connect`` (the models' connection), ``schema.open_database`` (the version check before
migrating) and the raw connections of backups and health checks all ask ``examine`` first; ``crypto``
only holds the cipher's primitives and the passwords known in this process, ``server`` the same for
servers.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import crypto, server
from desktop_app.store.crypto import EncryptedDatabaseError, NotADatabaseError, WrongPasswordError
from desktop_app.store.server import BadAddressError, ServerAddress

__all__ = ["BadAddressError", "EncryptedDatabaseError", "Location", "NotADatabaseError", "ReadOnlyDatabaseError",
           "ServerAddress", "ServerTarget", "Target", "WrongPasswordError", "examine", "is_server", "locate",
           "peewee_database", "raw_connection", "read_only"]

Location = Path | ServerAddress


def locate(named: str | Path | ServerAddress) -> Location:
    """The database *named*: a server address (a password written in it is remembered for this process
    only) or a file path. Raises BadAddressError for a ``postgresql://`` text that is not a usable address."""
    if isinstance(named, (Path, ServerAddress)):
        return named
    if server.is_address(named):
        address, password = server.parse(named)
        if password is not None:
            server.remember(address, password)
        return address
    return Path(named)


def is_server(location: object) -> bool:
    return isinstance(location, (ServerAddress, ServerTarget))


@dataclass(frozen=True)
class ServerTarget:
    """A database on a server; it always "exists" once the server lets us in (an empty one has no tables)."""

    address: ServerAddress
    key: None = None

    @property
    def path(self) -> ServerAddress:
        return self.address

    @property
    def exists(self) -> bool:
        return True


class ReadOnlyDatabaseError(Exception):
    """The database, or the folder it is in, cannot be written (a CD, a write-protected USB drive, a folder
    without permission, a file marked read-only). It is not damaged; a copy somewhere writable can be used."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = Path(path)


def read_only(path: str | Path) -> bool:
    """True when the existing database at *path* or its folder cannot be written: SQLite needs both (its
    journal and write-ahead log live beside the file)."""
    path = Path(path)
    if not path.is_file():
        return False
    if not os.access(path, os.W_OK):
        return True
    try:  # os.access does not see folder permissions on Windows, nor every read-only medium
        with tempfile.TemporaryFile(dir=path.parent, prefix=".sochibo-probe-"):
            pass
    except OSError:
        return True
    return False


@dataclass(frozen=True)
class Target:
    """A database file and how to open it."""

    path: Path
    key: str | None  # the password of an encrypted file; None for a plain or a new file

    @property
    def exists(self) -> bool:
        return self.path.is_file() and self.path.stat().st_size > 0


def examine(path: str | Path | ServerAddress, *, create: bool = True) -> Target | ServerTarget:
    """How to open *path*. Raises FileNotFoundError (missing and not *create*), IsADirectoryError,
    NotADatabaseError (another kind of file) or EncryptedDatabaseError (no password known for it).
    A server address is examined when it is connected to."""
    path = locate(path)
    if isinstance(path, ServerAddress):
        return ServerTarget(path)
    if path.is_dir():
        raise IsADirectoryError(str(path))
    if not path.exists():
        if not create:
            raise FileNotFoundError(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return Target(path, None)
    if path.stat().st_size == 0 or crypto.has_plain_header(path):
        return Target(path, None)
    if not crypto.looks_encrypted(path):
        raise NotADatabaseError(str(path))
    key = crypto.key_for(path)
    if not key:
        raise EncryptedDatabaseError(path)
    return Target(path, key)


def peewee_database(target: Target | ServerTarget, pragmas: dict, *, read_only: bool = False) -> SqliteDatabase:
    """A connected peewee database on *target* (*read_only*: a file for reading only, as ``check`` reads one on
    a read-only disk); WrongPasswordError or NotADatabaseError when it cannot be read (for a server: one of
    server.ServerError's kinds)."""
    if isinstance(target, ServerTarget):
        return server.database(target.address)
    name, extra = (crypto.read_only_uri(target.path), {"uri": True}) if read_only else (str(target.path), {})
    if read_only:
        pragmas = {k: v for k, v in pragmas.items() if k != "journal_mode"}
    real = crypto.cipher_database(name, target.key, pragmas, **extra) if target.key else SqliteDatabase(
        name, pragmas=pragmas, lock_type="IMMEDIATE", **extra)
    real.file_path = target.path  # the file, whatever name the driver was given
    try:
        real.connect()
        real.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database (or the wrong key)
        if not real.is_closed():
            real.close()
        raise (WrongPasswordError(target.path) if target.key else NotADatabaseError(str(target.path))) from exc
    return real


def raw_connection(target: Target, *, readonly: bool = False):
    """A DB-API connection to *target* (sqlite3, or sqlcipher3 with its key)."""
    return crypto.connect_raw(target.path, readonly=readonly, passphrase=target.key or "")
