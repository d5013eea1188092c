"""Disciplinary records through the service (Party Charter Articles 35–36, Regulation 296-QĐ/TW; domain.md §6):
what a branch may decide, what a probationary member may receive, removal from post needs a post, the branch
committee decides nothing; a refusal writes nothing; the record is corrected or deleted with its audit entry."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.year import discipline
from tests import recount
from tests.services.year.conftest import member

D = dt.date
REASON = "Vi phạm quy định về sinh hoạt đảng."


def _count(table: str) -> int:
    return recount.query(f"SELECT count(*) FROM {table}")[0][0]


def _refused(person_id, data, field):
    before = (_count("disciplinerecord"), _count("auditentry"))
    with pytest.raises(ValidationError) as info:
        discipline.record(person_id, data)
    assert (_count("disciplinerecord"), _count("auditentry")) == before
    assert field in info.value.errors, info.value.errors
    return str(info.value)


def test_a_branch_reprimands_its_member_and_the_record_is_audited(branch):
    row = discipline.record(branch.ids[0], {"kind": "reprimand", "decided_on": D(2026, 6, 3), "reason": REASON,
                                            "decision_number": "01-QĐ/CB", "body": "Chi bộ bản Co Muông"})
    assert (row.decided_by, row.kind) == ("branch", "reprimand")
    stored = recount.query("SELECT action, table_name FROM auditentry ORDER BY id DESC LIMIT 1")[0]
    assert tuple(stored) == ("create", "disciplinerecord")
    assert [r.decision_number for r in discipline.for_person(branch.ids[0])] == ["01-QĐ/CB"]
    assert discipline.in_year([branch.ids[0]], 2026) == {branch.ids[0]: [(D(2026, 6, 3), "reprimand", False)]}
    assert discipline.in_year([branch.ids[0]], 2025) == {}


def test_what_a_branch_may_not_decide(branch):
    i18n.set_language("en")
    text = _refused(branch.ids[0], {"kind": "expulsion", "decided_on": D(2026, 6, 3), "reason": REASON},
                    "decided_by")
    assert "A branch may only reprimand or warn" in text
    _refused(branch.ids[0], {"kind": "warning", "decided_on": D(2026, 6, 3), "reason": REASON,
                             "higher_level_task": True}, "decided_by")
    _refused(branch.ids[0], {"kind": "warning", "decided_on": D(2026, 6, 3), "reason": REASON,
                             "decided_by": "branch_committee"}, "decided_by")
    # A higher committee expels; removal from post needs a post.
    assert discipline.record(branch.ids[1], {"kind": "expulsion", "decided_on": D(2026, 6, 3), "reason": REASON,
                                             "decided_by": "higher"}).kind == "expulsion"
    _refused(branch.ids[2], {"kind": "dismissal", "decided_on": D(2026, 6, 3), "reason": REASON,
                             "decided_by": "higher"}, "kind")
    assert discipline.record(branch.ids[2], {"kind": "dismissal", "decided_on": D(2026, 6, 3), "reason": REASON,
                                             "decided_by": "higher", "holds_post": True}).kind == "dismissal"


def test_a_probationary_member_is_only_reprimanded_or_warned(branch):
    new = member("Lò Văn Mới", branch.branch.id, since=D(2026, 3, 1), admitted=D(2026, 2, 1), status="probationary")
    _refused(new.id, {"kind": "dismissal", "decided_on": D(2026, 9, 1), "reason": REASON, "decided_by": "higher",
                      "holds_post": True}, "kind")
    assert discipline.record(new.id, {"kind": "warning", "decided_on": D(2026, 9, 1), "reason": REASON}).kind \
        == "warning"


def test_only_a_member_on_the_day_can_be_disciplined(branch):
    """A candidate is no member; nor is a member after being struck off (the membership history of the day)."""
    from desktop_app.core.enums import Stage
    from desktop_app.services.people import people

    applicant = member("Lò Văn Khánh", branch.branch.id, since=D(2026, 1, 1), status="applicant")
    _refused(applicant.id, {"kind": "reprimand", "decided_on": D(2026, 6, 1), "reason": REASON}, "decided_on")
    people.record_stage(branch.ids[3], Stage.STRUCK_OFF, D(2026, 5, 1))
    _refused(branch.ids[3], {"kind": "reprimand", "decided_on": D(2026, 6, 1), "reason": REASON}, "decided_on")
    assert discipline.record(branch.ids[3], {"kind": "reprimand", "decided_on": D(2026, 4, 30),
                                             "reason": REASON}).kind == "reprimand"


def test_bad_fields_are_refused_beside_their_field(branch):
    _refused(branch.ids[0], {"kind": "fine", "decided_on": D(2026, 6, 3), "reason": REASON}, "kind")
    _refused(branch.ids[0], {"kind": "reprimand", "decided_on": D(2027, 6, 3), "reason": REASON}, "decided_on")
    _refused(branch.ids[0], {"kind": "reprimand", "decided_on": D(2026, 6, 3), "reason": ""}, "reason")
    _refused(branch.ids[0], {"kind": "reprimand", "decided_on": D(2026, 6, 3), "reason": REASON, "salary": 1},
             "salary")
    with pytest.raises(NotFoundError):
        discipline.record(99999, {"kind": "reprimand", "decided_on": D(2026, 6, 3), "reason": REASON})


def test_correcting_and_deleting_a_record(branch):
    row = discipline.record(branch.ids[0], {"kind": "reprimand", "decided_on": D(2026, 6, 3), "reason": REASON})
    discipline.update(row.id, {"decision_number": "02-QĐ/CB", "decided_on": D(2026, 6, 4)})
    assert discipline.for_person(branch.ids[0])[0].decided_on == D(2026, 6, 4)
    with pytest.raises(ValidationError):
        discipline.update(row.id, {"kind": "expulsion"})  # a branch cannot expel
    discipline.delete(row.id)
    assert discipline.for_person(branch.ids[0]) == [] and discipline.in_year([branch.ids[0]], 2026) == {}
    with pytest.raises(NotFoundError):
        discipline.delete(row.id)
