"""Shared state of one generation run: random streams, id allocation, and per-branch working sets.

Two random streams: one decides the data, the other makes the UUIDs, so that the data does not
shift when the number of records changes and the same seed always gives the same file content.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from desktop_app.services.demo.dates import VoteDays, term_of
from desktop_app.services.demo.layout import BranchPlan
from desktop_app.services.demo.model import DocNo, Human, MeetingPlan

_VERSION_CLEAR = ~(0xF << 76) & ~(0x3 << 62)
_VERSION_SET = (0x4 << 76) | (0x2 << 62)


class Ids:
    """Integer ids per table (continuing after existing rows) and UUID4 text from a seeded stream."""

    def __init__(self, seed: int, start: dict[str, int]):
        self._uids = random.Random(f"uid-{seed}")
        self._next = dict(start)

    def uid(self) -> str:
        h = f"{(self._uids.getrandbits(128) & _VERSION_CLEAR) | _VERSION_SET:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def new(self, table: str) -> tuple[int, str]:
        value = self._next.get(table, 1)
        self._next[table] = value + 1
        return value, self.uid()

    def block(self, table: str, count: int) -> tuple[range, list[str]]:
        """*count* consecutive ids and as many UUIDs, for a batch of rows."""
        first = self._next.get(table, 1)
        self._next[table] = first + count
        return range(first, first + count), [self.uid() for _ in range(count)]


@dataclass
class Shared:
    """What all branches share."""

    seed: int
    today: dt.date
    years: int
    ids: Ids
    taken_ids: set[str] = field(default_factory=set)  # citizen IDs in use
    card_serial: int = 12000  # next party card number
    org_id: int = 0
    docs: dict[object, list[DocNo]] = field(default_factory=dict)  # by series, numbered in date order
    plans: list[BranchPlan] = field(default_factory=list)  # every branch of the organisation
    movers: dict[int, list] = field(default_factory=dict)  # branch index → [(member, day, branch left)]
    fee_bases: dict[int, list] = field(default_factory=dict)  # person → fee bases, kept by the first branch

    @property
    def window_start(self) -> dt.date:
        """The first day of the recorded meetings."""
        index = self.today.year * 12 + self.today.month - 1 - (self.years * 12 - 1)
        year, month = divmod(index, 12)
        return dt.date(year, month + 1, 1)

    def number(self, series: object | None = None) -> None:
        """Give the documents of *series* (all when None) their numbers: from 01 within each issuer, type and
        term, in date order (Hướng dẫn 36-HD/VPTW)."""
        counters: dict[tuple, int] = {}
        docs = self.docs.get(series, []) if series is not None else [d for ds in self.docs.values() for d in ds]
        for doc in sorted(docs, key=lambda d: d.date):  # stable: same-day documents keep their order
            if doc.text or not doc.issued:
                continue
            doc.term = term_of(doc.date)
            key = (doc.series, doc.issuer, doc.type_code, doc.term)
            counters[key] = doc.number = n = counters.get(key, 0) + 1
            if doc.issuer == "HU":  # the district committee numbered the decisions of all its communes
                n = 100 + 4 * n + (n * 7) % 4
            doc.text = f"{n:02d}-{doc.type_code}/{doc.issuer}"

    def card(self) -> str:
        self.card_serial += 1
        return f"11.{self.card_serial:06d}"

    def doc(self, type_code: str, issuer: str, day: dt.date, series: object = "org", issued: bool = True) -> DocNo:
        """A document whose number runs within (series, issuer, type, term): the organisation's
        committee, or one branch (series = branch id)."""
        doc = DocNo(type_code, issuer, day, series=series, issued=issued)
        self.docs.setdefault(series, []).append(doc)
        return doc


@dataclass
class BranchCtx:
    """One branch being generated."""

    shared: Shared
    plan: BranchPlan
    rng: random.Random
    meetings: list[MeetingPlan]
    days: VoteDays
    people: list[Human] = field(default_factory=list)
    leaders: list[Human] = field(default_factory=list)  # secretary, deputy, minute-taker
    fees_collected: dict[int, int] = field(default_factory=dict)  # meeting id → Party fees received at it

    @property
    def today(self) -> dt.date:
        return self.shared.today

    def new_person_id(self) -> tuple[int, str]:
        return self.shared.ids.new("person")

    def officials(self, start: dt.date, end: dt.date) -> list[Human]:
        return [p for p in self.people if p.available(start, end)]
