"""The generator's working records: people, their dated steps, papers and sponsors, and meetings.

Ids are allocated when a record is made, so records can point at each other before anything is
written. Document numbers that depend on the order of events across branches are filled in at the
end (``DocNo``), before rows are written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class DocNo:
    """A document number to be assigned once all documents of its series are known."""

    type_code: str  # NQ, QĐ …
    issuer: str  # CB, ĐU, HU
    date: dt.date
    series: Any = None  # what numbers run within besides issuer and term (a branch, or the organisation)
    text: str = ""  # "05-NQ/CB" once assigned
    number: int = 0
    term: str = ""
    issued: bool = True  # False for a resolution of minutes still in draft: numbered when printed


@dataclass(eq=False)
class MeetingPlan:
    id: int
    uid: str
    branch_id: int
    date: dt.date
    kind: str  # core.enums.MeetingKind code
    moved_note: str = ""  # why the meeting is not on the 3rd
    held: bool = True  # date on or before today
    draft: bool = False  # the current month's minutes, not yet adopted
    decisions: list[DecisionPlan] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # personnel items for the minutes ("Lễ kết nạp …")


@dataclass(eq=False)
class DecisionPlan:
    kind: str  # core.enums.DecisionKind code
    subject: Human | None
    sponsor: Human | None = None
    title: str = ""
    text: str = ""
    docno: DocNo | None = None


@dataclass(eq=False)
class Event:
    stage: str
    date: dt.date
    doc: DocNo | str = ""
    note: str = ""
    meeting: MeetingPlan | None = None
    received: dt.date | None = None  # a decision: the day the branch received it


@dataclass(eq=False)
class Paper:
    code: str  # core.enums.DossierCode
    date: dt.date
    number: DocNo | str = ""
    note: str = ""
    status: str = "received"


@dataclass(eq=False)
class Sponsor:
    sponsor: Human
    role: str  # core.enums.SponsorRole code
    start: dt.date
    end: dt.date | None = None
    end_reason: str = ""
    together_since: dt.date | None = None
    meeting: MeetingPlan | None = None


@dataclass(eq=False)
class Human:
    """One person: the row to write plus the timeline the meetings need."""

    id: int
    uid: str
    branch_id: int
    fields: dict[str, Any]  # Person columns (names, dates, attributes)
    status: str = ""
    events: list[Event] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    sponsors: list[Sponsor] = field(default_factory=list)  # sponsorships where this person is helped
    # Membership of the branch: attends meetings from member_from until member_until (exclusive).
    member_from: dt.date | None = None
    member_until: dt.date | None = None
    voting_from: dt.date | None = None  # official (may vote, help and introduce) from this day
    unit_since: dt.date = dt.date.min  # worked or lived in the branch's unit since (set when the person is made)
    exempt_from: dt.date | None = None
    elsewhere: tuple[dt.date, dt.date] | None = None  # temporary activity in another branch
    unexcused_from: dt.date | None = None  # skipped meetings without reason from (before being struck off)
    fee: int = 0  # monthly party fee in đồng (at 2025 rates)
    fee_kind: str = "other"  # salary, pension, rural, other, student (persons.Occupation.fee)
    load: int = 0  # open assignments as helper or introducer
    stable: bool = True  # stays a full member throughout (may lead the branch)
    origin: str = ""  # a member who transferred in: where from
    destination: str = ""  # a member who transferred out: where to
    moves: list[tuple[dt.date, int, int]] = field(default_factory=list)  # (day, branch left, branch joined)
    alias: bool = False  # the same person in the branch they moved to (written once, from the first)

    @property
    def name(self) -> str:
        return self.fields["full_name"]

    @property
    def birth(self) -> dt.date:
        return self.fields["birth_date"]

    def is_member(self, day: dt.date) -> bool:
        return (self.member_from is not None and self.member_from <= day
                and (self.member_until is None or day < self.member_until))

    def is_official(self, day: dt.date) -> bool:
        return self.voting_from is not None and self.voting_from <= day and self.is_member(day)

    def is_exempt(self, day: dt.date) -> bool:
        return self.exempt_from is not None and self.exempt_from <= day

    def is_elsewhere(self, day: dt.date) -> bool:
        return self.elsewhere is not None and self.elsewhere[0] <= day < self.elsewhere[1]

    def available(self, start: dt.date, end: dt.date) -> bool:
        """Official, active in the branch and neither exempt nor away from *start* to *end*."""
        if not (self.is_official(start) and (self.member_until is None or end < self.member_until)):
            return False
        if self.exempt_from is not None and self.exempt_from <= end:
            return False
        if self.unexcused_from is not None and self.unexcused_from <= end:
            return False
        return self.elsewhere is None or self.elsewhere[1] <= start or end < self.elsewhere[0]
