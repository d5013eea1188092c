"""Members the branch already had when its records begin, and what happens to them since.

Their admission is recorded in brief (decision, ceremony, recognition, as the member's file
gives them). During the recorded years some are exempted for age, work elsewhere for a while,
move away, die, or are struck off after months of absence without reason; a few transfer in.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import DecisionKind, Stage, Status
from desktop_app.services.demo import persons, places
from desktop_app.services.demo.context import BranchCtx
from desktop_app.services.demo.dates import (
    ONE_DAY,
    add_months,
    add_working_days,
    working_day_on_or_after,
)
from desktop_app.services.demo.layout import BranchPlan
from desktop_app.services.demo.model import DecisionPlan, Event, Human, Paper

OLD_NOTE = "Ghi theo hồ sơ đảng viên"
ELSEWHERE_REASONS = ("Đi học tập trung tại Trường Chính trị tỉnh", "Đi làm việc tại tỉnh Bình Dương",
                     "Tăng cường công tác tại xã bạn", "Điều trị bệnh dài ngày tại Hà Nội")
TRANSFER_OUT_NOTES = ("Chuyển công tác", "Chuyển nơi cư trú theo gia đình", "Nghỉ hưu, chuyển về nơi cư trú")


def _issuer(occupation: str) -> str:
    """Admissions before the records: by the district committee, or in the army by its party committee."""
    return "ĐU" if occupation in ("veteran", "army") else "HU"


def add_member(ctx: BranchCtx, occupation: str, *, joined: dt.date | None = None) -> Human:
    """A member official since before *joined* (or before the records begin)."""
    rng, shared = ctx.rng, ctx.shared
    start = shared.window_start
    occ = persons.OCCUPATIONS[occupation]
    low, high = occ.ages
    birth = persons.birth_for_age(rng, shared.today, (max(low, 24), high))
    joined_at = joined or start
    # Members on record from the start were admitted years before it, so they can help candidates whose
    # steps began before the records; those who transfer in later were admitted at least a year before.
    latest_ceremony = joined_at - dt.timedelta(days=2200 if joined is None else 500)
    birth = min(birth, latest_ceremony - dt.timedelta(days=int(18.6 * 365)))
    # Admitted between 18 and 45, most often in their twenties.
    span = (latest_ceremony - birth).days / 365 - 18.2
    oldest = max(0.5, min(27.0, span))
    years_after_18 = min(span, rng.triangular(0.3, oldest, min(4.0, oldest)))
    admission = working_day_on_or_after(birth + dt.timedelta(days=int((18.1 + years_after_18) * 365)))
    ceremony = add_working_days(admission, rng.randint(5, 25))
    official = add_months(ceremony, 12)
    recognised = add_working_days(official, rng.randint(12, 45))
    pid, uid = ctx.new_person_id()
    f = persons.person_fields(rng, ctx.plan, occupation, birth, shared.today, shared.taken_ids)
    issuer = _issuer(occupation)
    f.update(admission_date=admission, ceremony_date=ceremony, official_date=official, card_number=shared.card(),
             theory_level=rng.choice(("basic", "basic", "basic", "intermediate", "")))
    person = Human(pid, uid, ctx.plan.id, f, Status.OFFICIAL, fee=persons.monthly_fee(occupation, rng),
                   fee_kind=occ.fee)
    person.events = [
        Event(Stage.ADMISSION_DECISION, admission, f"{rng.randint(12, 480)}-QĐ/{issuer}", OLD_NOTE),
        Event(Stage.CEREMONY, ceremony, "", OLD_NOTE),
        Event(Stage.RECOGNITION_DECISION, recognised, f"{rng.randint(12, 480)}-QĐ/{issuer}", OLD_NOTE),
    ]
    person.papers = [Paper("9-KNĐ", admission, person.events[0].doc), Paper("LLĐV", ceremony + 20 * ONE_DAY),
                     Paper("PĐV", ceremony + 20 * ONE_DAY)]
    # In the unit (or living in the village) since well before the records.
    since = birth + dt.timedelta(days=rng.randint(0, 10 * 365)) if occ.fee == "rural" else \
        birth + dt.timedelta(days=rng.randint(22 * 365, 30 * 365))
    person.unit_since = min(since, joined_at - dt.timedelta(days=60))
    member_from = max(ceremony, person.unit_since)
    if joined is not None:
        member_from = joined
        person.origin = rng.choice(places.OTHER_ORGANISATIONS)
        f["note"] = f"Chuyển sinh hoạt đến từ {person.origin}"
        person.events.append(Event(Stage.TRANSFERRED_IN, joined, "", "Chuyển sinh hoạt đảng chính thức đến"))
        person.unit_since = joined
    f["joined_branch_date"] = member_from
    person.member_from = member_from
    person.voting_from = recognised
    f["youth_union"] = int((shared.today - birth).days < 31 * 365)
    ctx.people.append(person)
    return person


def _leave(ctx: BranchCtx, person: Human, stage: str, day: dt.date, note: str, status: str) -> None:
    person.events.append(Event(stage, day, "", note))
    person.member_until = day
    person.status = status
    person.stable = False


def life_events(ctx: BranchCtx, person: Human, force: str = "") -> None:
    """Exemption, temporary activity elsewhere, transfer, death or striking off during the records."""
    rng, today, start = ctx.rng, ctx.today, ctx.shared.window_start
    if person.member_from is None:  # not a member of the branch: nothing happens to them here
        return
    years = ctx.shared.years
    age = (today - person.birth).days / 365
    first = max(start, person.member_from + ONE_DAY)
    if first >= today - dt.timedelta(days=150):
        return
    span = (today - first).days

    def some_day(margin: int = 0) -> dt.date:
        return first + dt.timedelta(days=rng.randint(0, max(span - margin, 1)))

    leave = force if force in ("deceased", "transferred", "struck_off", "moved") else ""
    if not force:
        if age >= 68 and rng.random() < 0.03 * years:
            leave = "deceased"
        elif age < 58 and rng.random() < 0.012 * years:
            leave = "transferred"
        elif age < 58 and rng.random() < 0.008 * years:
            leave = "moved"
        elif age < 60 and rng.random() < 0.0015 * years:
            leave = "struck_off"
    if leave == "struck_off":
        _strike_off(ctx, person, some_day(200))
        return
    until = some_day() if leave == "deceased" else working_day_on_or_after(some_day(30)) if leave else today
    if force == "exempt" or (not force and age >= 72 and rng.random() < 0.25):
        day, meeting = ctx.days.on_or_after(some_day(60))
        if meeting is not None and meeting.held and day < until:
            person.exempt_from = day
            person.events.append(Event(Stage.EXEMPTED, day, "", "Tuổi cao, sức yếu; chi bộ đồng ý miễn",
                                       meeting=meeting))
            person.status, person.stable = Status.EXEMPT, False
            meeting.decisions.append(DecisionPlan(
                DecisionKind.ORDINARY, person,
                title=f"Đồng ý miễn công tác và sinh hoạt đảng đối với đồng chí {person.name}"))
    elif force == "elsewhere" or (not force and age < 55 and rng.random() < 0.02 * years):
        away = some_day(200)
        if away < until - dt.timedelta(days=60):
            back = min(away + dt.timedelta(days=rng.randint(90, 540)), until)
            person.elsewhere = (away, back)
            person.fields["note"] = rng.choice(ELSEWHERE_REASONS)
            person.stable = False
    if leave == "deceased":
        _leave(ctx, person, Stage.DECEASED, until, "Từ trần", Status.DECEASED)
    elif leave == "transferred":
        person.destination = rng.choice(places.OTHER_ORGANISATIONS)
        _leave(ctx, person, Stage.TRANSFERRED_OUT, until, rng.choice(TRANSFER_OUT_NOTES), Status.TRANSFERRED)
    elif leave == "moved":
        _move_away(ctx, person, until)


def _move_away(ctx: BranchCtx, person: Human, day: dt.date) -> None:
    """The member goes on to another branch of the organisation (one generated later, which takes them in:
    branchgen.arrivals); here they are a member until *day*."""
    later = [plan for plan in ctx.shared.plans if plan.index > ctx.plan.index]
    if not later:
        return
    target = ctx.rng.choice(later)
    person.member_until = day
    person.stable = False
    ctx.shared.movers.setdefault(target.index, []).append((person, day, ctx.plan))


def arrive(ctx: BranchCtx, person: Human, day: dt.date, left: BranchPlan) -> Human:
    """*person*, who left the branch *left* on *day*, as a member of this branch from then: the same record
    (written once, with this branch), a second working copy for this branch's meetings."""
    person.branch_id = ctx.plan.id
    person.moves.append((day, left.id, ctx.plan.id))
    person.fields["joined_branch_date"] = day
    person.fields["note"] = f"Chuyển sinh hoạt từ {left.name}"
    here = Human(person.id, person.uid, ctx.plan.id, person.fields, person.status, events=person.events,
                 member_from=day, voting_from=person.voting_from, unit_since=day, exempt_from=person.exempt_from,
                 fee=person.fee, fee_kind=person.fee_kind, stable=False, alias=True)
    return here


