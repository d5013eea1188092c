"""The organisation's grading round of a year and a branch's part in it.

A round is opened once a year with the day the grading is made (a member admitted less than six months before it
is not graded); the day can move until the committee has decided a first grade. A branch's part holds the meeting
that proposes its members' grades (its date and how many official members vote), whether the unit is recognised
as outstanding (the cap on "excellent" is then 25 %), and the committee's grade of the branch (branch_grades)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core import clock
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.store.models import Branch, BranchGrading, GradingRound, MemberGrade

FIRST_YEAR = 1990
MAX_VOTERS = 1000


@dataclass(frozen=True)
class RoundInfo:
    id: int
    year: int
    grading_date: dt.date
    opened_on: dt.date
    note: str
    decided: int  # members whose grade the committee has decided


def _organisation_id() -> int:
    org = get_organisation()
    if org is None:
        raise ValidationError({"organisation": _("Set up the organisation first (File → Organisation).")})
    return org.id


def _year(value: Any, field: str = "year") -> int:
    today = clock.today()
    check = Checker({field: value})
    year = check.integer(field, minimum=FIRST_YEAR, maximum=today.year + 1, required=True, label=_("Year"))
    check.done()
    assert year is not None
    return year


def find_round(year: int) -> GradingRound | None:
    org = get_organisation()
    if org is None or not isinstance(year, int) or isinstance(year, bool):
        return None
    return GradingRound.get_or_none((GradingRound.organisation == org.id) & (GradingRound.year == year))


def round_for(year: Any) -> GradingRound:
    """The round of *year*; ValidationError naming the year when none has been opened."""
    found = find_round(year) if isinstance(year, int) and not isinstance(year, bool) else None
    if found is None:
        raise ValidationError({"year": _("No grading round has been opened for {year}: open it first.").format(
            year=year)})
    return found


def get_round(round_id: Any) -> GradingRound:
    found = GradingRound.get_or_none(GradingRound.id == record_id(round_id))
    if found is None:
        raise NotFoundError(_("Grading round not found."))
    return found


def decided_count(round_id: int) -> int:
    return MemberGrade.select().where((MemberGrade.round == round_id) & MemberGrade.committee_on.is_null(False)) \
        .count()


def info(found: GradingRound) -> RoundInfo:
    return RoundInfo(found.id, found.year, found.grading_date, found.opened_on, found.note, decided_count(found.id))


def rounds() -> list[RoundInfo]:
    """Every round of the organisation, the latest year first."""
    org = get_organisation()
    if org is None:
        return []
    return [info(r) for r in GradingRound.select().where(GradingRound.organisation == org.id)
            .order_by(GradingRound.year.desc())]


def default_grading_date(year: int) -> dt.date:
    """Mid-December: the branches grade their members at the year's last meetings."""
    return dt.date(year, 12, 15)


def _grading_date(check: Checker, year: int) -> dt.date | None:
    label = _("Grading date")
    day = check.date("grading_date", required=True, label=label, minimum=dt.date(year, 1, 1))
    if day is not None and day > dt.date(year + 1, 3, 31):
        check.fail("grading_date", _("{field} must fall in {year} or in the first three months of {next}.").format(
            field=label, year=year, next=year + 1))
        return None
    return day


def open_round(year: Any, grading_date: Any = None, *, opened_on: Any = None, note: str = "") -> GradingRound:
    """Open the grading round of *year*, grading on *grading_date* (mid-December when not given)."""
    org_id = _organisation_id()
    year = _year(year)
    if find_round(year) is not None:
        raise ValidationError({"year": _("The grading round of {year} is open already.").format(year=year)})
    check = Checker({"grading_date": grading_date or default_grading_date(year),
                     "opened_on": opened_on or clock.today(), "note": note})
    _grading_date(check, year)
    check.date("opened_on", required=True, not_future=True, label=_("Opened on"), minimum=dt.date(year, 1, 1))
    check.text("note", label=_("Note"))
    values = check.done()
    with atomic():
        found = GradingRound.create(organisation=org_id, year=year, grading_date=values["grading_date"],
                                    opened_on=values["opened_on"], note=values.get("note") or "")
        audit.record_change("create", found, None)
    return found


