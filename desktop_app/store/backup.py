"""Copies of the database file: online backup, integrity checks and restore.

A backup uses SQLite's online backup API on the open connection (a consistent snapshot even
while the app writes), is written under a temporary name, integrity-checked, then renamed. A copy
of an encrypted database is encrypted with the same password. Nothing here raises a bare driver
error: unreadable files become BackupError or a list of problems.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from desktop_app.core import clock
from desktop_app.store import crypto, migrations
from desktop_app.store.space import NotEnoughSpaceError, require_space, size_with_wal  # noqa: F401

AUTO_TAG = "auto"
_NAME_RE = re.compile(r"^(?P<stem>.+?)-(?:(?P<tag>auto)-)?(?P<when>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


class BackupError(Exception):
    """The copy could not be made or is not sound; ``str()`` is a short English reason for the log."""


# Leftovers of a restore or a change of password that was killed: the copy being made beside the database,
# with the journal SQLite keeps while writing it. Never the database's own journal or write-ahead log.
LEFTOVER_SUFFIXES = (".restoring", ".restoring.part", ".rekey")
_SQLITE_SIDE = ("", "-journal", "-wal", "-shm")


def leftovers(db_path: str | Path) -> list[Path]:
    """Files a killed or failed restore or password change left beside *db_path*."""
    db_path = Path(db_path)
    found = []
    for suffix in LEFTOVER_SUFFIXES:
        for side in _SQLITE_SIDE:
            candidate = db_path.with_name(db_path.name + suffix + side)
            if candidate.exists():
                found.append(candidate)
    for pattern in (f"{db_path.name}.before-restore-*.part", f"{db_path.name}.before-restore-*.part-journal"):
        found += sorted(db_path.parent.glob(pattern))
    return found


def _file_system_now(folder: Path) -> float | None:
    """The time as the file system of *folder* stamps a file written now (a shared folder's server keeps its own
    clock, and this computer's may be wrong): what a file's age is measured against. None when *folder* cannot be
    written to."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".sochibo-now-") as probe:
            return os.fstat(probe.fileno()).st_mtime
    except OSError:
        return None


def stale_parts(folder: str | Path, older_than: dt.timedelta = dt.timedelta(hours=1)) -> list[Path]:
    """Backup copies under their temporary name (``*.part``, with their journal) that no backup is still
    writing: not touched for *older_than*."""
    folder, found = Path(folder), []
    try:
        candidates = list(folder.glob("*.part")) + list(folder.glob("*.part-journal"))
    except OSError:
        return []
    now = _file_system_now(folder)
    if now is None:
        return []
    limit = now - older_than.total_seconds()
    for item in candidates:
        try:
            if item.is_file() and item.stat().st_mtime < limit:
                found.append(item)
        except OSError:
            continue
    return found


class DamagedDatabaseError(Exception):
    """The database file fails SQLite's integrity check; ``problems`` are SQLite's own words."""

    def __init__(self, path: Path, problems: list[str]):
        super().__init__(f"{path}: " + "; ".join(problems[:3]))
        self.path = path
        self.problems = problems


def require_sound(path: str | Path, quick: bool = True) -> None:
    """Raise when the file at *path* is not a sound database: crypto.EncryptedDatabaseError,
    crypto.WrongPasswordError, crypto.NotADatabaseError or DamagedDatabaseError."""
    path = Path(path)
    problems = check_file(path, quick=quick)
    if problems:
        raise problem_error(path, problems)


def problem_error(path: Path, problems: list[str]) -> Exception:
    """The typed error for what ``check_file`` found, so each gets its own message (a missing password is
    not damage)."""
    first = problems[0]
    if first.startswith("encrypted"):
        return crypto.EncryptedDatabaseError(path)
    if first.startswith("wrong password"):
        return crypto.WrongPasswordError(path)
    if first in ("not a database", "empty file"):
        return crypto.NotADatabaseError(str(path))
    return DamagedDatabaseError(path, problems)


def integrity_problems(conn, quick: bool = False) -> list[str]:
    """SQLite's integrity check and foreign-key check; empty when healthy."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        problems = [] if rows == ["ok"] else rows[:20]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    except crypto.database_errors() as exc:
        return [str(exc)]
    problems.extend(f"foreign key: {r[0]} row {r[1]} → {r[2]}" for r in fk[:20])
    return problems


def check_file(path: str | Path, quick: bool = False) -> list[str]:
    """Problems of the database file at *path* (opened read-only); empty when healthy.

    An encrypted file is opened with the password known for it (crypto.key_for)."""
    path = Path(path)
    try:
        if path.stat().st_size == 0:
            return ["empty file"]
        if not crypto.has_plain_header(path) and not (crypto.looks_encrypted(path) and crypto.key_for(path)):
            return ["encrypted (password needed)" if crypto.looks_encrypted(path) else "not a database"]
        conn = crypto.connect_raw(path, readonly=True)
    except crypto.WrongPasswordError:
        return ["wrong password, or not a database"]
    except (OSError, crypto.EncryptionUnavailableError) as exc:
        return [str(exc)]
    except crypto.database_errors() as exc:
        return [str(exc)]
    try:
        problems = integrity_problems(conn, quick=quick)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except crypto.database_errors() as exc:
            return problems or [str(exc)]
        if version > migrations.SCHEMA_VERSION:
            problems.append(f"schema version {version} is newer than {migrations.SCHEMA_VERSION}")
        return problems
    finally:
        conn.close()


def backup_name(db_path: Path, when: dt.datetime | None = None, automatic: bool = False) -> str:
    when = when or clock.now()
    tag = f"{AUTO_TAG}-" if automatic else ""
    return f"{db_path.stem}-{tag}{when:%Y%m%d-%H%M%S}.sqlite3"


def parse_backup_name(name: str) -> tuple[str, bool, dt.datetime] | None:
    """(database stem, automatic?, when) of a file named by backup_name; None for other files."""
    match = _NAME_RE.match(name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(match["when"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return match["stem"], bool(match["tag"]), when


def unique_target(target: Path) -> Path:
    """*target*, or the same name with -2, -3… when a file of that name exists (two backups in a second)."""
    if not target.exists():
        return target
    for n in range(2, 1000):
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
        if not candidate.exists():
            return candidate
    raise BackupError(f"too many backups named {target.name}")


def backup_connection(conn, target: str | Path, passphrase: str | None = None) -> Path:
    """Write a consistent copy of the open connection *conn* to *target*, verified before it gets
    its name. *passphrase* encrypts the copy (must be the source's own password when it has one)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        dst = crypto.connect_raw(tmp, passphrase=passphrase or "")
        try:
            conn.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
            problems = integrity_problems(dst)
        finally:
            dst.close()
    except crypto.database_errors() as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"backup failed: {exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupError("backup failed its integrity check: " + "; ".join(problems[:3]))
    _fsync(tmp)
    os.replace(tmp, target)
    return target


def _fsync(path: Path) -> None:
    """Flush the copy to the device before it is named a backup (a USB stick may be pulled)."""
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def backup_file(db_path: str | Path, target: str | Path) -> Path:
    """Back up a database file that is not open in this process (with its password, if any)."""
    db_path = Path(db_path)
    key = crypto.key_for(db_path) if crypto.needs_key(db_path) else None
    try:
        src = crypto.connect_raw(db_path, readonly=True)
    except (crypto.EncryptedDatabaseError, crypto.WrongPasswordError) as exc:
        raise BackupError(f"cannot open {db_path}: password needed") from exc
    except crypto.database_errors() as exc:
        raise BackupError(f"cannot open {db_path}: {exc}") from exc
    try:
        return backup_connection(src, target, passphrase=key)
    finally:
        src.close()


def restore_file(source: str | Path, db_path: str | Path, *, prepare=None) -> Path | None:
    """Replace *db_path* with the backup *source*; the replaced file is kept beside it.

    Returns the path of the kept copy (None when there was no database yet). The caller must have
    closed its own connection to *db_path*. A damaged *db_path* is kept byte for byte. *prepare* is called
    with the restored copy before it takes the database's place (to encrypt it, say). Raises
    NotEnoughSpaceError, before writing anything, when the safety copy and the restored copy would not fit.
    """
    source, db_path = Path(source), Path(db_path)
    problems = check_file(source)
    if problems:
        raise BackupError("the backup is not sound: " + "; ".join(problems[:3]))
    current = size_with_wal(db_path) if db_path.exists() else 0
    require_space(db_path.parent, current + 2 * source.stat().st_size)
    kept = None
    if db_path.exists():
        kept = db_path.with_name(f"{db_path.name}.before-restore-{clock.now():%Y%m%d-%H%M%S}")
        kept = unique_target(kept)
        _keep_copy(db_path, kept)
    tmp = db_path.with_name(db_path.name + ".restoring")
    try:
        backup_file(source, tmp)
        if prepare is not None:
            prepare(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_path)
    return kept


def _keep_copy(db_path: Path, kept: Path) -> None:
    """A consistent copy when the file is readable, else the raw bytes (and its WAL) as they are."""
    if not check_file(db_path, quick=True):
        try:
            backup_file(db_path, kept)
            return
        except BackupError:
            pass
    import shutil

    shutil.copyfile(db_path, kept)
    wal = Path(str(db_path) + "-wal")  # committed work not yet in the main file
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, Path(str(kept) + "-wal"))
