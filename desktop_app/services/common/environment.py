"""Failures caused by the computer rather than the program: a full disk, a read-only folder, a file
another program holds, a damaged or encrypted database. They get a plain explanation of what to do;
anything else is a bug and is reported as one (with the log file)."""

from __future__ import annotations

import errno
import sqlite3

from desktop_app.i18n import _

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}
_READ_ONLY = {errno.EROFS}
_DENIED = {errno.EACCES, errno.EPERM}
_WIN_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_DISK_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL


def _database_error_types() -> tuple[type[BaseException], ...]:
    import peewee

    from desktop_app.store import crypto

    return (*crypto.database_errors(), peewee.DatabaseError, sqlite3.Error)


def _sqlite_message(text: str) -> str | None:
    text = text.lower()
    if "database or disk is full" in text or "disk is full" in text:
        return _("The disk is full. Free some space (or choose another folder) and try again.")
    if "readonly database" in text or "read-only" in text:
        return _("The database file or its folder is read-only. It is not damaged: copy it to a folder you can "
                 "write to, or ask for write permission.")
    if "database is locked" in text or "database is busy" in text:
        return _("The database is busy in another program. Close the other program and try again.")
    if "disk i/o error" in text:
        return _("The disk could not be read or written (was a USB drive removed?). Check the drive and try again.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return _("The database file is damaged. Run “check” and restore the latest good backup.")
    if "unable to open database" in text:
        return _("The database file could not be opened: the folder may be missing or read-only.")
    return None


def explain_server_error(exc: BaseException) -> str | None:
    """The sentence for a server that cannot be used (store.server's failures)."""
    from desktop_app.store import server

    if isinstance(exc, server.ServerPasswordError):
        return _("The server {host} refused the user “{user}” with this password. Check the user name and the "
                 "password (for commands: PGPASSWORD or a PostgreSQL password file).").format(
            host=exc.address.host, user=exc.address.login())
    if isinstance(exc, server.ServerDatabaseMissingError):
        return _("The server {host} has no database named “{name}”. Check the name, or create the database "
                 "(see the README).").format(host=exc.address.host, name=exc.address.dbname)
    if isinstance(exc, server.ServerUnavailableError):
        return _("The server {host} (port {port}) cannot be reached. Check that the server computer is on and "
                 "connected, and that the address and port are right.").format(host=exc.address.host,
                                                                            port=exc.address.port)
    if isinstance(exc, server.BadAddressError):
        return _("This is not a server address: write postgresql://user@host:port/database.")
    text = str(exc).lower()
    if "server closed the connection" in text or "terminating connection" in text or \
            "connection is closed" in text or "consuming input failed" in text or "connection is lost" in text:
        return _("The connection to the database server was lost. Check the network, then open the database "
                 "again.")
    return None


def read_only_message(path) -> str:
    return _("{path} is on a read-only disk or in a folder this program may not change (a CD, a write-protected "
             "USB drive, a shared folder). This is not damage: the program must write beside the file. Copy it to "
             "a folder you can write to, then open the copy.").format(path=path)


def _megabytes(size: int) -> str:
    from desktop_app.i18n import format_number

    return format_number(size / 1_000_000, 1) + " MB"


def explain_environment_error(exc: BaseException) -> str | None:
    """A translated explanation for a failure of the environment; None when *exc* looks like a bug."""
    from desktop_app.store import crypto
    from desktop_app.store.backup import DamagedDatabaseError
    from desktop_app.store.lock import DatabaseLockedError
    from desktop_app.store.opening import ReadOnlyDatabaseError
    from desktop_app.store.space import NotEnoughSpaceError

    server_message = explain_server_error(exc)
    if server_message is not None:
        return server_message

    if isinstance(exc, DatabaseLockedError):
        return _("The database {path} is already open in another program ({owner}). Close it there first, "
                 "or open a different database.").format(path=exc.db_path, owner=exc.owner.describe())
    if isinstance(exc, ReadOnlyDatabaseError):
        return read_only_message(exc.path)
    if isinstance(exc, LockFileError):
        return _("The lock file {path} belongs to another user of this computer, who may have the database open. "
                 "Ask them to close it; if nobody has it open, delete {path} and try again.").format(path=exc.path)
    if isinstance(exc, NotEnoughSpaceError):
        return _("There is not enough free space in {folder} for a safety copy ({need} needed, {free} free). "
                 "Nothing was changed: free some space and try again.").format(
            folder=exc.folder, need=_megabytes(exc.need), free=_megabytes(exc.free))
    if isinstance(exc, DamagedDatabaseError):
        return _("The database {path} is damaged (SQLite reports: {detail}). Nothing was changed. Run “check”, then "
                 "restore the latest good backup.").format(path=exc.path, detail="; ".join(exc.problems[:2]))
    if isinstance(exc, crypto.WrongPasswordError):
        return _("The password given does not open {path}. Check it (capitals and accents count). If you are sure "
                 "of it, the file may be damaged: restore a backup.").format(path=exc.path)
    if isinstance(exc, crypto.EncryptedDatabaseError):
        return _("{path} is protected by a password. Give the password (for commands: in the SOCHIBO_PASSWORD "
                 "environment variable).").format(path=exc.path)
    if isinstance(exc, crypto.EncryptionUnavailableError):
        return _("Password protection needs the sqlcipher3 package, which is not installed.")
    if isinstance(exc, crypto.NotADatabaseError):
        return _("{path} is not a database of this program, or it is damaged.").format(path=exc)
    if isinstance(exc, OSError):
        code = getattr(exc, "errno", None)
        winerror = getattr(exc, "winerror", None)
        where = exc.filename or ""
        if code in _DISK_FULL or winerror in _WIN_DISK_FULL:
            return _("The disk is full. Free some space (or choose another folder) and try again.")
        if code in _READ_ONLY:
            return _("{path} is on a read-only disk. Choose another folder.").format(path=where)
        if winerror in _WIN_IN_USE:
            return _("{path} is in use by another program. Close it there and try again.").format(path=where)
        if code in _DENIED or isinstance(exc, PermissionError):
            return _("Permission denied: {path}. Choose a folder you can write to, or ask for permission.").format(
                path=where)
        if isinstance(exc, FileNotFoundError):
            return _("File not found: {path}").format(path=where or exc)
        if isinstance(exc, IsADirectoryError):
            return _("{path} is a folder, not a file.").format(path=where or exc)
        if code == errno.EIO:
            return _("The disk could not be read or written (was a USB drive removed?). Check the drive and try "
                     "again.")
        return None
    if isinstance(exc, _database_error_types()):
        return _sqlite_message(str(exc))
    return None


class LockFileError(Exception):
    """The database's lock file exists and cannot be written by this user: another account holds it."""

    def __init__(self, path):
        super().__init__(str(path))
        self.path = path
