"""Migration 3 gives a version-2 database the committee's signer and the (stage, date) index, keeping
its data."""

from __future__ import annotations

import sqlite3

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import Branch, Organisation, Person, StageEvent
from desktop_app.store.schema import open_database


def test_a_version_2_database_gains_the_signer_and_the_index(tmp_path):
    path = tmp_path / "v2.sqlite3"
    real = store_db.connect(path)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:2]) == [1, 2]
    real.execute_sql('INSERT INTO organisation (uid, name) VALUES (?, ?)', ("o-1", "Đảng bộ xã Mường Ảng"))
    org_id = real.execute_sql("SELECT id FROM organisation").fetchone()[0]
    store_db.close()

    real = open_database(path)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    org = Organisation.get_by_id(org_id)
    assert org.name == "Đảng bộ xã Mường Ảng" and org.signer == ""
    branch = Branch.create(organisation=org, code="CB01", name="Chi bộ 1")
    person = Person.create(full_name="Lò Văn Pấng", branch=branch)
    StageEvent.create(person=person, stage="admission_decision", date="2026-05-19")
    plan = " ".join(r[3] for r in real.execute_sql(
        "EXPLAIN QUERY PLAN SELECT person_id FROM stageevent WHERE stage = ? AND date BETWEEN ? AND ?",
        ("admission_decision", "2026-01-01", "2026-12-31")))
    assert "stageevent_stage_date" in plan
    store_db.close()
    assert list(tmp_path.glob("v2.sqlite3.v2-*.bak")), "the version-2 file is copied before migrating"


def test_migration_3_runs_again_without_harm(tmp_path):
    # A file restored from a copy made during the upgrade may already have the column.
    path = tmp_path / "again.sqlite3"
    open_database(path)
    store_db.close()
    real = store_db.connect(path)
    from desktop_app.store.migrations import m0003_committee_signer as m3

    m3.up(real, None)
    columns = [c.name for c in real.get_columns("organisation")]
    assert columns.count("signer") == 1
    store_db.close()
    sqlite3.connect(path).close()
