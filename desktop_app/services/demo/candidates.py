"""Candidates and new members: the person, their helpers and introducers, history, papers and votes.

The helpers are official members of the branch assigned at a meeting; they usually become the
introducers, who must have worked or lived alongside the applicant for 12 months by the vote
(Party Charter Art. 4.2). A Youth Union member under 31 may have one introducer plus the Youth
Union's resolution (4-KNĐ). A probation helper is assigned at the ceremony.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop_app.core import rules
from desktop_app.core.enums import DecisionKind, SponsorRole, Stage, Status
from desktop_app.services.demo import persons
from desktop_app.services.demo import timeline as tl
from desktop_app.services.demo.context import BranchCtx
from desktop_app.services.demo.model import DecisionPlan, DocNo, Human, Sponsor
from desktop_app.services.demo.papers import record_history

YEAR = dt.timedelta(days=365)


def _age_at(ctx: BranchCtx, occupation: str, anchor: dt.date) -> dt.date:
    """A birth date giving a plausible age on *anchor* (the vote, or today)."""
    rng = ctx.rng
    if occupation == "pupil":
        return rules.add_months(anchor, -(216 + rng.randint(1, 9))) - dt.timedelta(days=rng.randint(0, 25))
    low, high = persons.OCCUPATIONS[occupation].ages
    low, high = max(low, 19), min(high, 44)
    if high <= low:
        low, high = 25, 44
    years = rng.triangular(low, high, min(max(low + 4, 26), high))
    return anchor - dt.timedelta(days=int(years * 365.25) + rng.randint(0, 300))


def _unit_since(ctx: BranchCtx, occupation: str, birth: dt.date, first_step: dt.date) -> dt.date:
    rng = ctx.rng
    if occupation == "pupil":
        since = dt.date(birth.year + 15, 9, 5)
    elif persons.OCCUPATIONS[occupation].fee in ("salary",) or occupation in ("coop",):
        since = birth + dt.timedelta(days=rng.randint(22 * 365, 25 * 365))
    else:
        since = birth + dt.timedelta(days=rng.randint(0, 8 * 365))
    return min(since, first_step - dt.timedelta(days=rng.randint(200, 900)))


def _pick(ctx: BranchCtx, pool: list[Human], count: int, prefer: Sequence[Human] = ()) -> list[Human]:
    chosen = [p for p in prefer if p in pool][:count]
    rest = sorted((p for p in pool if p not in chosen), key=lambda p: (p.load, ctx.rng.random()))
    chosen += rest[:count - len(chosen)]
    for person in chosen:
        person.load += 1
    return chosen


def _end(day: dt.date | None, today: dt.date) -> dt.date | None:
    return day if day is not None and day <= today else None


def add_candidate(ctx: BranchCtx, mode: str, vote: tl.Step | None = None) -> Human | None:
    """A candidate whose history follows *mode*: normal (towards *vote*), dropped, stalled_certificate or
    stalled_dossier. None when the branch has nobody who could help them at the time."""
    rng, today = ctx.rng, ctx.today
    steps: dict[str, tl.Step] | None
    if mode == "normal":
        assert vote is not None, "a normal candidate is made towards a vote"
        steps = tl.normal(rng, ctx.days, vote)
    elif mode == "dropped":
        assert vote is not None, "a dropped candidate is made towards the vote they never reach"
        steps = tl.dropped(rng, ctx.days, vote, today)
        if steps is None:
            return None
    elif mode == "stalled_certificate":
        steps = tl.stalled_certificate(rng, ctx.days, today)
    else:
        steps = tl.stalled_dossier(rng, ctx.days, today)
    full = dict(steps)
    steps = tl.reached(steps, today)
    # The rules judge the introducers on the vote date: the real one, or the one the dossier aims at.
    vote_day = full[Stage.BRANCH_RESOLUTION][0] if Stage.BRANCH_RESOLUTION in full else \
        full.get(Stage.OPINIONS, (today, None))[0] + dt.timedelta(days=10)
    occupation = persons.pick_occupation(rng, ctx.plan, candidate=True)
    birth = _age_at(ctx, occupation, vote_day if mode != "stalled_certificate" else today)
    first = steps[Stage.SOURCE][0]
    # Introducers need 12 months alongside the applicant when they introduce (weeks before the vote).
    introduce_by = rules.add_months(vote_day, -14)
    unit_since = _unit_since(ctx, occupation, birth, min(first, introduce_by))

    helper_day = steps.get(Stage.HELPER_ASSIGNED, (None, None))[0]
    ceremony = steps.get(Stage.CEREMONY, (None, None))[0]
    drop = steps.get(tl.DROP, (None, None))[0]
    helpers: list[Human] = []
    if helper_day is not None:
        until = ceremony or drop or today
        pool = ctx.officials(helper_day, until)
        ready = [p for p in pool if max(p.unit_since, unit_since) <= introduce_by]
        helpers = _pick(ctx, ready or pool, 2 if rng.random() < 0.6 else 1)
        if not helpers:
            return None

    pid, uid = ctx.new_person_id()
    fields = persons.person_fields(rng, ctx.plan, occupation, birth, today, ctx.shared.taken_ids)
    young_on = steps.get(Stage.INTRODUCTIONS, (today, None))[0]
    fields["youth_union"] = int(rules.youth_age(birth, young_on) and rng.random() < 0.97)
    person = Human(pid, uid, ctx.plan.id, fields, unit_since=unit_since,
                   fee=persons.monthly_fee(occupation, rng), fee_kind=persons.OCCUPATIONS[occupation].fee)

    introducers: list[Human] = []
    union = ""
    if Stage.INTRODUCTIONS in steps:
        day = steps[Stage.INTRODUCTIONS][0]
        until = steps.get(Stage.ADMISSION_DECISION, (today, None))[0]
        pool = [p for p in ctx.officials(day, min(until, today))
                if rules.introducer_eligible(True, max(p.unit_since, unit_since), day)]
        if fields["youth_union"] and rng.random() < 0.4:
            union = "4-KNĐ"
        elif fields["trade_union"] and ctx.plan.kind in ("agency", "enterprise") and rng.random() < 0.3:
            union = "4A-KNĐ"
        introducers = _pick(ctx, pool, 1 if union else 2, prefer=helpers)
        if len(introducers) == 1 and not union and fields["youth_union"]:
            union = "4-KNĐ"
        if not introducers or (len(introducers) < 2 and not union):
            return None  # nobody in the branch could introduce them yet
    probation_helper = None
    if ceremony is not None:
        end = steps.get(Stage.RECOGNITION_DECISION, (today, None))[0]
        pool = ctx.officials(ceremony, min(end, today))
        chosen = _pick(ctx, pool, 1, prefer=introducers[:1])
        if not chosen:
            return None
        probation_helper = chosen[0]

    _sponsorships(ctx, person, steps, helpers, introducers, probation_helper, unit_since)
    record_history(ctx, person, steps, introducers, union)
    _decisions(person, steps, helpers, probation_helper)
    _membership(ctx, person, steps)
    ctx.people.append(person)
    return person


def _sponsorships(ctx: BranchCtx, person: Human, steps: dict, helpers: list[Human], introducers: list[Human],
                  probation_helper: Human | None, unit_since: dt.date) -> None:
    today = ctx.today
    ceremony = steps.get(Stage.CEREMONY, (None, None))[0]
    drop = steps.get(tl.DROP, (None, None))[0]
    if helpers:
        day, meeting = steps[Stage.HELPER_ASSIGNED]
        end = _end(ceremony or drop, today)
        reason = "Đã được kết nạp vào Đảng" if ceremony else ("Đưa ra khỏi danh sách cảm tình Đảng" if drop else "")
        person.sponsors += [Sponsor(h, SponsorRole.HELPER, day, end, reason if end else "", None, meeting)
                            for h in helpers]
    if introducers:
        day = steps[Stage.INTRODUCTIONS][0]
        decision = steps.get(Stage.ADMISSION_DECISION, (None, None))[0]
        end = _end(decision or drop, today)
        reason = "Đã có quyết định kết nạp" if decision else ("Đưa ra khỏi danh sách cảm tình Đảng" if drop else "")
        person.sponsors += [Sponsor(i, SponsorRole.INTRODUCER, day, end, reason if end else "",
                                    max(i.unit_since, unit_since)) for i in introducers]
    if probation_helper is not None:
        day, meeting = steps[Stage.CEREMONY]
        end = _end(steps.get(Stage.RECOGNITION_DECISION, (None, None))[0], today)
        person.sponsors.append(Sponsor(probation_helper, SponsorRole.PROBATION_HELPER, day, end,
                                       "Đã được công nhận đảng viên chính thức" if end else "", None, meeting))


def _decisions(person: Human, steps: dict, helpers: list[Human], probation_helper: Human | None) -> None:
    """The votes the branch took about the person, at meetings on record."""
    name = person.name

    def at(stage: str, plan: DecisionPlan) -> None:
        meeting = steps.get(stage, (None, None))[1]
        if meeting is not None and meeting.held:
            meeting.decisions.append(plan)

    at(Stage.SYMPATHISER_LIST, DecisionPlan(DecisionKind.SYMPATHISER_ADD, person,
                                            title=f"Đưa quần chúng {name} vào danh sách cảm tình Đảng"))
    for helper in helpers:
        at(Stage.HELPER_ASSIGNED, DecisionPlan(DecisionKind.HELPER_ASSIGNMENT, person, helper,
                                               title=f"Phân công đồng chí {helper.name} giúp đỡ quần chúng {name}"))
    vote_doc = _event_doc(person, Stage.BRANCH_RESOLUTION)
    at(Stage.BRANCH_RESOLUTION, DecisionPlan(DecisionKind.ADMISSION, person,
                                             title=f"Đề nghị kết nạp quần chúng {name} vào Đảng", docno=vote_doc))
    if probation_helper is not None:
        at(Stage.CEREMONY, DecisionPlan(DecisionKind.HELPER_ASSIGNMENT, person, probation_helper,
                                        title=f"Phân công đồng chí {probation_helper.name} giúp đỡ đảng viên "
                                              f"dự bị {name}"))
    at(Stage.RECOGNITION_RESOLUTION, DecisionPlan(
        DecisionKind.RECOGNITION, person, title=f"Đề nghị công nhận đảng viên {name} là đảng viên chính thức",
        docno=_event_doc(person, Stage.RECOGNITION_RESOLUTION)))
    at(tl.DROP, DecisionPlan(DecisionKind.SYMPATHISER_REMOVE, person,
                             title=f"Đưa quần chúng {name} ra khỏi danh sách cảm tình Đảng"))
    ceremony = steps.get(Stage.CEREMONY, (None, None))[1]
    if ceremony is not None and ceremony.held:
        ceremony.events.append(f"Tổ chức Lễ kết nạp đảng viên mới cho quần chúng {name}.")


def _event_doc(person: Human, stage: str) -> DocNo | None:
    for event in person.events:
        if event.stage == stage and isinstance(event.doc, DocNo):
            return event.doc
    return None


def _membership(ctx: BranchCtx, person: Human, steps: dict) -> None:
    f = person.fields
    if tl.DROP in steps:
        person.status = Status.DROPPED
    else:
        last = max((s for s in steps if s in Stage.PIPELINE), key=Stage.PIPELINE.index)
        person.status = Stage.STATUS_AFTER[last] or person.status
    if Stage.ADMISSION_DECISION in steps:
        f["admission_date"] = steps[Stage.ADMISSION_DECISION][0]
    if Stage.CEREMONY in steps:
        ceremony = steps[Stage.CEREMONY][0]
        f["ceremony_date"] = f["joined_branch_date"] = ceremony
        person.member_from = ceremony
    if Stage.RECOGNITION_DECISION in steps:
        person.voting_from = steps[Stage.RECOGNITION_DECISION][0]
        f["official_date"] = steps[tl.PROBATION_END][0]
        f["card_number"] = ctx.shared.card()
        f["theory_level"] = "basic" if ctx.rng.random() < 0.5 else ""
    person.stable = False
