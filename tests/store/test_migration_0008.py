"""Migration 8 gives a version-7 database the member record's fields, transfers' papers, the residence contact and
awards, and splits each address into country, province and detail without losing the line it came from."""

from __future__ import annotations

from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.models import Award, MembershipEvent, Person, ResidenceComment
from desktop_app.store.schema import open_database

LINES = {
    # home_town, birth_place, residence -> the parts expected
    "Lò Văn Pấng": (("xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình", "Xã A - huyện B - Thái Bình", "Viêng Chăn, Lào"),
                    (("Việt Nam", "Thái Bình", "xã Vũ Hội, huyện Vũ Thư"), ("", "", "Xã A - huyện B - Thái Bình"),
                     ("Lào", "", "Viêng Chăn"))),
    "Quàng Thị Ơn": (("thôn Đông, Hà Tây", "Quận 1, TP. Hồ Chí Minh", "phường Him Lam, thành phố Điện Biên Phủ"),
                     (("Việt Nam", "Hà Tây", "thôn Đông"), ("Việt Nam", "Hồ Chí Minh", "Quận 1"),
                      ("", "", "phường Him Lam, thành phố Điện Biên Phủ"))),
    "Tòng Văn Hải": (("", "", ""), (("", "", ""), ("", "", ""), ("", "", ""))),
}


def _version_7(location):
    real = store_db.connect(location)
    assert migrations.run(real, migrations=migrations.MIGRATIONS[:7]) == [1, 2, 3, 4, 5, 6, 7]

    def sql(statement, params=()):
        real.execute_sql(statement.replace("?", real.param), params)

    sql("INSERT INTO organisation (uid, name) VALUES ('o-1', 'Đảng bộ xã Mường Ảng')")
    sql("INSERT INTO branch (uid, organisation_id, code, name) VALUES ('b-1', 1, 'CB01', 'Chi bộ 1')")
    for number, (name, (lines, _parts)) in enumerate(LINES.items(), start=1):
        sql("INSERT INTO person (uid, branch_id, full_name, status, home_town, birth_place, residence, "
            "card_number) VALUES (?, 1, ?, 'official', ?, ?, ?, ?)",
            (f"p-{number}", name, *lines, f"0{number}.123456"))
        sql("INSERT INTO membershipevent (uid, person_id, branch_id, kind, date, standing, place, "
            "document_ref) VALUES (?, ?, 1, 'transfer_in', '2024-03-04', 'official', "
            "'Đảng bộ xã Búng Lao', '15-GGT/ĐU')", (f"e-{number}", number))
    store_db.close()


def test_a_version_7_database_keeps_every_line_and_gains_their_parts(empty_location, engine, tmp_path):
    _version_7(empty_location)
    open_database(empty_location)
    try:
        assert migrations.schema_version(store_db.database) == migrations.SCHEMA_VERSION
        for name, (lines, parts) in LINES.items():
            person = Person.get(Person.full_name == name)
            assert (person.home_town, person.birth_place, person.residence) == lines  # the lines are kept
            assert (person.home_town_country, person.home_town_province, person.home_town_detail) == parts[0]
            assert (person.birth_place_country, person.birth_place_province, person.birth_place_detail) == parts[1]
            assert (person.residence_country, person.residence_province, person.residence_detail) == parts[2]
            assert person.other_names == "" and person.card_issued_on is None and not person.under_inspection
            assert person.residence_branch_id is None and person.left_party_on is None
            assert person.card_number.startswith("0")
        event = MembershipEvent.get()
        assert event.document_ref == "15-GGT/ĐU" and event.paper_date is None and event.reported_on is None
        # The new tables take rows.
        person = Person.get(Person.full_name == "Lò Văn Pấng")
        Award.create(person=person, kind="Bằng khen của Chủ tịch UBND tỉnh", decision="1234/QĐ-UBND")
        ResidenceComment.create(person=person, year=2026, text="Gương mẫu nơi cư trú")
        assert person.awards.count() == 1 and person.residence_comments.count() == 1
    finally:
        store_db.close()
    if engine == "sqlite":
        assert list(tmp_path.glob("empty.sqlite3.v7-*.bak")), "the version-7 file is copied before migrating"


def test_migration_8_runs_again_without_harm(empty_location):
    # A file restored from a copy made during the upgrade may already have the columns.
    open_database(empty_location)
    store_db.close()
    real = store_db.connect(empty_location)
    from desktop_app.store.migrations import m0008_member_record as m8

    m8.up(real, None)
    columns = [c.name for c in real.get_columns("person")]
    assert columns.count("home_town_detail") == 1 and columns.count("residence_branch_id") == 1
    store_db.close()
