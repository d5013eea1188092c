"""Migration 1 makes an empty file a database of schema version 1: every table of the data model and the search
indexes; from there the later migrations bring it to the current schema."""

from __future__ import annotations

import sqlite3

from test_schema import TABLES

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.migrations import m0001_initial


def test_migration_0001_on_an_empty_file_creates_everything(tmp_path):
    conn = sqlite3.connect(tmp_path / "empty.sqlite3")
    conn.close()
    real = store_db.connect(tmp_path / "empty.sqlite3")
    assert migrations.run(real) == [version for version, _module in migrations.MIGRATIONS]
    names = {r[0] for r in real.execute_sql("SELECT name FROM sqlite_master")}
    assert {"person_fts", "branch_fts"} <= names and TABLES <= names
    store_db.close()


def test_version_1_is_exactly_its_frozen_statements(tmp_path):
    real = store_db.connect(tmp_path / "v1.sqlite3")
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:1]) == [1]
    assert migrations.schema_version(real) == 1
    created = {r[0] for r in real.execute_sql("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")}
    for statement in m0001_initial.STATEMENTS:
        if statement.startswith("CREATE TABLE") or statement.startswith("CREATE UNIQUE INDEX"):
            assert statement in created, statement[:60]
    store_db.close()
