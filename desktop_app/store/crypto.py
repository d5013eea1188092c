"""Database files encrypted with a password (SQLCipher through the ``sqlcipher3`` package).

A plain database starts with SQLite's 16-byte header; an encrypted one looks random from its
first byte. The password is never stored: the app asks for it once, ``remember()`` keeps it in
memory for that file, and every connection to the file (the app's, a worker's, a backup's) uses it.
Headless commands read it from the ``SOCHIBO_PASSWORD`` environment variable.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import ModuleType

SQLITE_HEADER = b"SQLite format 3\x00"
ENV_VAR = "SOCHIBO_PASSWORD"

_keys: dict[str, str] = {}
_quiet = False


class NotADatabaseError(Exception):
    """The file exists but is not a readable SQLite database (or is damaged at its header)."""


class EncryptedDatabaseError(NotADatabaseError):
    """The file is encrypted (or not a database at all) and no password was given for it."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


class WrongPasswordError(NotADatabaseError):
    """The password given does not open the file (or the file is not a database)."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


class EncryptionUnavailableError(Exception):
    """The sqlcipher3 package is not installed."""


def available() -> bool:
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def cipher_module() -> ModuleType:
    global _quiet
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise EncryptionUnavailableError("sqlcipher3 is not installed") from exc
    if not _quiet:  # SQLCipher logs every failed page decryption to stderr; the callers report it
        conn = dbapi2.connect(":memory:")
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
        except dbapi2.DatabaseError:
            pass
        conn.close()
        _quiet = True
    return dbapi2


def database_errors() -> tuple[type[BaseException], ...]:
    """The DB-API error classes of both drivers (they share no base class)."""
    errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
    if available():
        errors += (cipher_module().DatabaseError,)
    return errors


def _key(path: str | Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def has_plain_header(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def looks_encrypted(path: str | Path) -> bool:
    """True for a non-empty file without SQLite's header whose size is whole pages (SQLCipher's
    shape); a damaged or foreign file may look the same, which only a password can tell apart."""
    path = Path(path)
    try:
        size = path.stat().st_size
        return size >= 1024 and size % 512 == 0 and not has_plain_header(path)
    except OSError:
        return False


def remember(path: str | Path, passphrase: str | None) -> None:
    """Use *passphrase* for every connection to *path* from now on (None or "" forgets it)."""
    if passphrase:
        _keys[_key(path)] = passphrase
    else:
        _keys.pop(_key(path), None)


def forget(path: str | Path) -> None:
    _keys.pop(_key(path), None)


def key_for(path: str | Path) -> str | None:
    """The password known for *path*: remembered in this process, else the environment variable."""
    return _keys.get(_key(path)) or os.environ.get(ENV_VAR) or None


def needs_key(path: str | Path) -> bool:
    """True when *path* is an existing file that opens only with a password."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0 and not has_plain_header(path)


def read_only_uri(path: str | Path) -> str:
    """A URI that opens *path* for reading only; on a read-only disk or folder, where SQLite cannot keep the
    shared memory of its write-ahead log, as an immutable file."""
    from urllib.parse import quote

    path = Path(path).resolve()
    posix = path.as_posix()
    uri = "file:" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:") + "?mode=ro"
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        uri += "&immutable=1"
    return uri


def _apply_key(conn, passphrase: str) -> None:
    conn.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))


def connect_raw(path: str | Path, *, readonly: bool = False, passphrase: str | None = None):
    """A DB-API connection to *path*: sqlite3 for a plain file, sqlcipher3 with the key otherwise.

    *passphrase* None means "the one known for the file"; "" forces a plain connection.
    Raises EncryptedDatabaseError (no password known) or WrongPasswordError.
    """
    path = Path(path)
    key = key_for(path) if passphrase is None else passphrase
    encrypted = needs_key(path)
    target = read_only_uri(path) if readonly else str(path)
    if not encrypted and not (key and passphrase is not None):
        return sqlite3.connect(target, uri=readonly)
    if not key:
        raise EncryptedDatabaseError(path)
    cipher = cipher_module()
    conn = cipher.connect(target, uri=readonly)
    try:
        _apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.DatabaseError as exc:
        conn.close()
        raise WrongPasswordError(path) from exc
    return conn


def export_copy(source: str | Path, target: str | Path, *, source_key: str | None, target_key: str | None) -> None:
    """Write a copy of *source* to the new file *target*, re-encrypted with *target_key*
    ("" or None: plain). Keeps the schema version. The source must not be written meanwhile."""
    cipher = cipher_module()
    target = Path(target)
    target.unlink(missing_ok=True)
    conn = cipher.connect(str(source))
    try:
        if source_key:
            _apply_key(conn, source_key)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), target_key or ""))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def cipher_database(path: str | Path, passphrase: str, pragmas: dict, **kwargs):
    """A peewee database on the encrypted file *path* (same pragmas and transactions as a plain one)."""
    cipher_module()
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    return SqlCipherDatabase(str(path), passphrase=passphrase, pragmas=pragmas, lock_type="IMMEDIATE", **kwargs)
