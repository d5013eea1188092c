"""The database file the app works on: open, close, the backups beside it, restore, and work on
another thread with that thread's own connection.

The desktop window reaches the store only through here, so it never touches peewee itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app import paths
from desktop_app.store import backup, schema
from desktop_app.store import db as store_db
from desktop_app.store.db import NotADatabaseError  # noqa: F401 - re-exported for the ui
from desktop_app.store.migrations import SchemaTooNewError  # noqa: F401 - re-exported for the ui

BackupError = backup.BackupError


def open_file(path: str | Path, *, create: bool = False) -> Path:
    """Close any open database and open *path* (migrating it). Raises FileNotFoundError,
    NotADatabaseError or SchemaTooNewError; the previous database stays closed then."""
    store_db.close()
    schema.open_database(path, create=create)
    _load_calendar()
    return Path(path)


def _load_calendar() -> None:
    """The user's extra days off and make-up working days count in every deadline from now on."""
    from desktop_app.services import calendar_days

    calendar_days.load_calendar()


def close() -> None:
    store_db.close()


def current_path() -> Path | None:
    real = store_db.database.obj
    if real is None or real.is_closed():
        return None
    return store_db.current_path()


def is_open() -> bool:
    return current_path() is not None


def backups_of(db_path: str | Path, folder: str | Path | None = None) -> list[Path]:
    """Backups of *db_path* in the backup folder, newest first (names from store.backup.backup_name)."""
    db_path = Path(db_path)
    folder = Path(folder) if folder else paths.default_backup_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_path.stem}-*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def last_backup_time(db_path: str | Path | None = None) -> dt.datetime | None:
    db_path = db_path or current_path()
    if db_path is None:
        return None
    found = backups_of(db_path)
    return dt.datetime.fromtimestamp(found[0].stat().st_mtime).replace(microsecond=0) if found else None


def file_problems(path: str | Path) -> list[str]:
    """Integrity problems of a database file that is not open (English, for the log); empty when sound."""
    return backup.check_file(path)


def restore(source: str | Path, db_path: str | Path) -> Path | None:
    """Replace *db_path* with the backup *source* and open it; returns the kept copy of the old file.

    The restore is audited in the restored database."""
    from desktop_app.services import audit

    store_db.close()
    kept = backup.restore_file(source, db_path)
    schema.open_database(db_path, create=False)
    _load_calendar()
    with store_db.database.atomic():
        audit.record("restore", "database", "", None, {"from": str(source)})
    return kept


def in_worker_connection(work: Callable[..., Any], *args, **kwargs) -> Any:
    """Run *work* on the calling (non-GUI) thread with a connection of its own, closed afterwards.

    SQLite connections belong to the thread that opened them; peewee keeps one per thread.
    """
    with store_db.database.connection_context():
        return work(*args, **kwargs)
