"""Migration 9 gives a version-8 database its identity, the scheme and row-hash columns of the audit trail and
the index the check of records uses; the entries written before keep their hashes and still verify, and the
entries written after are keyed and tied to their rows. On both engines."""

from __future__ import annotations

import json

from desktop_app.services.common import audit_chain, audit_head
from desktop_app.services.datafile import maintenance
from desktop_app.services.people import people
from desktop_app.store import db as store_db
from desktop_app.store import dialect, migrations
from desktop_app.store.migrations import m0009_audit_anchor as m9
from desktop_app.store.models import AuditEntry
from desktop_app.store.schema import open_database


def _version_8(location):
    """A version-8 database whose trail was written the old, unkeyed way."""
    real = store_db.connect(location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:8]) == [1, 2, 3, 4, 5, 6, 7, 8]
    marks4 = ", ".join([real.param] * 4)
    prev = audit_chain.GENESIS
    for n in (1, 2):
        uid, at, after = f"e{n}", f"2026-0{n}-01 08:00:00", json.dumps({"full_name": f"Người {n}"})
        hash_ = audit_chain.entry_digest(b"", audit_chain.LEGACY, prev, uid, at, "thu", "create", "person", f"p{n}",
                                         "", after, "")
        real.execute_sql("INSERT INTO auditentry (uid, at, actor, action, table_name, record_uid, after, prev_hash, "
                         f"hash) VALUES ({real.param}, {real.param}, 'thu', 'create', 'person', {marks4})",
                         (uid, at, f"p{n}", after, prev, hash_))
        prev = hash_
    real.execute_sql(f"INSERT INTO setting (uid, key, value) VALUES ('s', 'audit.head', {real.param})",
                     (json.dumps({"hash": prev, "count": 2}),))
    store_db.close()


def test_a_version_8_database_gains_an_identity_and_a_keyed_trail(empty_location):
    _version_8(empty_location)
    real = open_database(empty_location)
    try:
        assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
        uid = audit_head.database_uid()
        assert len(uid) == 36
        old = list(AuditEntry.select().order_by(AuditEntry.id))
        assert [(e.scheme, e.row_hash) for e in old] == [(1, ""), (1, "")]
        assert maintenance.check().healthy  # the old entries verify the old way
        person = people.create_person({"full_name": "Lò Văn Mới"})
        new = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
        assert new.scheme == audit_chain.KEYED and new.prev_hash == old[-1].hash
        assert new.row_hash == audit_chain.row_digest("person", _person_values(person.id))
        assert maintenance.check().healthy
        if not dialect.is_postgres(real):
            plan = " ".join(r[3] for r in real.execute_sql(
                "EXPLAIN QUERY PLAN SELECT max(id) FROM auditentry WHERE row_hash != '' GROUP BY table_name, "
                "record_uid"))
            assert "auditentry_table_name_record_uid" in plan
    finally:
        store_db.close()


def _person_values(person_id):
    from desktop_app.store.models import Person

    return Person.select().where(Person.id == person_id).dicts().get()


def test_migration_9_runs_again_without_harm(db):
    # A file restored from a copy made during the upgrade may already have the columns and its identity.
    uid = audit_head.database_uid()
    m9.up(db, None)
    columns = [c.name for c in db.get_columns("auditentry")]
    assert columns.count("row_hash") == 1 and columns.count("scheme") == 1
    assert audit_head.database_uid() == uid
    assert [i.name for i in db.get_indexes("auditentry")].count("auditentry_table_name_record_uid") == 1
