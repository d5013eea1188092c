"""Reading the central member database's workbook into the records: a plan first, then the writes.

Each row is matched to a person by its ID (the record's uid) or else its citizen ID: a person found is updated
with the cells that differ (each change listed in the plan before anything is written), a row of nobody known
becomes a new member. An empty cell leaves the record's value as it is. "Tổ chức Đảng sinh hoạt" is a branch's code
or name; "Trạng thái hoạt động" and "Đề nghị xóa" name the status (active is official with an official date,
probationary without). A status that differs from a known member's is not changed by an import: the change is a
dated step of the member's history, and the plan says so. The day of leaving, death or exemption is the history's
too: a different day is said in the plan and not kept. Nothing is refused or left out without a message on its row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core import clock
from desktop_app.core.enums import Status
from desktop_app.core.text import clean_name, fold
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.interchange import csdl_checks, csdl_records
from desktop_app.services.interchange.import_rows import BranchResolver, RowInput, convert, is_blank
from desktop_app.services.people import people
from desktop_app.store.models import Branch, Person

NEW, UPDATE, SAME, REFUSED = "new", "update", "same", "refused"
# The record's fields the workbook carries, as people.validate_person takes them.
PERSON_KEYS = tuple(k for k in csdl_records.RECORD_FIELDS if k != "uid")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_STATUS_OF_WORD = {word: code for code, word in csdl_records.STATUS_WORDS.items() if word != csdl_records.ACTIVE}
_CREATED = (Status.PROBATIONARY, Status.OFFICIAL)


@dataclass
class RowPlan:
    number: int
    name: str
    action: str = REFUSED
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the row says that the import does not keep
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field's label, before, after)
    person_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    uid: str = ""


@dataclass
class CsdlPlan:
    rows: list[RowPlan] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # the workbook's columns not read into the records
    written: bool = False

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _convert_cells(row: RowInput, names: dict) -> tuple[dict[str, Any], list[str]]:
    data: dict[str, Any] = {}
    errors: list[str] = list(row.problems)
    for key in PERSON_KEYS:
        raw = row.values.get(key)
        if is_blank(raw):
            continue
        if key == "card_number" and isinstance(raw, (int, float)) and not isinstance(raw, bool):
            digits = str(int(raw)) if float(raw).is_integer() else str(raw)
            if len(digits) != 12:
                errors.append(_("{field} must be 12 digits, but the cell holds the number {value}: Excel drops "
                                "leading zeros from numbers. Format the column as Text and type the number again."
                                ).format(field=names["card_number"], value=digits))
                continue
            raw = digits
        if key == "gender" and isinstance(raw, str) and fold(raw) in ("nam", "nu"):
            data[key] = "male" if fold(raw) == "nam" else "female"
            continue
        value, problem = convert(key, raw, names)
        if problem:
            errors.append(problem)
        elif value is not None:
            data[key] = clean_name(value) if isinstance(value, str) and key not in ("cccd",) else value
    return data, errors


def _status(row: RowInput, official_date, names: dict) -> tuple[str | None, str | None, str]:
    """(status code or None when not given, problem, the word as read)."""
    raw = row.values.get("status")
    proposed = row.values.get("delete_proposed")
    word = ""
    if not is_blank(raw):
        word = csdl_records.status_words_read(str(raw)) or ""
        if not word:
            choices = ", ".join(csdl_records.STATUS_ALIASES)
            return None, _("{field}: “{value}” is not known; use one of: {choices}.").format(
                field=names["status"], value=str(raw)[:40], choices=choices), ""
    if not is_blank(proposed):
        answer = fold(str(proposed))
        if answer not in ("co", "khong", "x", "yes", "no"):
            return None, _("{field}: “{value}” should be Có or Không.").format(
                field=names["delete_proposed"], value=str(proposed)[:20]), word
        if answer in ("co", "x", "yes"):
            struck = csdl_records.STATUS_WORDS[Status.STRUCK_OFF]
            if word and word != struck:
                return None, _("Proposed for striking off, but the status is “{status}”.").format(status=word), word
            word = struck
    if not word:
        return None, None, ""
    if word == csdl_records.ACTIVE:
        return (Status.OFFICIAL if official_date else Status.PROBATIONARY), None, word
    return _STATUS_OF_WORD[word], None, word


def _existing(uid: str, cccd: str | None) -> tuple[Person | None, str | None]:
    by_uid = Person.get_or_none((Person.uid == uid) & Person.deleted_at.is_null()) if uid else None
    by_cccd = Person.get_or_none(Person.cccd == cccd) if cccd else None
    if by_uid is not None and by_cccd is not None and by_uid.id != by_cccd.id:
        return None, _("The ID of the row belongs to {one}, its citizen ID to {other}.").format(
            one=by_uid.full_name, other=by_cccd.full_name)
    person = by_uid or by_cccd
    if person is not None and person.deleted_at is not None:
        return None, _("Citizen ID {cccd} belongs to {name}, a deleted record: restore it first.").format(
            cccd=cccd, name=person.full_name)
    return person, None


def _left_day_note(row: RowInput, person: Person | None, names: dict) -> str | None:
    raw = row.values.get("left_on")
    if is_blank(raw):
        return None
    day, problem = convert("birth_date", raw, names)
    from desktop_app.i18n import parse_date

    if isinstance(day, str):
        day = parse_date(day)
    if problem or not isinstance(day, dt.date):
        return _("{field}: “{value}” is not a date (dd/mm/yyyy).").format(field=names["left_on"], value=str(raw)[:20])
    if person is not None and csdl_records.left_day(person) == day:
        return ""
    return _("{field} {date} is not kept: record the step in the member's history.").format(
        field=names["left_on"], date=format_date(day))


def plan_rows(rows: Iterable[RowInput], *, today: dt.date | None = None) -> CsdlPlan:
    """What importing *rows* would do, row by row; writes nothing."""
    today = today or clock.today()
    names = csdl_checks.labels()
    branches = [(b.id, b.code, b.name) for b in
                Branch.select(Branch.id, Branch.code, Branch.name).where(Branch.deleted_at.is_null())]
    resolver = BranchResolver(branches, None)
    plan = CsdlPlan()
    seen_cccd: dict[str, int] = {}
    seen_uid: dict[str, int] = {}
    seen_person: dict[int, int] = {}
    for row in rows:
        item = RowPlan(row.number, clean_name(str(row.values.get("full_name") or ""))[:120])
        plan.rows.append(item)
        data, item.errors = _convert_cells(row, names)
        uid = str(row.values.get("uid") or "").strip()
        if uid and not _UUID.match(uid):
            item.errors.append(_("The ID “{value}” is not an ID of the central database (a UUID).").format(
                value=uid[:40]))
            uid = ""
        item.uid = uid
        cccd = str(data.get("cccd") or "") or None
        for key, value, seen in (("uid", uid, seen_uid), ("cccd", cccd, seen_cccd)):
            if value and value in seen:
                item.errors.append(_("Same {field} as row {row}.").format(
                    field="ID" if key == "uid" else names["cccd"], row=seen[value]))
            elif value:
                seen[value] = row.number
        person, problem = _existing(uid, cccd)
        if problem:
            item.errors.append(problem)
        elif person is not None and person.id in seen_person:
            item.errors.append(_("{name} is also in row {row}.").format(name=person.full_name,
                                                                     row=seen_person[person.id]))
        elif person is not None:
            seen_person[person.id] = row.number
        official_date = data.get("official_date") or (person.official_date if person is not None else None)
        status, problem, word = _status(row, official_date, names)
        if problem:
            item.errors.append(problem)
        branch_text = row.values.get("branch")
        if not is_blank(branch_text):
            branch_id, problem = resolver.resolve(None, clean_name(str(branch_text)))
            if problem:
                item.errors.append(problem)
            else:
                data["branch"] = branch_id
        note = _left_day_note(row, person, names)
        if note:
            item.notes.append(note)
        if item.errors:
            continue
        if person is None:
            _plan_new(item, data, status, names, today)
        else:
            _plan_update(item, person, data, status, word, names, today)
    return plan


def _plan_new(item: RowPlan, data: dict, status: str | None, names: dict, today: dt.date) -> None:
    for key in ("full_name", "gender", "birth_date", "branch"):
        if key not in data:
            item.errors.append(_("{field} is missing.").format(field=names[key]))
    if status is None:
        item.errors.append(_("{field} is missing.").format(field=names["status"]))
    elif status not in _CREATED:
        item.errors.append(_("“{status}”: a member who is not recorded here is added only while active; record them "
                             "in the register first.").format(status=csdl_records.status_word(status)))
    if item.errors:
        return
    try:
        item.values = people.validate_person(dict(data, status=status), None, today)
    except ValidationError as exc:
        item.errors.extend(exc.errors.values())
        return
    item.action = NEW


def _plan_update(item: RowPlan, person: Person, data: dict, status: str | None, word: str, names: dict,
                 today: dt.date) -> None:
    item.person_id = person.id
    try:
        values = people.validate_person(data, person, today)
    except ValidationError as exc:
        item.errors.extend(exc.errors.values())
        return
    changed = {}
    for key in data:
        before = person.branch_id if key == "branch" else getattr(person, key)
        after = values.get(key)
        if (before or None) != (after or None):
            changed[key] = after
            if key == "branch":
                old = Branch.get_or_none(Branch.id == before) if before else None
                new = Branch.get_by_id(after)
                item.changes.append((names["branch"], old.name if old else "", new.name))
            else:
                item.changes.append((names.get(key, key), _shown(before), _shown(after)))
    if status is not None and status != person.status:
        item.notes.append(_("The status in the workbook (“{new}”) differs from the record (“{old}”): record the "
                            "change in the member's history; the import does not change it.").format(
            new=word, old=Status.label(person.status)))
    item.values = changed
    item.action = UPDATE if changed else SAME


def apply(plan: CsdlPlan, *, source: str = "") -> tuple[int, int]:
    """Write the plan's new and changed records in one transaction; returns (added, updated)."""
    added = updated = 0
    with atomic():
        for item in plan.rows:
            if item.action == NEW:
                person = people.create_person(dict(item.values), uid=item.uid or None)
                item.person_id = person.id
                added += 1
            elif item.action == UPDATE and item.person_id is not None:
                people.update_person(item.person_id, dict(item.values))
                updated += 1
        if added or updated:
            audit.record("import", "person", "", None, {"kind": "csdl", "source": source, "added": added,
                                                        "updated": updated, "refused": plan.count(REFUSED)})
    plan.written = True
    return added, updated
