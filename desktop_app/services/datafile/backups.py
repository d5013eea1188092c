"""Backups of the open database: manual, automatic (daily while open and on close), rotation and restore.

Backups go to the folder in the setting ``backup.folder`` (a USB drive, say; empty: the app's own
backup folder) and are named ``<db>-YYYYMMDD-HHMMSS.sqlite3`` (manual) or ``<db>-auto-….sqlite3``
(automatic). Only automatic ones are rotated, keeping the newest ``backup.keep``; the user's own
copies are never deleted behind their back. Every copy is integrity-checked before it gets its name.
A manual backup and a restore are recorded in the audit trail; automatic backups go to the log only,
so that "nothing changed since the last backup" stays detectable.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app import paths
from desktop_app.core import clock
from desktop_app.i18n import _
from desktop_app.services.common import audit, audit_anchor, settings
from desktop_app.services.common.environment import explain_environment_error
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.common.recorded_files import recorded_file
from desktop_app.services.common.tx import atomic
from desktop_app.store import backup, crypto, schema
from desktop_app.store import db as store_db

log = logging.getLogger(__name__)

DAILY = dt.timedelta(hours=24)


class PasswordNeededError(ServiceError):
    """The backup is encrypted with a password this program does not know; ask for it and retry."""


class TargetPasswordNeededError(ServiceError):
    """The database has a password the restored data should keep, and it is not known here."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: dt.datetime
    automatic: bool
    size: int


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    kept: Path | None  # the replaced database, kept beside it


def _db_path() -> Path:
    path = store_db.current_path()
    if path is None:
        raise ServiceError(_("No database is open."))
    return path


def configured_folder() -> Path:
    """The folder of the setting ``backup.folder`` (may be missing: an unplugged USB drive)."""
    value = settings.get(settings.BACKUP_FOLDER)
    return Path(value) if value.strip() else paths.default_backup_dir()


def keep_count() -> int:
    return settings.get(settings.BACKUP_KEEP)


def list_backups(folder: str | Path | None = None, db_path: str | Path | None = None) -> list[BackupInfo]:
    """Backups of the database in *folder* (default: the configured one), newest first."""
    db_path = Path(db_path) if db_path else _db_path()
    folder = Path(folder) if folder else configured_folder()
    found = []
    try:
        candidates = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        candidates = []
    for item in candidates:
        parsed = backup.parse_backup_name(item.name)
        if parsed is None or parsed[0] != db_path.stem or not item.is_file():
            continue
        try:
            size = item.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(item, parsed[2], parsed[1], size))
    return sorted(found, key=lambda b: (b.when, b.path.name), reverse=True)


def _share_key(target: Path, db_path: Path) -> None:
    """Backups of an encrypted database carry its password: let the checks open them."""
    key = crypto.key_for(db_path) if crypto.needs_key(db_path) else None
    if key and not crypto.key_for(target):
        crypto.remember(target, key)


def _copy(target: Path) -> Path:
    """A verified copy of the open database at *target* (encrypted with its password, if it has one)."""
    db_path = _db_path()
    key = crypto.key_for(db_path) if crypto.needs_key(db_path) else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result = backup.backup_connection(store_db.database.obj.connection(), target, passphrase=key)
    except backup.BackupError as exc:
        cause = exc.__cause__
        environmental = explain_environment_error(cause) if cause is not None else None
        if environmental is not None:  # a full disk, a read-only folder: not damage
            raise ServiceError(_("No backup was written to {folder}: {detail}").format(
                folder=target.parent, detail=environmental)) from exc
        log.error("backup to %s failed: %s", target, exc)
        raise ServiceError(_("No backup was made because the database itself is damaged ({detail}). Run the "
                             "check and restore the latest good backup.").format(detail=exc)) from exc
    except OSError as exc:
        message = explain_environment_error(exc) or str(exc)
        raise ServiceError(_("No backup was written to {folder}: {detail}").format(
            folder=target.parent, detail=message)) from exc
    if key:
        crypto.remember(result, key)
    return result


def _make(folder: Path, automatic: bool, when: dt.datetime) -> BackupInfo:
    target = backup.unique_target(folder / backup.backup_name(_db_path(), when, automatic=automatic))
    if automatic:  # automatic backups go to the log only (see the module)
        result = _copy(target)
    else:
        with recorded_file(target, "backup", "database", {}):  # recorded first: no copy without its entry
            result = _copy(target)
    return BackupInfo(result, when.replace(microsecond=0), automatic, result.stat().st_size)


