"""What happened at each meeting: times and place, attendance, votes, helpers' reports, tasks, minutes.

Attendance lists every member of the branch at the time; votes are counted on the denominator the
rules give (official members less those elsewhere, exempt and absent, or absent with a reason the
convener accepted — Regulation 294-QĐ/TW point 9.3.2; an absence with a reason not accepted still
counts), so every recorded admission and recognition carries two thirds of it.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core import rules
from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import DecisionKind, MeetingKind, SponsorRole, Status
from desktop_app.services.demo import texts
from desktop_app.services.demo.context import BranchCtx
from desktop_app.services.demo.model import DecisionPlan, Human, MeetingPlan
from desktop_app.services.demo.writer import Sink, iso, stamp

TWO_THIRDS = (DecisionKind.ADMISSION, DecisionKind.RECOGNITION)


def _times(ctx: BranchCtx, meeting: MeetingPlan) -> tuple[str, str]:
    rng = ctx.rng
    weekend = meeting.date.weekday() >= 5
    if ctx.plan.evening and not weekend:
        start = rng.choice((19 * 60 + 30, 19 * 60 + 30, 20 * 60))
    elif weekend or meeting.kind == MeetingKind.COMBINED:
        start = rng.choice((7 * 60 + 30, 8 * 60, 8 * 60))
    else:
        start = rng.choice((14 * 60, 14 * 60, 15 * 60 + 30))
    low, high = {MeetingKind.COMBINED: (125, 180), MeetingKind.EXTRAORDINARY: (60, 95)}.get(meeting.kind, (95, 150))
    end = start + rng.randint(low // 5, high // 5) * 5
    return f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}"


def _member_status(person: Human, day: dt.date) -> str:
    if person.is_exempt(day):
        return Status.EXEMPT
    return Status.OFFICIAL if person.voting_from and person.voting_from <= day else Status.PROBATIONARY


def _accepted(rng, reason: str) -> bool:
    """Whether the convener accepts the reason of an absence: nearly always, a family matter not always."""
    return rng.random() < (0.5 if reason == "Việc gia đình" else 0.92)


def _attendance(ctx: BranchCtx, meeting: MeetingPlan, members: list[Human], must_attend: set[int]) -> list[list]:
    """[person, status, reason, member status, reason accepted] for every member."""
    rng, day = ctx.rng, meeting.date
    rows = []
    for person in members:
        member_status = _member_status(person, day)
        if member_status == Status.EXEMPT:
            rows.append([person, A.EXEMPT, "Miễn công tác và sinh hoạt đảng", member_status, False])
        elif person.is_elsewhere(day):
            rows.append([person, A.ELSEWHERE, person.fields["note"] or "Sinh hoạt tạm thời nơi khác", member_status,
                         False])
        elif person.unexcused_from is not None and person.unexcused_from <= day:
            rows.append([person, A.UNEXCUSED, "", member_status, False])
        elif person.id in must_attend:
            rows.append([person, A.PRESENT, "", member_status, False])
        else:
            # Most branches keep attendance above 85 %; the old miss more often, for their health.
            roll = rng.random()
            excused = 0.07 if (day - person.birth).days > 70 * 365 else 0.035
            if roll < excused:
                reason = texts.ABSENCE_REASONS.pick(rng)
                rows.append([person, A.EXCUSED, reason, member_status, _accepted(rng, reason)])
            elif roll < excused + 0.004:
                rows.append([person, A.UNEXCUSED, "", member_status, False])
            else:
                rows.append([person, A.PRESENT, "", member_status, False])
    return rows


def _counts(rows: list[list]) -> tuple[int, int, int]:
    """(official members incl. exempt, denominator, official members present = voters)."""
    official = [r for r in rows if r[3] in (Status.OFFICIAL, Status.EXEMPT)]
    counted = [r for r in official if r[1] in (A.PRESENT, A.UNEXCUSED) or (r[1] == A.EXCUSED and not r[4])]
    voters = sum(1 for r in official if r[1] == A.PRESENT)
    return len(official), len(counted), voters


def _votes(ctx: BranchCtx, plan: DecisionPlan, rows: list[list], day: dt.date) -> tuple[int, int, int, int]:
    """(yes, no, abstain, denominator): two thirds or more than half of the denominator in favour."""
    rng = ctx.rng
    official, denominator, voters = _counts(rows)
    kind = "admission" if plan.kind in TWO_THIRDS else "ordinary"
    no = 1 if voters >= 8 and rng.random() < 0.08 else 0
    abstain = 1 if voters >= 8 and rng.random() < 0.05 else 0
    yes = voters - no - abstain
    if not rules.vote_passes(yes, official, official - denominator, kind, on=day):
        yes, no, abstain = voters, 0, 0
    return yes, no, abstain, denominator


def _secure_quorum(rows: list[list], day: dt.date) -> None:
    """Members absent without reason count against a vote; at a meeting that votes on admission or
    recognition the branch made sure they came."""
    official, denominator, voters = _counts(rows)
    for row in rows:
        if rules.vote_passes(voters, official, official - denominator, "admission", on=day):
            return
        absent = row[1] == A.UNEXCUSED or (row[1] == A.EXCUSED and not row[4])
        if absent and row[3] == Status.OFFICIAL and row[0].unexcused_from is None:
            row[1], row[2], row[4] = A.PRESENT, "", False
            official, denominator, voters = _counts(rows)


def add_monthly_resolutions(ctx: BranchCtx) -> None:
    """Each regular meeting adopts the month's resolution, numbered with the branch's other resolutions."""
    for meeting in ctx.meetings:
        if meeting.held and meeting.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED):
            day = meeting.date
            meeting.decisions.append(DecisionPlan(
                DecisionKind.ORDINARY, None, title=f"Nghị quyết chi bộ tháng {day.month}/{day.year}",
                docno=ctx.shared.doc("NQ", "CB", day, series=ctx.plan.id, issued=not meeting.draft)))


def write_meetings(ctx: BranchCtx, sink: Sink) -> None:
    """Write the branch's meetings with everything recorded at them (call after numbering its resolutions)."""
    plan, rng, today = ctx.plan, ctx.rng, ctx.today
    unit = texts.unit_name(plan.jobs, plan.residence)
    leaders = ctx.leaders
    held = [m for m in ctx.meetings if m.held]
    regular_held = [m for m in held if m.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED)]
    next_regular = {m.id: n for m, n in zip(regular_held, regular_held[1:], strict=False)}
    carried: list[tuple] = []  # tasks carried into the next regular meeting: (text, responsible, due, from task)
    for meeting in ctx.meetings:
        day = meeting.date
        created = stamp(day)
        start, end = _times(ctx, meeting)
        theme = texts.theme(rng, plan.kind, unit, day) \
            if meeting.kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED) else ""
        if not meeting.held:  # the current month's meeting, prepared but not yet held
            sink.add("meeting", (meeting.id, meeting.uid, stamp(today), stamp(today), plan.id, iso(day),
                                 meeting.kind, plan.place, start, end, leaders[0].id, leaders[-1].id,
                                 theme, 0, "", "", "", "", "", "draft", None, ""))
            continue
        members = [p for p in ctx.people if p.is_member(day)]
        subjects = {d.subject.id for d in meeting.decisions if d.subject is not None}
        chair = leaders[0]
        if len(leaders) > 1 and rng.random() < 0.04:
            chair = leaders[1]  # the secretary is away; the deputy chairs
        recorder = next((p for p in leaders[2:] + leaders[1:] if p is not chair), chair)
        rows = _attendance(ctx, meeting, members, {chair.id, recorder.id} | subjects)
        if chair is not leaders[0]:
            for row in rows:
                if row[0] is leaders[0] and row[1] == A.PRESENT:
                    row[1], row[2], row[4] = A.EXCUSED, "Đi công tác", True
        decisions = meeting.decisions
        if any(d.kind in TWO_THIRDS for d in decisions):
            _secure_quorum(rows, day)
        ids, uids = ctx.shared.ids.block("attendance", len(rows))
        sink.extend("attendance", [(aid, auid, created, created, meeting.id, row[0].id, row[1], row[2], row[3],
                                    int(row[4])) for aid, auid, row in zip(ids, uids, rows, strict=True)])
        present = [r[0] for r in rows if r[1] == A.PRESENT]
        version = rules.policy_for(day).version
        monthly_yes = None
        for decision in decisions:
            yes, no, abstain, denominator = _votes(ctx, decision, rows, day)
            if decision.kind == DecisionKind.ORDINARY and decision.subject is None:
                monthly_yes = yes
            did, duid = ctx.shared.ids.new("decision")
            sink.add("decision", (did, duid, created, created, meeting.id, decision.kind,
                                  decision.subject.id if decision.subject else None,
                                  decision.sponsor.id if decision.sponsor else None, decision.title, decision.text,
                                  yes, no, abstain, denominator, 1, version,
                                  decision.docno.text if decision.docno else ""))
            if decision.docno is not None and decision.docno.text:  # the register of issued documents
                doc = decision.docno
                rid, ruid = ctx.shared.ids.new("issueddocument")
                sink.add("issueddocument", (rid, ruid, created, created, "resolution", f"branch:{plan.uid}",
                                            doc.type_code, doc.term, doc.number, doc.text, iso(day), plan.id, did,
                                            duid, decision.subject.name if decision.subject else "",
                                            decision.title, "vi", 1, None))
        _progress_notes(ctx, sink, meeting, present)
        carried = _action_items(ctx, sink, meeting, present, carried, next_regular.get(meeting.id))
        voters = _counts(rows)[2]
        floor = [p for p in present if p is not chair and p is not recorder] or present
        speakers = [p.name for p in rng.sample(floor, k=min(3, len(floor)))]
        extra = list(meeting.events)
        if theme:
            extra.insert(0, f"Đồng chí {speakers.pop()} trình bày chuyên đề “{theme}”.")
        if meeting.kind == MeetingKind.THEMATIC:
            sections = ("", "", "", texts.discussion(rng, plan.kind, speakers, extra),
                        f"Đồng chí {chair.name} kết luận chuyên đề, đề nghị mỗi đảng viên đăng ký nội dung "
                        f"làm theo và thực hiện nghiêm túc.")
        else:
            evaluation = texts.evaluation(rng, plan.kind, plan.jobs, unit, day)
            if meeting.moved_note:
                evaluation = f"{meeting.moved_note}\n{evaluation}"
            conclusion = f"Đồng chí {chair.name} kết luận, giao nhiệm vụ tháng tới."
            if monthly_yes is not None:
                conclusion += (f" Nghị quyết tháng được biểu quyết thông qua với {monthly_yes}/{voters} "
                               f"đồng chí đảng viên chính thức có mặt tán thành.")
            sections = (evaluation, texts.current_affairs(rng, day), texts.next_tasks(rng, plan.kind, day),
                        texts.discussion(rng, plan.kind, speakers, extra), conclusion)
        # Adopted minutes state the fees received at the meeting (the month's ledger total; demo/fees.py)
        fees = 0 if meeting.draft else ctx.fees_collected.get(meeting.id, 0)
        status, adopted = ("draft", None) if meeting.draft else ("adopted", iso(day))
        sink.add("meeting", (meeting.id, meeting.uid, created, created, plan.id, iso(day), meeting.kind,
                             plan.place, start, end, chair.id, recorder.id, theme, fees, *sections, status,
                             adopted, ""))