def set_grading_date(year: Any, grading_date: Any) -> GradingRound:
    """Move the grading date; refused once the committee has decided a grade of the round."""
    found = round_for(year)
    if decided_count(found.id):
        raise ValidationError({"grading_date": _(
            "The committee has decided grades of {year}: the grading date can no longer change.").format(
            year=found.year)})
    check = Checker({"grading_date": grading_date})
    _grading_date(check, found.year)
    values = check.done()
    with atomic():
        before = audit.snapshot(found)
        found.grading_date = values["grading_date"]
        found.save()
        audit.record_change("update", found, before)
    return found


# ---- a branch's part -----------------------------------------------------------------------------------------


def live_branch(branch_id: Any) -> Branch:
    branch = Branch.get_or_none((Branch.id == record_id(branch_id)) & Branch.deleted_at.is_null())
    if branch is None:
        raise ValidationError({"branch": _("The chosen branch does not exist.")})
    return branch


def branch_part(found: GradingRound, branch_id: int) -> BranchGrading | None:
    return BranchGrading.get_or_none((BranchGrading.round == found.id) & (BranchGrading.branch == branch_id))


def ensure_branch_part(found: GradingRound, branch_id: int) -> BranchGrading:
    """The branch's part of the round, created (inside the caller's transaction) when first needed."""
    part = branch_part(found, branch_id)
    if part is None:
        part = BranchGrading.create(round=found.id, branch=branch_id)
        audit.record_change("create", part, None)
    return part


def branch_decided_on(found: GradingRound, branch_id: int) -> dt.date | None:
    """The first day the committee decided a grade of the branch's members (None while none is decided)."""
    day = (MemberGrade.select(MemberGrade.committee_on)
           .where((MemberGrade.round == found.id) & (MemberGrade.branch == branch_id)
                  & MemberGrade.committee_on.is_null(False))
           .order_by(MemberGrade.committee_on).limit(1).scalar())
    return day if day is None or isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])


def meeting_bounds(year: int) -> tuple[dt.date, dt.date]:
    """When a branch may meet to grade the members of *year*: from 1 January to the end of the next year."""
    return dt.date(year, 1, 1), dt.date(year + 1, 12, 31)


def set_branch_meeting(year: Any, branch_id: Any, *, meeting_on: Any = None, voters: Any = None,
                       outstanding: Any = None) -> BranchGrading:
    """The branch meeting that proposes the members' grades (date, official members voting) and whether the unit
    is recognised as outstanding. Refused once the committee has decided the branch's grades."""
    found = round_for(year)
    branch = live_branch(branch_id)
    decided = branch_decided_on(found, branch.id)
    if decided is not None:
        raise ValidationError({"meeting_on": _(
            "The committee decided the grades of this branch on {date}: they change only through a dated "
            "correction.").format(date=format_date(decided))})
    data: dict[str, Any] = {}
    if meeting_on is not None:
        data["meeting_on"] = meeting_on
    if voters is not None:
        data["voters"] = voters
    if outstanding is not None:
        data["outstanding"] = outstanding
    check = Checker(data)
    start, end = meeting_bounds(found.year)
    day = check.date("meeting_on", not_future=True, label=_("Branch meeting"), minimum=start)
    if day is not None and day > end:
        check.fail("meeting_on", _("{field} cannot be after {date}.").format(field=_("Branch meeting"),
                                                                            date=format_date(end)))
    check.integer("voters", minimum=1, maximum=MAX_VOTERS, label=_("Members voting"))
    check.flag("outstanding")
    values = check.done()
    with atomic():
        part = ensure_branch_part(found, branch.id)
        before = audit.snapshot(part)
        for key, value in values.items():
            setattr(part, key, value)
        part.save()
        audit.record_change("update", part, before)
    return part
