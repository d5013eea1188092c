"""Accent-insensitive search over people and branches: 'nguyen' finds Nguyễn, 'duc' finds Đức."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.store.models import Branch, Person
from desktop_app.store.search_index import BranchIndex, PersonIndex, match_expression


@dataclass(frozen=True)
class Hit:
    kind: str  # "person" or "branch"
    id: int
    title: str
    detail: str  # status code of a person, code of a branch
    branch_id: int | None


def search_people(text: str, limit: int = 50, branch_id: int | None = None) -> list[Hit]:
    expression = match_expression(text)
    if expression is None:
        return []
    query = (Person.select(Person.id, Person.full_name, Person.status, Person.branch)
             .join(PersonIndex, on=(PersonIndex.rowid == Person.id))
             .where(PersonIndex.match(expression) & Person.deleted_at.is_null())
             .order_by(PersonIndex.bm25(), Person.sort_key).limit(limit))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return [Hit("person", pid, name, status, bid) for pid, name, status, bid in query.tuples()]


def search_branches(text: str, limit: int = 20) -> list[Hit]:
    expression = match_expression(text)
    if expression is None:
        return []
    query = (Branch.select(Branch.id, Branch.name, Branch.code)
             .join(BranchIndex, on=(BranchIndex.rowid == Branch.id))
             .where(BranchIndex.match(expression) & Branch.deleted_at.is_null())
             .order_by(BranchIndex.bm25(), Branch.code).limit(limit))
    return [Hit("branch", bid, name, code, bid) for bid, name, code in query.tuples()]


def search(text: str, limit: int = 50) -> list[Hit]:
    """Branches first (few), then people."""
    return search_branches(text, limit=10) + search_people(text, limit=limit)
