"""The demo's Party fees: every member has a fee basis, each payment is what the rules make the month's fee
(342-QĐ/TW to 01/2026, 01-QĐ/TW from 02/2026), most members pay at the monthly meeting, a few pay several months at
once or are behind, one has three unpaid months of the year (the strike-off reminder), and the minutes state what
the ledger received."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict

import pytest

from desktop_app.core import clock, rules
from desktop_app.core.rules import Month
from desktop_app.services import demo
from desktop_app.services.fees import dues, strike_off
from desktop_app.store import db as store_db
from desktop_app.store.models import Person
from desktop_app.store.schema import open_database

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def fee_demo(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCHIBO_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("demo") / "fees.sqlite3"
        open_database(path)
        try:
            demo.generate("branch", seed=3, today=TODAY)
        finally:
            store_db.close()
        return path


@pytest.fixture
def con(fee_demo):
    connection = sqlite3.connect(fee_demo)
    yield connection
    connection.close()


def test_members_have_bases_and_payments_are_the_rules_fee(fee_demo, con):
    open_database(fee_demo)
    try:
        members = [pid for (pid,) in con.execute("SELECT id FROM person WHERE status IN ('official', "
                                                 "'probationary', 'exempt')")]
        with_basis = {pid for (pid,) in con.execute("SELECT DISTINCT person_id FROM memberfeebasis")}
        assert set(members) <= with_basis
        accounts = dues.accounts(members, Month.of(TODAY))
        checked = 0
        for pid, month, amount in con.execute("SELECT person_id, month, amount FROM feepayment"):
            if pid in accounts:
                assert accounts[pid].dues.get(Month.of(dt.date.fromisoformat(month))) == amount, (pid, month)
                checked += 1
        assert checked > 300
    finally:
        store_db.close()


def test_who_pays_how(con):
    rows = con.execute("SELECT p.person_id, p.month, p.paid_on, p.meeting_id FROM feepayment p").fetchall()
    on_time = sum(1 for _pid, month, paid_on, _m in rows if month[:7] == paid_on[:7])
    assert on_time / len(rows) > 0.75  # most pay at the month's meeting
    at_once = Counter((pid, meeting) for pid, _month, _on, meeting in rows)
    assert any(n >= 2 for n in at_once.values())  # several months paid at once
    assert all(meeting is not None for *_r, meeting in rows)


def test_behind_and_the_strike_off_reminder(fee_demo):
    clock.pin(dt.datetime(2026, 11, 21, 9))
    open_database(fee_demo)
    try:
        people = [r for r in strike_off.strike_off_reminders(TODAY)]
        assert len(people) == 1 and "2026 (08/2026, 09/2026, 10/2026)" in people[0].title
        members = [p.id for p in Person.select(Person.id).where(Person.status.in_(("official", "probationary",
                                                                                  "exempt")))]
        behind = [a for a in dues.accounts(members, Month(2026, 10)).values() if a.arrears.count]
        assert 2 <= len(behind) <= 8
    finally:
        store_db.close()


def test_minutes_state_what_the_ledger_received(con):
    received = defaultdict(int)
    for meeting, amount in con.execute("SELECT meeting_id, amount FROM feepayment"):
        received[meeting] += amount
    adopted = con.execute("SELECT id, kind, fees_collected FROM meeting WHERE status = 'adopted'").fetchall()
    for mid, kind, fees in adopted:
        assert fees == (received.get(mid, 0) if kind in ("regular", "combined") else 0), mid
    assert sum(fees for _m, _k, fees in adopted) > 0


def test_reliefs_are_within_the_rules(con):
    for percent, ground, first, last in con.execute("SELECT percent, ground, first_month, last_month "
                                                    "FROM feerelief"):
        first_month, last_month = Month.of(dt.date.fromisoformat(first)), Month.of(dt.date.fromisoformat(last))
        assert rules.check_relief(percent, first_month, last_month, ground) == {}
