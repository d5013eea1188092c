"""Fill an empty database with a realistic, deterministic demo organisation (design.md §4).

``generate("commune", seed=1)`` writes a commune Party committee with its branches, members and
candidates, their dated histories, dossiers and sponsors, years of monthly meetings with
attendance, votes, helpers' reports and tasks, yearly quotas and an audit summary, in one
transaction, then rebuilds the search index. The same seed and ``today`` give the same content.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.core import clock, rules
from desktop_app.core.enums import Status
from desktop_app.core.text import fold
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.demo import layout, places, records
from desktop_app.services.demo.branchgen import build_branch
from desktop_app.services.demo.context import Ids, Shared
from desktop_app.services.demo.history import membership_rows
from desktop_app.services.demo.model import DocNo, Human
from desktop_app.services.demo.writer import COLUMNS, Sink, iso, stamp
from desktop_app.services.demo.year import write_year
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.store import bulk, search_index
from desktop_app.store.db import database
from desktop_app.store.models import Branch, Organisation, Person


@dataclass(frozen=True)
class Scale:
    branches: int
    members: int
    candidates: int
    years: int


SCALES = {
    "branch": Scale(1, 30, 6, 2),
    "commune": Scale(40, 2000, 200, 5),
    "large": Scale(300, 10_000, 1000, 10),
}


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    today: dt.date
    branches: int
    people: int
    members: int  # official, probationary and exempt members today
    candidates: int  # prospects, sympathisers and applicants today
    meetings: int
    attendance: int
    decisions: int
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)  # rows written per table

    def describe(self) -> str:
        return _("Demo data ({scale}): {branches} branches, {people} people ({members} members, {candidates} "
                 "candidates), {meetings} meetings, {attendance} attendance records.").format(
            scale=self.scale, branches=self.branches, people=self.people, members=self.members,
            candidates=self.candidates, meetings=self.meetings, attendance=self.attendance)


Progress = Callable[[float, str], None]


def _refuse_unless_empty() -> None:
    if Person.select().exists() or Branch.select().exists():
        raise ValidationError({"database": _(
            "This database already holds branches or people. Demo data can only be loaded into a new, "
            "empty database.")})


def _start_ids() -> dict[str, int]:
    return {table: (database.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0] + 1)
            for table in COLUMNS}


def generate(scale: str, seed: int = 1, today: dt.date | None = None,
             progress: Progress | None = None) -> DemoSummary:
    """Load the demo organisation at *scale* ("branch", "commune" or "large") into the open, empty database.

    Raises ValidationError (nothing written) for an unknown scale or a database that already has
    branches or people.
    """
    if scale not in SCALES:
        raise ValidationError({"scale": _("Unknown scale “{scale}”: choose branch, commune or large.").format(
            scale=scale)})
    _refuse_unless_empty()
    started = time.perf_counter()
    report = progress or (lambda fraction, message: None)
    size = SCALES[scale]
    today = today or clock.today()
    shared = Shared(seed, today, size.years, Ids(seed, _start_ids()))
    people: list[Human] = []
    with atomic():
        bulk.defer_foreign_keys(database.obj)
        sink = Sink(database)
        org_id, org_uid, org_created = _organisation(shared, sink)
        shared.org_id = org_id
        plans = layout.branch_plans(size.branches, size.members, size.candidates, random.Random(f"layout-{seed}"))
        for plan in plans:
            plan.id, plan.uid = shared.ids.new("branch")
        shared.plans = plans
        trail: list[tuple] = [("create", "organisation", org_uid, None, {"demo": scale, "seed": seed})] \
            if org_created else []
        for number, plan in enumerate(plans):
            report(0.85 * number / len(plans), _("Creating {branch}…").format(branch=plan.name))
            before = {t: sink.total(t) for t in ("meeting", "attendance", "decision", "progressnote", "actionitem",
                                                 "memberfeebasis", "feerelief", "feepayment")}
            ctx = build_branch(shared, plan, sink)
            people += [p for p in ctx.people if not p.alias]  # a member who moved here is written once
            leaders = ctx.leaders
            created = stamp(shared.window_start, 8)
            sink.add("branch", (plan.id, plan.uid, created, created, org_id, plan.code, plan.name, fold(plan.name),
                                plan.kind, int(plan.rural), leaders[0].id if leaders else None,
                                leaders[1].id if len(leaders) > 1 else None, 1, ""))
            counts = {t: sink.total(t) - n for t, n in before.items()}
            own = [p for p in ctx.people if not p.alias]
            counts.update(person=len(own), stageevent=sum(len(p.events) for p in own),
                          dossieritem=sum(len(p.papers) for p in own), sponsorship=sum(len(p.sponsors) for p in own))
            trail += [("create", table, plan.uid, None, {"demo": scale, "branch": plan.code, "rows": n})
                      for table, n in counts.items() if n]
        report(0.87, _("Writing people and their histories…"))
        shared.number()
        _write_people(shared, people, sink)
        _write_quotas(shared, plans, org_id, sink)
        _write_counters(shared, plans, org_uid, sink)
        sink.flush()
        report(0.9, _("Grading the years and recording the Party badges…"))
        year_rows = write_year(shared, sink)
        bulk.sync_ids(database.obj, COLUMNS)
        trail += [("create", table, org_uid, None, {"demo": scale, "rows": sink.counts[table]})
                  for table in ("quota", "documentcounter", *year_rows) if sink.counts[table]]
        now = clock.now()
        # One entry per table and branch counts rows rather than naming one: not tied to a row's hash.
        audit.append_bulk([(action, table, uid, before, after, now) for action, table, uid, before, after in trail],
                          tie_rows=False)
        report(0.95, _("Building the search index…"))
        search_index.rebuild()
    report(1.0, _("Demo data ready."))
    members = sum(1 for p in people if p.status in Status.MEMBERS)
    candidates = sum(1 for p in people if p.status in Status.CANDIDATES)
    return DemoSummary(scale, seed, today, len(plans), len(people), members, candidates, sink.counts["meeting"],
                       sink.counts["attendance"], sink.counts["decision"], round(time.perf_counter() - started, 2),
                       dict(sink.counts))


def _organisation(shared: Shared, sink: Sink) -> tuple[int, str, bool]:
    """The existing organisation (its header is the user's), or the demo commune committee (created: True)."""
    existing = get_organisation()
    if existing is not None:
        return existing.id, existing.uid, False
    oid, ouid = shared.ids.new("organisation")
    created = stamp(shared.window_start, 8)
    o = places.ORGANISATION
    sink.add("organisation", (oid, ouid, created, created, o["name"], o["superior_body"], o["place"],
                              o["issuer_code"], o["term"], o["is_grassroots_branch"], o["authorised_to_admit"],
                              o["superior_committee"], o["address"], o["signer"]))
    sink.flush("organisation")
    return oid, ouid, True


def _version(day: dt.date, shared: Shared) -> str:
    return rules.policy_for(day).version if day >= shared.window_start else ""


def _doc(value: DocNo | str) -> str:
    return value.text if isinstance(value, DocNo) else value


def _write_people(shared: Shared, people: list[Human], sink: Sink) -> None:
    start, ids = shared.window_start, shared.ids
    extras = records.prepare(shared, people)
    for person in people:
        f = person.fields
        dates = [e.date for e in person.events] or [start]
        created = stamp(max(min(dates), start))
        updated = stamp(max(max(dates), start))
        sink.add("person", (person.id, person.uid, created, updated, person.branch_id, f["full_name"],
                            f["name_fold"], f["sort_key"], f["gender"], iso(f["birth_date"]), f["birth_place"],
                            f["ethnicity"], f["religion"], f["cccd"], f["phone"], f["home_town"], f["residence"],
                            f["education"], f["professional_level"], f["theory_level"], f["occupation"],
                            f["workplace"], f["position"], f["youth_union"], f["trade_union"], f["categories"],
                            person.status, f["card_number"], iso(f["admission_date"]), iso(f["ceremony_date"]),
                            iso(f["official_date"]), iso(f["joined_branch_date"]), f["note"],
                            *records.person_columns(shared, extras, person)))
        event_ids: dict[int, int] = {}
        for event in person.events:
            eid, euid = ids.new("stageevent")
            event_ids[id(event)] = eid
            when = stamp(max(event.date, start))
            sink.add("stageevent", (eid, euid, when, when, person.id, event.stage, iso(event.date),
                                    _doc(event.doc), event.note, _version(event.date, shared),
                                    event.meeting.id if event.meeting is not None and event.meeting.held else None,
                                    iso(event.received)))
        for row in membership_rows(person, shared.today):
            mid, muid = ids.new("membershipevent")
            when = stamp(max(row.date, start))
            step = row.event
            doc, *papers = records.paper_columns(shared, person, row.kind, row.date, _doc(step.doc) if step else "")
            sink.add("membershipevent", (mid, muid, when, when, person.id, row.branch_id, row.kind, iso(row.date),
                                         row.other_branch_id, row.standing, row.place, doc,
                                         step.note if step else "", event_ids.get(id(step)) if step else None,
                                         *papers))
        for paper in person.papers:
            did, duid = ids.new("dossieritem")
            when = stamp(max(paper.date, start))
            sink.add("dossieritem", (did, duid, when, when, person.id, paper.code, _doc(paper.number),
                                     iso(paper.date), paper.status, paper.note))
        records.extra_rows(shared, extras, person, ids, sink)
        for s in person.sponsors:
            sid, suid = ids.new("sponsorship")
            created = stamp(max(s.start, start))
            sink.add("sponsorship", (sid, suid, created, stamp(max(s.end or s.start, start)), s.sponsor.id,
                                     person.id, s.role, iso(s.start), iso(s.end), s.end_reason, iso(s.together_since),
                                     s.meeting.id if s.meeting is not None and s.meeting.held else None,
                                     _version(s.start, shared)))


def _write_counters(shared: Shared, plans: list[layout.BranchPlan], org_uid: str, sink: Sink) -> None:
    """The last number each issuer used in the organisation's current term, so that the next resolution
    printed by the app continues the sequence (the counter keys of services.report_data.issuer)."""
    term = Organisation.get_by_id(shared.org_id).term if shared.org_id else places.ORGANISATION["term"]
    keys: dict[int | str, str] = {plan.id: f"branch:{plan.uid}" for plan in plans}
    keys["org"] = f"org:{org_uid}"
    last: dict[tuple[str, str], int] = {}
    for series, docs in shared.docs.items():
        for doc in docs:
            if doc.term == term and doc.issuer in ("CB", "ĐU") and series in keys:
                key = (keys[series], doc.type_code)
                last[key] = max(last.get(key, 0), doc.number)
    created = stamp(shared.today, 8)
    for (issuer, type_code), number in sorted(last.items()):
        cid, cuid = shared.ids.new("documentcounter")
        sink.add("documentcounter", (cid, cuid, created, created, issuer, type_code, term, number))


def _write_quotas(shared: Shared, plans: list[layout.BranchPlan], org_id: int, sink: Sink) -> None:
    """Each year's admission target per branch, and the organisation's (the sum, rounded up a little)."""
    rng = random.Random(f"quota-{shared.seed}")
    first = shared.window_start.year
    for year in range(first, shared.today.year + 1):
        created = stamp(max(dt.date(year, 1, 10), shared.window_start), 8)
        total = 0
        for plan in plans:
            target = max(0, round(plan.size * 0.045 + rng.uniform(-0.6, 0.9)))
            total += target
            qid, quid = shared.ids.new("quota")
            sink.add("quota", (qid, quid, created, created, org_id, plan.id, year, target))
        qid, quid = shared.ids.new("quota")
        sink.add("quota", (qid, quid, created, created, org_id, None, year, total + round(total * 0.05)))
