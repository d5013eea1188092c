"""One branch of the demo: its meetings, the members it had, those it admitted, and its candidates."""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.services.demo import fees, persons
from desktop_app.services.demo.candidates import add_candidate
from desktop_app.services.demo.context import BranchCtx, Shared
from desktop_app.services.demo.dates import VoteDays, meeting_calendar, months_back, working_day_on_or_after
from desktop_app.services.demo.layout import BranchPlan
from desktop_app.services.demo.members import add_member, arrive, choose_leaders, exempt_before_records, life_events
from desktop_app.services.demo.sessions import add_monthly_resolutions, write_meetings
from desktop_app.services.demo.writer import Sink

ADMISSION_RATE = 0.045  # new members a year, as a share of the branch
# The organisation's first branch shows one of each life event, so every screen has an example.
SHOWCASE = 6


def build_branch(shared: Shared, plan: BranchPlan, sink: Sink) -> BranchCtx:
    """Generate the branch and write its meetings (people are written later, with everyone's numbers)."""
    rng = random.Random(f"demo-{shared.seed}-{plan.code}")
    today = shared.today
    meetings = meeting_calendar(plan.id, months_back(today, shared.years * 12), today, rng,
                                lambda: shared.ids.new("meeting"))
    ctx = BranchCtx(shared, plan, rng, meetings, VoteDays(meetings))
    years = shared.years
    showcase = plan.index == 0
    admitted = max(2 if showcase else 0, round(plan.size * ADMISSION_RATE * years * rng.uniform(0.7, 1.3)))
    if plan.jobs == "retired":
        admitted = 0  # a club of retired members admits nobody
    transfers_in = round(plan.size * 0.008 * years * rng.random() * 2) + (1 if showcase else 0)
    losses = min(0.3, 0.017 * years)  # deaths and transfers over the years on record
    departures = 4 if showcase else 0  # the showcased transfer, move, death and striking off
    initial = max(7, round((plan.size - admitted - transfers_in + departures) / (1 - losses)))

    for _ in range(initial):
        add_member(ctx, persons.pick_occupation(rng, plan, candidate=False))
    choose_leaders(ctx)
    others = [p for p in ctx.people if p not in ctx.leaders]
    by_person: dict[int, str] = {}
    if showcase and len(others) >= SHOWCASE:
        by_age = sorted(others, key=lambda p: p.birth)  # oldest first
        picks = {"exempt": by_age[0], "deceased": by_age[1], "elsewhere": by_age[-1], "transferred": by_age[-2],
                 "struck_off": by_age[-3], "moved": by_age[-4]}
        by_person = {id(p): kind for kind, p in picks.items()}
    for person in others:
        if id(person) not in by_person:
            exempt_before_records(ctx, person)
        if person.exempt_from is None or id(person) in by_person:
            life_events(ctx, person, by_person.get(id(person), ""))
    start = shared.window_start
    span = (today - start).days
    for _ in range(transfers_in):
        joined = working_day_on_or_after(start + dt.timedelta(days=rng.randint(30, max(span - 60, 31))))
        add_member(ctx, persons.pick_occupation(rng, plan, candidate=False), joined=joined)
    for person, day, left in shared.movers.pop(plan.index, []):  # members who moved here from other branches
        ctx.people.append(arrive(ctx, person, day, left))

    _candidates(ctx, admitted, showcase)
    add_monthly_resolutions(ctx)
    shared.number(plan.id)
    fee_plan = fees.plan_fees(ctx)
    ctx.fees_collected = fee_plan.collected
    write_meetings(ctx, sink)
    fees.write_fees(ctx, fee_plan, sink)
    return ctx


def _candidates(ctx: BranchCtx, admitted: int, showcase: bool) -> None:
    """Admitted members spread over the records, current candidates at every stage, drop-outs and
    two who need attention (a certificate about to expire, a dossier gone stale)."""
    rng, today, days, plan = ctx.rng, ctx.today, ctx.days, ctx.plan
    held = [m for m in days.meetings if m.held]
    specs: list[tuple[dt.date, str, tuple | None]] = []
    if held:
        for k in range(admitted):
            position = (k + rng.random()) / admitted
            if showcase and k == 0:
                position *= 0.3 * admitted  # early enough to be recognised on record
            meeting = held[min(len(held) - 1, int(position * len(held)))]
            specs.append((meeting.date, "normal", (meeting.date, meeting)))
        for _ in range(round(admitted * 0.2) + (1 if showcase else 0)):
            meeting = rng.choice(held[len(held) // 3:])
            specs.append((meeting.date, "dropped", (meeting.date, meeting)))
    current = plan.candidates
    stalled = []
    if showcase or (current >= 4 and rng.random() < 0.3):
        stalled.append("stalled_certificate")
    if showcase or (current >= 5 and rng.random() < 0.3):
        stalled.append("stalled_dossier")
    normal = max(0, current - len(stalled))
    for k in range(normal):
        offset = dt.timedelta(days=int(10 + (k + rng.random()) * 610 / max(normal, 1)))
        vote = days.on_or_after(today + offset)
        specs.append((vote[0], "normal", vote))
    specs += [(today, mode, None) for mode in stalled]
    for _day, mode, towards in sorted(specs, key=lambda s: (s[0], s[1])):
        add_candidate(ctx, mode, towards)