def _strike_off(ctx: BranchCtx, person: Human, stopped: dt.date) -> None:
    """Months of absence without reason, the branch's proposal, then the committee's decision."""
    proposal, meeting = ctx.days.on_or_after(stopped + dt.timedelta(days=100))
    decided = add_working_days(proposal, ctx.rng.randint(10, 25))
    if meeting is None or not meeting.held or decided > ctx.today:
        return
    person.unexcused_from = stopped
    meeting.decisions.append(DecisionPlan(
        DecisionKind.ORDINARY, person,
        title=f"Đề nghị xóa tên đồng chí {person.name} trong danh sách đảng viên",
        text="Đảng viên bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng."))
    _leave(ctx, person, Stage.STRUCK_OFF, decided, "Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do",
           Status.STRUCK_OFF)
    person.events[-1].doc = ctx.shared.doc("QĐ", "ĐU", decided)


def exempt_before_records(ctx: BranchCtx, person: Human) -> None:
    """Very old members were often exempted before the records begin."""
    start = ctx.shared.window_start
    age_then = (start - person.birth).days / 365
    if age_then >= 76 and person.voting_from is not None and person.voting_from < start - dt.timedelta(days=800) \
            and ctx.rng.random() < 0.4:
        day = working_day_on_or_after(start - dt.timedelta(days=ctx.rng.randint(60, 700)))
        person.exempt_from = day
        person.events.append(Event(Stage.EXEMPTED, day, "", "Tuổi cao, sức yếu; chi bộ đồng ý miễn"))
        person.status, person.stable = Status.EXEMPT, False


def choose_leaders(ctx: BranchCtx) -> None:
    """Secretary, deputy and minute-taker: official members active throughout, not too old."""
    today = ctx.today
    fit = [p for p in ctx.people if p.stable and (today - p.birth).days < 64 * 365] \
        or [p for p in ctx.people if p.stable] or list(ctx.people)  # a club of retired members: the fittest
    fit.sort(key=lambda p: (p.fields["admission_date"], p.id))
    leaders = fit[:2]
    younger = [p for p in fit[2:] if (today - p.birth).days < 50 * 365] or fit[2:]
    if younger:
        leaders.append(ctx.rng.choice(younger))
    for person in leaders:
        person.fields["theory_level"] = "intermediate"
    if leaders:
        leaders[0].fields["position"] = leaders[0].fields["position"] or "Bí thư chi bộ"
    ctx.leaders = leaders
    holders = [p for p in fit if p not in leaders[:1]] + [p for p in ctx.people if p not in fit]
    for title in persons.POSITIONS.get(ctx.plan.jobs, []):
        holder = next((p for p in holders if not p.fields["position"] and persons.suits(title, p.fields, today)),
                      None)
        if holder is not None:
            holder.fields["position"] = title
