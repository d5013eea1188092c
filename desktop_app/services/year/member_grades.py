"""Grading a member, step by step: the self-assessment, the branch's proposal with its vote, the committee's
grade; and the committee's decision, which locks the grades of a branch (changed only through a dated correction,
services.year.corrections).

Every write is refused, with a translated message and nothing written, for a member the rules do not grade (the
reason is given), for a grade the rules refuse (a member disciplined in the year is graded "did not complete
tasks"), for a step dated out of order (a decision before the branch's proposal) and for a decided grade."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core import clock, rules
from desktop_app.core.member_codes import Grade
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.year import rounds, summary
from desktop_app.services.year.roster import RosterRow, roster, row_for
from desktop_app.store.models import GradingRound, MemberGrade

SELF, BRANCH, COMMITTEE = "self", "branch", "committee"
STEPS = (SELF, BRANCH, COMMITTEE)
MAX_SELF_TEXT = 2000
MAX_SICK_MONTHS = 12


@dataclass(frozen=True)
class Saved:
    row: RosterRow  # the member's row as it now stands
    warnings: list[str]  # what the rules say but do not block (a remedied fault, the cap…)


def step_labels() -> dict[str, str]:
    return {SELF: _("Self-assessment"), BRANCH: _("Branch's proposal"), COMMITTEE: _("Committee's grade")}


def member_row(found: GradingRound, person_id: Any) -> RosterRow:
    row = row_for(found, record_id(person_id) or 0)
    if row is None:
        raise ValidationError({"person": _("This person is not a member of a branch on the grading date ({date}).")
                               .format(date=format_date(found.grading_date))})
    return row


def locked_message(row: RosterRow) -> str:
    day = row.entry.committee_on
    return _("The committee decided the grade of {name} on {date}: it changes only through a dated correction.") \
        .format(name=row.name, date=format_date(day) if day else "")


def _refuse_locked(row: RosterRow, field: str) -> None:
    if row.locked:
        raise ValidationError({field: locked_message(row)})


def not_graded_message(row: RosterRow) -> str:
    return _("{name} is not graded this year: {reason}").format(name=row.name, reason=row.reason_text)


def check_grade(row: RosterRow, grade: str, year: int, on: dt.date, field: str) -> list[str]:
    """Errors raise; warnings are returned."""
    if not row.graded:
        raise ValidationError({field: not_graded_message(row)})
    found = rules.check_member_grade(grade, row.facts(), year=year, grading_date=on)
    if found.errors:
        raise ValidationError({field: _("{name}: {problem}").format(name=row.name, problem=found.errors[0].message)})
    return [_("{name}: {problem}").format(name=row.name, problem=w.message) for w in found.warnings]


def _entry(found: GradingRound, row: RosterRow) -> MemberGrade:
    """The member's record in the round, created (in the caller's transaction) when first written."""
    if row.entry.id is not None:
        return MemberGrade.get_by_id(row.entry.id)
    rounds.ensure_branch_part(found, row.branch_id)
    entry = MemberGrade.create(round=found.id, person=row.person_id, branch=row.branch_id)
    audit.record_change("create", entry, None)
    return entry


def save_entry(entry: MemberGrade, values: dict[str, Any]) -> None:
    before = audit.snapshot(entry)
    for key, value in values.items():
        setattr(entry, key, value)
    entry.save()
    audit.record_change("update", entry, before)


def _grade_value(value: Any, field: str) -> str:
    check = Checker({field: value if value is not None else ""})
    check.choice(field, ("", *Grade.codes()), label=_("Grade"))
    return check.done()[field]


def set_grade(year: Any, person_id: Any, step: str, grade: Any, *, on: Any = None, text: Any = None,
              yes: Any = None) -> Saved:
    """Record *grade* ("" clears it) at *step* ("self", "branch" or "committee") for the member.

    The self-assessment is dated *on* (today when not given) and may carry the member's short *text*; the branch's
    proposal is dated *on* or the branch meeting's date, with *yes* votes of the meeting's voters (all of them when
    not given); the committee's grade is a draft until the committee decides the branch (``decide``)."""
    found = rounds.round_for(year)
    if step not in STEPS:
        raise ValidationError({"step": _("Unknown step “{step}”.").format(step=step)})
    field = f"{step}_grade"
    row = member_row(found, person_id)
    _refuse_locked(row, field)
    grade = _grade_value(grade, field)
    warnings: list[str] = []
    values: dict[str, Any]
    if step == SELF:
        values = _self_values(found, row, grade, on, text)
        if grade:  # the member's own view: the rules' objections are shown, not enforced
            try:
                warnings = check_grade(row, grade, found.year, found.grading_date, field)
            except ValidationError as exc:
                if not row.graded:
                    raise
                warnings = list(exc.errors.values())
    elif step == BRANCH:
        values = _branch_values(found, row, grade, on, yes)
        if grade:
            warnings = check_grade(row, grade, found.year, found.grading_date, field)
    else:
        values = {"committee_grade": grade}
        if grade:
            warnings = check_grade(row, grade, found.year, found.grading_date, field)
    with atomic():
        save_entry(_entry(found, row), values)
    return Saved(member_row(found, row.person_id), warnings)


