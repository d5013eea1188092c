"""The Party year of the demo organisation: a grading round for every year the demo covers, with the members'
self-assessments, the branches' proposals and votes and the committee's decisions, the committee's grades of the
branches, a few members disciplined, a correction, and the Party badges awarded in the past.

It runs once the people and their membership histories are written (in the same transaction), and reads them
through the services as the app would: who is a member of which branch on the grading date, who the rules grade.
The grades are realistic — about nine in ten "completed tasks well" or better — and obey the rules: no branch
has more "excellent" than 20 % of its "good", a member disciplined in the year did not complete tasks. The year in
progress has its round opened from November, nothing graded yet."""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.core import rules
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import DisciplineKind, Grade
from desktop_app.services.demo.context import Shared
from desktop_app.services.demo.dates import working_day_on_or_after, working_day_on_or_before
from desktop_app.services.demo.writer import Sink, iso, stamp
from desktop_app.services.people import membership
from desktop_app.store.models import Branch, Person

E, G, C, F = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED
BETTER = {G: E, C: G, F: C, E: E}
SELF_TEXTS = (
    "Giữ vững phẩm chất chính trị, đạo đức, lối sống; hoàn thành các nhiệm vụ được giao.",
    "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tham gia đầy đủ sinh hoạt chi bộ.",
    "Hoàn thành tốt nhiệm vụ chuyên môn; còn hạn chế trong việc nghiên cứu nghị quyết.",
    "Gương mẫu trong công tác ở khu dân cư; tích cực vận động nhân dân thực hiện các phong trào.",
    "Thực hiện tốt nhiệm vụ được phân công; cần chủ động hơn trong phát biểu xây dựng chi bộ.",
)
DISCIPLINE_REASONS = (
    "Vi phạm quy định về sinh hoạt đảng, bỏ sinh hoạt chi bộ nhiều lần không có lý do.",
    "Vi phạm quy định về những điều đảng viên không được làm (tham gia đánh bạc).",
    "Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao, để xảy ra sai phạm trong quản lý đất đai.",
    "Vi phạm quy định về kê khai tài sản, thu nhập.",
)
CORRECTION_REASON = "Bổ sung thành tích được cấp trên khen thưởng trong năm, chi bộ đề nghị xem xét lại."


class _Writer:
    def __init__(self, shared: Shared, sink: Sink):
        self.shared, self.sink = shared, sink
        self.counts: dict[str, int] = {}

    def add(self, table: str, day: dt.date, *values) -> int:
        rid, uid = self.shared.ids.new(table)
        when = stamp(max(day, self.shared.window_start))
        self.sink.add(table, (rid, uid, when, when, *values))
        self.counts[table] = self.counts.get(table, 0) + 1
        return rid


