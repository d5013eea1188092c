"""Reading the audit trail for the audit view: filtered pages of entries with readable labels."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import fn

from desktop_app.core.text import fold
from desktop_app.store.models import AuditEntry, Branch, Meeting, Person

# Tables whose records are named by a column, to show "Nguyễn Văn A" rather than a uid.
_NAMED = {"person": (Person, Person.full_name), "branch": (Branch, Branch.name)}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_uid: str
    record_label: str  # the person's or branch's name when known, else ""
    changes: tuple[str, ...]  # names of the fields an update changed; for other actions the keys recorded
    before: str  # JSON as stored
    after: str


def _changes(action: str, before: str, after: str) -> tuple[str, ...]:
    try:
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
    except ValueError:
        return ()
    if not isinstance(old, dict) or not isinstance(new, dict):
        return ()
    if old and new:
        return tuple(sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k)))
    return tuple(sorted(new or old)) if action not in ("create", "delete") else ()


def _labels(rows: list[AuditEntry]) -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], str] = {}
    for table, (model, column) in _NAMED.items():
        uids = {r.record_uid for r in rows if r.table == table and r.record_uid}
        if uids:
            for uid, name in model.select(model.uid, column).where(model.uid.in_(list(uids))).tuples():
                labels[(table, uid)] = name
    uids = {r.record_uid for r in rows if r.table == "meeting" and r.record_uid}
    if uids:
        for uid, day in Meeting.select(Meeting.uid, Meeting.date).where(Meeting.uid.in_(list(uids))).tuples():
            labels[("meeting", uid)] = day.strftime("%d/%m/%Y") if hasattr(day, "strftime") else str(day)
    return labels


def _query(action: str | None, table: str | None, actor: str | None, since: dt.date | None,
           until: dt.date | None, record_uid: str | None, text: str | None):
    query = AuditEntry.select()
    if action:
        query = query.where(AuditEntry.action == action)
    if table:
        query = query.where(AuditEntry.table == table)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if since:
        query = query.where(AuditEntry.at >= dt.datetime.combine(since, dt.time.min))
    if until:
        query = query.where(AuditEntry.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    if record_uid:
        query = query.where(AuditEntry.record_uid == record_uid)
    if text and text.strip():
        folded = fold(text.strip())
        people = Person.select(Person.uid).where(Person.name_fold.contains(folded))
        branches = Branch.select(Branch.uid).where(Branch.name_fold.contains(folded))
        query = query.where(AuditEntry.record_uid.in_(people) | AuditEntry.record_uid.in_(branches)
                            | (fn.lower(AuditEntry.after).contains(text.strip().lower())))
    return query


def list_entries(*, action: str | None = None, table: str | None = None, actor: str | None = None,
                 since: dt.date | None = None, until: dt.date | None = None, record_uid: str | None = None,
                 text: str | None = None, limit: int = 500, offset: int = 0) -> list[AuditRow]:
    """Entries matching every filter given, newest first. *text* matches the name of the person or
    branch concerned (accents ignored) or words of the recorded values."""
    query = (_query(action, table, actor, since, until, record_uid, text)
             .order_by(AuditEntry.id.desc()).limit(max(1, min(int(limit), 5000))).offset(max(0, int(offset))))
    rows = list(query)
    labels = _labels(rows)
    return [AuditRow(r.id, r.at, r.actor, r.action, r.table, r.record_uid, labels.get((r.table, r.record_uid), ""),
                     _changes(r.action, r.before, r.after), r.before, r.after) for r in rows]


def count_entries(**filters) -> int:
    return _query(filters.get("action"), filters.get("table"), filters.get("actor"), filters.get("since"),
                  filters.get("until"), filters.get("record_uid"), filters.get("text")).count()


def actions() -> list[str]:
    """The actions present in the trail, for a filter list."""
    return [a for (a,) in AuditEntry.select(AuditEntry.action).distinct().order_by(AuditEntry.action).tuples()]


def tables() -> list[str]:
    return [t for (t,) in AuditEntry.select(AuditEntry.table).distinct().order_by(AuditEntry.table).tuples()]


def actors() -> list[str]:
    return [a for (a,) in AuditEntry.select(AuditEntry.actor).distinct().order_by(AuditEntry.actor).tuples()]