def _self_values(found: GradingRound, row: RosterRow, grade: str, on: Any, text: Any) -> dict[str, Any]:
    if not grade:
        return {"self_grade": "", "self_on": None}
    check = Checker({"self_on": on or clock.today(), "self_text": text if text is not None else row.entry.self_text})
    day = check.date("self_on", required=True, not_future=True, label=_("Self-assessment"),
                     minimum=dt.date(found.year, 1, 1))
    check.text("self_text", max_length=MAX_SELF_TEXT, label=_("Self-assessment"))
    values = check.done()
    if day is not None and row.entry.branch_on is not None and day > row.entry.branch_on:
        raise ValidationError({"self_on": _("The self-assessment cannot come after the branch's proposal of {date}.")
                               .format(date=format_date(row.entry.branch_on))})
    return {"self_grade": grade, "self_text": values.get("self_text") or "", "self_on": day}


def _branch_values(found: GradingRound, row: RosterRow, grade: str, on: Any, yes: Any) -> dict[str, Any]:
    if not grade:
        return {"branch_grade": "", "branch_on": None, "branch_yes": None, "branch_voters": None}
    part = rounds.branch_part(found, row.branch_id)
    day_given = on if on is not None else (part.meeting_on if part else None)
    if day_given is None:
        raise ValidationError({"meeting_on": _("Give the date of the branch meeting that proposes the grades "
                                               "first.")})
    start, end = rounds.meeting_bounds(found.year)
    voters = part.voters if part is not None else None
    given = yes if yes is not None else voters
    check = Checker({"branch_on": day_given, **({"branch_yes": given} if given is not None else {})})
    day = check.date("branch_on", required=True, not_future=True, label=_("Branch meeting"), minimum=start)
    if day is not None and day > end:
        check.fail("branch_on", _("{field} cannot be after {date}.").format(field=_("Branch meeting"),
                                                                           date=format_date(end)))
    votes = check.integer("branch_yes", minimum=0, maximum=voters if voters else rounds.MAX_VOTERS,
                          label=_("Votes for"))
    values = check.done()
    if day is not None and row.entry.self_on is not None and day < row.entry.self_on:
        raise ValidationError({"branch_on": _("The branch's proposal cannot come before the member's "
                                              "self-assessment of {date}.").format(
            date=format_date(row.entry.self_on))})
    return {"branch_grade": grade, "branch_on": values["branch_on"], "branch_yes": votes,
            "branch_voters": voters}


