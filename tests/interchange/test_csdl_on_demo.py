"""The central member database's workbook over the commune demo: what the app writes, it reads back as it is (every
row matched to its member, nothing to change, nothing refused, no address lost), and the check columns agree with a
recount of the records."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.interchange import csdl_workbook
from desktop_app.services import demo
from desktop_app.services.interchange import csdl_import
from desktop_app.store import db as store_db
from desktop_app.store.schema import open_database
from tests import recount

TODAY = dt.date(2026, 11, 21)
LISTED = ("official", "probationary", "exempt", "transferred", "struck_off", "deceased")
COLUMNS = ("uid", "full_name", "other_names", "gender", "birth_date", "cccd", "card_number", "card_issued_place",
           "card_issued_on", "card_number_qd85", "admission_date", "official_date", "old_id_number", "branch_id",
           "status", *(f"{a}_{p}" for a in ("birth_place", "home_town", "residence")
                       for p in ("country", "province", "detail")),
           "birth_place", "home_town", "residence", "version")


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOCHIBO_HOME", str(tmp_path_factory.mktemp("home")))
        path = tmp_path_factory.mktemp("commune") / "commune.sqlite3"
        open_database(path)
        try:
            demo.generate("commune", seed=1, today=TODAY)
            yield path
        finally:
            store_db.close()


def _people() -> list[tuple]:
    return recount.query(f"SELECT {', '.join(COLUMNS)} FROM person ORDER BY id")


def test_export_then_import_changes_nothing(commune, tmp_path):
    path = tmp_path / "csdl.xlsx"
    count, _bad = csdl_workbook.export_csdl(path, today=TODAY)
    listed = recount.query("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL AND status IN (?, ?, ?, ?, ?, ?)",
                           LISTED)[0][0]
    assert count == listed > 100
    before = _people()
    data, plan = csdl_workbook.plan_file(path)
    assert data.header_row == 7 and plan.unread == []
    assert len(plan.rows) == count
    odd = [(r.number, r.name, r.action, r.errors, r.notes, r.changes) for r in plan.rows if r.action != "same"
           or r.notes]
    assert odd == []
    csdl_import.apply(plan)
    assert _people() == before


def test_the_check_column_agrees_with_a_recount(commune, tmp_path):
    path = tmp_path / "csdl.xlsx"
    csdl_workbook.export_csdl(path, today=TODAY)
    rows = {r["uid"]: r for r in csdl_workbook.records_of(path)}
    people = recount.query("SELECT uid, status, card_number, cccd, birth_date, admission_date, official_date "
                           "FROM person WHERE deleted_at IS NULL AND status IN (?, ?, ?, ?, ?, ?)", LISTED)
    assert set(rows) == {p[0] for p in people}
    cards: dict[str, int] = {}
    for p in people:
        if p[2]:
            cards[p[2]] = cards.get(p[2], 0) + 1
    for uid, status, card, cccd, birth, admitted, official in people:
        expected = []
        if status == "official" and not card:
            expected.append("card")
        if cccd and (len(cccd) != 12 or not cccd.isdigit()):
            expected.append("cccd")
        if official and admitted and official < admitted:
            expected.append("order")
        if birth and admitted:
            born = dt.date.fromisoformat(birth)
            adult = born.replace(year=born.year + 18) if (born.month, born.day) != (2, 29) else \
                dt.date(born.year + 18, 3, 1)
            if dt.date.fromisoformat(admitted) < adult:
                expected.append("age")
        if card and cards[card] > 1:
            expected.append("twin")
        details = rows[uid].get("check_details") or ""
        if not expected:
            continue
        # Each problem found by the recount is on the row (the row may say more: the checks have other rules too).
        assert details.count("\n") + 1 >= len(expected), (uid, expected, details)
