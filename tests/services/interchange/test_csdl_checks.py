"""The central member database's checks at their boundaries: each rule on the day it starts to apply and the day
before, each on a record that is otherwise right."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.i18n import set_language
from desktop_app.services.interchange import csdl_checks

D = dt.date
TODAY = D(2026, 11, 21)


def good(**changes) -> dict:
    record = {"full_name": "Hoàng Thị Xuân", "gender": "Nữ", "birth_date": D(1985, 3, 8), "ethnicity": "Thái",
              "religion": "Không", "cccd": "011185000777", "card_number": "012345678901", "branch": "Chi bộ 1",
              "branch_code": "CB01", "admission_date": D(2010, 6, 1), "official_date": D(2011, 6, 1),
              "status": "Đang sinh hoạt", "status_code": "official", "delete_proposed": "Không", "left_on": None,
              "old_id_number": "", "card_issued_on": None}
    record.update(changes)
    return record


def fields(record: dict) -> list[str]:
    return [p.field for p in csdl_checks.check_record(record, TODAY)]


@pytest.fixture(autouse=True)
def _vietnamese():
    set_language("vi")
    yield
    set_language("en")


def test_a_right_record_passes():
    assert fields(good()) == []


@pytest.mark.parametrize("key", ["full_name", "gender", "birth_date", "ethnicity", "religion", "cccd", "branch",
                                 "admission_date", "status"])
def test_each_required_column(key):
    problems = csdl_checks.check_record(good(**{key: None}), TODAY)
    assert [p.field for p in problems] == [key] or key == "status"
    assert problems[0].message.startswith("Chưa nhập")


@pytest.mark.parametrize(("cccd", "wrong"), [("01118500077", True), ("011185000777", False), ("0111850007770", True),
                                             ("01118500077a", True)])
def test_the_citizen_id_has_12_digits(cccd, wrong):
    assert ("cccd" in fields(good(cccd=cccd))) is wrong


@pytest.mark.parametrize(("old", "wrong"), [("040185777", False), ("04018577", True), ("040185777000", False),
                                            ("0401857770", True)])
def test_the_old_id_card_has_9_or_12_digits(old, wrong):
    assert ("old_id_number" in fields(good(old_id_number=old))) is wrong


def test_a_card_number_for_an_official_member_only():
    assert fields(good(card_number="")) == ["card_number"]
    assert fields(good(card_number="", status_code="probationary", official_date=None)) == []
    assert fields(good(card_number="12345678")) == ["card_number"]


def test_the_card_numbers_length_is_a_rule_setting():
    """The card number's format is unconfirmed: 12 digits unless the organisation sets another length, 0 for none."""
    from desktop_app.core.rules import set_overrides

    try:
        set_overrides({"card_number_digits": 8})
        assert fields(good(card_number="11012011")) == []
        assert fields(good(card_number="012345678901")) == ["card_number"]
        assert fields(good(card_number="11.012011")) == ["card_number"]  # the workbook wants digits only
        message = csdl_checks.check_record(good(card_number="012345678901"), TODAY)[0].message
        assert "8 chữ số" in message and "12" in message
        set_overrides({"card_number_digits": 0})
        assert fields(good(card_number="11.012011")) == []
    finally:
        set_overrides({})
    assert fields(good(card_number="11012011")) == ["card_number"]


def test_the_official_date_not_before_admission():
    assert fields(good(official_date=D(2010, 6, 1))) == []
    assert fields(good(official_date=D(2010, 5, 31))) == ["official_date"]


def test_admission_not_before_18():
    assert fields(good(admission_date=D(2003, 3, 8), official_date=D(2004, 3, 8))) == []
    assert fields(good(admission_date=D(2003, 3, 7), official_date=D(2004, 3, 8))) == ["admission_date"]
    born_on_29 = good(birth_date=D(2004, 2, 29), admission_date=D(2022, 2, 28), official_date=D(2023, 3, 1))
    assert fields(born_on_29) == ["admission_date"]
    assert fields(dict(born_on_29, admission_date=D(2022, 3, 1))) == []


def test_a_status_that_contradicts_the_dates():
    assert fields(good(status_code="probationary")) == ["status"]  # an official date on a probationary member
    assert fields(good(status_code="official", official_date=None)) == ["official_date"]
    assert fields(good(status="Từ trần", status_code="deceased")) == ["left_on"]
    assert fields(good(status="Từ trần", status_code="deceased", left_on=D(2026, 1, 2))) == []
    assert fields(good(left_on=D(2026, 1, 2))) == ["left_on"]
    assert fields(good(left_on=D(2010, 5, 1), status="Từ trần", status_code="deceased")) == ["left_on"]
    assert fields(good(delete_proposed="Có")) == ["delete_proposed"]
    assert fields(good(delete_proposed="Có", status="Xóa tên", status_code="struck_off", left_on=D(2020, 1, 1))) == []


def test_no_date_after_today():
    assert fields(good(card_issued_on=TODAY)) == []
    assert fields(good(card_issued_on=TODAY + dt.timedelta(days=1))) == ["card_issued_on"]


def test_duplicates_in_the_organisation_name_each_other():
    one, two = good(), good(full_name="Hoàng Thị Xuân", branch="Chi bộ 2", branch_code="CB02", cccd="011185000778",
                            card_number="012345678901")
    three = good(full_name="Lò Văn Minh", cccd="011185000779", card_number="012345678903", birth_date=D(1985, 3, 8))
    reviewed = csdl_checks.review([one, two, three], TODAY)
    assert [p.field for p in reviewed[0].problems] == ["card_number", "full_name"]
    assert "Chi bộ 2" in reviewed[0].problems[0].message and "Chi bộ 1" in reviewed[1].problems[0].message
    assert reviewed[2].ok
    assert reviewed[0].details().startswith("1. Trùng")
    summary = csdl_checks.summary(reviewed)
    assert [(s.code, s.records, s.with_problems, s.problems, s.by_field) for s in summary] == [
        ("CB01", 2, 1, 2, {"card_number": 1, "full_name": 1}), ("CB02", 1, 1, 2, {"card_number": 1, "full_name": 1})]
