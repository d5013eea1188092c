"""Migration 2 adds the attendance (status, meeting) index to a version-1 database, keeping its data; a
new database has every index the models declare."""

from __future__ import annotations

import sqlite3

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import ALL_MODELS, Attendance
from desktop_app.store.schema import open_database


def _indexes(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_a_version_1_database_gains_the_index_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v1.sqlite3"
    real = store_db.connect(path)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:1]) == [1]
    # the organisation row as version 1 has it (the model has gained columns since)
    real.execute_sql('INSERT INTO organisation (uid, name) VALUES (?, ?)', ("o-1", "Đảng bộ xã"))
    org_id = real.execute_sql("SELECT id FROM organisation").fetchone()[0]
    # rows as version 1 has them, written as SQL (the models have gained columns since)
    real.execute_sql('INSERT INTO branch (uid, organisation_id, code, name) VALUES (?, ?, ?, ?)',
                     ("b-1", org_id, "CB01", "Chi bộ 1"))
    real.execute_sql('INSERT INTO person (uid, branch_id, full_name) VALUES (?, 1, ?)', ("p-1", "Lò Văn Pấng"))
    real.execute_sql('INSERT INTO meeting (uid, branch_id, date) VALUES (?, 1, ?)', ("m-1", "2026-10-05"))
    real.execute_sql('INSERT INTO attendance (uid, meeting_id, person_id, status) VALUES (?, 1, 1, ?)',
                     ("a-1", "unexcused"))
    store_db.close()

    real = open_database(path)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    assert "attendance_status_meeting_id" in _indexes(real.connection())
    assert Attendance.get().status == "unexcused"
    plan = " ".join(r[3] for r in real.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM attendance WHERE status = ? AND meeting_id = ?", ("unexcused", 1)))
    assert "attendance_status_meeting_id" in plan
    store_db.close()
    assert list(tmp_path.glob("v1.sqlite3.v1-*.bak")), "the version-1 file is copied before migrating"


def test_migrated_indexes_match_the_models(db):
    """Every index a model declares exists under peewee's name (tables and columns: test_schema)."""
    present = {index.name for model in ALL_MODELS for index in db.get_indexes(model._meta.table_name)}
    for model in ALL_MODELS:
        for index in model._meta.fields_to_index():
            assert index._name in present, (model.__name__, index._name)


def test_the_index_statement_is_idempotent(tmp_path):
    path = tmp_path / "again.sqlite3"
    open_database(path)
    store_db.close()
    conn = sqlite3.connect(path)
    from desktop_app.store.migrations import m0002_attendance_status_index as m2

    for statement in m2.STATEMENTS:
        conn.execute(statement)
    conn.close()
