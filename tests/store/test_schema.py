"""The data model on SQLite: table names, uid/timestamps, pragmas, constraints, migrations."""

import sqlite3

import pytest
from peewee import IntegrityError

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import ALL_MODELS, Branch, Organisation, Person
from desktop_app.store.schema import open_database

TABLES = {"organisation", "branch", "person", "stageevent", "membershipevent", "dossieritem", "sponsorship", "meeting",
          "attendance", "decision", "progressnote", "actionitem", "quota", "documentcounter", "auditentry", "setting",
          "memberfeebasis", "feerelief", "feepayment"}


def _columns(db, table):
    return {column.name for column in db.get_columns(table)}


def test_every_table_of_the_design_exists_with_uid_and_timestamps(db):
    assert TABLES <= set(db.get_tables())
    for table in TABLES:
        assert {"id", "uid", "created_at", "updated_at"} <= _columns(db, table), table
    assert "full_name" in _columns(db, "person")
    assert "code" in _columns(db, "branch")


def test_migration_schema_matches_the_models(db):
    for model in ALL_MODELS:
        expected = {f.column_name for f in model._meta.sorted_fields}
        assert _columns(db, model._meta.table_name) == expected, model.__name__


@pytest.mark.file_only
def test_pragmas_wal_foreign_keys_busy_timeout(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_uid_is_unique(db):
    org = Organisation.create(name="X")
    Branch.create(organisation=org, code="A", name="A", uid="same")
    with pytest.raises(IntegrityError):
        Branch.create(organisation=org, code="B", name="B", uid="same")


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        Person.create(full_name="Ai Đó", branch=999)


def test_cccd_unique_at_the_database_level(db):
    Person.create(full_name="A", cccd="001000000001")
    with pytest.raises(IntegrityError):
        Person.create(full_name="B", cccd="001000000001")


def test_new_database_is_at_the_current_schema_version(db):
    assert migrations.schema_version(db) == migrations.SCHEMA_VERSION


def test_reopening_applies_no_migration(tmp_path):
    path = tmp_path / "a.sqlite3"
    open_database(path)
    store_db.close()
    real = open_database(path)
    assert migrations.run(real) == []
    store_db.close()
    assert not list(tmp_path.glob("*.bak")), "no backup when nothing was migrated"


def test_database_from_a_newer_version_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future(x)")
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(migrations.SchemaTooNewError) as info:
        open_database(path)
    assert info.value.found == migrations.SCHEMA_VERSION + 1
    assert path.read_bytes() == before


def test_older_database_is_backed_up_before_migrating(tmp_path, monkeypatch):
    """A database at the current version meeting a program with one more migration: copy first, then migrate."""
    path = tmp_path / "old.sqlite3"
    real = open_database(path)
    Organisation.create(name="Đảng bộ cũ")
    store_db.close()

    import sys
    import types

    module = types.ModuleType("desktop_app.store.migrations.m9999_test")

    def up(database, migrator):
        database.execute_sql("ALTER TABLE organisation ADD COLUMN motto TEXT NOT NULL DEFAULT ''")

    module.up = up
    monkeypatch.setitem(sys.modules, module.__name__, module)
    real = store_db.connect(path)
    current, new = migrations.SCHEMA_VERSION, migrations.SCHEMA_VERSION + 1
    applied = migrations.run(real, migrations=migrations.MIGRATIONS + [(new, "m9999_test")])
    assert applied == [new]
    assert migrations.schema_version(real) == new
    store_db.close()
    backups = list(tmp_path.glob(f"old.sqlite3.v{current}-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == current
    assert copy.execute("SELECT name FROM organisation").fetchone()[0] == "Đảng bộ cũ"
    copy.close()


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "text.sqlite3"
    path.write_text("hello")
    with pytest.raises(store_db.NotADatabaseError):
        open_database(path)
    assert path.read_text() == "hello"


def test_missing_file_is_not_created_when_create_is_false(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_database(tmp_path / "nope.sqlite3", create=False)
    assert not (tmp_path / "nope.sqlite3").exists()
