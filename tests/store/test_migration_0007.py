"""Migration 7 gives a version-6 database the fee ledger, on both engines: the totals typed at meetings become
ledger rows of the branch (no member) for the meeting's month, so the money recorded stays; deleted meetings and
meetings without a total add nothing; the other data is kept; running it again adds nothing."""

from __future__ import annotations

import datetime as dt

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.migrations import m0007_fee_ledger as m7
from desktop_app.store.models import FeePayment, Meeting, MemberFeeBasis, Person
from desktop_app.store.schema import open_database


def _version_6(location):
    real = store_db.connect(location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:6]) == [1, 2, 3, 4, 5, 6]

    def run(sql, params):
        real.execute_sql(sql.replace("?", real.param), params)

    run('INSERT INTO organisation (uid, name) VALUES (?, ?)', ("o-1", "Đảng bộ xã Mường Ảng"))
    run('INSERT INTO branch (uid, organisation_id, code, name) VALUES (?, 1, ?, ?)', ("b-1", "CB01", "Chi bộ 1"))
    run('INSERT INTO branch (uid, organisation_id, code, name) VALUES (?, 1, ?, ?)', ("b-2", "CB02", "Chi bộ 2"))
    run('INSERT INTO person (uid, branch_id, full_name, status) VALUES (?, 1, ?, ?)', ("p-1", "Lò Văn Pấng",
                                                                                      "official"))
    meetings = [("m-1", 1, "2025-12-03", "regular", 1_250_000, None),
                ("m-2", 1, "2026-01-03", "regular", 1_310_000, None),
                ("m-3", 1, "2026-01-20", "thematic", 0, None),  # no total: nothing to move
                ("m-4", 2, "2026-01-05", "regular", 640_000, None),
                ("m-5", 2, "2026-02-03", "regular", 99_000, "2026-02-04 10:00:00")]  # deleted draft
    for uid, branch, day, kind, fees, deleted in meetings:
        run('INSERT INTO meeting (uid, branch_id, date, kind, fees_collected, status, deleted_at) '
            'VALUES (?, ?, ?, ?, ?, ?, ?)', (uid, branch, day, kind, fees, "adopted", deleted))
    store_db.close()


def test_a_version_6_database_moves_the_meeting_totals_into_the_ledger(empty_location, engine):
    _version_6(empty_location)
    real = open_database(empty_location)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    rows = [(p.branch_id, p.month, p.amount, p.paid_on, p.meeting.uid, p.person_id)
            for p in FeePayment.select().order_by(FeePayment.id)]
    assert rows == [(1, dt.date(2025, 12, 1), 1_250_000, dt.date(2025, 12, 3), "m-1", None),
                    (1, dt.date(2026, 1, 1), 1_310_000, dt.date(2026, 1, 3), "m-2", None),
                    (2, dt.date(2026, 1, 1), 640_000, dt.date(2026, 1, 5), "m-4", None)]
    assert all(len(p.uid) == 36 and p.created_at is not None for p in FeePayment.select())
    # the meetings keep the figure their minutes stated, and everything else is as it was
    assert [m.fees_collected for m in Meeting.select().order_by(Meeting.id)] == [1_250_000, 1_310_000, 0, 640_000,
                                                                                  99_000]
    assert Person.get().full_name == "Lò Văn Pấng" and MemberFeeBasis.select().count() == 0
    store_db.close()
    if engine == "sqlite":
        assert list(empty_location.parent.glob(f"{empty_location.name}.v6-*.bak")), \
            "the version-6 file is copied before migrating"


def test_migration_7_runs_again_without_harm(db):
    person = Person.create(full_name="Lò Văn Pấng")
    from desktop_app.store.models import Branch, Organisation

    branch = Branch.create(organisation=Organisation.create(name="Đảng bộ"), code="CB01", name="Chi bộ 1")
    Meeting.create(branch=branch, date=dt.date(2026, 1, 3), fees_collected=500_000)
    m7.up(db, None)  # a file restored from a copy made during the upgrade: the tables are there
    m7.up(db, None)
    assert FeePayment.select().count() == 1 and person.id
