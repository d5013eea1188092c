"""Health of the database: integrity, foreign keys, schema version and the audit chain; the quick
check the app runs before opening a file, with the latest good backup to offer when it is damaged."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.i18n import _
from desktop_app.services.common.environment import read_only_message
from desktop_app.store import backup, crypto, migrations, opening
from desktop_app.store import db as store_db
from desktop_app.store.db import database

log = logging.getLogger(__name__)

# StartupHealth.status values
OK, NEW, PASSWORD, DAMAGED, NOT_DATABASE, TOO_NEW, UNREADABLE, READ_ONLY = (
    "ok", "new", "password", "damaged", "not_database", "too_new", "unreadable", "read_only")


@dataclass
class HealthReport:
    schema_version: int = 0
    problems: list[str] = field(default_factory=list)  # translated, for the user
    trail: list = field(default_factory=list)  # audit_walk.Finding: what is wrong with the audit trail
    damaged: bool = False  # the file itself fails SQLite's checks (a backup is the way out, not a repair)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check(quick: bool = False, *, integrity: bool = True) -> HealthReport:
    """Check the open database: SQLite's integrity and foreign keys, the schema version and the audit trail
    (services.datafile.trail). *quick*: SQLite's quick check and the trail's newest entries only;
    *integrity* False: the caller has just run SQLite's checks on the file."""
    from desktop_app.services.datafile import trail, trail_findings

    db = database.obj
    report = HealthReport()
    try:
        report.schema_version = migrations.schema_version(db)
        if store_db.is_server():
            from desktop_app.store import server

            found = server.integrity_problems(db)
        else:
            found = backup.integrity_problems(db.connection(), quick=quick) if integrity else []
    except crypto.database_errors() as exc:
        found = [str(exc)]
    if found:
        report.damaged = True
        report.problems.append(_("The database file is damaged: {detail}").format(detail="; ".join(found[:3])))
        log.error("integrity check failed: %s", found)
        return report
    if report.schema_version != migrations.SCHEMA_VERSION:
        report.problems.append(_("Schema version {found} does not match this program ({expected}).").format(
            found=report.schema_version, expected=migrations.SCHEMA_VERSION))
    try:
        findings = trail.quick_check() if quick else trail.check_trail().findings
    except Exception as exc:  # a hand-edited row may not even parse (a date that is not a date)
        log.exception("audit trail unreadable")
        from desktop_app.services.common import audit_walk

        findings = [audit_walk.finding(audit_walk.UNREADABLE, detail=str(exc)[:200])]
    if findings:
        log.error("audit trail: %s", "; ".join(str(f) for f in findings))
        report.trail = findings
        report.problems += trail_findings.messages(findings)
    return report


def backup_now(target: str | Path | None = None) -> Path:
    """Back up the open database to the file *target* (default: a new file in the backup folder)."""
    from desktop_app.services.datafile import backups

    if store_db.is_server() and target is not None:
        from desktop_app.services.datafile import server_copies

        return server_copies.backup_server(target)
    if target is None:
        return backups.backup_now().path
    return backups.backup_to_file(target)


# ---- start-up ---------------------------------------------------------------------------------


@dataclass
class StartupHealth:
    """What the app should do with a database file before opening it."""

    path: Path
    status: str = OK
    problems: list[str] = field(default_factory=list)  # translated, for the user
    details: list[str] = field(default_factory=list)  # English, for the log and the "details" box
    latest_backup: object | None = None  # services.backups.BackupInfo

    @property
    def ok(self) -> bool:
        """True when the file can be opened (or created) as it is."""
        return self.status in (OK, NEW)


def _folder_hint(path: Path) -> Path | None:
    """The configured backup folder read straight from the file, when that much of it is readable."""
    try:
        conn = crypto.connect_raw(path, readonly=True)
    except Exception:  # damaged beyond reading: fall back to the default folder
        return None
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = 'backup.folder'").fetchone()
        value = json.loads(row[0]) if row and row[0] else ""
        return Path(value) if isinstance(value, str) and value.strip() else None
    except Exception:
        return None
    finally:
        conn.close()


def _latest_backup(path: Path):
    from desktop_app import paths
    from desktop_app.services.datafile import backups

    folders = [f for f in (_folder_hint(path), paths.default_backup_dir()) if f is not None]
    for folder in dict.fromkeys(folders):
        try:
            found = backups.latest_good_backup(folder, db_path=path)
        except Exception:
            log.exception("looking for backups in %s", folder)
            continue
        if found is not None:
            return found
    return None


def _shallow_problems(path: Path) -> list[str]:
    """What check_file reports, without the integrity scan."""
    if not crypto.has_plain_header(path) and not (crypto.looks_encrypted(path) and crypto.key_for(path)):
        return ["encrypted (password needed)" if crypto.looks_encrypted(path) else "not a database"]
    try:
        conn = crypto.connect_raw(path, readonly=True)
    except crypto.WrongPasswordError:
        return ["wrong password, or not a database"]
    except (crypto.NotADatabaseError, crypto.EncryptionUnavailableError) as exc:
        return [str(exc)]
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except crypto.database_errors() as exc:
        return [str(exc)]
    finally:
        conn.close()
    if version > migrations.SCHEMA_VERSION:
        return [f"schema version {version} is newer than {migrations.SCHEMA_VERSION}"]
    return []


def startup_check(path: str | Path, deep: bool = True) -> StartupHealth:
    """Check the file at *path* without opening it for writing: quick integrity check, foreign keys
    and schema version. On damage, ``latest_backup`` is the newest backup that passes its check.
    Never raises for a bad file: every problem becomes a status with a message.

    *deep* False checks only what opening needs (header, password, schema version), in milliseconds;
    the quick integrity check reads the whole file (about 1 s for the `large` demo), so a fast start
    runs it afterwards on a worker thread: ``check(quick=True)`` on the open database."""
    path = Path(path)
    health = StartupHealth(path)
    try:
        if not path.exists():
            health.status = NEW
            return health
        if path.is_dir():
            health.status = UNREADABLE
            health.problems.append(_("{path} is a folder, not a database file.").format(path=path))
            return health
        if path.stat().st_size == 0:
            health.status = NEW
            return health
        if opening.read_only(path):  # not damage: SQLite cannot write beside the file
            health.status = READ_ONLY
            health.problems.append(read_only_message(path))
            return health
        details = backup.check_file(path, quick=True) if deep else _shallow_problems(path)
    except OSError as exc:
        health.status = UNREADABLE
        health.details = [str(exc)]
        health.problems.append(_("{path} cannot be read: {detail}").format(path=path, detail=exc.strerror or exc))
        return health
    health.details = details
    if not details:
        return health
    log.error("start-up check of %s: %s", path, details)
    first = details[0]
    if first.startswith(("encrypted", "wrong password")):
        health.status = PASSWORD
        health.problems.append(_("{path} is protected by a password (or it is damaged).").format(path=path))
        return health
    if first.startswith("schema version") and len(details) == 1:
        health.status = TOO_NEW
        health.problems.append(_("This database was written by a newer version of Sổ Chi bộ. Install the newer "
                                 "version to open it."))
        return health
    health.status = NOT_DATABASE if first in ("not a database", "empty file") else DAMAGED
    if health.status == NOT_DATABASE:
        health.problems.append(_("{path} is not a database of this program.").format(path=path))
    else:
        health.problems.append(_("The database {path} is damaged (SQLite's own words are in the details).").format(
            path=path))
    health.latest_backup = _latest_backup(path)
    return health
