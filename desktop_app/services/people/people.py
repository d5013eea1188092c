"""People, from first contact to official member and beyond: create, edit, soft delete, restore,
list, and the dated status history (every status change is a StageEvent)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from peewee import JOIN, Value

from desktop_app.core import clock
from desktop_app.core.enums import Category, Gender, Stage, Status, TheoryLevel
from desktop_app.core.text import fold, name_sort_key, shown
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.soft_delete import set_deleted
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import membership, record_fields
from desktop_app.store import raw, search_index
from desktop_app.store.models import Branch, Person, StageEvent

TEXT_FIELDS = ("birth_place", "ethnicity", "religion", "phone", "home_town", "residence", "education",
               "professional_level", "occupation", "workplace", "position", "note")
DATE_FIELDS = ("admission_date", "ceremony_date", "official_date", "joined_branch_date")
# Fields the form edits; status changes go through record_stage so history stays complete.
EDITABLE = ("full_name", "gender", "birth_date", "cccd", "card_number", "branch", "theory_level", "categories",
            "youth_union", "trade_union", *TEXT_FIELDS, *DATE_FIELDS, *record_fields.EDITABLE)

# The step recorded as the first dated history entry of a person added with this status.
FIRST_STAGE = {Status.PROSPECT: Stage.SOURCE, Status.SYMPATHISER: Stage.SYMPATHISER_LIST,
               Status.APPLICANT: Stage.APPLICATION, Status.PROBATIONARY: Stage.CEREMONY,
               Status.OFFICIAL: Stage.RECOGNITION_DECISION}


def field_labels() -> dict[str, str]:
    return record_fields.labels() | {
        "full_name": _("Full name"), "gender": _("Gender"), "birth_date": _("Date of birth"),
        "birth_place": _("Place of birth registration"), "ethnicity": _("Ethnicity"), "religion": _("Religion"),
        "cccd": _("Citizen ID"), "phone": _("Phone"), "home_town": _("Home town"),
        "residence": _("Permanent residence"),
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
            check.fail("categories", _("Unknown category: {value}.").format(
                value=shown(", ".join(map(str, unknown)), 80)))
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
    if person is not None and "branch" in check.clean and check.clean["branch"] is None \
            and person.branch_id is not None and person.status in Status.MEMBERS:
        check.fail("branch", _("A member belongs to a branch: choose the new branch, or record the transfer out "
                               "in the member's history."))
    record_fields.check(check, data, birth or (person.birth_date if person is not None else None), today)
    record_fields.check_together(check.clean, check, person)
    values = check.done()
    record_fields.complete(values, person)
    return values


def _apply(person: Person, values: dict) -> None:
    for key, value in values.items():
        setattr(person, "branch_id" if key == "branch" else key, value)
    person.name_fold = fold(person.full_name)
    person.sort_key = name_sort_key(person.full_name)


def create_person(data: dict, *, stage_date: dt.date | None = None, uid: str | None = None) -> Person:
    """Create a person; the starting status is recorded as the first dated step of their history. *uid* keeps
    the identity another program gave the record (the central member database's ID)."""
    values = validate_person(data)
    status = values.pop("status", Status.PROSPECT)
    if uid:
        values["uid"] = uid
    with atomic():
        person = new_record(values, status)
        first = FIRST_STAGE.get(status)
        step_dates = {Stage.CEREMONY: person.ceremony_date, Stage.RECOGNITION_DECISION: person.official_date}
        when = stage_date or (step_dates.get(first) if first else None) or clock.today()
        if first is not None:
            StageEvent.create(person=person, stage=first, date=when, note=_("Recorded when the person was added."))
        if status in Status.MEMBERS:  # a member joins the branch's membership history
            known = person.official_date or person.ceremony_date or person.admission_date
            membership.join(person, when if first is not None else known)
    return person


def new_record(values: dict, status: str) -> Person:
    """Write the record of a new person from checked *values* (validate_person), indexed and audited, with no
    history yet: the caller records the first steps in the same transaction."""
    person = Person(status=status)
    _apply(person, values)
    person.save(force_insert=True)
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
    old_branch = person.branch_id
    moved = values.get("branch", old_branch) != old_branch and values.get("branch") is not None
    if moved:
        # The day of the move is "in this branch since" when the edit changes it (the form sends every field:
        # the old branch's date left as it was is no date of the move), else today.
        since = values.get("joined_branch_date")
        values["joined_branch_date"] = since if since and since != person.joined_branch_date else clock.today()
        if old_branch is not None:
            _check_move_date(person, values["joined_branch_date"])
    with atomic():
        before = audit.snapshot(person)
        _apply(person, values)
        person.save()
        search_index.index_person(person)
        audit.record_change("update", person, before)
        if moved:
            membership.move(person, old_branch, person.branch_id, person.joined_branch_date)
    return person


def _check_move_date(person: Person, on: dt.date) -> None:
    """A move cannot come before the person's last recorded change of membership (replays would go wrong)."""
    last = membership.history(person.id)
    if last and on < last[-1].date:
        raise ValidationError({"joined_branch_date": _(
            "The move to another branch cannot be dated before {date}, the last change recorded in the member's "
            "history.").format(date=format_date(last[-1].date))})


def delete_person(person_id: int) -> None:
    """Soft delete: hidden from lists and search, restorable, history kept."""
    set_deleted(get_person(person_id), True, reindex=search_index.index_person)


def restore_person(person_id: int) -> Person:
    person = get_person(person_id, include_deleted=True)
    set_deleted(person, False, reindex=search_index.index_person)
    return person


def record_stage(person_id: int, stage: str, date: dt.date, *, document_ref: str = "", note: str = "",
                 meeting_id: int | None = None, policy_version: str = "", received_on: dt.date | None = None,
                 place: str = "") -> StageEvent:
    """Record one dated step and move the person's status, key dates and membership along with it.

    *received_on* is the day the branch received a decision (the ceremony deadline runs from it); *place*
    where a member transferring in comes from or one transferring out goes. No Party rule is checked here:
    services.pipeline checks them before calling this.
    """
    person = get_person(person_id)
    check = Checker({"stage": stage, "date": date, "document_ref": document_ref, "note": note,
                     "received_on": received_on, "place": place})
    check.choice("stage", Stage.codes(), required=True, label=_("Step"))
    check.date("date", required=True, not_future=True, label=_("Date"))
    check.text("document_ref", max_length=100, name=True, label=_("Document"))
    check.text("note", label=_("Note"))
    check.date("received_on", not_future=True, label=_("Received on"))
    check.text("place", max_length=200, name=True, label=_("Where"))
    values = check.done()
    if values.get("received_on") and values.get("date") and values["received_on"] < values["date"]:
        raise ValidationError({"received_on": _("A decision cannot be received before the day it was made.")})
    if person.birth_date and values["date"] < person.birth_date:
        raise ValidationError({"date": _("{field} cannot be before the date of birth.").format(field=_("Date"))})
    with atomic():
        before = audit.snapshot(person)
        event = StageEvent.create(person=person, stage=stage, date=values["date"],
                                  document_ref=values["document_ref"], note=values["note"],
                                  meeting=meeting_id, policy_version=policy_version,
                                  received_on=values.get("received_on"))
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
        membership.after_stage(person, event, place=values.get("place") or "")
    return event


def set_received(person_id: int, received_on: dt.date | None, stage: str = Stage.ADMISSION_DECISION) -> StageEvent:
    """The day the branch received the person's latest decision of *stage* (admission or recognition); the
    ceremony deadline runs from it (Regulation 294-QĐ/TW point 4.1). None clears it."""
    person = get_person(person_id)
    if stage not in (Stage.ADMISSION_DECISION, Stage.RECOGNITION_DECISION):
        raise ValidationError({"stage": _("Only a decision has a day it was received.")})
    event = (StageEvent.select().where((StageEvent.person == person.id) & (StageEvent.stage == stage))
             .order_by(StageEvent.date.desc(), StageEvent.id.desc()).first())
    if event is None:
        raise ValidationError({"received_on": _("No decision is recorded for {name} yet.").format(
            name=person.full_name)})
    check = Checker({"received_on": received_on})
    day = check.date("received_on", not_future=True, label=_("Received on"))
    check.done()
    if day is not None and day < event.date:
        raise ValidationError({"received_on": _("A decision cannot be received before the day it was made.")})
    if event.received_on == day:
        return event
    with atomic():
        before = audit.snapshot(event)
        event.received_on = day
        event.save()
        audit.record_change("update", event, before)
    return event


def received_on(person_ids: list[int], stage: str = Stage.ADMISSION_DECISION) -> dict[int, dt.date]:
    """{person: the day their latest decision of *stage* was received}, for those where it is recorded."""
    result: dict[int, dt.date] = {}
    for start in range(0, len(person_ids), 500):
        query = (StageEvent.select(StageEvent.person, StageEvent.received_on)
                 .where(StageEvent.person.in_(person_ids[start:start + 500]) & (StageEvent.stage == stage))
                 .order_by(StageEvent.date, StageEvent.id))
        for pid, day in raw.rows(query):
            if day:
                result[pid] = raw.to_day(day)
            else:
                result.pop(pid, None)  # a later decision not yet marked received
    return result


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
