"""The facts about one person that the transition checks need, gathered by the services.

Plain values only, so the rules stay free of the database. Dates of stages and dossier items are
the latest recorded ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.core.enums import Stage
from desktop_app.core.rules.readmission import PastLeaving


@dataclass(frozen=True)
class IntroducerFacts:
    """An official member introducing the applicant (Mẫu 3-KNĐ)."""

    is_official: bool
    together_since: dt.date | None  # worked, studied or lived alongside the applicant since
    name: str = ""
    active: bool = True  # still a member of the organisation (not transferred out, struck off or deceased)


@dataclass(frozen=True)
class VoteFacts:
    """A branch (or committee) vote: the counts and what the denominator was built from."""

    yes: int
    official_members: int  # official members summoned (committee members for a committee vote)
    not_counted: int = 0  # excluded by point 9.3.2 (elsewhere, exempt and absent, suspended, accepted absence)
    no: int = 0
    abstain: int = 0
    denominator: int | None = None  # as recorded, when the user typed it; checked against the counts
    failed_before: int = 0  # earlier votes on the same question that did not reach the threshold

    @property
    def computed_denominator(self) -> int:
        return self.official_members - self.not_counted


@dataclass(frozen=True)
class CaseFacts:
    """One candidate's or member's situation, as far as the rules care."""

    status: str | None
    birth_date: dt.date | None = None
    stages: Mapping[str, dt.date] = field(default_factory=dict)  # stage code → date recorded
    dossier: Mapping[str, dt.date | None] = field(default_factory=dict)  # dossier code → date (received items)
    introducers: tuple[IntroducerFacts, ...] = ()
    youth_union: bool = False
    trade_union: bool = False
    vote: VoteFacts | None = None  # the vote behind the step being recorded, if it is one
    decision_received: dt.date | None = None  # when the branch received the admission decision
    over_age_consent: bool = False  # the provincial standing board agreed in writing (over 60)
    late_ceremony_consent: bool = False  # the committee above agreed to a ceremony after the deadline
    grassroots_branch: bool = False  # chi bộ cơ sở: no grassroots committee resolution step
    authorised_committee: bool = False  # the grassroots committee decides admissions itself
    partial_committee: bool = False  # the branch sits under a partial committee (appraisal step)
    today: dt.date | None = None  # when given, steps dated later are refused
    past_leaving: PastLeaving | None = None  # a former member: how and when they left (re-admission rules)

    def stage_date(self, stage: str) -> dt.date | None:
        return self.stages.get(stage)

    @property
    def current_stage(self) -> str | None:
        """The furthest pipeline stage recorded."""
        done = [s for s in Stage.PIPELINE if s in self.stages]
        return done[-1] if done else None

    @property
    def ceremony_date(self) -> dt.date | None:
        return self.stages.get(Stage.CEREMONY)

    @property
    def admission_decision_date(self) -> dt.date | None:
        return self.stages.get(Stage.ADMISSION_DECISION)


# The brief's other name for the same facts.
PersonFacts = CaseFacts
