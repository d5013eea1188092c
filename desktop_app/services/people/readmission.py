"""A former member as a candidate again (kết nạp lại; Regulation 294-QĐ/TW point 3.5): how and when they left, read
from their record, for the pipeline's checks (``pipeline.gather_facts`` gives them to every step: warnings before the
branch votes, errors at the vote) and for the candidate's file, which shows what the rules say as soon as the past
is entered."""

from __future__ import annotations

import datetime as dt

from desktop_app.core import rules
from desktop_app.core.member_codes import ConvictionKind, LeavingGround, LeavingKind
from desktop_app.services.people import people
from desktop_app.store.models import Person


def past_leaving(person: Person) -> rules.PastLeaving | None:
    """How *person* left the Party before, as the rules read it; None when the record says they never did."""
    if person.left_party_on is None:
        return None
    grounds = set((person.left_party_grounds or "").split(","))
    how = person.left_party_how if person.left_party_how in LeavingKind.codes() else LeavingKind.STRUCK_OFF
    conviction = person.conviction if person.conviction in ConvictionKind.codes() else ConvictionKind.NONE
    return rules.PastLeaving(left_on=person.left_party_on, how=how,
                             quit_activity=LeavingGround.QUIT_ACTIVITY in grounds,
                             family_hardship=LeavingGround.FAMILY_HARDSHIP in grounds,
                             serious_disunity=LeavingGround.SERIOUS_DISUNITY in grounds,
                             conviction=conviction, record_cleared_on=person.record_cleared_on)


def check(person_id: int, on: dt.date) -> rules.Findings | None:
    """What the re-admission rules say if the branch voted on *person_id* on *on* (errors: not yet, or never);
    None for someone who was never a member."""
    past = past_leaving(people.get_person(person_id))
    if past is None:
        return None
    return rules.check_readmission(past, on)


def possible_from(person_id: int) -> dt.date | None:
    past = past_leaving(people.get_person(person_id))
    return rules.readmission_possible_from(past) if past is not None else None


def _past_from_values(values: dict) -> rules.PastLeaving | None:
    left = values.get("left_party_on")
    if not isinstance(left, dt.date):
        return None
    grounds = values.get("left_party_grounds") or ()
    if isinstance(grounds, str):
        grounds = grounds.split(",")
    how = values.get("left_party_how")
    conviction = values.get("conviction")
    cleared = values.get("record_cleared_on")
    return rules.PastLeaving(left_on=left, how=how if how in LeavingKind.codes() else LeavingKind.STRUCK_OFF,
                             quit_activity=LeavingGround.QUIT_ACTIVITY in grounds,
                             family_hardship=LeavingGround.FAMILY_HARDSHIP in grounds,
                             serious_disunity=LeavingGround.SERIOUS_DISUNITY in grounds,
                             conviction=conviction if conviction in ConvictionKind.codes() else ConvictionKind.NONE,
                             record_cleared_on=cleared if isinstance(cleared, dt.date) else None)


def check_values(values: dict, on: dt.date) -> rules.Findings | None:
    """The same for the leaving fields as a form holds them before they are saved (unknown codes read as none)."""
    past = _past_from_values(values)
    return rules.check_readmission(past, on) if past is not None else None


def possible_from_values(values: dict) -> dt.date | None:
    past = _past_from_values(values)
    return rules.readmission_possible_from(past) if past is not None else None
