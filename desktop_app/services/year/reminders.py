"""What the Party year asks, for the overview: the grading round to open in December, the branches still to
grade their members or waiting for the committee's decision, and members graded "did not complete tasks" two
years running (a ground for the branch to consider striking them off; core.rules.strike_off).

The reminders are services.people.reminders' Reminder rows, so the overview lists them with the rest."""

from __future__ import annotations

import datetime as dt

from desktop_app.core import rules
from desktop_app.core.member_codes import Grade
from desktop_app.i18n import _, format_date, ngettext
from desktop_app.services.people import membership
from desktop_app.services.people.reminders import ERROR, WARNING, Reminder
from desktop_app.services.year import badges, rounds, summary
from desktop_app.services.year.history import grades_by_year
from desktop_app.services.year.roster import roster
from desktop_app.store.models import Branch, Person

# From this month on, the year's grading round should be open.
ROUND_MONTH = 12
# Until the end of this month of the next year, the last year's grading is still reminded.
LATE_MONTH = 3
# The next award day of Party badges is reminded this many days ahead (the committee prepares the list).
BADGE_NOTICE_DAYS = 92


def grading_year(on: dt.date) -> int | None:
    """The year whose grading is under way on *on*: this year from December, last year until March."""
    if on.month >= ROUND_MONTH:
        return on.year
    if on.month <= LATE_MONTH:
        return on.year - 1
    return None


def _round_reminders(on: dt.date, branch_id: int | None) -> list[Reminder]:
    year = grading_year(on)
    if year is None:
        return []
    policy = rules.policy_for(on)
    source = policy.source("not_graded")
    found = rounds.find_round(year)
    if found is None:
        return [Reminder("grading_not_started", dt.date(year, ROUND_MONTH, 1), None, branch_id, _(
            "The grading of members and branches for {year} has not been started: open its round.").format(
            year=year), source, policy.version, ERROR if on.year > year else WARNING)]
    items = []
    rows = roster(found, branch_id)
    by_branch: dict[int, list] = {}
    for row in rows:
        by_branch.setdefault(row.branch_id, []).append(row)
    branch_names = dict(Branch.select(Branch.id, Branch.name).tuples())
    due = found.grading_date
    for bid, group in sorted(by_branch.items()):
        s = summary.summarise(group)
        name = branch_names.get(bid, "")
        if s.waiting:
            items.append(Reminder("grading_due", due, None, bid, ngettext(
                "{branch}: {n} member still to be graded for {year} (grading date {date}).",
                "{branch}: {n} members still to be graded for {year} (grading date {date}).", s.waiting).format(
                branch=name, n=s.waiting, year=year, date=format_date(due)),
                source, policy.version, ERROR if on > due else WARNING))
        elif s.eligible and not s.all_decided:
            items.append(Reminder("grading_decision_due", due, None, bid, _(
                "{branch} has proposed its members' grades for {year}: the committee decides them.").format(
                branch=name, year=year), source, policy.version, WARNING))
    return items


def _failed_years(on: dt.date, branch_id: int | None) -> list[Reminder]:
    """Members graded "did not complete tasks" in the last decided years running, as many as the rule asks."""
    items: list[Reminder] = []
    years_back = rules.policy_for(on).strike_off_failed_years
    for year in (on.year, on.year - 1):
        found = rounds.find_round(year)
        if found is None:
            continue
        members = (membership.members_on(branch_id, on) if branch_id is not None
                   else [m for group in membership.members_by_branch(on).values() for m in group])
        ids = [m.person_id for m in members]
        grades = grades_by_year(ids, range(year - years_back + 1, year + 1), decided_only=True)
        failing = [pid for pid, by_year in grades.items() if by_year.get(year) == Grade.NOT_COMPLETED]
        if not failing:
            continue
        people = dict(Person.select(Person.id, Person.full_name).where(Person.id.in_(failing)).tuples())
        branches = membership.branches_on(failing, on)
        for pid in failing:
            found_rules = rules.strike_off_grounds(year, grades_by_year=grades[pid], on=on)
            for finding in found_rules:
                if finding.rule_id != "strike_off_failed_years":
                    continue
                items.append(Reminder("grading_failed_years", found.grading_date, pid, branches.get(pid), _(
                    "{name}: {finding}").format(name=people.get(pid, ""), finding=finding.message), finding.source,
                    finding.policy_version, WARNING, people.get(pid, "")))
        break  # the latest year graded says it; an older one would repeat it
    return items


def _badges(on: dt.date, branch_id: int | None) -> list[Reminder]:
    """The next award day, when it is near: how many members reach a milestone by then, per milestone."""
    day = rules.award_day_on_or_after(on)
    if (day - on).days > BADGE_NOTICE_DAYS:
        return []
    lines = badges.due_on([day], branch_id)
    if not lines:
        return []
    detail = "; ".join(_("{years} years: {n}").format(years=years, n=n)
                       for years, n in badges.count_by_day(lines)[day].items())
    policy = rules.policy_for(day)
    return [Reminder("badges_due", day, None, branch_id, ngettext(
        "Party badges of {date}: {n} member reaches a milestone of party age ({detail}).",
        "Party badges of {date}: {n} members reach a milestone of party age ({detail}).", len(lines)).format(
        date=format_date(day), n=len(lines), detail=detail), policy.source("badge_milestones_years"), policy.version,
        WARNING)]


def year_reminders(on: dt.date, branch_id: int | None = None) -> list[Reminder]:
    """What the Party year asks on *on*, for one branch or the organisation (None); nothing for a branch that
    is not there (any more)."""
    if branch_id is not None and not Branch.select().where(Branch.id == branch_id).exists():
        return []
    found = _round_reminders(on, branch_id) + _failed_years(on, branch_id) + _badges(on, branch_id)
    return sorted(found, key=lambda r: (r.due, r.title))
