"""Generated bad input thrown at every writing service (hypothesis): arbitrary text (half UTF-16 pairs, zero-width
and direction-override characters, control characters, NFD, very long), numbers and dates, ids that exist or
not. Each call either succeeds or raises the app's own ServiceError (ValidationError, NotFoundError,
RuleViolation…) with a message; a refused call writes nothing (every row of every table unchanged, not just
the counts); no statement writes outside a transaction; what is stored is clean NFC text; and afterwards the
audit trail checks intact (the chain, its heads, every record against its last audited state).

The normal suite runs the "ci" profile (a bounded number of examples a service); by hand, run more with
``SOCHIBO_FUZZ=long python -m pytest tests/reliability/test_bad_input.py`` (2,000 examples a service, no time limit).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.rules import Month
from desktop_app.services.common import settings as app_settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.store import db as store_db
from desktop_app.store.models import ALL_MODELS, Person
from desktop_app.store.schema import open_database

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much,
          HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, suppress_health_check=_QUIET)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=_QUIET)
FUZZ = settings.get_profile(os.environ.get("SOCHIBO_FUZZ", "ci"))
pytestmark = [pytest.mark.timeout(0)] if os.environ.get("SOCHIBO_FUZZ") == "long" else []  # as long as it takes

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Đức")
SPECIAL = ["", " ", "\x00", "\t\n\r", "\u200b", "\u202e", NFD_NAME, "'; DROP TABLE person; --", "0" * 12,
           "001070000123", "１２３４５６７８９０１２", "Đ" * 121, "\ud7ff", "😀" * 10, "NULL", "%", "_", "*",
           "\ud800", "Lê\udc00Văn", "Nguyễn\u200bVăn\u200dA", "\u202eLò Văn Mười", "\ufeffHoa", "Lê\u00adVăn",
           "\u2066Quàng\u2069", "\u0085", "Ｎｇｕｙễｎ"]
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
text = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=250),  # control characters included
    st.text(alphabet=st.characters(categories=["Cs", "Cf", "Lu", "Zs"]), max_size=30),  # lone surrogates
    st.text(alphabet="aăâđeêioôơuưyAĂÂĐ \u0300\u0301\u0303\u0309\u0323\u200b\u202e", min_size=1, max_size=60),
    st.text(min_size=4001, max_size=4100),
)
odd_date = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.sampled_from(["31/02/2020", "29/02/2023", "00/00/0000", "1/1/1", "2020-13-45", "12/12/99999", "hôm qua",
                     "03/11/2026", "2026-11-03", " ", "", "0\ud8003/11/2026"]),
)
value = st.one_of(
    text, odd_date, st.none(), st.booleans(),
    st.integers(), st.integers(min_value=2**63), st.integers(max_value=-(2**63)),
    st.floats(allow_nan=True, allow_infinity=True), st.binary(max_size=8),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
TABLES = [m._meta.table_name for m in ALL_MODELS] + ["person_fts", "branch_fts"]


def _state() -> dict[str, str]:
    """A digest of every row of every table: a refused call must leave each one as it was."""
    conn = store_db.database.obj.connection()
    return {table: hashlib.sha256(repr(conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall())
                                  .encode("utf-8", "surrogatepass")).hexdigest() for table in TABLES}


@pytest.fixture
def world(tmp_path):
    """A database with an organisation, a branch, two official members, a candidate and a draft meeting with
    its attendance, a vote, a report, a task, a dossier paper and a helper; every write statement is watched
    for running outside a transaction."""
    from desktop_app.services.meetings import action_items, meetings, progress_notes
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.services.people import dossier, people, sponsorships

    real = open_database(tmp_path / "fuzz.sqlite3")
    org = organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "place": "Mường Ảng"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ 1"})
    member = people.create_person({"full_name": "Lò Văn Mười", "status": "official", "branch": branch.id,
                                   "official_date": dt.date(2010, 5, 1), "birth_date": dt.date(1970, 1, 1)})
    second = people.create_person({"full_name": "Cầm Thị Xuân", "status": "official", "branch": branch.id,
                                   "official_date": dt.date(2012, 5, 1), "birth_date": dt.date(1975, 1, 1)})
    candidate = people.create_person({"full_name": "Quàng Thị Hoa", "status": "applicant", "branch": branch.id,
                                      "birth_date": dt.date(2000, 1, 1)})
    meeting = meetings.create_meeting(branch.id, {"date": dt.date(2026, 11, 3)})
    item = action_items.add_action_item(meeting.id, "Sửa đường vào bản", member.id, dt.date(2026, 12, 1))
    note = progress_notes.save_report(meeting.id, candidate.id, {"strengths": "Chăm chỉ", "author": member.id})
    paper = dossier.save_item(candidate.id, "2-KNĐ", number="01", date=dt.date(2026, 1, 5))
    helper = sponsorships.assign(member.id, candidate.id, "helper", dt.date(2025, 1, 1))
    outside: list[str] = []

    def hook(event):
        if WRITE.match(event.sql) and not real.in_transaction():
            outside.append(event.sql)

    real.query_hooks.append(hook)
    yield {"org": org, "branch": branch, "member": member, "second": second, "candidate": candidate,
           "meeting": meeting, "item": item, "note": note, "paper": paper, "helper": helper, "outside": outside}
    real.query_hooks.remove(hook)
    store_db.close()


def _clean(instance) -> None:
    """Stored text is NFC, without invisible format characters, control characters or broken pairs."""
    instance = type(instance).get_by_id(instance.id)
    for name, field in instance._meta.fields.items():
        v = getattr(instance, field.name if not hasattr(field, "rel_model") else name + "_id", None)
        if isinstance(v, str) and name != "sort_key":  # a machine key made of code points, not text
            assert unicodedata.is_normalized("NFC", v), f"{name} stored as non-NFC text"
            assert not INVISIBLE.search(v), f"{name} kept an invisible character: {v!r}"
            assert not re.search("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]", v), f"{name} kept {v!r}"


def _attempt(world, call, *args, **kwargs):
    """Run one service call with generated input and check the rules of the module."""
    from desktop_app.services.datafile import trail

    before = _state()
    try:
        result = call(*args, **kwargs)
    except ServiceError as exc:
        assert str(exc).strip(), "a refusal must carry a message"
        str(exc).encode("utf-8")  # the message can be printed
        assert _state() == before, "a refused call wrote something"
        result = None
    assert not world["outside"], f"written outside a transaction: {world['outside'][:2]}"
    report = trail.check_trail()
    assert report.intact, [str(f) for f in report.findings]
    if result is not None and hasattr(result, "_meta") and getattr(result, "id", None):
        _clean(result)
    return result


def ids(world, *keys):
    """Ids that exist (of the world's rows) mixed with ids that do not and values that are no ids."""
    known = [world[k].id for k in keys]
    return st.one_of(st.sampled_from(known), st.integers(min_value=-3, max_value=40), st.integers(), value)


# ---- one case per writing service: draws its arguments, calls it through _attempt -------------------------


def _people(world, data):
    from desktop_app.services.people import people

    keys = st.sampled_from([*people.EDITABLE, "status", "id", "uid", "deleted_at", "bogus"])
    fields = data.draw(st.dictionaries(keys, value, max_size=8))
    _attempt(world, people.create_person, {"full_name": data.draw(st.one_of(text, value)), **fields})
    _attempt(world, people.update_person, data.draw(ids(world, "candidate", "member")), fields)


def _people_steps(world, data):
    from desktop_app.services.people import people, pipeline

    person = data.draw(ids(world, "candidate", "member"))
    stage = data.draw(st.one_of(st.sampled_from(["application", "ceremony", "sympathiser", "x"]), value))
    _attempt(world, people.record_stage, person, stage, data.draw(st.one_of(odd_date, value)),
             document_ref=data.draw(st.one_of(text, value)), note=data.draw(st.one_of(text, value)))
    _attempt(world, pipeline.advance, person, stage, data.draw(st.one_of(odd_date, value)),
             document_ref=data.draw(st.one_of(text, value)), note=data.draw(st.one_of(text, value)),
             confirm_warnings=data.draw(st.booleans()))


def _people_delete(world, data):
    from desktop_app.services.people import people

    person = data.draw(ids(world, "candidate", "second"))
    _attempt(world, people.delete_person, person)
    _attempt(world, people.restore_person, person)


def _dossier(world, data):
    from desktop_app.services.people import dossier

    code = data.draw(st.one_of(st.sampled_from(["2-KNĐ", "CN-NTVĐ", "x"]), value))
    _attempt(world, dossier.save_item, data.draw(ids(world, "candidate")), code,
             number=data.draw(st.one_of(text, value)), date=data.draw(st.one_of(odd_date, value)),
             status=data.draw(st.one_of(st.sampled_from(["received", "missing"]), value)),
             note=data.draw(st.one_of(text, value)))
    _attempt(world, dossier.delete_item, data.draw(st.one_of(st.integers(min_value=-2, max_value=9), value)))


def _sponsors(world, data):
    from desktop_app.services.people import sponsorships

    _attempt(world, sponsorships.assign, data.draw(ids(world, "member", "second")),
             data.draw(ids(world, "candidate")), data.draw(st.one_of(st.sampled_from(["helper", "introducer"]),
                                                                     value)),
             data.draw(st.one_of(odd_date, value)), together_since=data.draw(st.one_of(odd_date, value)))
    _attempt(world, sponsorships.end, data.draw(ids(world, "helper")), data.draw(st.one_of(odd_date, value)),
             data.draw(st.one_of(text, value)))


def _privacy(world, data):
    from desktop_app.services.people import privacy

    _attempt(world, privacy.reveal, data.draw(ids(world, "member")),
             data.draw(st.one_of(st.sampled_from(["cccd", "phone", "card_number", "note"]), value)))


def _branches(world, data):
    from desktop_app.services.organisation import branches

    keys = st.sampled_from(["code", "name", "kind", "rural", "active", "note", "secretary", "deputy", "bogus"])
    fields = data.draw(st.dictionaries(keys, value, max_size=7))
    _attempt(world, branches.create_branch, fields)
    _attempt(world, branches.update_branch, data.draw(ids(world, "branch")), fields)
    some = data.draw(st.one_of(st.integers(min_value=-1, max_value=6), value))
    _attempt(world, branches.delete_branch, some)
    _attempt(world, branches.restore_branch, some)


def _organisation(world, data):
    from desktop_app.services.organisation import organisation

    keys = st.sampled_from(["name", "superior_body", "place", "superior_committee", "address", "issuer_code", "term",
                            "is_grassroots_branch", "authorised_to_admit", "signer", "bogus", "id"])
    _attempt(world, organisation.save_organisation, data.draw(st.dictionaries(keys, value, max_size=6)))


def _quotas_and_calendar(world, data):
    from desktop_app.services.organisation import calendar_days, quotas

    _attempt(world, quotas.set_quota, data.draw(st.one_of(st.none(), ids(world, "branch"))), data.draw(value),
             data.draw(value))
    day = data.draw(st.one_of(odd_date, value))
    _attempt(world, calendar_days.add_day, day, data.draw(st.one_of(st.sampled_from(["off", "working"]), value)),
             data.draw(st.one_of(text, value)))
    _attempt(world, calendar_days.remove_day, day)


def _rule_settings(world, data):
    from desktop_app.services.organisation import rule_settings

    names = [p.name for p, _v in rule_settings.parameters()]
    _attempt(world, rule_settings.save, data.draw(st.dictionaries(st.one_of(st.sampled_from(names), text), value,
                                                                  max_size=3)))
    _attempt(world, rule_settings.reset)


def _settings(world, data):
    key = data.draw(st.one_of(text, st.sampled_from(["audit.head", "database.uid", " audit.head", "backup.keep",
                                                     "language"])))
    _attempt(world, app_settings.set, key, data.draw(value))


def _meetings(world, data):
    from desktop_app.services.meetings import meeting_prep, meetings

    keys = st.sampled_from(["date", "kind", "place", "start_time", "end_time", "chair", "secretary", "theme",
                            "fees_collected", "evaluation", "discussion", "conclusion", "status", "bogus"])
    fields = data.draw(st.dictionaries(keys, value, max_size=6))
    _attempt(world, meetings.create_meeting, data.draw(ids(world, "branch")), fields)
    _attempt(world, meetings.update_meeting, data.draw(ids(world, "meeting")), fields)
    _attempt(world, meeting_prep.prepare_meeting, data.draw(ids(world, "branch")), data.draw(st.one_of(odd_date,
                                                                                                        value)),
             data.draw(st.one_of(st.sampled_from(["regular", "thematic"]), value)))


def _meeting_removal(world, data):
    from desktop_app.services.meetings import removal

    meeting = data.draw(st.one_of(st.integers(min_value=-1, max_value=5), value))
    _attempt(world, removal.delete_meeting, meeting)
    _attempt(world, removal.restore_meeting, meeting)


def _attendance(world, data):
    from desktop_app.services.meetings import attendance

    meeting, person = data.draw(ids(world, "meeting")), data.draw(ids(world, "member", "candidate"))
    _attempt(world, attendance.set_attendance, meeting, person,
             data.draw(st.one_of(st.sampled_from(["present", "excused", "unexcused"]), value)),
             data.draw(st.one_of(text, value)))
    _attempt(world, attendance.add_guest, meeting, person, data.draw(st.one_of(text, value)))
    _attempt(world, attendance.remove_guest, meeting, person)
    _attempt(world, attendance.sync_members, meeting)


def _decisions(world, data):
    from desktop_app.services.meetings import decisions

    keys = st.sampled_from(["kind", "subject", "sponsor", "title", "text", "yes", "no", "abstain", "bogus"])
    fields = data.draw(st.dictionaries(keys, value, max_size=6))
    made = _attempt(world, decisions.record_decision, data.draw(ids(world, "meeting")), fields,
                    confirm_warnings=data.draw(st.booleans()))
    target = made.id if made is not None else data.draw(st.one_of(st.integers(min_value=-1, max_value=5), value))
    _attempt(world, decisions.update_decision, target, fields)
    _attempt(world, decisions.set_document_number, target, data.draw(st.one_of(text, value)))
    _attempt(world, decisions.delete_decision, target)


def _reports_and_tasks(world, data):
    from desktop_app.services.meetings import action_items, progress_notes

    keys = st.sampled_from(["strengths", "weaknesses", "recommendation", "author", "date", "bogus"])
    meeting = data.draw(ids(world, "meeting"))
    _attempt(world, progress_notes.save_report, meeting, data.draw(ids(world, "candidate")),
             data.draw(st.dictionaries(keys, value, max_size=5)))
    _attempt(world, progress_notes.delete_report, data.draw(st.one_of(st.integers(min_value=-1, max_value=4),
                                                                      value)))
    item = _attempt(world, action_items.add_action_item, meeting, data.draw(st.one_of(text, value)),
                    data.draw(st.one_of(st.none(), ids(world, "member"))), data.draw(st.one_of(odd_date, value)))
    target = item.id if item is not None else data.draw(ids(world, "item"))
    _attempt(world, action_items.update_action_item, target,
             data.draw(st.dictionaries(st.sampled_from(["text", "responsible", "due", "bogus"]), value, max_size=3)))
    _attempt(world, action_items.set_done, target, data.draw(value), data.draw(st.one_of(odd_date, value)))
    _attempt(world, action_items.carry_open_items, meeting)
    _attempt(world, action_items.delete_action_item, data.draw(st.one_of(st.sampled_from([target]), value)))


def _minutes(world, data):
    from desktop_app.services.meetings import minutes

    meeting = data.draw(ids(world, "meeting"))
    _attempt(world, minutes.add_addendum, meeting, data.draw(st.one_of(odd_date, value)),
             data.draw(st.one_of(text, value)))
    _attempt(world, minutes.adopt, meeting, data.draw(st.one_of(odd_date, value)))


def _numbers_and_outputs(world, data):
    from desktop_app.services.documents import numbering, outputs

    _attempt(world, numbering.next_number, data.draw(st.one_of(text, value)), data.draw(st.one_of(text, value)),
             data.draw(st.one_of(text, value)), note=data.draw(st.one_of(text, value)))
    _attempt(world, outputs.record, data.draw(st.one_of(st.sampled_from(["print", "export"]), text)),
             data.draw(text), data.draw(st.dictionaries(text, value, max_size=3)))


def _import(world, data):
    from desktop_app.services.interchange import importing
    from desktop_app.services.interchange.import_rows import RowInput

    keys = st.sampled_from(["full_name", "gender", "birth_date", "cccd", "branch", "status", "admission_date",
                            "ceremony_date", "official_date", "categories", "note", "phone", "bogus"])
    rows = data.draw(st.lists(st.dictionaries(keys, value, max_size=6), max_size=4))
    _attempt(world, importing.import_rows, data.draw(st.sampled_from(["members", "candidates"])),
             [RowInput(n + 2, r) for n, r in enumerate(rows)], default_branch_id=data.draw(
                 st.one_of(st.none(), ids(world, "branch"))))


def _repair(world, data):
    from desktop_app.services.datafile import trail_repair

    _attempt(world, trail_repair.repair, data.draw(st.one_of(text, value)), data.draw(st.one_of(text, value)))


def _fees(world, data):
    """Party fees: a member's fee bases and reliefs, the fee ledger, the fee column of a meeting."""
    from desktop_app.services.fees import bases, ledger
    from desktop_app.services.meetings import meeting_fees

    basis_keys = st.sampled_from(["effective", "kind", "income", "group", "area", "amount", "beyond_working_age",
                                  "decision", "note", "person", "bogus"])
    relief_keys = st.sampled_from(["percent", "ground", "first_month", "last_month", "decision", "note", "bogus"])
    month = st.one_of(st.sampled_from(["2026-11", "2026-13", "2010-01", "11/2026", "", "2026-1"]), odd_date, value,
                      st.builds(Month, st.integers(1990, 2030), st.integers(1, 12)))
    kind = st.one_of(st.sampled_from(["salary", "pension", "fixed", "set_amount", "waived", "allowance"]), value)
    amount = st.one_of(st.none(), st.integers(-10, 10**11), value)
    _attempt(world, bases.save_basis, data.draw(ids(world, "member", "candidate")),
             {"kind": data.draw(kind), **data.draw(st.dictionaries(basis_keys, value, max_size=7))})
    _attempt(world, bases.save_relief, data.draw(ids(world, "member")),
             {"percent": data.draw(st.one_of(st.sampled_from([30, 50, 70, 100, 40]), value)), "ground": "hardship",
              "first_month": data.draw(month), "last_month": data.draw(month),
              **data.draw(st.dictionaries(relief_keys, value, max_size=6))})
    if "fee basis" not in world:  # a member who owes fees, so that payments can be taken
        bases.save_basis(world["member"].id, {"effective": dt.date(2026, 1, 1), "kind": "salary",
                                              "income": 6_000_000})
        world["fee basis"] = True
    person, paid_on = data.draw(ids(world, "member", "candidate")), data.draw(st.one_of(odd_date, value))
    _attempt(world, ledger.record_payment, person, data.draw(month), data.draw(amount), paid_on,
             note=data.draw(st.one_of(text, value)))
    _attempt(world, ledger.record_months, person, data.draw(month), paid_on)
    _attempt(world, meeting_fees.set_fee_paid, data.draw(ids(world, "meeting")), person, data.draw(amount))


def _csdl(world, data):
    """The central database's workbook: every row gets a plan (refused with its reasons, never an exception), and
    writing the plan stores only checked values."""
    from desktop_app.services.interchange import csdl_import
    from desktop_app.services.interchange.import_rows import RowInput

    cell = st.one_of(text, odd_date, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.sampled_from(["Đang sinh hoạt", "Từ trần", "Có", "Không", "CB01", "Chi bộ 1", "Nam", "Nữ",
                                      "3f1c2a7e-8b5d-4c21-9e0a-5d7b1c9f2e11"]))
    keys = st.sampled_from(["uid", "full_name", "other_names", "gender", "birth_date", "cccd", "card_number",
                            "card_issued_on", "branch", "admission_date", "official_date", "old_id_number",
                            "home_town_province", "residence_detail", "status", "left_on", "delete_proposed",
                            "ethnicity", "religion"])
    rows = data.draw(st.lists(st.dictionaries(keys, cell, max_size=10), min_size=1, max_size=3))
    rows = [dict(r, full_name=r.get("full_name", "Lò Văn Mười")) for r in rows]
    plan = csdl_import.plan_rows([RowInput(n, r, [], tuple(r.values())) for n, r in enumerate(rows, 8)])
    assert len(plan.rows) == len(rows)
    assert all(r.errors for r in plan.rows if r.action == csdl_import.REFUSED)
    _attempt(world, csdl_import.apply, plan)
    for item in plan.rows:
        if item.person_id is not None and item.action in (csdl_import.NEW, csdl_import.UPDATE):
            _clean(Person.get_by_id(item.person_id))


CASES = [_people, _people_steps, _people_delete, _dossier, _sponsors, _privacy, _branches, _organisation,
         _quotas_and_calendar, _rule_settings, _settings, _meetings, _meeting_removal, _attendance, _decisions,
         _reports_and_tasks, _minutes, _numbers_and_outputs, _import, _repair, _fees, _csdl]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__.strip("_") for c in CASES])
def test_every_writing_service_refuses_bad_input_cleanly(world, case):
    @FUZZ
    @given(data=st.data())
    def run(data):
        case(world, data)

    run()


def test_the_watch_sees_a_write_outside_a_transaction(world):
    Person.update(note="x").where(Person.id == world["candidate"].id).execute()
    assert world["outside"] and world["outside"][0].upper().startswith("UPDATE")
    world["outside"].clear()


def test_the_state_sees_an_update_that_changes_no_count(world):
    before = _state()
    Person.update(note="y").where(Person.id == world["candidate"].id).execute()
    assert _state() != before
