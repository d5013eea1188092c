"""Migration 6 gives a version-5 database the register of issued documents, with the branch resolutions it
already numbered entered in it (each as issued on the day of its meeting)."""

from __future__ import annotations

import datetime as dt

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import IssuedDocument
from desktop_app.store.schema import open_database


def _version_5(location):
    """A version-5 database (a file or a server's) with numbered and unnumbered resolutions, written as SQL."""
    real = store_db.connect(location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:5]) == [1, 2, 3, 4, 5]

    def sql(statement: str, params=()):
        real.execute_sql(statement.replace("?", real.param), params)

    sql("INSERT INTO organisation (id, uid, name) VALUES (1, 'o-1', 'Đảng bộ xã Mường Ảng')")
    sql("INSERT INTO branch (id, uid, organisation_id, code, name) VALUES (1, 'b-1', 1, 'CB01', 'Chi bộ bản Co')")
    sql("INSERT INTO person (id, uid, branch_id, full_name) VALUES (1, 'p-1', 1, 'Tòng Văn Hải')")
    sql("INSERT INTO meeting (id, uid, branch_id, date) VALUES (1, 'm-1', 1, '2026-03-03')")
    sql("INSERT INTO meeting (id, uid, branch_id, date, deleted_at) VALUES (2, 'm-2', 1, '2026-04-03', "
        "'2026-04-05 10:00:00')")
    for did, meeting, subject, number, title in (
            (1, 1, 1, "05-NQ/CB", "Đề nghị kết nạp quần chúng Tòng Văn Hải vào Đảng"),
            (2, 1, None, "06-NQ/CB", "Nghị quyết chi bộ tháng 3/2026"),
            (3, 1, None, "", "Nghị quyết chưa ban hành"),
            (4, 2, None, "07-NQ/CB", "Trong buổi họp đã xóa")):
        sql("INSERT INTO decision (id, uid, meeting_id, kind, subject_id, title, document_number) "
            "VALUES (?, ?, ?, 'admission', ?, ?, ?)", (did, f"d-{did}", meeting, subject, title, number))
    store_db.close()


def test_a_version_5_database_gains_the_register_with_its_numbered_resolutions(empty_location):
    _version_5(empty_location)
    real = open_database(empty_location)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    rows = [(r.kind, r.issuer, r.type_code, r.number, r.symbol, r.date, r.branch_id, r.decision_id, r.covers_key,
             r.covers, r.title, r.version) for r in IssuedDocument.select().order_by(IssuedDocument.id)]
    assert rows == [
        ("resolution", "branch:b-1", "NQ", 5, "05-NQ/CB", dt.date(2026, 3, 3), 1, 1, "d-1", "Tòng Văn Hải",
         "Đề nghị kết nạp quần chúng Tòng Văn Hải vào Đảng", 1),
        ("resolution", "branch:b-1", "NQ", 6, "06-NQ/CB", dt.date(2026, 3, 3), 1, 2, "d-2", "",
         "Nghị quyết chi bộ tháng 3/2026", 1),
    ]
    store_db.close()


def test_migration_6_runs_again_without_harm(empty_location):
    _version_5(empty_location)
    real = open_database(empty_location)
    from desktop_app.store.migrations import m0006_issued_documents as m6

    m6.up(real, None)  # a database restored from a copy made during the upgrade
    assert IssuedDocument.select().count() == 2
    store_db.close()