def set_facts(year: Any, person_id: Any, *, suspended: Any = None, sick_months: Any = None, maternity: Any = None,
              host_comment: Any = None) -> Saved:
    """What the grading weighs that the records hold nowhere else: suspended from activities (then not graded:
    the grades recorded are cleared), months of sick leave in the year, maternity leave, and the host branch's
    comments on a member temporarily active elsewhere."""
    found = rounds.round_for(year)
    row = member_row(found, person_id)
    _refuse_locked(row, "suspended")
    data = {k: v for k, v in (("suspended", suspended), ("sick_months", sick_months), ("maternity", maternity),
                              ("host_comment", host_comment)) if v is not None}
    check = Checker(data)
    check.flag("suspended")
    check.integer("sick_months", minimum=0, maximum=MAX_SICK_MONTHS, label=_("Months of sick leave"))
    check.flag("maternity")
    check.text("host_comment", max_length=MAX_SELF_TEXT, label=_("Host branch's comments"))
    values = check.done()
    if values.get("suspended"):
        values.update(self_grade="", self_on=None, branch_grade="", branch_on=None, branch_yes=None,
                      branch_voters=None, committee_grade="")
    with atomic():
        save_entry(_entry(found, row), values)
    return Saved(member_row(found, row.person_id), [])


def set_self_text(year: Any, person_id: Any, text: Any) -> Saved:
    """The member's short self-assessment text, kept with the grade they propose."""
    found = rounds.round_for(year)
    row = member_row(found, person_id)
    _refuse_locked(row, "self_text")
    check = Checker({"self_text": text})
    check.text("self_text", max_length=MAX_SELF_TEXT, label=_("Self-assessment"))
    values = check.done()
    with atomic():
        save_entry(_entry(found, row), {"self_text": values.get("self_text") or ""})
    return Saved(member_row(found, row.person_id), [])


# ---- the committee's decision ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decided:
    count: int  # grades decided now
    warnings: list[str]  # the cap on "excellent", remedied faults


def decide(year: Any, branch_id: Any, on: Any) -> Decided:
    """The committee decides the grades of the branch's members on *on*: each takes the committee's grade where
    one was entered, else the branch's proposal, and is locked. Refused (nothing written) while a member graded
    by the rules has no proposal of the branch, or when *on* comes before a proposal."""
    found = rounds.round_for(year)
    branch = rounds.live_branch(branch_id)
    check = Checker({"decided_on": on})
    day = check.date("decided_on", required=True, not_future=True, label=_("Decided on"),
                     minimum=dt.date(found.year, 1, 1))
    check.done()
    assert day is not None
    rows = [r for r in roster(found, branch.id) if r.graded]
    open_rows = [r for r in rows if not r.locked]
    if not open_rows:
        raise ValidationError({"decided_on": _("There is no grade of this branch left to decide.") if rows else
                               _("No member of this branch is graded this year.")})
    missing = [r.name for r in open_rows if not r.entry.branch_grade]
    if missing:
        raise ValidationError({"decided_on": _(
            "The branch has not proposed a grade for: {names}. The committee decides on the branch's proposals."
        ).format(names=", ".join(missing))})
    latest = max(r.entry.branch_on for r in open_rows if r.entry.branch_on is not None)
    if day < latest:
        raise ValidationError({"decided_on": _(
            "The committee's decision cannot come before the branch's proposal of {date}.").format(
            date=format_date(latest))})
    warnings: list[str] = []
    finals = {}
    for r in open_rows:
        grade = r.entry.committee_grade or r.entry.branch_grade
        warnings += check_grade(r, grade, found.year, found.grading_date, "decided_on")
        finals[r.person_id] = grade
    with atomic():
        for r in open_rows:
            save_entry(MemberGrade.get_by_id(r.entry.id), {"committee_grade": finals[r.person_id], "committee_on": day})
    decided = [finals.get(r.person_id) or r.grade for r in rows]
    part = rounds.branch_part(found, branch.id)
    warnings += summary.cap_warnings(rules.grade_counts(g for g in decided if g),
                                     outstanding=bool(part and part.outstanding), on=found.grading_date)
    return Decided(len(open_rows), warnings)
