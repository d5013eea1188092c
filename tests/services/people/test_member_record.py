"""The member record beyond the first form (the Party's member form and the central database, domain.md §6): other
names, the old ID number, levels, the card, the addresses in parts, awards, the residence contact and its yearly
comments (Quy định 213-QĐ/TW), and how a former member left, which the re-admission rules read in the pipeline
(Regulation 294-QĐ/TW point 3.5)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.services.common.errors import RuleViolation, ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.people import awards, people, pipeline, readmission, reminders, residence
from desktop_app.store.models import AuditEntry, Award, Person, ResidenceComment

D = dt.date


def _member(branch_id: int, **extra) -> Person:
    return people.create_person({"full_name": "Lò Văn Pấng", "branch": branch_id, "status": Status.OFFICIAL,
                                 "birth_date": D(1980, 5, 1), "official_date": D(2010, 3, 4), **extra})


def _unchanged(call, *args, field: str, **kw):
    before = (Person.select().count(), Award.select().count(), ResidenceComment.select().count(),
              AuditEntry.select().count())
    with pytest.raises(ValidationError) as info:
        call(*args, **kw)
    assert info.value.errors.get(field), info.value.errors
    assert (Person.select().count(), Award.select().count(), ResidenceComment.select().count(),
            AuditEntry.select().count()) == before
    return info.value


def test_the_record_keeps_the_forms_fields(org):
    _o, branch = org
    person = _member(branch.id, other_names="Pấng Lò", old_id_number="040123456", foreign_language="Tiếng Anh B1",
                     it_level="Tin học cơ bản", card_issued_on=D(2011, 5, 19), card_issued_place="Huyện ủy Mường Ảng",
                     card_number_qd85="AB 12.345.678")
    person = Person.get_by_id(person.id)
    assert (person.other_names, person.old_id_number, person.foreign_language, person.it_level) == (
        "Pấng Lò", "040123456", "Tiếng Anh B1", "Tin học cơ bản")
    assert (person.card_issued_on, person.card_issued_place, person.card_number_qd85) == (
        D(2011, 5, 19), "Huyện ủy Mường Ảng", "AB 12.345.678")
    people.update_person(person.id, {"old_id_number": "040 123 456 789"})
    assert Person.get_by_id(person.id).old_id_number == "040123456789"


def test_bad_record_fields_are_refused_by_field(org):
    _o, branch = org
    person = _member(branch.id)
    _unchanged(people.update_person, person.id, {"old_id_number": "12345"}, field="old_id_number")
    _unchanged(people.update_person, person.id, {"card_issued_on": D(1970, 1, 1)}, field="card_issued_on")
    _unchanged(people.update_person, person.id, {"left_party_how": "vanished"}, field="left_party_how")
    _unchanged(people.update_person, person.id, {"conviction": "serious"}, field="left_party_on")
    _unchanged(people.update_person, person.id, {"residence_branch": 99999}, field="residence_branch")
    _unchanged(people.update_person, person.id, {"residence_branch": branch.id, "residence_contact": "Chi bộ thôn X"},
               field="residence_contact")


def test_an_address_is_kept_in_parts_and_as_its_line(org):
    _o, branch = org
    person = _member(branch.id, home_town="xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình")
    person = Person.get_by_id(person.id)
    assert (person.home_town_country, person.home_town_province, person.home_town_detail) == (
        "Việt Nam", "Thái Bình", "xã Vũ Hội, huyện Vũ Thư")
    people.update_person(person.id, {"residence_country": "Việt Nam", "residence_province": "Điện Biên",
                                     "residence_detail": "Tổ dân phố 4, xã Mường Ảng"})
    person = Person.get_by_id(person.id)
    assert person.residence == "Tổ dân phố 4, xã Mường Ảng, tỉnh Điện Biên"
    people.update_person(person.id, {"birth_place_country": "Lào", "birth_place_detail": "Viêng Chăn"})
    assert Person.get_by_id(person.id).birth_place == "Viêng Chăn, Lào"
    people.update_person(person.id, {"home_town_detail": "xã Đông Hợp, huyện Đông Hưng"})
    assert Person.get_by_id(person.id).home_town == "xã Đông Hợp, huyện Đông Hưng, tỉnh Thái Bình"


def test_awards_are_added_changed_and_removed_with_the_audit(org):
    _o, branch = org
    person = _member(branch.id)
    first = awards.add_award(person.id, {"kind": "Bằng khen của Chủ tịch UBND tỉnh", "date": D(2020, 5, 12),
                                         "decision": "1234/QĐ-UBND", "by_whom": "UBND tỉnh Điện Biên"})
    awards.add_award(person.id, {"kind": "Giấy khen của Đảng ủy xã"})
    assert [a.kind for a in awards.awards(person.id)] == ["Bằng khen của Chủ tịch UBND tỉnh",
                                                          "Giấy khen của Đảng ủy xã"]
    awards.update_award(first.id, {"decision": "1235/QĐ-UBND"})
    assert Award.get_by_id(first.id).decision == "1235/QĐ-UBND"
    assert "12/05/2020, 1235/QĐ-UBND" in awards.summary(person.id)
    _unchanged(awards.add_award, person.id, {"kind": "  "}, field="kind")
    _unchanged(awards.add_award, person.id, {"kind": "X", "date": D(1970, 1, 1)}, field="date")
    awards.delete_award(first.id)
    assert [a.kind for a in awards.awards(person.id)] == ["Giấy khen của Đảng ủy xã"]
    assert AuditEntry.select().where(AuditEntry.table == "award").count() == 4


@pytest.fixture
def agency(org):
    return branches.create_branch({"code": "CQ01", "name": "Chi bộ Cơ quan UBND xã", "kind": "agency"})


def test_residence_comments_one_a_year_and_the_december_reminder(org, agency):
    _o, village = org
    worker = _member(agency.id)
    farmer = people.create_person({"full_name": "Cầm Văn Hùng", "branch": village.id, "status": Status.OFFICIAL,
                                   "official_date": D(2010, 1, 1)})
    assert residence.must_keep_in_touch(worker) and not residence.must_keep_in_touch(farmer)
    assert [m.person_id for m in residence.missing(2026)] == [worker.id]
    assert not [r for r in reminders.reminders(D(2026, 11, 21)) if r.kind == "residence_comment_missing"]
    december = [r for r in reminders.reminders(D(2026, 12, 2)) if r.kind == "residence_comment_missing"]
    assert [(r.branch_id, r.severity) for r in december] == [(agency.id, "warning")]
    assert "213-QĐ/TW" in december[0].title and "2026" in december[0].title
    people.update_person(worker.id, {"residence_branch": village.id})
    clock.pin(D(2026, 12, 20))
    residence.add_comment(worker.id, {"year": 2026, "received_on": D(2026, 12, 15), "author": "Chi ủy bản Co Muông",
                                      "text": "Gương mẫu, tích cực tham gia sinh hoạt nơi cư trú."})
    _unchanged(residence.add_comment, worker.id, {"year": 2026, "text": "Lần hai"}, field="year")
    _unchanged(residence.add_comment, worker.id, {"year": 2026, "text": " "}, field="text")
    assert residence.missing(2026) == []
    january = [r for r in reminders.reminders(D(2027, 1, 5)) if r.kind == "residence_comment_missing"]
    assert january == []  # January reminds of the year just ended, which is commented
    assert [c.year for c in residence.comments(worker.id)] == [2026]
    assert residence.contact_text(Person.get_by_id(worker.id)) == village.name


def test_a_former_member_as_a_candidate_meets_the_readmission_rules(org):
    _o, branch = org
    candidate = people.create_person({"full_name": "Tòng Văn Hải", "branch": branch.id, "status": Status.PROSPECT,
                                      "birth_date": D(1985, 1, 1), "left_party_on": D(2024, 3, 10),
                                      "left_party_how": "struck_off"})
    found = readmission.check(candidate.id, D(2026, 11, 21))
    assert [f.rule_id for f in found.errors] == ["readmission_wait_months"]
    assert readmission.possible_from(candidate.id) == D(2027, 3, 10)  # 36 months after leaving
    steps = pipeline.check_advance(candidate.id, Stage.SYMPATHISER_LIST, D(2026, 11, 21))
    assert "readmission_wait_months" in [f.rule_id for f in steps.warnings]  # an early step: a warning
    with pytest.raises(RuleViolation):
        pipeline.advance(candidate.id, Stage.SYMPATHISER_LIST, D(2026, 11, 21))
    people.update_person(candidate.id, {"left_party_grounds": ["quit_activity"]})
    barred = readmission.check(candidate.id, D(2030, 1, 1))
    assert [f.rule_id for f in barred.errors] == ["readmission_barred"]
    assert readmission.possible_from(candidate.id) is None
    assert readmission.check(_member(branch.id).id, D(2026, 11, 21)) is None
