"""People, from first contact to official member and beyond: create, edit, soft delete, restore,
list, and the dated status history (every status change is a StageEvent)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from peewee import JOIN, Value

from desktop_app.core import clock
from desktop_app.core.enums import Category, Gender, Stage, Status, TheoryLevel
from desktop_app.core.text import fold, name_sort_key
from desktop_app.i18n import _
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.soft_delete import set_deleted
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.store import raw, search_index
from desktop_app.store.models import Branch, Person, StageEvent

TEXT_FIELDS = ("birth_place", "ethnicity", "religion", "phone", "home_town", "residence", "education",
               "professional_level", "occupation", "workplace", "position", "note")
DATE_FIELDS = ("admission_date", "ceremony_date", "official_date", "joined_branch_date")
# Fields the form edits; status changes go through record_stage so history stays complete.
EDITABLE = ("full_name", "gender", "birth_date", "cccd", "card_number", "branch", "theory_level", "categories",
            "youth_union", "trade_union", *TEXT_FIELDS, *DATE_FIELDS)

# The step recorded as the first dated history entry of a person added with this status.
FIRST_STAGE = {Status.PROSPECT: Stage.SOURCE, Status.SYMPATHISER: Stage.SYMPATHISER_LIST,
               Status.APPLICANT: Stage.APPLICATION, Status.PROBATIONARY: Stage.CEREMONY,
               Status.OFFICIAL: Stage.RECOGNITION_DECISION}


def field_labels() -> dict[str, str]:
    return {
        "full_name": _("Full name"), "gender": _("Gender"), "birth_date": _("Date of birth"),
        "birth_place": _("Place of birth"), "ethnicity": _("Ethnicity"), "religion": _("Religion"),
        "cccd": _("Citizen ID"), "phone": _("Phone"), "home_town": _("Home town"), "residence": _("Residence"),
        "education": _("Education"), "professional_level": _("Professional qualification"),
        "theory_level": _("Political theory"), "occupation": _("Occupation"), "workplace": _("Workplace"),
        "position": _("Position"), "youth_union": _("Youth Union member"), "trade_union": _("Trade Union member"),
        "categories": _("Categories"), "branch": _("Branch"), "status": _("Status"),
        "card_number": _("Party card number"), "admission_date": _("Admission decision date"),
        "ceremony_date": _("Admission ceremony date"), "official_date": _("Official member since"),
        "joined_branch_date": _("In this branch since"), "note": _("Note"),
    }


class PersonRow(NamedTuple):
    """One line of the register (a tuple: ten thousand of them are made in a few milliseconds)."""

    id: int
    full_name: str
    gender: str
    birth_date: dt.date | None
    status: str
    branch_id: int | None
    branch_code: str
    cccd: str | None
    card_number: str | None
    admission_date: dt.date | None
    categories: str
    sort_key: str = ""  # core.text.name_sort_key of the name, as stored: sorting ten thousand needs no recomputing


def get_person(person_id: int, include_deleted: bool = False) -> Person:
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or (person.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("Person not found."))
    return person


def validate_person(data: dict, person: Person | None = None, today: dt.date | None = None) -> dict:
    """Checked, normalised values of *data* for a new person (*person* None) or an edit of *person*;
    raises ValidationError naming every bad field. Reads the database (branch, CCCD clash), writes nothing."""
    labels = field_labels()
    check = Checker(data)
    creating = person is None
    check.text("full_name", required=creating, max_length=120, name=True, label=labels["full_name"])
    if "full_name" in check.clean and not check.clean["full_name"]:
        check.fail("full_name", _("{field} is required.").format(field=labels["full_name"]))
    check.choice("gender", Gender.codes(), label=labels["gender"])
    birth = check.date("birth_date", not_future=True, label=labels["birth_date"], today=today)
    for field in TEXT_FIELDS:
        check.text(field, max_length=4000 if field == "note" else 200, name=field != "note", label=labels[field])
    check.choice("theory_level", TheoryLevel.codes(), label=labels["theory_level"])
    check.flag("youth_union")
    check.flag("trade_union")
    cccd = check.cccd("cccd", label=labels["cccd"])
    card = check.text("card_number", max_length=32, name=True, label=labels["card_number"])
    if card == "":
        check.clean["card_number"] = None
    for field in DATE_FIELDS:
        value = check.date(field, not_future=True, label=labels[field], today=today)
        if value and birth and value < birth:
            check.fail(field, _("{field} cannot be before the date of birth.").format(field=labels[field]))
    if "categories" in data:
        raw = data["categories"]
        items = raw if isinstance(raw, (list, tuple, set)) else str(raw or "").split(",")
        codes = [str(c).strip() for c in items if str(c).strip()]
        unknown = [c for c in codes if c not in Category.codes()]
        if unknown:
            check.fail("categories", _("Unknown category: {value}.").format(value=", ".join(unknown)[:80]))
        else:
            check.clean["categories"] = ",".join(c for c in Category.codes() if c in codes)
    if "branch" in data:
        bid = data["branch"]
        if bid in (None, ""):
            check.clean["branch"] = None
        else:
            branch = Branch.get_or_none(Branch.id == record_id(bid)) if record_id(bid) else None
            if branch is None or branch.deleted_at is not None:
                check.fail("branch", _("The chosen branch does not exist."))
            else:
                check.clean["branch"] = branch.id
    if cccd:
        clash = Person.select(Person.id, Person.full_name).where(Person.cccd == cccd)
        if person is not None:
            clash = clash.where(Person.id != person.id)
        other = clash.first()
        if other is not None:
            check.fail("cccd", _("Citizen ID {cccd} already belongs to {name}.").format(cccd=cccd,
                                                                                       name=other.full_name))
    if creating and "status" in data:
        check.choice("status", Status.codes(), label=labels["status"])
    return check.done()


def _apply(person: Person, values: dict) -> None:
    for key, value in values.items():
        setattr(person, "branch_id" if key == "branch" else key, value)
    person.name_fold = fold(person.full_name)
    person.sort_key = name_sort_key(person.full_name)


def create_person(data: dict, *, stage_date: dt.date | None = None) -> Person:
    """Create a person; the starting status is recorded as the first dated step of their history."""
    values = validate_person(data)
    status = values.pop("status", Status.PROSPECT)
    with atomic():
        person = Person(status=status)
        _apply(person, values)
        person.save(force_insert=True)
        first = FIRST_STAGE.get(status)
        if first is not None:
            when = stage_date or {Stage.CEREMONY: person.ceremony_date,
                                  Stage.RECOGNITION_DECISION: person.official_date}.get(first) or clock.today()
            StageEvent.create(person=person, stage=first, date=when, note=_("Recorded when the person was added."))
        search_index.index_person(person)
        audit.record_change("create", person, None)
    return person


def update_person(person_id: int, data: dict) -> Person:
    """Save edited fields; *data* may carry the ``version`` the form was filled from (services.versions)."""
    data, expected = versions.take(data)
    person = get_person(person_id)
    versions.expect(person, expected)
    unknown = set(data) - set(EDITABLE)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    values = validate_person(data, person)
    with atomic():
        before = audit.snapshot(person)
        _apply(person, values)
        person.save()
        search_index.index_person(person)
        audit.record_change("update", person, before)
    return person


def delete_person(person_id: int) -> None:
    """Soft delete: hidden from lists and search, restorable, history kept."""
    set_deleted(get_person(person_id), True, reindex=search_index.index_person)


def restore_person(person_id: int) -> Person:
    person = get_person(person_id, include_deleted=True)
    set_deleted(person, False, reindex=search_index.index_person)
    return person


def record_stage(person_id: int, stage: str, date: dt.date, *, document_ref: str = "", note: str = "",
                 meeting_id: int | None = None, policy_version: str = "") -> StageEvent:
    """Record one dated step and move the person's status and key dates along with it.

    No Party rule is checked here: services.pipeline checks them before calling this.
    """
    person = get_person(person_id)
    check = Checker({"stage": stage, "date": date, "document_ref": document_ref, "note": note})
    check.choice("stage", Stage.codes(), required=True, label=_("Step"))
    check.date("date", required=True, not_future=True, label=_("Date"))
    check.text("document_ref", max_length=100, name=True, label=_("Document"))
    check.text("note", label=_("Note"))
    values = check.done()
    if person.birth_date and values["date"] < person.birth_date:
        raise ValidationError({"date": _("{field} cannot be before the date of birth.").format(field=_("Date"))})
    with atomic():
        before = audit.snapshot(person)
        event = StageEvent.create(person=person, stage=stage, date=values["date"],
                                  document_ref=values["document_ref"], note=values["note"],
                                  meeting=meeting_id, policy_version=policy_version)
        new_status = Stage.STATUS_AFTER.get(stage)
        if new_status:
            person.status = new_status
        if stage == Stage.ADMISSION_DECISION:
            person.admission_date = values["date"]
        elif stage == Stage.CEREMONY:
            person.ceremony_date = values["date"]
        elif stage == Stage.RECOGNITION_DECISION and not person.official_date:
            person.official_date = values["date"]
        person.save()
        audit.record_change("update", person, before)
        audit.record_change("create", event, None)
    return event


def history(person_id: int) -> list[StageEvent]:
    return list(StageEvent.select().where(StageEvent.person == person_id)
                .order_by(StageEvent.date, StageEvent.id))


def list_people(*, branch_id: int | None = None, statuses=None, category: str | None = None,
                include_deleted: bool = False, limit: int | None = None) -> list[PersonRow]:
    """The register, sorted by given name, then middle, then family name."""
    query = (Person.select(Person.id, Person.full_name, Person.gender, Person.birth_date, Person.status,
                           Person.branch, Branch.code, Person.cccd, Person.card_number, Person.admission_date,
                           Person.categories, Person.sort_key)
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .order_by(Person.sort_key, Person.id))
    if not include_deleted:
        query = query.where(Person.deleted_at.is_null())
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    if statuses:
        query = query.where(Person.status.in_(list(statuses)))
    if category:
        listed = Value(",").concat(Person.categories).concat(",")  # ",a,b," holds ",a," whatever the engine
        query = query.where(listed.contains(f",{category},"))
    if limit:
        query = query.limit(limit)
    make, date = PersonRow._make, raw.to_date
    return [make((pid, name, gender, date(birth), status, bid, code, cccd, card, date(admitted), categories, key))
            for pid, name, gender, birth, status, bid, code, cccd, card, admitted, categories, key in raw.rows(query)]
