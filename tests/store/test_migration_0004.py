"""Migration 4 gives a version-3 database its membership history, the accepted reason of absences, the day a
decision was received and the links of carried tasks, filled from the rows it already holds (see the
migration's docstring for how)."""

from __future__ import annotations

import datetime as dt

from desktop_app.services.meetings import action_items, attendance
from desktop_app.services.people import membership
from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.schema import open_database

D = dt.date


def _version_3(path):
    """A version-3 file with people whose history the migration has to work out, written as SQL."""
    real = store_db.connect(path)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:3]) == [1, 2, 3]
    sql = real.execute_sql
    sql("INSERT INTO organisation (id, uid, name) VALUES (1, 'o', 'Đảng bộ xã Mường Ảng')")
    for bid, code in ((1, "CB01"), (2, "CB02")):
        sql("INSERT INTO branch (id, uid, organisation_id, code, name) VALUES (?, ?, 1, ?, ?)",
            (bid, f"b{bid}", code, f"Chi bộ {code}"))
    people = [  # id, branch, status, joined, created
        (1, 1, "official", None, "2024-01-10 08:00:00"),  # admitted here, recognised
        (2, 1, "official", None, "2026-10-06 08:00:00"),  # transferred in on 05/10/2026
        (3, 2, "official", "2026-06-20", "2020-01-01 08:00:00"),  # moved from CB01 to CB02
        (4, 1, "exempt", None, "2025-05-05 08:00:00"),  # exempt, no step recorded
        (5, 1, "deceased", None, "2020-01-01 08:00:00"),  # died
        (6, 1, "official", None, "2020-01-01 08:00:00"),  # away for two meetings
        (7, 1, "applicant", None, "2026-01-01 08:00:00"),  # a candidate
    ]
    for pid, branch, status, joined, created in people:
        sql("INSERT INTO person (id, uid, branch_id, full_name, status, joined_branch_date, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (pid, f"p{pid}", branch, f"Người {pid}", status, joined, created))
    steps = [(1, "ceremony", "2024-03-03"), (1, "recognition_decision", "2025-03-20"),
             (2, "admission_decision", "2010-05-02"), (2, "ceremony", "2010-05-20"),
             (2, "recognition_decision", "2011-05-25"), (2, "transferred_in", "2026-10-05"),
             (3, "recognition_decision", "2015-01-01"), (5, "recognition_decision", "2000-01-01"),
             (5, "deceased", "2026-04-01"), (6, "recognition_decision", "2005-01-01"),
             (7, "application", "2026-02-01")]
    for n, (pid, stage, day) in enumerate(steps, 1):
        sql("INSERT INTO stageevent (uid, person_id, stage, date) VALUES (?, ?, ?, ?)", (f"s{n}", pid, stage, day))
    meetings = [(m, 1, D(2026, m, 3)) for m in range(1, 12)] + [(100 + m, 2, D(2026, m, 3)) for m in range(7, 12)]
    for mid, branch, day in meetings:
        sql("INSERT INTO meeting (id, uid, branch_id, date, status) VALUES (?, ?, ?, ?, 'adopted')",
            (mid, f"m{mid}", branch, day.isoformat()))
    n = 0
    for mid, branch, day in meetings:
        listed = []
        if branch == 1:
            listed += [(1, "excused" if day.month == 5 else "present", "")]
            if day >= D(2026, 10, 5):
                listed.append((2, "present", ""))
            if day.month <= 6:
                listed.append((3, "present", ""))
            if day >= D(2025, 5, 5):
                listed.append((4, "exempt", ""))
            if day < D(2026, 4, 1):
                listed.append((5, "unexcused" if day.month == 2 else "present", ""))
            listed.append((6, "elsewhere" if day.month in (2, 3) else "present", ""))
        else:
            listed.append((3, "present", ""))
        for pid, status, reason in listed:
            n += 1
            sql("INSERT INTO attendance (uid, meeting_id, person_id, status, reason, member_status) "
                "VALUES (?, ?, ?, ?, ?, ?)", (f"a{n}", mid, pid, status, reason,
                                              "exempt" if pid == 4 else "official"))
    # A task carried from January into February, and a February task of the same text that is new.
    sql("INSERT INTO actionitem (id, uid, meeting_id, text, responsible_id, due, carried_to_id) "
        "VALUES (1, 't1', 1, 'Sửa nhà văn hóa', 1, '2026-01-30', 2)")
    sql("INSERT INTO actionitem (id, uid, meeting_id, text, responsible_id, due) "
        "VALUES (2, 't2', 2, 'Sửa nhà văn hóa', 1, '2026-01-30')")
    sql("INSERT INTO actionitem (id, uid, meeting_id, text, responsible_id, due) "
        "VALUES (3, 't3', 2, 'Thu đảng phí', 6, '2026-02-28')")
    store_db.close()
    return meetings


def test_a_version_3_database_gains_its_membership_history(tmp_path):
    path = tmp_path / "v3.sqlite3"
    meetings = _version_3(path)
    real = open_database(path)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    rows = {pid: [(k, d, b, o) for k, d, b, o in real.execute_sql(
        "SELECT kind, date, branch_id, other_branch_id FROM membershipevent WHERE person_id = ? ORDER BY date, id",
        (pid,)).fetchall()] for pid in range(1, 8)}
    assert rows[1] == [("admission", "2024-03-03", 1, None), ("recognition", "2025-03-20", 1, None)]
    # Steps taken in another organisation make no row; the transfer carries the standing they gave.
    assert rows[2] == [("transfer_in", "2026-10-05", 1, None)]
    assert real.execute_sql("SELECT standing FROM membershipevent WHERE person_id = 2").fetchone()[0] == "official"
    # Listed at CB01's meetings until June, at CB02's from July; "in this branch since" 20/06 dates the move.
    assert rows[3] == [("on_record", "2015-01-01", 1, None), ("move", "2026-06-20", 2, 1)]
    assert rows[4] == [("on_record", "2025-05-05", 1, None), ("exempt_from", "2025-05-05", 1, None)]
    assert rows[5] == [("on_record", "2000-01-01", 1, None), ("death", "2026-04-01", 1, None)]
    assert rows[6] == [("on_record", "2005-01-01", 1, None), ("elsewhere_from", "2026-02-03", 1, None),
                       ("elsewhere_until", "2026-04-03", 1, None)]
    assert rows[7] == []
    # Every meeting's members, as listed in its attendance, are the history's members of that day.
    for mid, branch, day in meetings:
        listed = {pid for (pid,) in real.execute_sql(
            "SELECT person_id FROM attendance WHERE meeting_id = ? AND status != 'guest'", (mid,)).fetchall()}
        assert {m.person_id for m in membership.members_on(branch, day)} == listed, (branch, day)
    # Absences with reason were counted as accepted until now: they stay so; other rows are not.
    accepted = dict(real.execute_sql("SELECT status, MAX(reason_accepted) FROM attendance GROUP BY status").fetchall())
    assert accepted == {"excused": 1, "present": 0, "unexcused": 0, "exempt": 0, "elsewhere": 0}
    assert attendance.attendance_counts(5).excused_accepted == ("Người 1",)
    # The carried copy knows the task it continues; the new task of the same text in February does not.
    links = dict(real.execute_sql("SELECT id, carried_from_id FROM actionitem").fetchall())
    assert links == {1: None, 2: 1, 3: None}
    feb = {r.id: r for r in action_items.action_items(2)}
    assert feb[2].carried_from == D(2026, 1, 3) and feb[2].overdue and feb[3].carried_from is None
    assert real.execute_sql("SELECT COUNT(*) FROM stageevent WHERE received_on IS NOT NULL").fetchone()[0] == 0
    store_db.close()
    assert list(tmp_path.glob("v3.sqlite3.v3-*.bak")), "the version-3 file is copied before migrating"


def test_migration_4_runs_again_without_harm(tmp_path):
    path = tmp_path / "again.sqlite3"
    _version_3(path)
    real = open_database(path)
    before = real.execute_sql("SELECT COUNT(*) FROM membershipevent").fetchone()[0]
    from desktop_app.store.migrations import m0004_membership_history as m4

    m4.up(real, None)  # a file restored from a copy made during the upgrade
    assert real.execute_sql("SELECT COUNT(*) FROM membershipevent").fetchone()[0] == before > 0
    columns = [c.name for c in real.get_columns("attendance")]
    assert columns.count("reason_accepted") == 1
    store_db.close()
