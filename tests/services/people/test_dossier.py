"""The dossier service: one row per form, validated, audited; nothing written on bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.enums import DossierCode, DossierStatus, Status
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.people import dossier, people
from desktop_app.store.models import AuditEntry, DossierItem


@pytest.fixture
def person(org):
    _org, branch = org
    return people.create_person({"full_name": "Lò Thị Xuân", "branch": branch.id, "status": Status.APPLICANT,
                                 "birth_date": dt.date(2000, 5, 1)}, stage_date=dt.date(2026, 3, 1))


def test_checklist_has_one_line_per_form(person):
    rows = dossier.checklist(person.id)
    assert [r.code for r in rows] == DossierCode.codes()
    assert all(r.status == DossierStatus.MISSING and r.item_id is None for r in rows)


def test_saving_a_form_twice_updates_the_same_row_and_audits_both(person):
    first = dossier.save_item(person.id, "1-KNĐ", number="", date=dt.date(2026, 3, 2))
    second = dossier.save_item(person.id, "1-KNĐ", number="Đơn 12", date="05/03/2026")
    assert first.id == second.id
    assert DossierItem.select().where(DossierItem.person == person.id).count() == 1
    assert dossier.received_dates(person.id) == {"1-KNĐ": dt.date(2026, 3, 5)}
    actions = [a for (a,) in AuditEntry.select(AuditEntry.action).where(AuditEntry.table == "dossieritem").tuples()]
    assert actions == ["create", "update"]


@pytest.mark.parametrize("kwargs, field", [
    ({"code": "99-KNĐ", "date": dt.date(2026, 3, 2)}, "code"),
    ({"code": "2-KNĐ", "date": dt.date(2999, 1, 1)}, "date"),
    ({"code": "2-KNĐ", "date": dt.date(1999, 1, 1)}, "date"),  # before the date of birth
    ({"code": "2-KNĐ", "date": "31/02/2026"}, "date"),
    ({"code": "2-KNĐ", "date": None}, "date"),  # a received form needs its date
    ({"code": "2-KNĐ", "date": dt.date(2026, 3, 2), "status": "lost"}, "status"),
])
def test_bad_input_is_refused_and_nothing_written(person, kwargs, field):
    kwargs = dict(kwargs)  # the parameters are shared by both engines' runs
    code = kwargs.pop("code")
    with pytest.raises(ValidationError) as caught:
        dossier.save_item(person.id, code, **kwargs)
    assert field in caught.value.errors
    assert DossierItem.select().count() == 0


def test_a_missing_form_keeps_its_number_and_counts_as_not_received(person):
    dossier.save_item(person.id, "3-KNĐ", number="GT-1", date=dt.date(2026, 4, 1))
    dossier.save_item(person.id, "3-KNĐ", number="GT-1", date=None, status=DossierStatus.MISSING)
    assert dossier.missing(person.id, ["3-KNĐ", "5-KNĐ"]) == ["3-KNĐ", "5-KNĐ"]
    row = next(r for r in dossier.checklist(person.id) if r.code == "3-KNĐ")
    assert row.number == "GT-1" and not row.received


def test_delete_removes_the_row_and_keeps_it_in_the_audit(person):
    item = dossier.save_item(person.id, "CN-NTVĐ", number="649/GCN", date=dt.date(2025, 12, 3))
    dossier.delete_item(item.id)
    assert dossier.list_items(person.id) == []
    entry = AuditEntry.select().where((AuditEntry.action == "delete") & (AuditEntry.table == "dossieritem")).get()
    assert "649/GCN" in entry.before
    with pytest.raises(NotFoundError):
        dossier.delete_item(item.id)
