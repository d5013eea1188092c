"""Disciplinary measures decided against a member: recording one through the rules (core.rules.discipline),
correcting or deleting a record entered by mistake, and reading them (a member's record, the grading of a year).

A measure is checked against the member's standing on the day it took effect (the membership history): a
probationary member can only be reprimanded or warned, a branch decides only a reprimand or a warning and not on
a task assigned by a higher level, removal from post needs a post, the branch committee decides nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core import rules
from desktop_app.core.member_codes import DisciplineAuthority, DisciplineKind
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.soft_delete import set_deleted
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import membership
from desktop_app.store import raw
from desktop_app.store.models import DisciplineRecord, Person

D = DisciplineRecord
FIELDS = ("kind", "decided_on", "decision_number", "decided_by", "body", "reason", "remedied", "note",
          "holds_post", "higher_level_task")
_CHUNK = 500


@dataclass(frozen=True)
class DisciplineRow:
    id: int
    person_id: int
    kind: str  # DisciplineKind
    decided_on: dt.date
    decision_number: str
    decided_by: str  # DisciplineAuthority
    body: str
    reason: str
    remedied: bool
    note: str


def _row(r: DisciplineRecord) -> DisciplineRow:
    return DisciplineRow(r.id, r.person_id, r.kind, r.decided_on, r.decision_number, r.decided_by, r.body, r.reason,
                         bool(r.remedied), r.note)


def labels() -> dict[str, str]:
    return {"kind": _("Measure"), "decided_on": _("In effect from"), "decision_number": _("Decision number"),
            "decided_by": _("Decided by"), "body": _("Deciding body"), "reason": _("Reason"), "note": _("Note")}


def _person(person_id: Any) -> Person:
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise NotFoundError(_("Person not found."))
    return person


def _check(person: Person, data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    names = labels()
    check = Checker(data)
    check.choice("kind", DisciplineKind.codes(), required=True, label=names["kind"])
    day = check.date("decided_on", required=True, not_future=True, label=names["decided_on"],
                     minimum=person.birth_date or dt.date(1930, 1, 1))
    check.text("decision_number", max_length=100, name=True, label=names["decision_number"])
    if "decided_by" in data:
        check.choice("decided_by", DisciplineAuthority.codes(), label=names["decided_by"])
    check.text("body", max_length=300, name=True, label=names["body"])
    check.text("reason", required=True, max_length=4000, label=names["reason"])
    check.text("note", label=names["note"])
    for flag in ("remedied", "holds_post", "higher_level_task"):
        check.flag(flag)
    values = check.done()
    values.setdefault("decided_by", DisciplineAuthority.BRANCH)
    # The member's standing on the day, from the membership history (the stored status for a record without one).
    status = (membership.place(person.id, day).status if day else "") or person.status
    found = rules.check_discipline(rules.DisciplineFacts(
        values["kind"], status, values["decided_by"], holds_post=bool(values.get("holds_post")),
        higher_level_task=bool(values.get("higher_level_task"))), on=day)
    errors = [f for f in found if f.severity == rules.ERROR]
    if errors:
        field = {"status": "decided_on", "discipline_kinds": "kind", "discipline_branch": "decided_by"}
        messages: dict[str, str] = {}
        for finding in errors:
            key = field.get(finding.rule_id, "kind")
            messages[key] = f"{messages[key]} {finding.message}" if key in messages else finding.message
        raise ValidationError(messages)
    values.pop("holds_post", None)
    values.pop("higher_level_task", None)
    return values


def record(person_id: int, data: dict[str, Any]) -> DisciplineRecord:
    """Record a measure decided against the member. ValidationError (nothing written) when a field is wrong or the
    rules refuse the measure for that member, authority or day."""
    person = _person(person_id)
    values = _check(person, data)
    with atomic():
        row = D.create(person=person.id, kind=values["kind"], decided_on=values["decided_on"],
                       decision_number=values.get("decision_number") or "", decided_by=values["decided_by"],
                       body=values.get("body") or "", reason=values["reason"],
                       remedied=bool(values.get("remedied")), note=values.get("note") or "")
        audit.record_change("create", row, None)
    return row


def get(record_id_: int) -> DisciplineRecord:
    row = D.get_or_none((D.id == record_id(record_id_)) & D.deleted_at.is_null())
    if row is None:
        raise NotFoundError(_("Disciplinary record not found."))
    return row


def update(record_id_: int, data: dict[str, Any]) -> DisciplineRecord:
    """Correct a record entered wrongly (every field is checked again, as when recording)."""
    row = get(record_id_)
    person = _person(row.person_id)
    merged = {"kind": row.kind, "decided_on": row.decided_on, "decision_number": row.decision_number,
              "decided_by": row.decided_by, "body": row.body, "reason": row.reason, "remedied": row.remedied,
              "note": row.note, **data}
    values = _check(person, merged)
    with atomic():
        before = audit.snapshot(row)
        for key, value in values.items():
            setattr(row, key, value if value is not None else "")
        row.save()
        audit.record_change("update", row, before)
    return row


def delete(record_id_: int) -> None:
    """Delete a record entered by mistake (it can be restored; its audit trail is kept)."""
    set_deleted(get(record_id_), True)


def for_person(person_id: int) -> list[DisciplineRow]:
    """The member's measures, the latest first."""
    query = D.select().where((D.person == person_id) & D.deleted_at.is_null()).order_by(D.decided_on.desc(), D.id)
    return [_row(r) for r in query]


def in_year(person_ids: Iterable[int], year: int) -> dict[int, list[tuple[dt.date, str, bool]]]:
    """{person: [(day, kind, remedied)…]} of the measures that took effect in *year*, for the grading."""
    ids = list(dict.fromkeys(person_ids))
    result: dict[int, list[tuple[dt.date, str, bool]]] = defaultdict(list)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for first in range(0, len(ids), _CHUNK):
        query = (D.select(D.person, D.decided_on, D.kind, D.remedied)
                 .where(D.person.in_(ids[first:first + _CHUNK]) & D.deleted_at.is_null()
                        & D.decided_on.between(start, end))
                 .order_by(D.person, D.decided_on))
        for pid, day, kind, remedied in raw.rows(query):
            result[pid].append((raw.to_day(day), kind, bool(remedied)))
    return dict(result)


def describe(row: DisciplineRow) -> str:
    """'Reprimand, 12/05/2026 (05-QĐ/CB)'."""
    text = _("{kind}, {date}").format(kind=DisciplineKind.label(row.kind), date=format_date(row.decided_on))
    return f"{text} ({row.decision_number})" if row.decision_number else text
