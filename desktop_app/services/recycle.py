"""Deleted people and branches, which stay restorable (design.md §5: deletes go to a recoverable state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.store.models import Branch, Person


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


def deleted_branches() -> list[DeletedRow]:
    query = (Branch.select(Branch.id, Branch.name, Branch.code, Branch.deleted_at)
             .where(Branch.deleted_at.is_null(False)).order_by(Branch.deleted_at.desc(), Branch.id.desc()))
    return [DeletedRow(*row) for row in query.tuples()]
