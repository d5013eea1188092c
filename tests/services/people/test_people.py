"""services.people: validation refuses bad input and writes nothing; history; soft delete; search."""

import datetime as dt
import unicodedata

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.people import people, search
from desktop_app.store.models import AuditEntry, Person, StageEvent


def _counts():
    return Person.select().count(), AuditEntry.select().count(), StageEvent.select().count()


def _refused(data, field):
    before = _counts()
    with pytest.raises(ValidationError) as info:
        people.create_person(data)
    assert field in info.value.errors, info.value.errors
    assert info.value.errors[field]  # a message for the user
    assert _counts() == before, "a refused write must change nothing"


def test_create_person_stores_nfc_fold_and_sort_key(org):
    _, branch = org
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị Hường ")
    p = people.create_person({"full_name": nfd, "branch": branch.id, "gender": "female",
                              "birth_date": "05/06/1990", "cccd": "011190000123"})
    p = Person.get_by_id(p.id)
    assert p.full_name == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", p.full_name)
    assert p.name_fold == "nguyen thi huong"
    assert p.birth_date == dt.date(1990, 6, 5)
    assert p.cccd == "011190000123"
    assert p.status == Status.PROSPECT


def test_name_is_required(org):
    _refused({"full_name": "   "}, "full_name")
    _refused({"gender": "male"}, "full_name")


def test_birth_in_the_future_is_refused(org):
    _refused({"full_name": "Lê Văn A", "birth_date": clock.today() + dt.timedelta(days=1)}, "birth_date")


def test_impossible_date_is_refused(org):
    _refused({"full_name": "Lê Văn A", "birth_date": "31/02/1990"}, "birth_date")


def test_date_before_1900_is_refused(org):
    _refused({"full_name": "Lê Văn A", "birth_date": dt.date(1850, 1, 1)}, "birth_date")


@pytest.mark.parametrize("cccd", ["12345", "0011900001234", "00119000012a", "abcdefghijkl"])
def test_cccd_must_be_12_digits(org, cccd):
    _refused({"full_name": "Lê Văn A", "cccd": cccd}, "cccd")


def test_cccd_keeps_leading_zeros_and_must_be_unique(org):
    people.create_person({"full_name": "Lê Văn A", "cccd": "001090000001"})
    assert Person.get(Person.full_name == "Lê Văn A").cccd == "001090000001"
    _refused({"full_name": "Lê Văn B", "cccd": "001090000001"}, "cccd")


def test_admission_before_birth_is_refused(org):
    _refused({"full_name": "Lê Văn A", "birth_date": "01/01/1990", "admission_date": "01/01/1980"}, "admission_date")


def test_unknown_category_gender_and_branch_are_refused(org):
    _refused({"full_name": "Lê Văn A", "categories": ["astronaut"]}, "categories")
    _refused({"full_name": "Lê Văn A", "gender": "x"}, "gender")
    _refused({"full_name": "Lê Văn A", "branch": 999}, "branch")


def test_wrong_types_are_refused(org):
    _refused({"full_name": ["list"]}, "full_name")
    _refused({"full_name": "A", "birth_date": 12345}, "birth_date")


def test_status_is_recorded_as_first_history_step(org):
    _, branch = org
    p = people.create_person({"full_name": "Hà Văn Tú", "branch": branch.id, "status": Status.SYMPATHISER},
                             stage_date=dt.date(2026, 3, 3))
    steps = people.history(p.id)
    assert [(s.stage, s.date) for s in steps] == [(Stage.SYMPATHISER_LIST, dt.date(2026, 3, 3))]


def test_update_person_validates_and_audits(org):
    p = people.create_person({"full_name": "Hà Văn Tú"})
    audits = AuditEntry.select().count()
    people.update_person(p.id, {"phone": "0912 345 678", "categories": "farmer,veteran"})
    assert Person.get_by_id(p.id).categories == "farmer,veteran"
    assert AuditEntry.select().count() == audits + 1
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert entry.action == "update" and entry.record_uid == p.uid and "0912 345 678" in entry.after
    with pytest.raises(ValidationError):
        people.update_person(p.id, {"status": Status.OFFICIAL})  # status changes go through the history


def test_record_stage_moves_status_and_key_dates(org):
    _, branch = org
    p = people.create_person({"full_name": "Hà Văn Tú", "branch": branch.id, "birth_date": "01/01/1995",
                              "status": Status.APPLICANT})
    people.record_stage(p.id, Stage.ADMISSION_DECISION, dt.date(2025, 5, 10), document_ref="123-QĐ/ĐU")
    people.record_stage(p.id, Stage.CEREMONY, dt.date(2025, 6, 3))
    p = Person.get_by_id(p.id)
    assert p.status == Status.PROBATIONARY
    assert p.admission_date == dt.date(2025, 5, 10) and p.ceremony_date == dt.date(2025, 6, 3)
    with pytest.raises(ValidationError):
        people.record_stage(p.id, "flying", dt.date(2025, 6, 3))
    with pytest.raises(ValidationError):
        people.record_stage(p.id, Stage.CEREMONY, dt.date(1990, 6, 3))  # before birth


def test_soft_delete_hides_and_restore_brings_back(org):
    p = people.create_person({"full_name": "Đinh Thị Mai"})
    people.delete_person(p.id)
    assert search.search_people("mai") == []
    assert all(r.id != p.id for r in people.list_people())
    with pytest.raises(NotFoundError):
        people.get_person(p.id)
    people.restore_person(p.id)
    assert [h.id for h in search.search_people("dinh mai")] == [p.id]


def test_list_people_filters_and_sorts_by_given_name(org):
    _, branch = org
    for name, status in [("Trần Văn Bình", Status.OFFICIAL), ("Nguyễn Thị An", Status.PROBATIONARY),
                         ("Lê Văn Cường", Status.SYMPATHISER)]:
        people.create_person({"full_name": name, "branch": branch.id, "status": status,
                              "categories": ["farmer"] if status == Status.OFFICIAL else []})
    assert [r.full_name for r in people.list_people()] == ["Nguyễn Thị An", "Trần Văn Bình", "Lê Văn Cường"]
    assert [r.full_name for r in people.list_people(statuses=Status.MEMBERS)] == ["Nguyễn Thị An", "Trần Văn Bình"]
    assert [r.full_name for r in people.list_people(category="farmer")] == ["Trần Văn Bình"]


def test_search_ignores_accents_case_and_matches_prefixes(org):
    a = people.create_person({"full_name": "Nguyễn Văn Đức"})
    b = people.create_person({"full_name": "Đặng Thị Hường", "cccd": "001190000777"})
    assert [h.id for h in search.search_people("nguyen")] == [a.id]
    assert [h.id for h in search.search_people("duc")] == [a.id]
    assert [h.id for h in search.search_people("ĐỨC")] == [a.id]
    assert [h.id for h in search.search_people("huo")] == [b.id]  # prefix
    assert [h.id for h in search.search_people("dang huong")] == [b.id]
    assert [h.id for h in search.search_people("001190000777")] == [b.id]
    assert search.search_people("   ") == []
    assert search.search_people('"*') == []


def test_search_follows_renames_in_the_same_transaction(org):
    a = people.create_person({"full_name": "Nguyễn Văn Đức"})
    people.update_person(a.id, {"full_name": "Nguyễn Văn Đạt"})
    assert search.search_people("duc") == []
    assert [h.id for h in search.search_people("dat")] == [a.id]
