"""Copies of the database file: online backup, integrity checks and restore.

A backup uses SQLite's online backup API on the open connection (a consistent snapshot even
while the app writes), is written under a temporary name, integrity-checked, then renamed.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from desktop_app.store import migrations


class BackupError(Exception):
    """The copy could not be made or is not sound; ``str()`` is a short English reason for the log."""


def integrity_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """SQLite's integrity check and foreign-key check; empty when healthy."""
    problems = []
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        problems.extend(rows[:20])
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    problems.extend(f"foreign key: {r[0]} row {r[1]} → {r[2]}" for r in fk[:20])
    return problems


def check_file(path: str | Path) -> list[str]:
    """Problems of the database file at *path* (opened read-only); empty when healthy."""
    path = Path(path)
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return ["not a database"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = integrity_problems(conn)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > migrations.SCHEMA_VERSION:
                problems.append(f"schema version {version} is newer than {migrations.SCHEMA_VERSION}")
            return problems
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def backup_name(db_path: Path, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now()
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S}.sqlite3"


def backup_connection(conn: sqlite3.Connection, target: str | Path) -> Path:
    """Write a consistent copy of the open connection *conn* to *target*."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(str(tmp))
    try:
        conn.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_problems(dst)
    finally:
        dst.close()
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupError("backup failed its integrity check: " + "; ".join(problems[:3]))
    os.replace(tmp, target)
    return target


def backup_file(db_path: str | Path, target: str | Path) -> Path:
    """Back up a database file that is not open in this process."""
    src = sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)
    try:
        return backup_connection(src, target)
    finally:
        src.close()


def restore_file(source: str | Path, db_path: str | Path) -> Path | None:
    """Replace *db_path* with the backup *source*; the replaced file is kept beside it.

    Returns the path of the kept copy (None when there was no database yet). The caller must have
    closed its own connection to *db_path*.
    """
    source, db_path = Path(source), Path(db_path)
    problems = check_file(source)
    if problems:
        raise BackupError("the backup is not sound: " + "; ".join(problems[:3]))
    kept = None
    if db_path.exists():
        kept = db_path.with_name(f"{db_path.name}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}")
        backup_file(db_path, kept)
    tmp = db_path.with_name(db_path.name + ".restoring")
    backup_file(source, tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_path)
    return kept
