"""The admission and recognition dossier (hồ sơ) of a person: forms and certificates received.

One row per form (core.enums.DossierCode); saving the same code again updates that row, so the
checklist always shows one line per form. Every write is validated, one transaction and audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import DossierCode, DossierStatus
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people.people import get_person
from desktop_app.store.models import DossierItem


@dataclass(frozen=True)
class ChecklistRow:
    code: str
    label: str
    item_id: int | None
    number: str
    date: dt.date | None
    status: str  # DossierStatus; "missing" when there is no row
    note: str

    @property
    def received(self) -> bool:
        return self.status == DossierStatus.RECEIVED


def get_item(item_id: int) -> DossierItem:
    item = DossierItem.get_or_none(DossierItem.id == record_id(item_id))
    if item is None:
        raise NotFoundError(_("Dossier item not found."))
    return item


def list_items(person_id: int) -> list[DossierItem]:
    """The person's dossier rows, in the order of the forms."""
    order = {code: i for i, code in enumerate(DossierCode.codes())}
    rows = list(DossierItem.select().where(DossierItem.person == person_id))
    return sorted(rows, key=lambda r: (order.get(r.code, len(order)), r.id))


def checklist(person_id: int, codes=None) -> list[ChecklistRow]:
    """One line per form of *codes* (default: every form), received or not."""
    by_code = {item.code: item for item in list_items(person_id)}
    result = []
    for code in codes or DossierCode.codes():
        item = by_code.get(code)
        if item is None:
            result.append(ChecklistRow(code, DossierCode.label(code), None, "", None, DossierStatus.MISSING, ""))
        else:
            result.append(ChecklistRow(code, DossierCode.label(code), item.id, item.number, item.date, item.status,
                                       item.note))
    return result


def received_dates(person_id: int) -> dict[str, dt.date | None]:
    """{code: date} of the forms received (what the rules read)."""
    return {i.code: i.date for i in list_items(person_id) if i.status == DossierStatus.RECEIVED}


def save_item(person_id: int, code: str, *, number: str = "", date: dt.date | str | None = None,
              status: str = DossierStatus.RECEIVED, note: str = "", today: dt.date | None = None) -> DossierItem:
    """Record (or update) the form *code* of the person's dossier."""
    person = get_person(person_id)
    check = Checker({"code": code, "number": number, "date": date, "status": status, "note": note})
    check.choice("code", DossierCode.codes(), required=True, label=_("Form"))
    check.text("number", max_length=100, name=True, label=_("Number"))
    day = check.date("date", not_future=True, label=_("Date"), today=today)
    check.choice("status", DossierStatus.codes(), required=True, label=_("Status"))
    check.text("note", max_length=1000, label=_("Note"))
    if day and person.birth_date and day < person.birth_date:
        check.fail("date", _("{field} cannot be before the date of birth.").format(field=_("Date")))
    if check.clean.get("status") == DossierStatus.RECEIVED and "date" in check.clean and day is None:
        check.fail("date", _("Enter the date of the form received."))
    values = check.done()
    with atomic():
        item = DossierItem.get_or_none((DossierItem.person == person.id) & (DossierItem.code == values["code"]))
        if item is None:
            item = DossierItem.create(person=person, **values)
            audit.record_change("create", item, None)
        else:
            before = audit.snapshot(item)
            for key, value in values.items():
                setattr(item, key, value)
            item.save()
            audit.record_change("update", item, before)
    return item


def delete_item(item_id: int) -> None:
    """Remove a row entered by mistake; the audit trail keeps its content."""
    item = get_item(item_id)
    with atomic():
        before = audit.snapshot(item)
        item.delete_instance()
        audit.record("delete", item._meta.table_name, item.uid, before, None)


def missing(person_id: int, codes) -> list[str]:
    """The codes among *codes* not yet received."""
    have = received_dates(person_id)
    return [c for c in codes if c not in have]

