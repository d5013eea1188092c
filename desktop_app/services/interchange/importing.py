"""Importing members or candidates: check every row, then write the good ones in one transaction.

The rows come from any source (the interchange package streams them from Excel) as raw cell values
keyed by field. ``check_rows`` writes nothing and says, row by row, what is wrong; ``write_plan``
stores the accepted rows, their first history entries, their search-index rows and one audit entry
per person plus one for the import, all in ONE transaction: an unexpected failure, a cancel or a killed
process leaves the database as it was. ``import_rows`` does both in one pass, writing each batch of
accepted rows as it is checked, still inside the one transaction. A CCCD found twice in the file is
imported once (the first row) and the later rows are refused; a CCCD that already belongs to someone in
the database is refused.

Memory stays flat whatever the number of rows: rows are checked a batch at a time, the people already
recorded are looked up for each batch, and what the check found is kept on disk (import_plan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sized
from functools import lru_cache
from itertools import islice

from peewee import fn

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.core.text import clean_name, fold, name_sort_key
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.interchange.import_plan import ImportPlan, SeenKeys
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
# A row's name is folded by the check, the duplicate search and the writer: once is enough.
_fold = lru_cache(maxsize=4 * _CHUNK)(fold)


def _batches(rows: Iterable[RowInput], size: int) -> Iterator[list[RowInput]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _recorded(staged: list[tuple], last_id: int) -> tuple[dict, dict]:
    """(name fold, birth date) -> (CCCD, name) and CCCD -> name of the people recorded before the import
    (ids up to *last_id*) that the rows of one batch could repeat; deleted people keep their CCCD."""
    cccds = sorted({s[5] for s in staged if s[5]})
    names = sorted({_fold(s[3]["full_name"]) for s in staged if s[3] is not None and s[3].get("birth_date")})
    by_name: dict[tuple[str, dt.date], tuple[str | None, str]] = {}
    by_cccd: dict[str, str] = {}
    if not cccds and not names:
        return by_name, by_cccd
    wanted = None
    if cccds:
        wanted = Person.cccd.in_(cccds)
    if names:
        wanted = Person.name_fold.in_(names) if wanted is None else wanted | Person.name_fold.in_(names)
    query = (Person.select(Person.name_fold, Person.birth_date, Person.cccd, Person.full_name, Person.deleted_at)
             .where((Person.id <= last_id) & wanted).order_by(Person.id))
    for name_fold, birth, cccd, name, deleted_at in query.tuples().iterator():
        if cccd:
            by_cccd[cccd] = name
        if birth and deleted_at is None:
            by_name.setdefault((name_fold, birth), (cccd, name))
    return by_name, by_cccd


def check_rows(kind: str, rows: Iterable[RowInput], *, default_branch_id: int | None = None,
               progress: Progress | None = None, today: dt.date | None = None, keep_values: bool = True,
               on_accepted: Callable[[dict], None] | None = None) -> ImportPlan:
    """Check every row against the person rules, the file and the database; writes nothing itself.
    Accepted values go to *on_accepted* as they are found, and are kept in the plan (on disk) for
    ``write_plan`` unless *keep_values* is false."""
    if kind not in KINDS:
        raise ValidationError({"kind": _("Unknown import “{kind}”: choose members or candidates.").format(kind=kind)})
    total = len(rows) if isinstance(rows, Sized) else 0
    # e.g. numbered empty rows; a row with a problem of its own (a formula) is reported even when blank
    rows = (r for r in rows if r.problems or any(not is_blank(v) for v in r.values.values()))
    today = today or clock.today()
    labels = person_labels()
    branches = [(b.id, b.code, b.name) for b in
                Branch.select(Branch.id, Branch.code, Branch.name).where(Branch.deleted_at.is_null())]
    if default_branch_id is not None and (type(default_branch_id) is not int
                                          or default_branch_id not in {bid for bid, _code, _name in branches}):
        raise NotFoundError(_("Branch not found."))  # checked before any row: a wrong id is no branch to fill in
    resolver = BranchResolver(branches, default_branch_id)
    last_id = Person.select(fn.MAX(Person.id)).scalar() or 0
    plan = ImportPlan(kind)
    plan.values_kept = keep_values
    seen = SeenKeys(plan)
    done = 0
    for batch in _batches(rows, _CHUNK):
        staged = [_stage(kind, row, labels, resolver, today) for row in batch]
        known, owners = _recorded(staged, last_id)
        for row, outcome, errors, values, cccd_check, cccd in staged:
            if cccd_check is not None:
                if cccd in owners:
                    errors.append(_("Citizen ID {cccd} already belongs to {name}.").format(
                        cccd=cccd, name=owners[cccd]))
                elif cccd and values is not None:
                    values["cccd"] = cccd
            if values is not None and (cccd_check is None or not (cccd_check.errors or cccd in owners)):
                _check_duplicates(values, row.number, known, seen, errors)
            if not errors and on_accepted is not None:
                on_accepted(values)
            plan.log(outcome, row.source, values if keep_values and not errors else None)
        done += len(batch)
        if progress and total:
            progress(done, total)
    plan.flush()
    return plan


def _stage(kind: str, row: RowInput, labels: dict, resolver: BranchResolver, today: dt.date) -> tuple:
    """Everything about one row that needs no other row and no person in the database:
    (row, outcome, errors, values or None, the CCCD's checker or None, the CCCD)."""
    data, errors = convert_row(row, labels)
    errors[:0] = row.problems
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
    # The resolver has checked the branch and the CCCD is checked against the stored ones a batch at a
    # time: validate_person would ask the database about both, row by row.
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
    if values is not None and branch_id:
        values["branch"] = branch_id
    return row, outcome, errors, values, cccd_check, cccd


def _check_duplicates(values: dict, number: int, known: dict, seen: SeenKeys, errors: list[str]) -> None:
    """A person already in the database or earlier in the file: by CCCD, else by name and birth date."""
    cccd = values.get("cccd")
    if cccd:
        earlier = seen.cccd_row(cccd)
        if earlier is not None:
            errors.append(_("Citizen ID {cccd} is also in row {row}.").format(cccd=cccd, row=earlier))
            return
        seen.add_cccd(cccd, number)
    birth = values.get("birth_date")
    if not birth:
        return
    key = (_fold(values["full_name"]), birth)
    earlier_name = seen.name(key)
    # Without a CCCD on both sides, the same name and date of birth is most likely the same person.
    if key in known and not (cccd and known[key][0]):
        errors.append(_("{name}, born {date}, is already recorded.").format(name=known[key][1],
                                                                            date=format_date(birth)))
    elif earlier_name is not None and not (cccd and earlier_name[1]):
        errors.append(_("Same name and date of birth as row {row}.").format(row=earlier_name[0]))
    else:
        seen.add_name(key, number, cccd)


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


class _Writer:
    """Writes accepted rows a batch at a time inside the caller's transaction: each person with their
    history, search-index row and audit entry; the import's own audit entry at the end."""

    def __init__(self, kind: str, source: str, progress: Progress | None = None, total: int = 0):
        self.kind, self.source, self.progress, self.total = kind, source, progress, total
        self.today = clock.today()
        self.note = _("Recorded when the person was imported.")
        self.fields = _person_fields()
        self.defaults = {f.name: (None if callable(f.default) else f.default) for f in self.fields}
        self.event_fields = [StageEvent.uid, StageEvent.person, StageEvent.stage, StageEvent.date, StageEvent.note,
                             StageEvent.created_at, StageEvent.updated_at]
        self.stamp = now()
        self.pending: list[dict] = []
        self.written = 0

    def add(self, values: dict) -> None:
        self.pending.append(values)
        if len(self.pending) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        stamp, index = self.stamp, search_index.PersonIndex
        records = []
        for values in self.pending:
            record = dict(self.defaults)
            record.update(values, uid=Person.uid.default(), created_at=stamp, updated_at=stamp,
                          name_fold=_fold(values["full_name"]), sort_key=name_sort_key(values["full_name"]))
            records.append(record)
        self.pending = []
        _insert(Person, self.fields, [tuple(r[f.name] for f in self.fields) for r in records])
        ids = dict(Person.select(Person.uid, Person.id).where(Person.uid.in_([r["uid"] for r in records])).tuples())
        events: list[tuple] = []
        fts: list[tuple] = []
        joins: list[tuple] = []
        entries: list[tuple] = []
        for record in records:
            person = Person(id=ids[record["uid"]], **record)
            fts.append(search_index.person_row(person.id, person.full_name, person.cccd, person.card_number,
                                               person.phone, person.workplace))
            events.extend((StageEvent.uid.default(), person.id, stage, when, self.note, stamp, stamp)
                          for stage, when in _history(record, self.kind, self.today))
            joins.extend((MembershipEvent.uid.default(), person.id, person.branch_id, kind, day, standing, stamp,
                          stamp) for kind, day, standing in _joining(record, self.today) if person.branch_id)
            entries.append(("create", "person", person.uid, None, audit.snapshot(person), stamp))
        _insert(index, [index.rowid, index.name, index.extra], fts)
        _insert(StageEvent, self.event_fields, events)
        _insert(MembershipEvent, [MembershipEvent.uid, MembershipEvent.person, MembershipEvent.branch,
                                  MembershipEvent.kind, MembershipEvent.date, MembershipEvent.standing,
                                  MembershipEvent.created_at, MembershipEvent.updated_at], joins)
        audit.append_bulk(entries)
        self.written += len(records)
        if self.progress and self.total:
            self.progress(self.written, self.total)

    def finish(self, refused: int) -> int:
        self.flush()
        if self.written:
            audit.append_bulk([("import", "person", "", None, {"kind": self.kind, "source": self.source,
                                                               "imported": self.written, "refused": refused},
                                self.stamp)])
        return self.written


def write_plan(plan: ImportPlan, *, source: str = "", progress: Progress | None = None) -> int:
    """Store the accepted rows of *plan* (checked with ``keep_values``) in one transaction; returns how many
    people were added. *progress* may raise to stop: nothing is then written."""
    if not plan.values_kept:
        raise ValueError("the plan was checked without keeping the accepted values")
    with atomic():
        writer = _Writer(plan.kind, source, progress, len(plan.accepted))
        for values in plan.accepted_values():
            writer.add(values)
        plan.imported = writer.finish(len(plan.refused))
    return plan.imported


def import_rows(kind: str, rows: Iterable[RowInput], *, default_branch_id: int | None = None, dry_run: bool = False,
                source: str = "", progress: Progress | None = None) -> ImportPlan:
    """Check, then (unless *dry_run*) write, in one pass: each batch of accepted rows is written as soon as
    it is checked, inside one transaction, so a failure, a cancel (*progress* raising) or a killed process
    leaves nothing behind. In a dry run ``plan.imported`` stays 0; ``plan.accepted`` says how many rows
    would be imported."""
    if dry_run:
        return check_rows(kind, rows, default_branch_id=default_branch_id, progress=progress, keep_values=False)
    with atomic():
        writer = _Writer(kind, source)
        plan = check_rows(kind, rows, default_branch_id=default_branch_id, progress=progress, keep_values=False,
                          on_accepted=writer.add)
        plan.imported = writer.finish(len(plan.refused))
    return plan


def status_choices(kind: str) -> tuple[str, ...]:
    return Status.MEMBERS if kind == MEMBERS else Status.CANDIDATES
