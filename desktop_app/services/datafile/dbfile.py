"""The database file the desktop app works on: health before opening, the one-program lock, the
password of an encrypted file, open and close, backups and restore, and work on another thread with
that thread's own connection.

The desktop window reaches the store only through here, so it never touches peewee itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError
from desktop_app.store import backup, crypto, opening, schema, server
from desktop_app.store import db as store_db
from desktop_app.store import lock as store_lock
from desktop_app.store.crypto import EncryptedDatabaseError, WrongPasswordError  # noqa: F401 - for the ui
from desktop_app.store.db import NotADatabaseError  # noqa: F401 - re-exported for the ui
from desktop_app.store.migrations import SchemaTooNewError  # noqa: F401 - re-exported for the ui
from desktop_app.store.server import (  # noqa: F401 - re-exported for the ui
    BadAddressError,
    ServerAddress,
    ServerDatabaseMissingError,
    ServerError,
    ServerPasswordError,
    ServerUnavailableError,
)

log = logging.getLogger(__name__)
BackupError = backup.BackupError
_lock: store_lock.DatabaseLock | None = None


class InUseError(ServiceError):
    """Another running program has the file open; the message names it."""


# ---- the one-program lock ------------------------------------------------------------------------


def take_lock(path: str | Path) -> None:
    """Hold the lock of *path* (giving up the one held before). Raises InUseError when another program has it;
    a folder where no lock file can be written is tolerated (logged)."""
    global _lock
    path = Path(path)
    if _lock is not None and _lock.held and _lock.db_path == path:
        return
    try:
        new = store_lock.acquire(path)
    except store_lock.DatabaseLockedError as exc:
        raise InUseError(_("{path} is already open in another program ({owner}). Switch to that window, or close "
                           "it first.").format(path=path, owner=exc.owner.describe() or "?")) from exc
    except OSError as exc:
        log.warning("could not take the lock of %s: %s", path, exc)
        new = None
    release_lock()
    _lock = new


def release_lock() -> None:
    global _lock
    if _lock is not None:
        _lock.release()
        _lock = None


# ---- opening ---------------------------------------------------------------------------------------


def startup_check(path: str | Path, deep: bool = True):
    """services.maintenance.StartupHealth of the file at *path*, before it is opened (*deep*: with the
    integrity scan, which reads the whole file)."""
    from desktop_app.services.datafile import maintenance

    return maintenance.startup_check(path, deep=deep)


def needs_password(path: str | Path) -> bool:
    return Path(path).is_file() and crypto.looks_encrypted(path) and not crypto.key_for(path)


def locate(named: str | Path | ServerAddress) -> Path | ServerAddress:
    """The database *named* (``--db``, a remembered choice): a server's address or a file path."""
    return opening.locate(named)


def open_server(address: ServerAddress, *, password: str | None = None) -> ServerAddress:
    """Close any open database and open the server database at *address* (creating its schema when it is
    empty, migrating it when older). *password* is kept for this process only. Raises a server.ServerError
    kind, NotADatabaseError or SchemaTooNewError; nothing stays open then."""
    store_db.close()
    release_lock()  # the single-program lock is a file's: a server has many clients
    if password:
        server.remember(address, password)
    try:
        schema.open_database(address)
    except server.ServerPasswordError:
        server.remember(address, None)
        raise
    load_calendar()
    return address


def server_password_known(address: ServerAddress) -> bool:
    """True when a password for *address* was given in this process (typed, or written in the address)."""
    return server.password_for(address) is not None


def open_file(path: str | Path | ServerAddress, *, create: bool = False, password: str | None = None,
              lock: bool = True) -> Path | ServerAddress:
    """Close any open database and open *path* (migrating it), holding its lock when *lock*.

    Raises InUseError, FileNotFoundError, NotADatabaseError (EncryptedDatabaseError when a password is
    needed, WrongPasswordError when it is wrong) or SchemaTooNewError; nothing stays open then. A server's
    address goes to ``open_server``."""
    located = opening.locate(path)
    if isinstance(located, ServerAddress):
        return open_server(located, password=password)
    path = located
    store_db.close()
    if lock:
        take_lock(path)
    holding = store_lock.held_lock(path) is not None
    if holding:  # no other program is restoring into this file: what a killed one left can go
        remove_leftovers(path)
    new = not path.exists() or path.stat().st_size == 0
    if password:
        crypto.remember(path, password)
    try:
        schema.open_database(path, create=create)
    except Exception:
        if password:
            crypto.forget(path)
        raise
    if new:  # this program made the file: the place is this database's now
        from desktop_app.services.common import audit_anchor

        audit_anchor.claim()
    if holding:
        remove_stale_backup_parts()
    load_calendar()
    return path


def remove_leftovers(path: str | Path) -> list[Path]:
    """Remove what a killed or failed restore or change of password left beside the database *path* (the
    copy it was making and its journal); the caller holds the database's lock."""
    removed = []
    for item in backup.leftovers(path):
        try:
            item.unlink()
            removed.append(item)
            log.warning("removed %s, left by a restore or a change of password that did not finish", item)
        except OSError as exc:
            log.warning("could not remove the leftover %s: %s", item, exc)
    return removed