def _progress_notes(ctx: BranchCtx, sink: Sink, meeting: MeetingPlan, present: list[Human]) -> None:
    """Each quarter, and at the vote, the helper reports on the person helped (at regular meetings)."""
    if meeting.kind not in (MeetingKind.REGULAR, MeetingKind.COMBINED):
        return
    rng, day = ctx.rng, meeting.date
    voted = {d.subject.id for d in meeting.decisions if d.kind in TWO_THIRDS and d.subject is not None}
    for person in ctx.people:
        for sponsor in person.sponsors:
            if sponsor.role == SponsorRole.INTRODUCER or sponsor.start >= day:
                continue
            if sponsor.end is not None and sponsor.end < day:
                continue
            months = rules.complete_months(sponsor.start, day)
            if not (person.id in voted or (months % 3 == 0 and months > 0)):
                continue
            if sponsor.sponsor not in present:
                continue
            if any(s.role == sponsor.role and s.sponsor is not sponsor.sponsor and s.start == sponsor.start
                   and s.sponsor.id < sponsor.sponsor.id for s in person.sponsors):
                continue  # of two helpers, one reports
            if sponsor.role == SponsorRole.PROBATION_HELPER:
                advice = "Đề nghị chi bộ xét công nhận đảng viên chính thức." if months >= 11 else \
                    "Tiếp tục rèn luyện, phấn đấu trong thời gian dự bị."
            elif person.id in voted:
                advice = "Đủ điều kiện, đề nghị chi bộ xem xét kết nạp."
            elif any(p.code == "CN-NTVĐ" and p.date <= day for p in person.papers):
                advice = "Đề nghị chi bộ hướng dẫn hoàn thiện hồ sơ xin vào Đảng."
            else:
                advice = "Tiếp tục bồi dưỡng; đề nghị cử đi học lớp bồi dưỡng nhận thức về Đảng."
            nid, nuid = ctx.shared.ids.new("progressnote")
            sink.add("progressnote", (nid, nuid, stamp(day), stamp(day), person.id, sponsor.sponsor.id, meeting.id,
                                      iso(day), " ".join(rng.sample(texts.STRENGTHS, 2)),
                                      rng.choice(texts.WEAKNESSES), advice))


