"""What the app exports, it imports back unchanged: every field of members and candidates."""

import datetime as dt

from desktop_app.core.enums import Stage
from desktop_app.interchange import xlsx_export, xlsx_import
from desktop_app.services.people import people
from desktop_app.store.models import Person

FIELDS = ("full_name", "gender", "birth_date", "cccd", "ethnicity", "religion", "status", "admission_date",
          "ceremony_date", "official_date", "card_number", "joined_branch_date", "phone", "education",
          "professional_level", "theory_level", "occupation", "workplace", "position", "youth_union", "trade_union",
          "categories", "note", "other_names", "old_id_number", "foreign_language", "it_level", "card_issued_on",
          "card_issued_place", "card_number_qd85", "residence_contact",
          # The addresses travel in their parts; the line is written again from them.
          *(f"{a}_{p}" for a in ("home_town", "birth_place", "residence") for p in ("country", "province", "detail")))


def _everything(branch_id):
    people.create_person({
        "full_name": "Hoàng Thị Xuân", "gender": "female", "birth_date": dt.date(1985, 3, 8), "cccd": "011185000777",
        "ethnicity": "Thái", "religion": "Phật giáo", "status": "official", "admission_date": dt.date(2010, 6, 1),
        "ceremony_date": dt.date(2010, 6, 20), "official_date": dt.date(2011, 6, 20), "card_number": "00987654",
        "joined_branch_date": dt.date(2015, 1, 1), "birth_place": "Xã Ẳng Nưa, huyện Mường Ảng",
        "home_town": "Tuần Giáo, Điện Biên", "residence": "Bản Co Muông", "phone": "0912345678",
        "education": "12/12", "professional_level": "Cử nhân sư phạm", "theory_level": "intermediate",
        "occupation": "Giáo viên", "workplace": "Trường Tiểu học Ẳng Nưa", "position": "Hiệu phó",
        "youth_union": False, "trade_union": True, "categories": ["civil_servant", "veteran"],
        "note": "Chuyển đến từ Đảng bộ huyện Tuần Giáo", "branch": branch_id, "other_names": "Xuân Hoàng",
        "old_id_number": "040185777", "foreign_language": "Tiếng Anh B1", "it_level": "Tin học cơ bản",
        "card_issued_on": dt.date(2011, 9, 2), "card_issued_place": "Huyện ủy Mường Ảng",
        "card_number_qd85": "01.234.567", "residence_contact": "Chi bộ bản Co Muông, xã Mường Ảng"})
    people.create_person({"full_name": "Vừ A Páo", "gender": "male", "birth_date": dt.date(2000, 9, 2),
                          "status": "applicant", "admission_date": dt.date(2026, 1, 5), "youth_union": True,
                          "categories": ["farmer"], "branch": branch_id})


def _register():
    return {p.full_name: {f: getattr(p, f) for f in FIELDS} | {"branch": p.branch.code}
            for p in Person.select().order_by(Person.id)}


def test_export_then_import_is_lossless(tmp_path, org):
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    _everything(org[1].id)
    before = _register()
    xlsx_export.export_people("members", tmp_path / "m.xlsx")
    xlsx_export.export_people("candidates", tmp_path / "c.xlsx")
    store_db.close()

    open_database(tmp_path / "other.sqlite3")
    organisation.save_organisation({"name": "Đảng bộ khác"})
    branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông"})
    for kind, name in (("members", "m.xlsx"), ("candidates", "c.xlsx")):
        _data, plan = xlsx_import.import_workbook(kind, tmp_path / name)
        assert plan.imported == 1 and not plan.refused, [r.errors for r in plan.refused]
    assert _register() == before
    pao = Person.get(Person.full_name == "Vừ A Páo")
    assert [(e.stage, e.date) for e in pao.stage_events] == [(Stage.ADMISSION_DECISION, dt.date(2026, 1, 5))]
