"""Migration 5 gives the records people edit a version number, starting at 0, on both engines."""

from __future__ import annotations

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.migrations import m0005_record_versions as m5
from desktop_app.store.models import Branch, Organisation, Person
from desktop_app.store.schema import open_database


def test_a_version_4_database_gains_the_version_columns(empty_location):
    real = store_db.connect(empty_location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:4]) == [1, 2, 3, 4]
    for table in m5.TABLES:
        assert "version" not in {c.name for c in real.get_columns(table)}
    real.execute_sql(real.param.join(['INSERT INTO organisation (uid, name) VALUES (', ', ', ')']),
                     ("o-1", "Đảng bộ xã Mường Ảng"))
    store_db.close()

    real = open_database(empty_location)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    for table in m5.TABLES:
        assert "version" in {c.name for c in real.get_columns(table)}, table
    org = Organisation.get(Organisation.uid == "o-1")
    assert org.version == 0
    branch = Branch.create(organisation=org, code="CB01", name="Chi bộ 1")
    assert Person.create(full_name="Lò Văn Pấng", branch=branch).version == 0
    store_db.close()


def test_migration_4_runs_again_without_harm(db):
    m5.up(db, None)
    assert [c.name for c in db.get_columns("person")].count("version") == 1
