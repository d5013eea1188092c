"""Deleted people, branches and draft meetings, which stay restorable (design.md §5: deletes go to a
recoverable state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.store.models import Branch, Meeting, Person


@dataclass(frozen=True)
class DeletedRow:
    id: int
    name: str
    detail: str  # a person's status code, a branch's code
    deleted_at: dt.datetime


def deleted_people(branch_id: int | None = None) -> list[DeletedRow]:
    """Deleted people, most recently deleted first."""
    query = (Person.select(Person.id, Person.full_name, Person.status, Person.deleted_at)
             .where(Person.deleted_at.is_null(False)).order_by(Person.deleted_at.desc(), Person.id.desc()))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return [DeletedRow(*row) for row in query.tuples()]


@dataclass(frozen=True)
class DeletedMeeting:
    id: int
    branch: str  # the branch's name
    date: dt.date
    kind: str  # a MeetingKind code
    deleted_at: dt.datetime


def deleted_meetings(branch_id: int | None = None) -> list[DeletedMeeting]:
    """Deleted draft meetings of branches that are not deleted themselves, most recently deleted first."""
    query = (Meeting.select(Meeting.id, Branch.name, Meeting.date, Meeting.kind, Meeting.deleted_at)
             .join(Branch, on=(Meeting.branch == Branch.id))
             .where(Meeting.deleted_at.is_null(False) & Branch.deleted_at.is_null())
             .order_by(Meeting.deleted_at.desc(), Meeting.id.desc()))
    if branch_id is not None:
        query = query.where(Meeting.branch == branch_id)
    return [DeletedMeeting(*row) for row in query.tuples()]


def deleted_branches() -> list[DeletedRow]:
    query = (Branch.select(Branch.id, Branch.name, Branch.code, Branch.deleted_at)
             .where(Branch.deleted_at.is_null(False)).order_by(Branch.deleted_at.desc(), Branch.id.desc()))
    return [DeletedRow(*row) for row in query.tuples()]
