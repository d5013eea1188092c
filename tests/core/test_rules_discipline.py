"""Discipline: Party Charter Article 35 (official members: reprimand, warning, removal from post, expulsion;
probationary members: reprimand or warning), Article 36 (the branch reprimands or warns its own members, except on
tasks assigned by a higher level; the branch committee has no disciplinary power); Regulation 296-QĐ/TW;
domain.md §6."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import DisciplineAuthority, DisciplineKind
from desktop_app.core.rules import DisciplineFacts, check_discipline, disciplined_in_year, kinds_for
from desktop_app.core.rules.discipline import ends_membership

d = dt.date
HIGHER = DisciplineAuthority.HIGHER


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")


def test_kinds_mildest_first_charter_art_35():
    assert DisciplineKind.codes() == ["reprimand", "warning", "dismissal", "expulsion"]
    assert kinds_for(Status.OFFICIAL) == ("reprimand", "warning", "dismissal", "expulsion")
    assert kinds_for(Status.EXEMPT) == ("reprimand", "warning", "dismissal", "expulsion")
    assert kinds_for(Status.PROBATIONARY) == ("reprimand", "warning")
    assert kinds_for(Status.APPLICANT) == ()


@pytest.mark.parametrize("kind", [DisciplineKind.DISMISSAL, DisciplineKind.EXPULSION])
def test_probationary_members_only_reprimanded_or_warned_charter_art_35(kind):
    found = check_discipline(DisciplineFacts(kind, Status.PROBATIONARY, decided_by=HIGHER, holds_post=True))
    assert found.errors and found.rule_ids() == ["discipline_kinds"]
    assert found[0].source == "Party Charter, Article 35"


@pytest.mark.parametrize("kind", [DisciplineKind.REPRIMAND, DisciplineKind.WARNING])
def test_probationary_members_may_be_reprimanded_or_warned_by_their_branch(kind):
    assert not check_discipline(DisciplineFacts(kind, Status.PROBATIONARY))


def test_removal_from_post_needs_a_post():
    assert check_discipline(DisciplineFacts(DisciplineKind.DISMISSAL, Status.OFFICIAL, decided_by=HIGHER)).errors
    assert not check_discipline(DisciplineFacts(DisciplineKind.DISMISSAL, Status.OFFICIAL, decided_by=HIGHER,
                                                holds_post=True))


@pytest.mark.parametrize("kind", [DisciplineKind.DISMISSAL, DisciplineKind.EXPULSION])
def test_branch_may_only_reprimand_or_warn_charter_art_36(kind):
    found = check_discipline(DisciplineFacts(kind, Status.OFFICIAL, holds_post=True))
    assert found.rule_ids() == ["discipline_branch"] and found.errors
    assert found[0].source == "Party Charter, Article 36"
    assert not check_discipline(DisciplineFacts(kind, Status.OFFICIAL, decided_by=HIGHER, holds_post=True))


def test_tasks_assigned_by_a_higher_level_are_not_the_branchs_to_discipline():
    found = check_discipline(DisciplineFacts(DisciplineKind.REPRIMAND, Status.OFFICIAL, higher_level_task=True))
    assert found.rule_ids() == ["discipline_branch"]
    assert not check_discipline(DisciplineFacts(DisciplineKind.REPRIMAND, Status.OFFICIAL, decided_by=HIGHER,
                                                higher_level_task=True))


def test_branch_committee_has_no_disciplinary_power():
    found = check_discipline(DisciplineFacts(DisciplineKind.REPRIMAND, Status.OFFICIAL,
                                             decided_by=DisciplineAuthority.BRANCH_COMMITTEE))
    assert found.rule_ids() == ["discipline_branch"] and found.errors


def test_only_members_are_disciplined():
    assert check_discipline(DisciplineFacts(DisciplineKind.REPRIMAND, Status.STRUCK_OFF)).rule_ids() == ["status"]


def test_bad_codes_refused():
    with pytest.raises(ValueError):
        DisciplineFacts("fine", Status.OFFICIAL)
    with pytest.raises(ValueError):
        DisciplineFacts(DisciplineKind.WARNING, Status.OFFICIAL, decided_by="secretary")


def test_disciplined_in_the_calendar_year():
    records = [(d(2025, 12, 31), DisciplineKind.WARNING)]
    assert disciplined_in_year(records, 2025)
    assert not disciplined_in_year(records, 2026)
    assert disciplined_in_year([(d(2026, 1, 1), DisciplineKind.REPRIMAND)], 2026)
    assert not disciplined_in_year([], 2026)


def test_expulsion_ends_membership():
    assert ends_membership(DisciplineKind.EXPULSION)
    assert not ends_membership(DisciplineKind.DISMISSAL)


def test_labels_in_vietnamese():
    i18n.set_language("vi")
    try:
        assert [DisciplineKind.label(k) for k in DisciplineKind.codes()] == ["Khiển trách", "Cảnh cáo", "Cách chức",
                                                                             "Khai trừ"]
    finally:
        i18n.set_language("en")
