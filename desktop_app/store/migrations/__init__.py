"""Schema versions and the migration runner, one code path for both engines.

The version lives in SQLite's ``user_version`` in a file, in the one-row ``schema_version`` table on a
server. Opening a database older than this program backs a file up beside itself, then applies each
pending migration in its own transaction (on a file, foreign keys off meanwhile, as table rebuilds need;
on a server the DDL is transactional and the first client to arrive migrates while the others wait); a
database from a newer program is refused. Migrations write SQLite's DDL through ``dialect.execute``,
which renders it for the server.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.core import clock
from desktop_app.store import dialect

# (version, module) in order; add a module per schema change and never edit a released one.
MIGRATIONS: list[tuple[int, str]] = [
    (1, "m0001_initial"),
    (2, "m0002_attendance_status_index"),
    (3, "m0003_committee_signer"),
    (4, "m0004_membership_history"),
    (5, "m0005_record_versions"),
    (6, "m0006_issued_documents"),
    (7, "m0007_fee_ledger"),
    (8, "m0008_member_record"),
    (9, "m0009_audit_anchor"),
    (10, "m0010_party_year"),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


class SchemaTooNewError(Exception):
    def __init__(self, found: int, supported: int):
        super().__init__(f"schema version {found} is newer than {supported}")
        self.found = found
        self.supported = supported


# Any number, the same in every client: the server-wide lock held while one client migrates.
_MIGRATION_LOCK = 0x50C41B0


def schema_version(db: SqliteDatabase) -> int:
    if dialect.is_postgres(db):
        if dialect.VERSION_TABLE not in db.get_tables():
            return 0
        row = db.execute_sql(f'SELECT max("version") FROM "{dialect.VERSION_TABLE}"').fetchone()
        return int(row[0] or 0)
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_version(db, version: int) -> None:
    if dialect.is_postgres(db):
        db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{dialect.VERSION_TABLE}" ("version" INTEGER NOT NULL)')
        db.execute_sql(f'DELETE FROM "{dialect.VERSION_TABLE}"')
        db.execute_sql(f'INSERT INTO "{dialect.VERSION_TABLE}" ("version") VALUES (%s)', (int(version),))
    else:
        db.execute_sql(f"PRAGMA user_version = {int(version)}")


def has_tables(db: SqliteDatabase) -> bool:
    return any(t != dialect.VERSION_TABLE for t in db.get_tables())


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
    if dialect.is_postgres(db):
        return _run_on_server(db, migrations, package)
    if has_tables(db):
        backup_before_migration(db, schema_version(db))
    from playhouse.migrate import SqliteMigrator  # only when a migration is pending: it costs start-up time

    return _apply(db, SqliteMigrator(db), pending(db, migrations), package)


def _apply(db, migrator, todo, package: str) -> list[int]:
    applied = []
    for version, module_name in todo:
        module = importlib.import_module(f"{package}.{module_name}")
        with migrator.migration_context():
            module.up(db, migrator)
            _set_version(db, version)
        applied.append(version)
    return applied


def _run_on_server(db, migrations, package: str) -> list[int]:
    """Migrate a server database: one client at a time (the others find nothing left to do)."""
    from playhouse.migrate import PostgresqlMigrator

    db.execute_sql("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
    try:
        return _apply(db, PostgresqlMigrator(db), pending(db, migrations), package)
    finally:
        db.execute_sql("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))


def backup_before_migration(db: SqliteDatabase, version: int) -> Path | None:
    """Copy the database beside itself as ``<name>.v<version>-<timestamp>.bak`` before touching it."""
    if dialect.is_postgres(db):
        return None  # a server migrates in one transaction per step; its backups are the `backup` command's
    path = Path(db.database)
    if str(path) == ":memory:":
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    from desktop_app.store.space import require_space, size_with_wal

    require_space(path.parent, size_with_wal(path))  # never a safety copy onto a full disk
    db.execute_sql("VACUUM INTO ?", (str(target),))
    return target
