"""Discipline of a member (kỷ luật đảng viên; Party Charter Articles 35 and 36, Regulation 296-QĐ/TW;
domain.md §6). The kinds are :class:`desktop_app.core.member_codes.DisciplineKind`, mildest first.

How to call it::

    kinds_for(Status.PROBATIONARY)             # ("reprimand", "warning"): what may be imposed on that status
    check_discipline(DisciplineFacts(...))     # Findings before recording a discipline (errors block it)
    disciplined_in_year(records, 2026)         # a discipline decided in that calendar year? (for grading)
    ends_membership(DisciplineKind.EXPULSION)  # True: the member leaves the Party

What the rules make of a discipline elsewhere:

* grading: a reprimand or worse (every kind) decided in the year graded means "did not complete tasks"
  (Regulation 366-QĐ/TW, Article 11, point 4; see :func:`.grading.check_member_grade`);
* leaving: expulsion ends membership; re-admission is possible after the waiting periods unless barred
  (:mod:`.readmission`);
* a branch's decision takes effect when the result of its vote is announced: record that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.enums import Status
from desktop_app.core.member_codes import DisciplineAuthority, DisciplineKind
from desktop_app.core.rules.findings import Findings
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _


def kinds_for(status: str | None) -> tuple[str, ...]:
    """The kinds of discipline a member of *status* may receive: all four for an official (or exempt) member,
    reprimand or warning for a probationary member, none for anyone else."""
    if status == Status.PROBATIONARY:
        return DisciplineKind.PROBATIONARY
    if status in (Status.OFFICIAL, Status.EXEMPT):
        return tuple(DisciplineKind.codes())
    return ()


def ends_membership(kind: str) -> bool:
    return kind == DisciplineKind.EXPULSION


@dataclass(frozen=True)
class DisciplineFacts:
    """A discipline about to be recorded."""

    kind: str  # DisciplineKind code
    status: str | None  # the member's Status code
    decided_by: str = DisciplineAuthority.BRANCH  # DisciplineAuthority code
    holds_post: bool = False  # the member holds a post (needed for removal from post)
    higher_level_task: bool = False  # the violation concerns a task assigned by a higher level

    def __post_init__(self) -> None:
        if self.kind not in DisciplineKind.codes():
            raise ValueError(f"unknown discipline kind {self.kind!r}")
        if self.decided_by not in DisciplineAuthority.codes():
            raise ValueError(f"unknown disciplinary authority {self.decided_by!r}")


def check_discipline(facts: DisciplineFacts, *, on: dt.date | None = None, policy: Policy | None = None) -> Findings:
    """Errors when the discipline cannot be imposed as described (kind, status, post, who decides)."""
    policy = policy or policy_for(on)
    found = Findings(policy)
    kinds, branch = policy.source("discipline_kinds"), policy.source("discipline_branch")
    kind = DisciplineKind.label(facts.kind)
    if facts.status not in Status.MEMBERS:
        found.error("status", _("Only a Party member can be disciplined; the status is “{status}”.").format(
            status=Status.label(facts.status) or _("none")))
    elif facts.kind not in kinds_for(facts.status):
        found.error("discipline_kinds", _(
            "A probationary member can only be reprimanded or warned, not given “{kind}” ({source}).").format(
            kind=kind, source=kinds))
    if facts.kind == DisciplineKind.DISMISSAL and not facts.holds_post:
        found.error("discipline_kinds", _("Removal from post applies only to a member who holds a post ({source}).")
                    .format(source=kinds))
    if facts.decided_by == DisciplineAuthority.BRANCH_COMMITTEE:
        found.error("discipline_branch", _(
            "The branch committee has no disciplinary power: the branch or a higher committee decides ({source}).")
            .format(source=branch))
    elif facts.decided_by == DisciplineAuthority.BRANCH:
        if facts.kind not in DisciplineKind.BRANCH:
            found.error("discipline_branch", _(
                "A branch may only reprimand or warn its members; it proposes “{kind}” to the competent committee "
                "({source}).").format(kind=kind, source=branch))
        elif facts.higher_level_task:
            found.error("discipline_branch", _(
                "A violation in a task assigned by a higher level is disciplined by the competent committee; the "
                "branch proposes it ({source}).").format(source=branch))
    return found


def disciplined_in_year(records: Iterable[tuple[dt.date, str]], year: int) -> bool:
    """Whether any discipline in *records* ((decision date, DisciplineKind code) pairs) was decided in *year*.

    Every kind is a reprimand or worse, so any one counts for grading.
    """
    return any(day.year == year and kind in DisciplineKind.codes() for day, kind in records)
