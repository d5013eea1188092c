"""Every figure of the monthly report, the minutes, the quota report and the overview on the commune demo, checked
against a recomputation from the database written here (tests.recount: SQL and plain loops over the rows).

The demo's histories hold transfers in and out, moves between branches, exemptions, temporary activity, deaths and
strike-offs, so the counts on a date must replay them: a member who transferred in after a month is not counted in
that month's report (the issue's July report printed 63 where 62 was right), one who moved counts in the branch
left until the day of the move and in the new one from it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from desktop_app import i18n
from desktop_app.core.enums import Stage
from desktop_app.reports.minutes import build_minutes
from desktop_app.reports.monthly import build_monthly
from desktop_app.reports.quota import build_quota
from desktop_app.reports.vocabulary import Words
from desktop_app.services import demo
from desktop_app.services.documents import report_data
from desktop_app.services.meetings import action_items, attendance
from desktop_app.services.people import membership
from desktop_app.store import db as store_db
from desktop_app.store.db import database
from desktop_app.store.schema import open_database
from tests import recount
from tests.reports.pdf_helpers import pdf_text

TODAY = dt.date(2026, 11, 21)
D = dt.date


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCHIBO_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("commune") / "commune.sqlite3"
        open_database(path)
        try:
            demo.generate("commune", seed=1, today=TODAY)
        finally:
            store_db.close()
        return path


@pytest.fixture
def commune(demo_path):
    open_database(demo_path)
    yield demo_path
    store_db.close()


def _sql(query: str, params=()) -> list[tuple]:
    return database.execute_sql(query, params).fetchall()


def _month_end(year: int, month: int) -> dt.date:
    return (D(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def words(lang: str) -> Words:
    previous = i18n.current_language()
    i18n.set_language(lang)
    try:
        return Words()
    finally:
        i18n.set_language(previous)


def test_the_demo_has_every_kind_of_history(commune):
    kinds = dict(_sql("SELECT kind, COUNT(*) FROM membershipevent GROUP BY kind"))
    for kind in ("admission", "recognition", "on_record", "transfer_in", "transfer_out", "move", "exempt_from",
                 "elsewhere_from", "elsewhere_until", "death", "strike_off"):
        assert kinds.get(kind, 0) > 0, kind


def test_every_meeting_lists_the_members_of_its_day(commune):
    """The attendance the demo wrote for each held meeting (from its own timeline) is the history's membership
    (branch by branch: the minutes' test below, for the meetings of the year)."""
    listed: dict[int, set[int]] = defaultdict(set)
    for mid, pid in _sql("SELECT meeting_id, person_id FROM attendance WHERE status != 'guest'"):
        listed[mid].add(pid)
    by_day: dict[dt.date, list[tuple[int, int]]] = defaultdict(list)
    for mid, branch, day in _sql("SELECT id, branch_id, date FROM meeting WHERE status = 'adopted'"):
        by_day[dt.date.fromisoformat(day)].append((mid, branch))
    assert sum(len(v) for v in by_day.values()) > 2000
    for day, held in by_day.items():
        everyone = membership.members_by_branch(day)
        for mid, branch in held:
            assert {m.person_id for m in everyone.get(branch, [])} == listed[mid], (branch, day)


def test_monthly_membership_of_every_branch(commune):
    branches = [b for (b,) in _sql("SELECT id FROM branch ORDER BY code")]
    for end in (_month_end(2024, 12), _month_end(2026, 3), _month_end(2026, 7), TODAY):
        everyone = recount.members(None, end)
        for branch in branches:
            got = report_data.monthly_data(branch, D(end.year, end.month, 1), end).members
            assert (got.total, got.official, got.probationary, got.exempt, got.elsewhere) == \
                recount.member_counts(branch, end, everyone), (branch, end)


def test_a_member_who_transferred_in_after_the_month_is_not_in_its_report(commune):
    # Transfers in during the year, each checked on the last day of the month before (as the July report was).
    transfers = _sql("SELECT e.person_id, e.branch_id, e.date FROM membershipevent e WHERE e.kind = 'transfer_in' "
                     "AND e.date >= '2026-02-01' AND e.date <= ?", (TODAY.isoformat(),))
    assert transfers
    for pid, branch, day in transfers:
        day = dt.date.fromisoformat(day)
        before = D(day.year, day.month, 1) - dt.timedelta(days=1)
        data = report_data.monthly_data(branch, D(before.year, before.month, 1), before)
        assert data.members.total == recount.member_counts(branch, before)[0]
        # The person is a member of the branch today, with steps dated long before: the dated history leaves
        # them out of the earlier month all the same.
        assert pid not in recount.members(branch, before) and pid in recount.members(branch, day)
        assert pid not in {m.person_id for m in membership.members_on(branch, before)}


def test_moves_count_in_each_branch_on_their_side_of_the_day(commune):
    moves = _sql("SELECT person_id, branch_id, other_branch_id, date FROM membershipevent WHERE kind = 'move'")
    assert moves
    for pid, new, old, day in moves:
        day = dt.date.fromisoformat(day)
        eve = day - dt.timedelta(days=1)
        assert pid in {m.person_id for m in membership.members_on(old, eve)}
        assert pid not in {m.person_id for m in membership.members_on(old, day)}
        assert pid in {m.person_id for m in membership.members_on(new, day)}
        name = _sql("SELECT full_name FROM person WHERE id = ?", (pid,))[0][0]
        start, end = D(day.year, day.month, 1), _month_end(day.year, day.month)
        left = report_data.monthly_data(old, start, end).changes
        came = report_data.monthly_data(new, start, end).changes
        assert any(c.name == name and c.stage == "move" and not c.moved_in for c in left)
        assert any(c.name == name and c.stage == "move" and c.moved_in for c in came)


def test_the_minutes_and_the_monthly_report_agree_on_every_meeting_of_the_year(commune):
    """The opening of the minutes (from the attendance) and the membership of the monthly report (from the
    history) on the meeting's day: exempt members official in both, and counted apart in both."""
    for mid, branch, day in _sql("SELECT id, branch_id, date FROM meeting WHERE status = 'adopted' AND date >= "
                                 "'2026-01-01'"):
        day = dt.date.fromisoformat(day)
        c = attendance.attendance_counts(mid)
        m = membership.member_counts(branch, day)
        assert (c.total, c.official, c.probationary, c.exempt, c.elsewhere) == \
            (m.total, m.official, m.probationary, m.exempt, m.elsewhere), (branch, day)


def test_vote_denominators_leave_out_only_accepted_absences(commune):
    """Regulation 294-QĐ/TW point 9.3.2, recomputed in SQL: official members summoned less those elsewhere,
    exempt and absent, or absent with a reason the chair accepted."""
    rows = _sql(
        "SELECT d.id, d.denominator, "
        " (SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = d.meeting_id "
        "   AND a.member_status IN ('official', 'exempt') AND a.status != 'guest' "
        "   AND NOT (a.status = 'elsewhere' OR a.status = 'exempt' "
        "            OR (a.status = 'excused' AND a.reason_accepted = 1))), "
        " (SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = d.meeting_id AND a.status = 'excused' "
        "   AND a.reason_accepted = 0 AND a.member_status = 'official') "
        "FROM decision d")
    assert rows and any(not_accepted for *_rest, not_accepted in rows)  # some absences were not accepted
    for decision, stored, counted, _not_accepted in rows:
        assert stored == counted, decision
    mid = next(m for m, in _sql("SELECT meeting_id FROM decision LIMIT 1"))
    assert attendance.attendance_counts(mid).denominator == \
        _sql("SELECT denominator FROM decision WHERE meeting_id = ? LIMIT 1", (mid,))[0][0]


def test_carried_tasks_keep_their_due_date_and_are_overdue_at_the_next_meeting(commune):
    pairs = _sql("SELECT c.id, c.meeting_id, c.due, o.due, m.date, c.done FROM actionitem c "
                 "JOIN actionitem o ON o.id = c.carried_from_id JOIN meeting m ON m.id = c.meeting_id")
    assert pairs
    checked = 0
    for item, meeting, due, first_due, meeting_day, done in pairs[:400]:
        assert due == first_due
        row = next(r for r in action_items.action_items(meeting) if r.id == item)
        assert row.is_carried
        assert row.overdue == (not done and due < meeting_day)
        checked += row.overdue
    assert checked  # carried tasks due before the next meeting show as overdue


def test_quota_figures_of_the_year_against_sql(commune):
    data = report_data.quota_data(2026, as_of=TODAY)
    # Admissions of the year: the earliest decision of each person, in their branch (demo candidates never move).
    by_branch = dict(_sql(
        "SELECT p.branch_id, COUNT(*) FROM (SELECT person_id, MIN(date) AS day FROM stageevent "
        "WHERE stage = 'admission_decision' AND date BETWEEN '2026-01-01' AND ? GROUP BY person_id) a "
        "JOIN person p ON p.id = a.person_id WHERE p.deleted_at IS NULL GROUP BY p.branch_id", (TODAY.isoformat(),)))
    assert {line.branch_id: line.admitted for line in data.branches if line.admitted} == by_branch
    rural = _sql("SELECT COUNT(*) FROM (SELECT person_id FROM stageevent WHERE stage = 'admission_decision' "
                 "AND date BETWEEN '2026-01-01' AND ? GROUP BY person_id) a JOIN person p ON p.id = a.person_id "
                 "JOIN branch b ON b.id = p.branch_id WHERE b.rural = 1", (TODAY.isoformat(),))[0][0]
    assert data.total.rural == rural and data.total.not_rural == sum(by_branch.values()) - rural
    targets = dict(_sql("SELECT COALESCE(branch_id, 0), target FROM quota WHERE year = 2026"))
    assert data.organisation_target == targets.pop(0)
    assert data.branch_targets == sum(targets.values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_monthly_reports_print_the_recounted_figures(commune, tmp_path, lang):
    w = words(lang)
    for code in ("CB01", "CB16", "CB37"):
        branch = _sql("SELECT id FROM branch WHERE code = ?", (code,))[0][0]
        text = pdf_text(build_monthly(tmp_path / f"{code}.pdf", lang=lang, branch_id=branch, month="2026-07",
                                      today=TODAY))
        total, official, probationary, exempt, away = recount.member_counts(branch, D(2026, 7, 31))
        assert w.c_total.format(total=total, official=official, probationary=probationary) in text, code
        assert w.c_exempt.format(n=exempt) in text and w.c_elsewhere.format(n=away) in text
        for mid, day in _sql("SELECT id, date FROM meeting WHERE branch_id = ? AND date BETWEEN '2026-07-01' AND "
                             "'2026-07-31'", (branch,)):
            present, expected = _sql(
                "SELECT SUM(status = 'present' AND member_status IN ('official', 'probationary', 'exempt')), "
                "SUM(status NOT IN ('guest', 'elsewhere', 'exempt')) FROM attendance WHERE meeting_id = ?",
                (mid,))[0]
            line = f"{day[8:]}/{day[5:7]}/{day[:4]}"
            assert f"{expected} {present} {recount.percent_text(present, expected, lang)}" in text, (code, line)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_minutes_print_the_recounted_attendance(commune, tmp_path, lang):
    w = words(lang)
    for mid, in _sql("SELECT d.meeting_id FROM decision d JOIN meeting m ON m.id = d.meeting_id "
                     "WHERE d.kind = 'admission' AND m.date >= '2026-01-01' ORDER BY m.date LIMIT 3"):
        text = pdf_text(build_minutes(tmp_path / f"{mid}.pdf", lang=lang, meeting_id=mid))
        official = _sql("SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND member_status IN ('official', "
                        "'exempt') AND status != 'guest'", (mid,))[0][0]
        probationary = _sql("SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND member_status = "
                            "'probationary' AND status != 'guest'", (mid,))[0][0]
        assert w.c_total.format(total=official + probationary, official=official, probationary=probationary) in text
        denominator = _sql("SELECT denominator FROM decision WHERE meeting_id = ? AND kind = 'admission'",
                           (mid,))[0][0]
        assert w.c_denominator.format(denominator=denominator, official=official,
                                      not_counted=official - denominator) in text
        for name, reason in _sql("SELECT p.full_name, a.reason FROM attendance a JOIN person p ON p.id = a.person_id "
                                 "WHERE a.meeting_id = ? AND a.status = 'excused' AND a.reason_accepted = 1", (mid,)):
            assert f"{name}: {reason}, {w.c_accepted}" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_quota_report_names_both_targets_and_the_rural_share(commune, tmp_path, lang):
    w = words(lang)
    text = pdf_text(build_quota(tmp_path / "q.pdf", lang=lang, year=2026, today=TODAY))
    org_target = _sql("SELECT target FROM quota WHERE year = 2026 AND branch_id IS NULL")[0][0]
    branch_sum = _sql("SELECT SUM(target) FROM quota WHERE year = 2026 AND branch_id IS NOT NULL")[0][0]
    admitted, rural = _sql(
        "SELECT COUNT(*), SUM(b.rural) FROM (SELECT person_id FROM stageevent WHERE stage = 'admission_decision' "
        "AND date BETWEEN '2026-01-01' AND ? GROUP BY person_id) a JOIN person p ON p.id = a.person_id "
        "JOIN branch b ON b.id = p.branch_id", (TODAY.isoformat(),))[0]
    assert org_target != branch_sum  # the demo's organisation plans a little above its branches
    assert w.q_both_targets.format(year=2026, target=org_target, branches=branch_sum) in text
    i18n.set_language(lang)
    plan = i18n.format_plan(admitted, org_target)
    assert w.q_summary.format(admitted=admitted, plan=plan) in text
    assert recount.percent_text(admitted, org_target, lang) in plan
    assert w.q_rural.format(rural=rural, share=recount.percent_text(rural, admitted, lang), other=admitted - rural,
                            other_share=recount.percent_text(admitted - rural, admitted, lang)) in text
    assert f"{w.total_branches} {branch_sum} {admitted}" in text


def test_reminders_count_the_ceremony_from_the_day_the_decision_was_received(commune):
    from desktop_app.core import rules
    from desktop_app.services.people import reminders

    due = {r.person_id: r.due for r in reminders.reminders(TODAY) if r.kind == "ceremony_due"}
    rows = _sql("SELECT s.person_id, s.date, s.received_on FROM stageevent s JOIN person p ON p.id = s.person_id "
                "WHERE s.stage = 'admission_decision' AND p.status = 'applicant' AND NOT EXISTS (SELECT 1 FROM "
                "stageevent c WHERE c.person_id = s.person_id AND c.stage = 'ceremony')")
    assert rows
    for pid, decided, received in rows:
        start = dt.date.fromisoformat(received or decided)
        assert received is not None and start >= dt.date.fromisoformat(decided)
        expected = rules.add_working_days(start, 30)
        if pid in due:
            assert due[pid] == expected
    assert Stage.CEREMONY  # the step that ends the deadline


def test_fees_follow_each_member_s_branch_month_by_month(commune):
    """A member who moved pays the branch they left up to the month before the move and the new one from the
    month of the move: each payment of a mover is in the fee ledger of the branch they belonged to on the month's
    last day (the history folded in SQL), once per month; the monthly report's fees collected are the rows the
    branch received in the month."""
    from desktop_app.core.rules import Month
    from desktop_app.services.fees import ledger

    assert not _sql("SELECT person_id, month FROM feepayment WHERE person_id IS NOT NULL "
                    "GROUP BY person_id, month HAVING COUNT(*) > 1")
    movers = {pid for pid, in _sql("SELECT person_id FROM membershipevent WHERE kind = 'move'")}
    marks = ",".join("?" * len(movers))
    paid = _sql(f"SELECT person_id, branch_id, month, amount FROM feepayment WHERE person_id IN ({marks}) "
                "ORDER BY month", tuple(movers))
    assert len({pid for pid, *_r in paid}) >= 10
    for pid, branch, month, amount in paid:
        month = Month.of(dt.date.fromisoformat(month))
        assert recount.members(None, month.last_day)[pid]["branch"] == branch, (pid, month)
        row = next(r for r in ledger.ledger(branch, month).rows if r.person_id == pid)
        assert row.paid == amount
    for branch, in _sql("SELECT id FROM branch ORDER BY code LIMIT 6"):
        for start in (D(2025, 3, 1), D(2026, 2, 1), D(2026, 10, 1)):
            end = _month_end(start.year, start.month)
            received = _sql("SELECT COALESCE(SUM(amount), 0) FROM feepayment WHERE branch_id = ? AND paid_on "
                            "BETWEEN ? AND ?", (branch, start.isoformat(), end.isoformat()))[0][0]
            assert report_data.monthly_data(branch, start, end).fees.collected == received, (branch, start)