def _grades(rng: random.Random, count: int) -> list[str]:
    """*count* grades of one branch: a few "completed", "excellent" up to a sixth of the rest (so at most 20 % of
    the "good"), the rest "good"."""
    completed = sum(1 for _ in range(count) if rng.random() < 0.085)
    failed = sum(1 for _ in range(count) if rng.random() < 0.006)
    rest = max(count - completed - failed, 0)
    excellent = min(round(rest * rng.uniform(0.09, 0.17)), rest // 6)
    grades = [E] * excellent + [G] * (rest - excellent) + [C] * completed + [F] * failed
    grades = grades[:count]
    rng.shuffle(grades)
    return grades


def _branch_grades(rng: random.Random, count: int) -> list[str]:
    completed = sum(1 for _ in range(count) if rng.random() < 0.12)
    failed = sum(1 for _ in range(count) if rng.random() < 0.02)
    rest = max(count - completed - failed, 0)
    excellent = min(round(rest * 0.15), rest // 6)
    grades = ([E] * excellent + [G] * (rest - excellent) + [C] * completed + [F] * failed)[:count]
    rng.shuffle(grades)
    return grades


def _days(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _disciplines(w: _Writer, rng: random.Random, year: int, members: dict[int, list], names: dict[int, str],
                 numbers: dict[int, int]) -> dict[int, tuple[dt.date, str]]:
    """About one official member in 180 disciplined by the branch during *year*."""
    chosen: dict[int, tuple[dt.date, str]] = {}
    start = dt.date(year, 1, 1)
    for bid, group in members.items():
        for m in group:
            if m.standing != Status.OFFICIAL or m.exempt or rng.random() >= 1 / 180:
                continue
            day = working_day_on_or_before(_days(rng, dt.date(year, 2, 15), dt.date(year, 11, 30)))
            if not membership.place(m.person_id, day).is_official or day < start:
                continue
            kind = DisciplineKind.REPRIMAND if rng.random() < 0.8 else DisciplineKind.WARNING
            numbers[bid] = numbers.get(bid, 0) + 1
            w.add("disciplinerecord", day, m.person_id, kind, iso(day), f"{numbers[bid]:02d}-QĐ/CB", "branch",
                  names.get(bid, ""), rng.choice(DISCIPLINE_REASONS), 0, "", None)
            chosen[m.person_id] = (day, kind)
    return chosen


def _grade_year(w: _Writer, rng: random.Random, year: int, org_id: int, numbers: dict[int, int],
                correct: bool) -> None:
    today = w.shared.today
    grading_date = dt.date(year, 12, 15)
    opened = dt.date(year, 11, 20)
    round_id = w.add("gradinground", opened, org_id, year, iso(grading_date), iso(opened), "")
    decided_on = working_day_on_or_after(dt.date(year + 1, 1, rng.randint(8, 20)))
    decided_on = min(decided_on, today - dt.timedelta(days=1))
    members = membership.members_by_branch(grading_date)
    names = dict(Branch.select(Branch.id, Branch.name).tuples())
    ids = [m.person_id for group in members.values() for m in group]
    admitted = dict(Person.select(Person.id, Person.admission_date).where(Person.id.in_(ids or [0])).tuples())
    disciplined = _disciplines(w, rng, year, members, names, numbers)
    policy = rules.policy_for(grading_date)
    branch_order = sorted(members)
    branch_levels = _branch_grades(rng, len(branch_order))
    rows: list[list] = []  # the year's member grades, written once the correction is chosen
    for bid, level in zip(branch_order, branch_levels, strict=True):
        group = sorted(members[bid], key=lambda m: m.person_id)
        meeting = working_day_on_or_before(dt.date(year, 12, rng.randint(17, 28)))
        meeting = min(meeting, decided_on)
        voters = max(sum(1 for m in group if m.standing == Status.OFFICIAL and not m.exempt and not m.away)
                     - rng.choice((0, 0, 1, 1, 2)), 1)
        graded = []
        for m in group:
            facts = rules.GradingFacts(m.status, admitted.get(m.person_id),
                                       disciplines=(disciplined[m.person_id],) if m.person_id in disciplined else ())
            if rules.grading_eligibility(facts, grading_date, policy=policy).graded:
                graded.append(m)
        finals = _grades(rng, len(graded))
        for m, final in zip(graded, finals, strict=True):
            if m.person_id in disciplined:
                final = F
            proposed = final
            if final == G and rng.random() < 0.015:
                proposed = E  # the committee lowered the branch's proposal
            own = BETTER[final] if rng.random() < 0.22 else final
            self_on = working_day_on_or_before(meeting - dt.timedelta(days=rng.randint(3, 9)))
            yes = voters - (1 if rng.random() < 0.08 else 0)
            sick = rng.choice((3, 4, 5)) if rng.random() < 0.012 else 0
            rows.append([round_id, m.person_id, bid, own, rng.choice(SELF_TEXTS), iso(self_on), proposed, yes, voters,
                         iso(meeting), final, iso(decided_on), 0, sick, 0, "", ""])
        w.add("branchgrading", decided_on, round_id, bid, iso(meeting), voters, 0,
              BETTER[level] if rng.random() < 0.3 else level, level, iso(decided_on))
    # One grade corrected after the decision: "completed" raised to "good" (not a disciplined member's).
    fixable = [n for n, row in enumerate(rows) if correct and row[10] == C and row[1] not in disciplined]
    fixed = fixable[rng.randrange(len(fixable))] if fixable else None
    if fixed is not None:
        rows[fixed][10] = G
    for n, row in enumerate(rows):
        entry = w.add("membergrade", decided_on, *row)
        if n == fixed:
            on = min(decided_on + dt.timedelta(days=12), today)
            w.add("gradecorrection", on, entry, None, iso(on), C, G, CORRECTION_REASON, "")


def _open_round(w: _Writer, year: int, org_id: int) -> None:
    opened = min(dt.date(year, 11, 1), w.shared.today)
    w.add("gradinground", opened, org_id, year, iso(dt.date(year, 12, 15)), iso(opened), "")


def _badges(w: _Writer, rng: random.Random) -> None:
    """The badges of the milestones members reached before today, awarded on the award day after (a few of the
    last year's not recorded yet: they are still due)."""
    today = w.shared.today
    recent = rules.add_months(today, -12)
    numbers: dict[dt.date, int] = {}
    query = Person.select(Person.id, Person.admission_date).where(
        Person.status.in_(Status.MEMBERS) & Person.admission_date.is_null(False)).order_by(Person.id)
    for pid, admitted in query.tuples():
        for years in rules.policy_for(today).badge_milestones_years:
            reached = rules.milestone_date(admitted, years)
            if reached > today:
                break
            day = rules.award_day_on_or_after(reached)
            if day > today or (day >= recent and rng.random() < 0.12):
                continue
            numbers[day] = numbers.get(day, 0) + 1
            w.add("partybadge", day, pid, years, iso(day), f"{100 + numbers[day] * 3}-QĐ/TU", 0, "")


def write_year(shared: Shared, sink: Sink) -> dict[str, int]:
    """Write the Party year of the demo organisation (the people must be written already); the rows per table."""
    w = _Writer(shared, sink)
    rng = random.Random(f"year-{shared.seed}")
    start, today = shared.window_start, shared.today
    numbers: dict[int, int] = {}
    years = [y for y in range(start.year, today.year + 1) if dt.date(y, 12, 15) >= start]
    complete = [y for y in years if dt.date(y + 1, 1, 10) <= today]
    for year in years:
        if year in complete:
            _grade_year(w, rng, year, shared.org_id, numbers, correct=year == complete[-1])
        elif today >= dt.date(year, 11, 1):
            _open_round(w, year, shared.org_id)
    _badges(w, rng)
    sink.flush()
    return w.counts