def _action_items(ctx: BranchCtx, sink: Sink, meeting: MeetingPlan, present: list[Human], carried: list[tuple],
                  following: MeetingPlan | None) -> list[tuple]:
    """Tasks set at a regular meeting; those still open are carried into the next one."""
    if meeting.kind not in (MeetingKind.REGULAR, MeetingKind.COMBINED):
        return carried
    rng, day, today = ctx.rng, meeting.date, ctx.today
    doers = [p for p in present if p.voting_from and p.voting_from <= day] or present
    due = (following.date if following else day + dt.timedelta(days=30)) - dt.timedelta(days=rng.randint(1, 5))
    tasks = list(carried) + [(rng.choice(texts.ACTIONS).format(m=day.month % 12 + 1), rng.choice(doers).id, due,
                              None) for _ in range(rng.randint(1, 3))]
    still_open = []
    for text, responsible, task_due, carried_from in tasks:
        done_on = carried_to = None
        tid, tuid = ctx.shared.ids.new("actionitem")
        if following is not None and rng.random() < 0.82:
            done_on = min(day + dt.timedelta(days=rng.randint(3, 25)), following.date, today)
        elif following is not None:
            carried_to = following.id
            still_open.append((text, responsible, task_due, tid))  # carried with its first due date
        sink.add("actionitem", (tid, tuid, stamp(day), stamp(day), meeting.id, text, responsible, iso(task_due),
                                int(done_on is not None), iso(done_on), carried_to, carried_from))
    return still_open
