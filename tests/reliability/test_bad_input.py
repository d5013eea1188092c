"""Generated bad input thrown at every writing service: each call either succeeds or raises a
ServiceError (ValidationError, NotFoundError…) with a message; a refused call writes nothing (row
counts and the audit trail unchanged); no statement ever writes outside a transaction; what is
stored is NFC text and keeps the audit chain intact."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.rules import Month
from desktop_app.services.common import audit
from desktop_app.services.common import settings as app_settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.organisation import branches, organisation, quotas
from desktop_app.services.people import people, sponsorships
from desktop_app.store import db as store_db
from desktop_app.store.models import ALL_MODELS, Person
from desktop_app.store.schema import open_database

SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Đức")
SPECIAL = ["", " ", "\x00", "\t\n\r", "\u200b", "\u202e", NFD_NAME, "'; DROP TABLE person; --", "0" * 12,
           "001070000123", "１２３４５６７８９０１２", "Đ" * 121, "\ud7ff", "😀" * 10, "NULL", "%", "_", "*"]
text = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=250),  # control characters included
    st.text(alphabet="aăâđeêioôơuưyAĂÂĐ \u0300\u0301\u0303\u0309\u0323", min_size=1, max_size=60),  # NFD pieces
    st.text(min_size=4001, max_size=4100),
)
odd_date = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.sampled_from(["31/02/2020", "29/02/2023", "00/00/0000", "1/1/1", "2020-13-45", "12/12/99999", "hôm qua",
                     "03/11/2026", "2026-11-03", " ", ""]),
)
value = st.one_of(
    text, odd_date, st.none(), st.booleans(),
    st.integers(), st.integers(min_value=2**63), st.integers(max_value=-(2**63)),
    st.floats(allow_nan=True, allow_infinity=True), st.binary(max_size=8),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
some_id = st.one_of(st.integers(min_value=-3, max_value=12), st.integers(), value)

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def _counts() -> dict[str, int]:
    counts = {m._meta.table_name: m.select().count() for m in ALL_MODELS}
    for table in ("person_fts", "branch_fts"):
        counts[table] = store_db.database.obj.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts


@pytest.fixture
def world(tmp_path):
    """A database with an organisation, a branch, an official member and a candidate; every write
    statement is watched for running outside a transaction."""
    real = open_database(tmp_path / "fuzz.sqlite3")
    org = organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "place": "Mường Ảng"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ 1"})
    member = people.create_person({"full_name": "Lò Văn Mười", "status": "official", "branch": branch.id,
                                   "official_date": dt.date(2010, 5, 1), "birth_date": dt.date(1970, 1, 1)})
    candidate = people.create_person({"full_name": "Quàng Thị Hoa", "status": "applicant", "branch": branch.id})
    outside: list[str] = []

    def hook(event):
        if WRITE.match(event.sql) and not real.in_transaction():
            outside.append(event.sql)

    real.query_hooks.append(hook)
    yield {"org": org, "branch": branch, "member": member, "candidate": candidate, "outside": outside}
    real.query_hooks.remove(hook)
    store_db.close()


def _attempt(world, call, *args, **kwargs):
    """Run one service call with generated input and check the rules above."""
    before = _counts()
    try:
        result = call(*args, **kwargs)
    except ServiceError as exc:
        assert str(exc).strip(), "a refusal must carry a message"
        assert _counts() == before, "a refused call wrote something"
        result = None
    assert not world["outside"], f"written outside a transaction: {world['outside'][:2]}"
    assert audit.verify_chain() == []
    return result


def _assert_nfc(instance) -> None:
    for name, field in instance._meta.fields.items():
        v = getattr(instance, field.name if not hasattr(field, "rel_model") else name + "_id", None)
        if isinstance(v, str):
            assert unicodedata.is_normalized("NFC", v), f"{name} stored as non-NFC text"


person_keys = st.sampled_from([*people.EDITABLE, "status", "id", "uid", "deleted_at", "bogus"])


@SETTINGS
@given(data=st.dictionaries(person_keys, value, max_size=8), name=st.one_of(text, value))
def test_create_person(world, data, name):
    data = {"full_name": name, **data}
    person = _attempt(world, people.create_person, data)
    if person is not None:
        _assert_nfc(Person.get_by_id(person.id))


@SETTINGS
@given(data=st.dictionaries(person_keys, value, max_size=6))
def test_update_person(world, data):
    person = _attempt(world, people.update_person, world["candidate"].id, data)
    if person is not None:
        _assert_nfc(Person.get_by_id(person.id))


@SETTINGS
@given(person_id=some_id, stage=st.one_of(st.sampled_from(["application", "ceremony", "x"]), value),
       date=st.one_of(odd_date, value), ref=st.one_of(text, value), note=st.one_of(text, value))
def test_record_stage(world, person_id, stage, date, ref, note):
    _attempt(world, people.record_stage, person_id, stage, date, document_ref=ref, note=note)


branch_keys = st.sampled_from(["code", "name", "kind", "rural", "active", "note", "secretary", "deputy", "bogus"])


@SETTINGS
@given(data=st.dictionaries(branch_keys, value, max_size=7))
def test_create_and_update_branch(world, data):
    branch = _attempt(world, branches.create_branch, data)
    if branch is not None:
        _assert_nfc(branch)
    _attempt(world, branches.update_branch, world["branch"].id, data)


@SETTINGS
@given(sponsor=some_id, person=some_id, role=st.one_of(st.sampled_from(["helper", "introducer"]), value),
       start=st.one_of(odd_date, value), together=st.one_of(odd_date, value))
def test_assign_sponsor(world, sponsor, person, role, start, together):
    _attempt(world, sponsorships.assign, sponsor, person, role, start, together_since=together)


@SETTINGS
@given(row_id=some_id, end=st.one_of(odd_date, value), reason=st.one_of(text, value))
def test_end_sponsorship(world, row_id, end, reason):
    _attempt(world, sponsorships.end, row_id, end, reason)


@SETTINGS
@given(branch_id=st.one_of(st.none(), some_id), year=value, target=value)
def test_set_quota(world, branch_id, year, target):
    _attempt(world, quotas.set_quota, branch_id, year, target)


@SETTINGS
@given(key=text, setting=value)
def test_settings(world, key, setting):
    _attempt(world, app_settings.set, key, setting)


org_keys = st.sampled_from(["name", "superior_body", "place", "superior_committee", "address", "issuer_code",
                            "term", "is_grassroots_branch", "authorised_to_admit", "bogus", "id"])


@SETTINGS
@given(data=st.dictionaries(org_keys, value, max_size=6))
def test_save_organisation(world, data):
    org = _attempt(world, organisation.save_organisation, data)
    if org is not None:
        _assert_nfc(org)


def test_the_watch_sees_a_write_outside_a_transaction(world):
    Person.update(note="x").where(Person.id == world["candidate"].id).execute()
    assert world["outside"] and world["outside"][0].upper().startswith("UPDATE")
    world["outside"].clear()


# ---- meetings (services.meetings, attendance, decisions, progress notes, action items) ---------------

meeting_keys = st.sampled_from(["date", "kind", "place", "start_time", "end_time", "chair", "secretary", "theme",
                                "fees_collected", "evaluation", "discussion", "conclusion", "status", "bogus"])


def _a_meeting(world):
    from desktop_app.services.meetings import meetings

    if "meeting" not in world:
        world["meeting"] = meetings.create_meeting(world["branch"].id, {"date": dt.date(2026, 11, 3)})
    return world["meeting"]


@SETTINGS
@given(branch_id=some_id, data=st.dictionaries(meeting_keys, value, max_size=6))
def test_create_and_update_meeting(world, branch_id, data):
    from desktop_app.services.meetings import meetings

    _attempt(world, meetings.create_meeting, branch_id, data)
    _attempt(world, meetings.update_meeting, _a_meeting(world).id, data)


@SETTINGS
@given(meeting_id=some_id, person_id=some_id, status=st.one_of(st.sampled_from(["present", "excused"]), value),
       reason=st.one_of(text, value))
def test_attendance(world, meeting_id, person_id, status, reason):
    from desktop_app.services.meetings import attendance

    _attempt(world, attendance.set_attendance, meeting_id, person_id, status, reason)
    _attempt(world, attendance.add_guest, _a_meeting(world).id, person_id, reason)


decision_keys = st.sampled_from(["kind", "subject", "sponsor", "title", "text", "yes", "no", "abstain", "bogus"])


@SETTINGS
@given(meeting_id=some_id, data=st.dictionaries(decision_keys, value, max_size=6))
def test_record_decision(world, meeting_id, data):
    from desktop_app.services.meetings import decisions

    _attempt(world, decisions.record_decision, meeting_id, data)
    _attempt(world, decisions.record_decision, _a_meeting(world).id, data)


@SETTINGS
@given(person_id=some_id, data=st.dictionaries(st.sampled_from(["strengths", "weaknesses", "recommendation",
                                                                  "author", "date", "bogus"]), value, max_size=5),
       item_text=st.one_of(text, value), responsible=st.one_of(st.none(), some_id), due=st.one_of(odd_date, value))
def test_progress_notes_and_action_items(world, person_id, data, item_text, responsible, due):
    from desktop_app.services.meetings import action_items, progress_notes

    meeting = _a_meeting(world)
    _attempt(world, progress_notes.save_report, meeting.id, person_id, data)
    _attempt(world, action_items.add_action_item, meeting.id, item_text, responsible, due)


# ---- Party fees (services.fees: bases, reliefs, the ledger; the fee column of a meeting) ---------------------

basis_keys = st.sampled_from(["effective", "kind", "income", "group", "area", "amount", "beyond_working_age",
                              "decision", "note", "person", "bogus"])
relief_keys = st.sampled_from(["percent", "ground", "first_month", "last_month", "decision", "note", "bogus"])
some_month = st.one_of(st.sampled_from(["2026-11", "2026-13", "2010-01", "11/2026", "", "2026-1"]), odd_date,
                       value, st.builds(Month, st.integers(1990, 2030), st.integers(1, 12)))
kind = st.one_of(st.sampled_from(["salary", "pension", "fixed", "set_amount", "waived", "allowance"]), value)


@SETTINGS
@given(data=st.dictionaries(basis_keys, value, max_size=7), kind=kind, who=st.sampled_from(["member", "candidate"]))
def test_save_fee_basis(world, data, kind, who):
    from desktop_app.services.fees import bases

    _attempt(world, bases.save_basis, world[who].id, {"kind": kind, **data})


@SETTINGS
@given(data=st.dictionaries(relief_keys, value, max_size=6), first=some_month, last=some_month,
       percent=st.one_of(st.sampled_from([30, 50, 70, 100, 40]), value))
def test_save_fee_relief(world, data, first, last, percent):
    from desktop_app.services.fees import bases

    _attempt(world, bases.save_relief, world["member"].id, {"percent": percent, "ground": "hardship",
                                                             "first_month": first, "last_month": last, **data})


@SETTINGS
@given(person=st.one_of(st.sampled_from(["member", "candidate"]), some_id), month=some_month,
       amount=st.one_of(st.integers(-10, 10**11), value), paid_on=st.one_of(odd_date, value),
       note=st.one_of(text, value))
def test_record_fee_payment(world, person, month, amount, paid_on, note):
    from desktop_app.services.fees import bases, ledger

    if "fee basis" not in world:
        bases.save_basis(world["member"].id, {"effective": dt.date(2026, 1, 1), "kind": "salary",
                                              "income": 6_000_000})
        world["fee basis"] = True
    pid = world[person].id if person in ("member", "candidate") else person
    _attempt(world, ledger.record_payment, pid, month, amount, paid_on, note=note)
    _attempt(world, ledger.record_months, pid, month, paid_on)


@SETTINGS
@given(person=some_id, amount=st.one_of(st.none(), st.integers(-10, 10**11), value))
def test_fee_column_of_a_meeting(world, person, amount):
    from desktop_app.services.meetings import meeting_fees

    meeting = _a_meeting(world)
    _attempt(world, meeting_fees.set_fee_paid, meeting.id, world["member"].id, amount)
    _attempt(world, meeting_fees.set_fee_paid, meeting.id, person, amount)


# A workbook's cells: text, numbers, flags, dates, nothing (interchange.xlsx_reader gives no other kind).
cell = st.one_of(text, odd_date, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                 st.sampled_from(["Đang sinh hoạt", "Từ trần", "Có", "Không", "CB01", "Chi bộ 1", "Nam", "Nữ",
                                  "3f1c2a7e-8b5d-4c21-9e0a-5d7b1c9f2e11"]))
csdl_keys = st.sampled_from(["uid", "full_name", "other_names", "gender", "birth_date", "cccd", "card_number",
                             "card_issued_on", "branch", "admission_date", "official_date", "old_id_number",
                             "home_town_province", "residence_detail", "status", "left_on", "delete_proposed",
                             "ethnicity", "religion"])


@SETTINGS
@given(rows=st.lists(st.dictionaries(csdl_keys, cell, max_size=10), min_size=1, max_size=3))
def test_csdl_import(world, rows):
    """The central database's workbook: every row gets a plan (refused with its reasons, never an exception), and
    writing the plan stores only checked values, NFC."""
    from desktop_app.services.interchange import csdl_import
    from desktop_app.services.interchange.import_rows import RowInput

    rows = [dict(r, full_name=r.get("full_name", "Lò Văn Mười")) for r in rows]
    plan = csdl_import.plan_rows([RowInput(n, r, [], tuple(r.values())) for n, r in enumerate(rows, 8)])
    assert len(plan.rows) == len(rows)
    assert all(r.errors for r in plan.rows if r.action == csdl_import.REFUSED)
    _attempt(world, csdl_import.apply, plan)
    for item in plan.rows:
        if item.person_id is not None and item.action in (csdl_import.NEW, csdl_import.UPDATE):
            _assert_nfc(Person.get_by_id(item.person_id))
