"""On the commune demo a secretary receives a member transferred from another organisation, moves one between
branches and sends one out; every count of the monthly report, the minutes of a meeting held after them and the
overview stays right, against tests.recount (the rows folded the test's own way, SQL and loops)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock, rules
from desktop_app.core.enums import Status
from desktop_app.reports.minutes import build_minutes
from desktop_app.reports.monthly import build_monthly
from desktop_app.services import demo
from desktop_app.services.documents import report_data
from desktop_app.services.meetings import attendance, meeting_prep
from desktop_app.services.people import membership, reminders, transfers
from desktop_app.store import db as store_db
from desktop_app.store.db import database
from desktop_app.store.schema import open_database
from desktop_app.ui.views.dashboard_view import overview_figures
from tests import recount
from tests.reports.pdf_helpers import pdf_text
from tests.reports.test_figures_on_demo import words

TODAY = dt.date(2026, 11, 21)
D = dt.date


@pytest.fixture
def commune(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCHIBO_HOME", str(tmp_path / "home"))
    open_database(tmp_path / "commune.sqlite3")
    demo.generate("commune", seed=1, today=TODAY)
    yield
    store_db.close()


def _sql(query: str, params=()) -> list[tuple]:
    return database.execute_sql(query, params).fetchall()


def _branch(code: str) -> int:
    return _sql("SELECT id FROM branch WHERE code = ?", (code,))[0][0]


def _check_counts(branches: list[int], day: dt.date) -> None:
    everyone = recount.members(None, day)
    for branch in branches:
        got = report_data.monthly_data(branch, D(day.year, day.month, 1), day).members
        assert (got.total, got.official, got.probationary, got.exempt, got.elsewhere) == \
            recount.member_counts(branch, day, everyone), (branch, day)


def _admissions_by_branch() -> dict[int, int]:
    """Admissions of 2026 by the branch of the person on the decision's day, recounted from the rows."""
    found: dict[int, int] = {}
    for pid, day in _sql("SELECT person_id, MIN(date) FROM stageevent WHERE stage = 'admission_decision' AND date "
                         "BETWEEN '2026-01-01' AND ? GROUP BY person_id", (TODAY.isoformat(),)):
        moves = _sql("SELECT branch_id, other_branch_id, date FROM membershipevent WHERE person_id = ? AND kind = "
                     "'move' ORDER BY date, id", (pid,))
        branch = _sql("SELECT branch_id FROM person WHERE id = ?", (pid,))[0][0]
        for _new, old, when in reversed(moves):  # undo the moves made after the decision
            if when > day:
                branch = old
        found[branch] = found.get(branch, 0) + 1
    return found