def backup_now(folder: str | Path | None = None, *, now: dt.datetime | None = None) -> BackupInfo:
    """A manual backup into *folder* (default: the configured folder), verified and audited. A server's is one
    SQLite file (services.datafile.server_copies)."""
    folder = Path(folder) if folder else configured_folder()
    if store_db.is_server():
        from desktop_app.services.datafile import server_copies

        path = server_copies.backup_server(folder=folder)
        return BackupInfo(path, (now or clock.now()).replace(microsecond=0), False, path.stat().st_size)
    if not folder.exists() and folder != paths.default_backup_dir():
        raise ServiceError(_("The backup folder {folder} cannot be reached. Is the USB drive plugged in?").format(
            folder=folder))
    info = _make(folder, False, now or clock.now())
    log.info("manual backup written to %s", info.path)
    return info


def backup_to_file(target: str | Path) -> Path:
    """A manual backup to the file *target* chosen by the user, verified and audited."""
    target = Path(target)
    with recorded_file(target, "backup", "database", {}):  # recorded first: no copy without its entry
        return _copy(target)


def _head_of(conn) -> str:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (audit.HEAD_KEY,)).fetchone()
    if not row or not row[0]:
        return ""
    try:
        return json.loads(row[0]).get("hash", "")
    except (ValueError, AttributeError):
        return ""


def changed_since(info: BackupInfo) -> bool:
    """True when the open database holds work the backup *info* does not (compared by audit head)."""
    current = _head_of(store_db.database.obj.connection())
    _share_key(info.path, _db_path())
    unreadable: tuple[type[BaseException], ...] = (crypto.NotADatabaseError, OSError, *crypto.database_errors())
    try:
        conn = crypto.connect_raw(info.path, readonly=True)
    except unreadable:
        return True
    try:
        return _head_of(conn) != current
    except crypto.database_errors():
        return True
    finally:
        conn.close()


def _automatic(now: dt.datetime) -> BackupInfo | None:
    folder = configured_folder()
    fallback = False
    if not folder.is_dir():
        log.warning("backup folder %s cannot be reached; using %s", folder, paths.default_backup_dir())
        folder, fallback = paths.default_backup_dir(), True
    newest = next((b for b in list_backups(folder) if b.automatic), None) or next(iter(list_backups(folder)), None)
    if newest is not None and not changed_since(newest):
        return None
    info = _make(folder, True, now)
    log.info("automatic backup written to %s%s", info.path, " (configured folder unreachable)" if fallback else "")
    rotate(folder)
    return info


