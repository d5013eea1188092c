"""Official transfers: Regulation 294-QĐ/TW point 6.3.1 (60 working days to start, 30 working days to report to
the new branch; no transfer while under inspection); domain.md §6 and §7. Working days skip weekends, public
holidays and Tết (core.calendar); the expected dates below are counted by hand from the days off listed."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core.calendar import WorkCalendar
from desktop_app.core.enums import Status
from desktop_app.core.rules import (
    ERROR,
    WARNING,
    TransferFacts,
    check_arrival,
    check_transfer_out,
    transfer_report_deadline,
    transfer_start_deadline,
)

d = dt.date


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")


def test_report_within_30_working_days_across_tet_2026_294_qd_tw_6_3_1():
    """Paper of Fri 30/01/2026. Tết: Mon 16 – Fri 20/02/2026 off. Working days: 2–13/02 (10), 23–27/02 (15),
    2–6/03 (20), 9–13/03 (25), 16–20/03 (30) → Fri 20/03/2026 (13/03 without Tết)."""
    deadline = transfer_report_deadline(d(2026, 1, 30))
    assert deadline.date == d(2026, 3, 20)
    assert deadline.rule_id == "transfer_report_working_days"
    assert deadline.source == "Regulation 294-QĐ/TW, point 6.3.1"


def test_start_within_60_working_days_across_new_year_and_tet_2027_294_qd_tw_6_3_1():
    """Decision in force Tue 15/12/2026. Off: 01/01/2027, Tết 04–10/02/2027 (Thu 29 Tết to Wed mùng 5).
    16–18/12 (3), 21–25/12 (8), 28–31/12 (12), 4–29/01 (32), 1–3/02 (35), 11–12/02 (37), 15/02–12/03 (57),
    15–17/03 (60) → Wed 17/03/2027."""
    assert transfer_start_deadline(d(2026, 12, 15)).date == d(2027, 3, 17)


def test_the_users_extra_days_off_count():
    calendar = WorkCalendar(extra_days_off=[d(2026, 3, 20)])
    assert transfer_report_deadline(d(2026, 1, 30), calendar=calendar).date == d(2026, 3, 23)


def test_arrival_on_the_last_day_is_on_time_and_the_day_after_is_late():
    facts = TransferFacts(Status.OFFICIAL, introduced=d(2026, 1, 30))
    assert not check_arrival(facts, d(2026, 3, 20))
    late = check_arrival(facts, d(2026, 3, 23))
    assert late.rule_ids() == ["transfer_report_working_days"] and late.warnings
    assert late.messages() == ["The member was due to report to the new branch by 20/03/2026, 30 working days after "
                               "the introduction paper of 30/01/2026 (Regulation 294-QĐ/TW, point 6.3.1)."]


def test_arrival_before_the_paper_is_refused():
    found = check_arrival(TransferFacts(Status.OFFICIAL, introduced=d(2026, 3, 1)), d(2026, 2, 27))
    assert found.errors and found.rule_ids() == ["date_order"]


def test_transfer_started_on_the_60th_working_day_is_on_time():
    facts = TransferFacts(Status.OFFICIAL, effective=d(2026, 12, 15))
    assert not check_transfer_out(facts, d(2027, 3, 17))
    late = check_transfer_out(facts, d(2027, 3, 18))
    assert [f.severity for f in late] == [WARNING] and late.rule_ids() == ["transfer_start_working_days"]


def test_no_transfer_while_under_inspection_294_qd_tw():
    facts = TransferFacts(Status.OFFICIAL, effective=d(2026, 11, 2), under_inspection=True,
                          inspection_reason="Đang giải quyết tố cáo")
    found = check_transfer_out(facts, d(2026, 11, 10))
    assert [f.severity for f in found] == [ERROR]
    assert found[0].rule_id == "transfer_under_inspection"
    assert "Reason: Đang giải quyết tố cáo." in found[0].message
    assert found[0].source == "Regulation 294-QĐ/TW, point 6.3.1"


@pytest.mark.parametrize("status", [Status.APPLICANT, Status.TRANSFERRED, Status.STRUCK_OFF, None])
def test_only_members_are_transferred(status):
    found = check_transfer_out(TransferFacts(status), d(2026, 11, 10))
    assert found.errors and found.rule_ids() == ["status"]


def test_probationary_and_exempt_members_can_be_transferred():
    assert not check_transfer_out(TransferFacts(Status.PROBATIONARY), d(2026, 11, 10))
    assert not check_transfer_out(TransferFacts(Status.EXEMPT), d(2026, 11, 10))


def test_transfer_before_the_decision_takes_effect_is_a_warning():
    found = check_transfer_out(TransferFacts(Status.OFFICIAL, effective=d(2026, 12, 1)), d(2026, 11, 20))
    assert found.warnings and found.ok


def test_messages_are_translated():
    i18n.set_language("vi")
    try:
        found = check_transfer_out(TransferFacts(Status.OFFICIAL, under_inspection=True), d(2026, 11, 10))
    finally:
        i18n.set_language("en")
    assert found.messages() == ["Không chuyển sinh hoạt đảng chính thức khi đảng viên đang bị kiểm tra, xem xét kỷ "
                                "luật hoặc đang giải quyết khiếu nại, tố cáo (Quy định 294-QĐ/TW, điểm 6.3.1)."]