def test_receive_move_and_send_out_keep_every_count_right(commune, tmp_path):
    a, b, c = _branch("CB02"), _branch("CB03"), _branch("CB05")
    touched = [a, b, c]
    before_overview = overview_figures(2026, as_of=TODAY)
    october = D(2026, 10, 31)
    before_october = {x: recount.member_counts(x, october) for x in touched}

    # 1. A member arrives from another organisation (admitted there this year, as probationary).
    arrived = transfers.transfer_in({
        "full_name": "Quàng Văn Thắm", "gender": "male", "birth_date": D(1995, 4, 2), "admission_date": D(2026, 2, 3),
        "ceremony_date": D(2026, 2, 20), "branch": a, "standing": Status.PROBATIONARY,
        "place": "Đảng bộ phường Tô Hiệu, tỉnh Sơn La", "paper_number": "152-GGT/ĐU", "paper_date": D(2026, 10, 28),
        "date": D(2026, 11, 5)})
    _check_counts(touched, D(2026, 11, 4))
    _check_counts(touched, D(2026, 11, 5))
    assert arrived.id in recount.members(a, D(2026, 11, 5)) and arrived.id not in recount.members(a, D(2026, 11, 4))

    # 2. An official member of A moves to B.
    mover = _sql("SELECT p.id FROM person p WHERE p.branch_id = ? AND p.status = 'official' AND NOT p.under_inspection "
                 "AND p.id != ? AND p.id NOT IN (SELECT secretary_id FROM branch WHERE secretary_id IS NOT NULL) "
                 "ORDER BY p.id LIMIT 1", (a, arrived.id))[0][0]
    transfers.move(mover, {"branch": b, "date": D(2026, 11, 10), "paper_number": "77-GGT/ĐU",
                           "paper_date": D(2026, 11, 6)})
    _check_counts(touched, D(2026, 11, 9))
    _check_counts(touched, D(2026, 11, 10))

    # 3. An official member of C leaves for another organisation.
    leaver = _sql("SELECT id FROM person WHERE branch_id = ? AND status = 'official' AND NOT under_inspection "
                  "AND id NOT IN (SELECT secretary_id FROM branch WHERE secretary_id IS NOT NULL) ORDER BY id LIMIT 1",
                  (c,))[0][0]
    transfers.transfer_out(leaver, {"date": D(2026, 11, 12), "place": "Đảng bộ xã Búng Lao, tỉnh Điện Biên",
                                    "paper_number": "80-GGT/ĐU", "paper_date": D(2026, 11, 12),
                                    "effective_on": D(2026, 11, 1)})
    assert _sql("SELECT status FROM person WHERE id = ?", (leaver,)) == [("transferred",)]
    _check_counts(touched, D(2026, 11, 11))
    _check_counts(touched, TODAY)
    assert {x: recount.member_counts(x, october) for x in touched} == before_october  # October is untouched

    # The monthly report of November states the changes and the recounted figures.
    w = words("vi")
    for branch in touched:
        text = pdf_text(build_monthly(tmp_path / f"{branch}.pdf", lang="vi", branch_id=branch, month="2026-11",
                                      today=TODAY))
        total, official, probationary, exempt, away = recount.member_counts(branch, TODAY)
        assert w.c_total.format(total=total, official=official, probationary=probationary) in text
        assert w.c_exempt.format(n=exempt) in text and w.c_elsewhere.format(n=away) in text
    changes = {line.name: line for line in report_data.monthly_data(a, D(2026, 11, 1), TODAY).changes}
    assert "Quàng Văn Thắm" in changes

    # A meeting held after the three events lists the members of its day; the minutes print the recount.
    clock.pin(D(2026, 11, 20))
    listed: dict[int, set[int]] = {}
    for branch in touched:
        meeting = meeting_prep.prepare_meeting(branch, D(2026, 11, 20))
        listed[branch] = {r.person_id for r in attendance.attendance(meeting.id) if not r.is_guest}
        assert listed[branch] == set(recount.members(branch, D(2026, 11, 20)))
        counts = attendance.attendance_counts(meeting.id)
        total, official, probationary, exempt, away = recount.member_counts(branch, D(2026, 11, 20))
        assert (counts.total, counts.official, counts.probationary, counts.exempt, counts.elsewhere) == \
            (total, official, probationary, exempt, away)
        text = pdf_text(build_minutes(tmp_path / f"m{branch}.pdf", lang="vi", meeting_id=meeting.id))
        assert w.c_total.format(total=total, official=official, probationary=probationary) in text
    assert arrived.id in listed[a] and mover in listed[b] and mover not in listed[a] and leaver not in listed[c]

    # The overview: admissions of the year by branch stay those recounted (a member admitted elsewhere and
    # received here is no admission of ours; one admitted here and moved since counts where admitted).
    after = overview_figures(2026, as_of=TODAY)
    assert after["admitted"] == before_overview["admitted"]
    assert {r[0]: r[4] for r in after["quota"] if r[4]} == _admissions_by_branch()
    # The probationary member received counts in the pipeline at the ceremony held where they came from.
    stages = dict(before_overview["stages"])
    stages["ceremony"] = stages.get("ceremony", 0) + 1
    assert after["stages"] == stages
    # What is due: the arrival of the member sent out is awaited at the new organisation.
    deadline = rules.transfer_report_deadline(D(2026, 11, 12)).date
    for day, severity in ((deadline - dt.timedelta(days=10), "warning"), (deadline + dt.timedelta(days=1), "error")):
        clock.pin(day)
        due = [r for r in reminders.reminders(day) if r.kind == "transfer_report_due" and r.person_id == leaver]
        assert [(r.due, r.severity) for r in due] == [(deadline, severity)]
        assert "Đảng bộ xã Búng Lao" in due[0].title
    assert membership.place(leaver).status == Status.TRANSFERRED
