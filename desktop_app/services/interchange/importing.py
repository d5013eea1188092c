"""Importing members or candidates: check every row, then write the good ones in one transaction.

The rows come from any source (the interchange package reads them from Excel) as raw cell values
keyed by field. ``check_rows`` writes nothing and says, row by row, what is wrong; ``write_plan``
stores the accepted rows, their first history entries, their search-index rows and one audit entry
per person plus one for the import, all in ONE transaction: an unexpected failure leaves the
database as it was. A CCCD found twice in the file is imported once (the first row) and the later
rows are refused; a CCCD that already belongs to someone in the database is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.core.text import clean_name, fold, name_sort_key
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.interchange.import_rows import (
    CANDIDATES,
    KINDS,
    MEMBERS,
    BranchResolver,
    RowInput,
    RowOutcome,
    convert_row,
    is_blank,
    person_labels,
    status_for,
)
from desktop_app.services.people import membership
from desktop_app.services.people.people import FIRST_STAGE, validate_person
from desktop_app.store import search_index, writes
from desktop_app.store.models import Branch, MembershipEvent, Person, StageEvent, now

__all__ = ["CANDIDATES", "KINDS", "MEMBERS", "ImportPlan", "RowInput", "RowOutcome", "check_rows", "write_plan",
           "import_rows"]

Progress = Callable[[int, int], None]  # (rows done, rows in all)
_CHUNK = 400  # rows a statement: Person has ~40 columns, SQLite allows 32,766 parameters


@dataclass
class ImportPlan:
    kind: str
    rows: list[RowOutcome] = field(default_factory=list)
    imported: int = 0  # set by write_plan

    @property
    def accepted(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.ok]

    @property
    def refused(self) -> list[RowOutcome]:
        return [r for r in self.rows if not r.ok]


def _existing_people() -> tuple[dict[tuple[str, dt.date], tuple[str | None, str]], dict[str, str]]:
    """(name fold, birth date) -> (CCCD, name) of the people recorded, and CCCD -> name of everyone
    (deleted people keep their CCCD: it stays unique)."""
    by_name: dict[tuple[str, dt.date], tuple[str | None, str]] = {}
    by_cccd: dict[str, str] = {}
    query = Person.select(Person.name_fold, Person.birth_date, Person.cccd, Person.full_name, Person.deleted_at)
    for name_fold, birth, cccd, name, deleted_at in query.tuples().iterator():
        if cccd:
            by_cccd[cccd] = name
        if birth and deleted_at is None:
            by_name.setdefault((name_fold, birth), (cccd, name))
    return by_name, by_cccd


def check_rows(kind: str, rows: Iterable[RowInput], *, default_branch_id: int | None = None,
               progress: Progress | None = None, today: dt.date | None = None) -> ImportPlan:
    """Check every row against the person rules, the file and the database; writes nothing."""
    if kind not in KINDS:
        raise ValidationError({"kind": _("Unknown import “{kind}”: choose members or candidates.").format(kind=kind)})
    rows = [r for r in rows if any(not is_blank(v) for v in r.values.values())]  # e.g. numbered empty rows
    today = today or clock.today()
    labels = person_labels()
    branches = [(b.id, b.code, b.name) for b in
                Branch.select(Branch.id, Branch.code, Branch.name).where(Branch.deleted_at.is_null())]
    resolver = BranchResolver(branches, default_branch_id)
    known, owners = _existing_people()
    seen_cccd: dict[str, int] = {}
    seen_name: dict[tuple[str, dt.date], tuple[int, str | None]] = {}
    plan = ImportPlan(kind)
    for index, row in enumerate(rows, 1):
        data, errors = convert_row(row, labels)
        outcome = RowOutcome(row.number, clean_name(str(data.get("full_name", "")))[:120], errors)
        status, problem = status_for(kind, data, labels, today)
        if problem:
            errors.append(problem)
        data.pop("status", None)
        branch_id, problem = resolver.resolve(data.pop("branch_code", None), data.pop("branch", None))
        if problem:
            errors.append(problem)
        if status:
            data["status"] = status
        # The resolver has checked the branch and the CCCD is checked below against all stored ones at
        # once: validate_person would ask the database about both, row by row.
        cccd_check = Checker({"cccd": data.pop("cccd")}) if "cccd" in data else None
        try:
            values = validate_person(data, None, today)
        except ValidationError as exc:
            errors.extend(m for m in exc.errors.values() if m not in errors)
            values = None
        cccd = None
        if cccd_check is not None:
            cccd = cccd_check.cccd("cccd", label=labels["cccd"])
            errors.extend(cccd_check.errors.values())
            if cccd in owners:
                errors.append(_("Citizen ID {cccd} already belongs to {name}.").format(cccd=cccd, name=owners[cccd]))
            elif cccd and values is not None:
                values["cccd"] = cccd
        if values is not None:
            if branch_id:
                values["branch"] = branch_id
            if cccd_check is None or not (cccd_check.errors or cccd in owners):
                _check_duplicates(values, row.number, known, seen_cccd, seen_name, errors)
        if not errors:
            outcome.values = values
        plan.rows.append(outcome)
        if progress and (index % 200 == 0 or index == len(rows)):
            progress(index, len(rows))
    return plan


def _check_duplicates(values: dict, number: int, known: dict, seen_cccd: dict, seen_name: dict,
                      errors: list[str]) -> None:
    """A person already in the database or earlier in the file: by CCCD, else by name and birth date."""
    cccd = values.get("cccd")
    if cccd:
        if cccd in seen_cccd:
            errors.append(_("Citizen ID {cccd} is also in row {row}.").format(cccd=cccd, row=seen_cccd[cccd]))
            return
        seen_cccd[cccd] = number
    birth = values.get("birth_date")
    if not birth:
        return
    key = (fold(values["full_name"]), birth)
    # Without a CCCD on both sides, the same name and date of birth is most likely the same person.
    if key in known and not (cccd and known[key][0]):
        errors.append(_("{name}, born {date}, is already recorded.").format(name=known[key][1],
                                                                            date=format_date(birth)))
    elif key in seen_name and not (cccd and seen_name[key][1]):
        errors.append(_("Same name and date of birth as row {row}.").format(row=seen_name[key][0]))
    else:
        seen_name.setdefault(key, (number, cccd))


def _history(values: dict, kind: str, today: dt.date) -> list[tuple[str, dt.date]]:
    """The dated steps the row tells of: the member's admission, ceremony and recognition dates;
    a candidate's entry into their current stage, dated the day of the import (as a new record is),
    or the admission decision when an applicant already has one."""
    if kind == CANDIDATES:
        if values.get("admission_date"):
            return [(Stage.ADMISSION_DECISION, values["admission_date"])]
        return [(FIRST_STAGE[values["status"]], today)]
    steps = ((Stage.ADMISSION_DECISION, "admission_date"), (Stage.CEREMONY, "ceremony_date"),
             (Stage.RECOGNITION_DECISION, "official_date"))
    return [(stage, values[key]) for stage, key in steps if values.get(key)]


def _joining(values: dict, today: dt.date) -> list[tuple[str, dt.date, str]]:
    """The membership events of an imported member (services.people.membership.joining)."""
    status = values.get("status", "")
    first = values.get("ceremony_date") if status == Status.PROBATIONARY else (
        values.get("official_date") or values.get("ceremony_date") or values.get("admission_date"))
    return membership.joining(status, joined=values.get("joined_branch_date"), first_step=first, today=today)


def _insert(model, fields: list, rows: list[tuple]) -> None:
    """INSERT many rows at once (store.writes.insert_rows), each value as the field stores it."""
    converters = [f.db_value for f in fields]
    writes.insert_rows(model._meta.database, model._meta.table_name, [f.column_name for f in fields],
                       [tuple(convert(v) for convert, v in zip(converters, row, strict=True)) for row in rows])


def _person_fields() -> list:
    """Every Person column but the id, in a fixed order: rows are inserted as tuples (much faster
    than dicts in peewee) and must all carry every column."""
    return [f for name, f in Person._meta.fields.items() if name != "id"]


def write_plan(plan: ImportPlan, *, source: str = "", progress: Progress | None = None) -> int:
    """Store the accepted rows of *plan* in one transaction; returns how many people were added."""
    accepted = [r.values for r in plan.accepted if r.values is not None]
    today = clock.today()
    note = _("Recorded when the person was imported.")
    fields = _person_fields()
    defaults = {f.name: (None if callable(f.default) else f.default) for f in fields}
    index = search_index.PersonIndex
    event_fields = [StageEvent.uid, StageEvent.person, StageEvent.stage, StageEvent.date, StageEvent.note,
                    StageEvent.created_at, StageEvent.updated_at]
    entries: list[tuple] = []
    stamp = now()
    with atomic():
        for start in range(0, len(accepted), _CHUNK):
            records = []
            for values in accepted[start:start + _CHUNK]:
                record = dict(defaults)
                record.update(values, uid=Person.uid.default(), created_at=stamp, updated_at=stamp,
                              name_fold=fold(values["full_name"]), sort_key=name_sort_key(values["full_name"]))
                records.append(record)
            _insert(Person, fields, [tuple(r[f.name] for f in fields) for r in records])
            ids = dict(Person.select(Person.uid, Person.id).where(
                Person.uid.in_([r["uid"] for r in records])).tuples())
            events: list[tuple] = []
            fts: list[tuple] = []
            joins: list[tuple] = []
            for record in records:
                person = Person(id=ids[record["uid"]], **record)
                fts.append(search_index.person_row(person.id, person.full_name, person.cccd, person.card_number,
                                                       person.phone, person.workplace))
                events.extend((StageEvent.uid.default(), person.id, stage, when, note, stamp, stamp)
                              for stage, when in _history(record, plan.kind, today))
                joins.extend((MembershipEvent.uid.default(), person.id, person.branch_id, kind, day, standing, stamp,
                              stamp) for kind, day, standing in _joining(record, today) if person.branch_id)
                entries.append(("create", "person", person.uid, None, audit.snapshot(person), stamp))
            _insert(index, [index.rowid, index.name, index.extra], fts)
            _insert(StageEvent, event_fields, events)
            _insert(MembershipEvent, [MembershipEvent.uid, MembershipEvent.person, MembershipEvent.branch,
                                      MembershipEvent.kind, MembershipEvent.date, MembershipEvent.standing,
                                      MembershipEvent.created_at, MembershipEvent.updated_at], joins)
            if progress:
                progress(start + len(records), len(accepted))
        entries.append(("import", "person", "", None, {"kind": plan.kind, "source": source,
                                                       "imported": len(accepted), "refused": len(plan.refused)},
                        stamp))
        audit.append_bulk(entries)
    plan.imported = len(accepted)
    return plan.imported


def import_rows(kind: str, rows: Iterable[RowInput], *, default_branch_id: int | None = None, dry_run: bool = False,
                source: str = "", progress: Progress | None = None) -> ImportPlan:
    """Check, then (unless *dry_run*) write. In a dry run ``plan.imported`` stays 0; ``plan.accepted``
    says how many rows would be imported."""
    plan = check_rows(kind, rows, default_branch_id=default_branch_id, progress=None if not dry_run else progress)
    if not dry_run and plan.accepted:
        write_plan(plan, source=source, progress=progress)
    return plan


def status_choices(kind: str) -> tuple[str, ...]:
    return Status.MEMBERS if kind == MEMBERS else Status.CANDIDATES
