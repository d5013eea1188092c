"""Migration 6 gives a version-5 database the fee ledger: the totals typed at meetings become ledger rows of the
branch (no member) for the meeting's month, so the money recorded stays; deleted meetings and meetings without a
total add nothing; the other data is kept."""

from __future__ import annotations

import datetime as dt

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import FeePayment, Meeting, MemberFeeBasis, Person
from desktop_app.store.schema import open_database


def _version_4(path):
    real = store_db.connect(path)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:4]) == [1, 2, 3, 4]
    run = real.execute_sql
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


def test_a_version_4_database_moves_the_meeting_totals_into_the_ledger(tmp_path):
    path = tmp_path / "v4.sqlite3"
    _version_4(path)
    real = open_database(path)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    rows = [(p.branch_id, p.month, p.amount, p.paid_on, p.meeting.uid, p.person_id)
            for p in FeePayment.select().order_by(FeePayment.id)]
    assert rows == [(1, dt.date(2025, 12, 1), 1_250_000, dt.date(2025, 12, 3), "m-1", None),
                    (1, dt.date(2026, 1, 1), 1_310_000, dt.date(2026, 1, 3), "m-2", None),
                    (2, dt.date(2026, 1, 1), 640_000, dt.date(2026, 1, 5), "m-4", None)]
    assert all(len(p.uid) == 36 for p in FeePayment.select())
    # the meetings keep the figure their minutes stated, and everything else is as it was
    assert [m.fees_collected for m in Meeting.select().order_by(Meeting.id)] == [1_250_000, 1_310_000, 0, 640_000,
                                                                                  99_000]
    assert Person.get().full_name == "Lò Văn Pấng" and MemberFeeBasis.select().count() == 0
    store_db.close()
    assert list(tmp_path.glob("v4.sqlite3.v4-*.bak")), "the version-4 file is copied before migrating"


def test_migration_5_runs_again_without_harm(tmp_path):
    path = tmp_path / "again.sqlite3"
    _version_4(path)
    open_database(path)
    store_db.close()
    real = store_db.connect(path)
    from desktop_app.store.migrations import m0006_fee_ledger as m6

    m6.up(real, None)  # a file restored from a copy made during the upgrade
    assert real.execute_sql("SELECT count(*) FROM feepayment").fetchone()[0] == 3
    store_db.close()
