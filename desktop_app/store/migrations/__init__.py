"""Schema versions and the migration runner.

The version lives in SQLite's ``user_version``. Opening a database older than this program backs
the file up beside itself, then applies each pending migration in its own transaction (foreign
keys off meanwhile, as table rebuilds need); a database from a newer program is refused.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.core import clock

# (version, module) in order; add a module per schema change and never edit a released one.
MIGRATIONS: list[tuple[int, str]] = [
    (1, "m0001_initial"),
    (2, "m0002_attendance_status_index"),
    (3, "m0003_committee_signer"),
    (4, "m0004_membership_history"),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


class SchemaTooNewError(Exception):
    def __init__(self, found: int, supported: int):
        super().__init__(f"schema version {found} is newer than {supported}")
        self.found = found
        self.supported = supported


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def _has_tables(db: SqliteDatabase) -> bool:
    return db.execute_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0


def pending(db: SqliteDatabase, migrations=None) -> list[tuple[int, str]]:
    migrations = MIGRATIONS if migrations is None else migrations
    current = schema_version(db)
    latest = migrations[-1][0]
    if current > latest:
        raise SchemaTooNewError(current, latest)
    return [(v, m) for v, m in migrations if v > current]


def run(db: SqliteDatabase, migrations=None, package: str = __name__) -> list[int]:
    """Bring *db* up to date; returns the versions applied."""
    todo = pending(db, migrations)
    if not todo:
        return []
    if _has_tables(db):
        backup_before_migration(db, schema_version(db))
    from playhouse.migrate import SqliteMigrator  # only when a migration is pending: it costs start-up time

    migrator = SqliteMigrator(db)
    applied = []
    for version, module_name in todo:
        module = importlib.import_module(f"{package}.{module_name}")
        with migrator.migration_context():
            module.up(db, migrator)
            db.execute_sql(f"PRAGMA user_version = {int(version)}")
        applied.append(version)
    return applied


def backup_before_migration(db: SqliteDatabase, version: int) -> Path | None:
    """Copy the database beside itself as ``<name>.v<version>-<timestamp>.bak`` before touching it."""
    path = Path(db.database)
    if str(path) == ":memory:":
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    db.execute_sql("VACUUM INTO ?", (str(target),))
    return target