def remove_stale_backup_parts() -> list[Path]:
    """Remove backup copies left under their temporary name (``*.part``) in the backup folders by a backup
    that was killed: those no backup has touched for an hour."""
    from desktop_app import paths
    from desktop_app.services.datafile import backups

    removed: list[Path] = []
    try:
        folders = list(dict.fromkeys([backups.configured_folder(), paths.default_backup_dir()]))
    except Exception:  # the settings cannot be read: the check will say why
        return removed
    for folder in folders:
        for item in backup.stale_parts(folder):
            try:
                item.unlink()
                removed.append(item)
                log.warning("removed %s, left by a backup that did not finish", item)
            except OSError as exc:
                log.warning("could not remove the leftover %s: %s", item, exc)
    return removed


def open_for_reading(path: str | Path) -> Path:
    """Close any open database and open *path* for reading only, as it is (no migration, no lock): for
    checking a file, even on a read-only disk."""
    path = Path(path)
    store_db.close()
    store_db.connect(path, create=False, read_only=True)
    return path


def load_calendar() -> None:
    """The user's extra days off, make-up working days and local rule settings (the UNCONFIRMED
    parameters of domain.md) count in every deadline and check from now on."""
    from desktop_app.core import rules
    from desktop_app.services.common import settings
    from desktop_app.services.organisation import calendar_days

    calendar_days.load_calendar()
    rules.set_overrides(settings.get(settings.RULE_OVERRIDES))  # values the rules refuse read as none


def close() -> None:
    store_db.close()


def current_path() -> Path | None:
    """The open database file; None when none is open, or when a server database is."""
    real = store_db.database.obj
    if real is None or real.is_closed():
        return None
    return store_db.current_path()


def current_location() -> Path | ServerAddress | None:
    """The open database: its file, or its server's address; None when none is open."""
    real = store_db.database.obj
    if real is None or real.is_closed():
        return None
    return store_db.current_location()


def is_server() -> bool:
    return isinstance(current_location(), ServerAddress)


def is_open() -> bool:
    return current_location() is not None


# ---- backups -----------------------------------------------------------------------------------------


def last_backup_time(db_path: str | Path | None = None) -> dt.datetime | None:
    """When the newest backup of the database was made (the configured and the default folder)."""
    from desktop_app import paths
    from desktop_app.services.datafile import backups

    db_path = db_path or current_path()
    if db_path is None:
        return None
    newest = None
    try:
        folders = [backups.configured_folder(), paths.default_backup_dir()] if is_open() else \
            [paths.default_backup_dir()]
        for folder in dict.fromkeys(folders):
            for info in backups.list_backups(folder, db_path)[:1]:
                newest = max(newest or info.when, info.when)
    except Exception:  # an unreachable folder must not break the status bar
        log.exception("listing backups")
    return newest


def restore(source: str | Path, db_path: str | Path, password: str | None = None, *, keep_password: bool = True):
    """Replace *db_path* with the backup *source* and open it (services.backups.RestoreResult); a backup made
    before the database had a password keeps the password unless *keep_password* is False."""
    from desktop_app.services.datafile import backups

    result = backups.restore(source, password=password, db_path=db_path, keep_password=keep_password)
    load_calendar()
    return result


def in_worker_connection(work: Callable[..., Any], *args, read_only: bool = False, **kwargs) -> Any:
    """Run *work* on the calling (non-GUI) thread with a connection of its own, closed afterwards; with
    *read_only*, a connection that refuses to write (work that only reads may run beside a writer).

    SQLite connections belong to the thread that opened them; peewee keeps one per thread.
    """
    with store_db.database.connection_context():
        if read_only:
            store_db.refuse_writes()
        return work(*args, **kwargs)


# ---- a database on a read-only disk ----------------------------------------------------------------------------


def suggested_copy(path: str | Path) -> Path:
    """Where to put a writable copy of the read-only database *path* (the user may choose elsewhere)."""
    from desktop_app import paths

    target = paths.data_dir() / Path(path).name
    return target if not target.exists() else target.with_name(f"{target.stem}-copy{target.suffix}")


def copy_read_only(source: str | Path, target: str | Path) -> Path:
    """Copy the database *source*, which cannot be written where it is, to *target* (with its write-ahead
    log, which may hold its newest work) and open the copy; the copy's audit trail records where it came
    from. Raises ServiceError when *target* is not a new file in a writable folder."""
    from desktop_app.services.common import audit, audit_anchor
    from desktop_app.services.common.tx import atomic
    from desktop_app.store import space

    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve() or target.exists():
        raise ServiceError(_("Choose a new file for the copy, in a folder you can write to."))
    if not target.parent.is_dir():
        raise ServiceError(_("The folder {folder} does not exist.").format(folder=target.parent))
    space.require_space(target.parent, space.size_with_wal(source))
    import shutil

    wal = Path(str(source) + "-wal")
    copied = [target]
    try:
        shutil.copyfile(source, target)
        if wal.exists() and wal.stat().st_size:
            copied.append(Path(str(target) + "-wal"))
            shutil.copyfile(wal, copied[-1])
    except BaseException:
        for item in copied:
            item.unlink(missing_ok=True)
        raise
    key = crypto.key_for(source)
    if key:
        crypto.remember(target, key)
    open_file(target)
    with atomic():
        audit.record("copy", "database", "", None, {"from": str(source), "file": str(target)})
    audit_anchor.claim()
    log.info("copied the read-only database %s to %s", source, target)
    return target