def auto_backup_if_due(now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily backup: made when the newest automatic one is a day old (or missing) and the data
    changed since the newest backup. Call at start and every hour or so while the app is open. None on a
    server: its backups are the scheduled ``backup`` command's (README), not every PC's."""
    if store_db.is_server():
        return None
    now = now or clock.now()
    newest = next((b for b in list_backups(_folder_or_default()) if b.automatic), None)
    if newest is not None and now - newest.when < DAILY:
        return None
    return _automatic(now)


def backup_on_close(now: dt.datetime | None = None) -> BackupInfo | None:
    """The backup when the app closes: made when the data changed since the newest backup (a file's only)."""
    if store_db.is_server():
        return None
    return _automatic(now or clock.now())


def _folder_or_default() -> Path:
    folder = configured_folder()
    return folder if folder.is_dir() else paths.default_backup_dir()


def rotate(folder: str | Path | None = None, keep: int | None = None) -> list[Path]:
    """Delete the oldest automatic backups beyond *keep* (default: setting ``backup.keep``)."""
    keep = keep or keep_count()
    automatic = [b for b in list_backups(folder) if b.automatic]
    removed = []
    for old in automatic[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", old.path, exc)
    return removed


def verify(info_or_path: BackupInfo | Path | str) -> list[str]:
    """Problems of a backup file (English, for the log); empty when sound."""
    path = info_or_path.path if isinstance(info_or_path, BackupInfo) else Path(info_or_path)
    db_path = store_db.current_path()
    if db_path is not None:
        _share_key(path, db_path)
    return backup.check_file(path)


def latest_good_backup(folder: str | Path | None = None, db_path: str | Path | None = None) -> BackupInfo | None:
    """The newest backup that passes the integrity check (the configured and the default folder)."""
    db_path = Path(db_path) if db_path else _db_path()
    folders = [Path(folder)] if folder else list(dict.fromkeys([configured_folder(), paths.default_backup_dir()]))
    candidates = [b for f in folders for b in list_backups(f, db_path)]
    for info in sorted(candidates, key=lambda b: (b.when, b.path.name), reverse=True):
        key = crypto.key_for(db_path)
        if key and not crypto.key_for(info.path):
            crypto.remember(info.path, key)
        if not backup.check_file(info.path):
            return info
        log.warning("backup %s failed its check", info.path)
    return None


def restore_loses_password(path: str | Path, db_path: str | Path | None = None) -> bool:
    """True when the database has a password and the backup *path* has none (made before it was set):
    restoring it as it is would leave the data unprotected, so the user is asked first."""
    source = Path(path)
    target = Path(db_path) if db_path else _db_path()
    try:
        return target.is_file() and crypto.needs_key(target) and source.is_file() and not crypto.needs_key(source)
    except OSError:
        return False


def _protect(copy: Path, password: str) -> None:
    """Encrypt the restored *copy* (plain) with *password* in place, its audit chain keyed anew."""
    from desktop_app.services.datafile import trail_keys

    protected = copy.with_name(copy.name + ".rekey")
    try:
        trail_keys.write_copy(copy, protected, source_key=None, target_key=password)
        os.replace(protected, copy)
    finally:
        protected.unlink(missing_ok=True)


def restore(path: str | Path, password: str | None = None, db_path: str | Path | None = None, *,
            keep_password: bool = True) -> RestoreResult:
    """Replace the database with the backup *path*, keep the replaced file beside it, reopen and audit.

    Works with the database open (it is closed first) or closed (give *db_path*). Raises
    PasswordNeededError when the backup is encrypted with a password not known here. A backup made before
    the database had a password is restored encrypted with the database's password unless *keep_password*
    is False (``restore_loses_password`` tells when to ask); the password must then be known here.
    """
    source = Path(path)
    target = Path(db_path) if db_path else _db_path()
    if not source.is_file():
        raise ServiceError(_("Backup not found: {path}").format(path=source))
    if password:
        crypto.remember(source, password)
    elif crypto.needs_key(source) and not crypto.key_for(source) and crypto.key_for(target):
        crypto.remember(source, crypto.key_for(target))
    problems = backup.check_file(source)
    if problems and crypto.needs_key(source) and problems[0].startswith(("encrypted", "wrong password")):
        raise PasswordNeededError(_("This backup is protected by a password. Enter the password it was made with."))
    if problems:
        raise ServiceError(_("The backup {path} is damaged and cannot be restored: {detail}").format(
            path=source, detail="; ".join(problems[:3])))
    key = crypto.key_for(source) if crypto.needs_key(source) else None
    loses = restore_loses_password(source, target)
    protect = loses and keep_password
    password_to_keep = crypto.key_for(target) if protect else None
    if protect and not password_to_keep:
        raise TargetPasswordNeededError(_(
            "{name} has a password and the backup has none (it was made before the password was set). Give "
            "the database's password so that the restored data keeps it, or choose to restore it without a "
            "password.").format(name=target.name))
    key = password_to_keep or key
    store_db.close()
    try:
        kept = backup.restore_file(source, target, prepare=(lambda copy: _protect(copy, password_to_keep))
                                   if password_to_keep else None)
    except backup.BackupError as exc:
        raise ServiceError(_("The backup could not be restored: {detail}").format(detail=exc)) from exc
    crypto.remember(target, key)
    schema.open_database(target, create=False)
    with atomic():
        audit.record("restore", "database", "", None, {
            "from": str(source), "kept": str(kept or ""),
            "password": "kept" if protect else ("removed" if loses else "as in the backup")})
    audit_anchor.claim()  # the program itself put this trail here
    log.info("restored %s from %s (kept %s)", target, source, kept)
    return RestoreResult(source, kept)


def delete(paths_to_delete: list[Path]) -> list[Path]:
    """Delete the backup files given (e.g. unprotected copies after a password was set); returns those removed."""
    removed = []
    for path in paths_to_delete:
        path = Path(path)
        if backup.parse_backup_name(path.name) is None:
            continue  # only files this program named as backups
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("could not delete %s: %s", path, exc)
    return removed
