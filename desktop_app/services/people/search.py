"""Accent-insensitive search over people and branches: 'nguyen' finds Nguyễn, 'duc' finds Đức."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import Value

from desktop_app.store.db import database
from desktop_app.store.models import Branch, Person
from desktop_app.store.search_index import BranchIndex, PersonIndex, matches, rank


@dataclass(frozen=True)
class Hit:
    kind: str  # "person" or "branch"
    id: int
    title: str
    detail: str  # status code of a person, code of a branch
    branch_id: int | None


def _people_query(text: str, limit: int, branch_id: int | None = None):
    condition = matches(PersonIndex, text)
    if condition is None:
        return None
    query = (Person.select(Value("person"), Person.id, Person.full_name, Person.status, Person.branch)
             .join(PersonIndex, on=(PersonIndex.rowid == Person.id))
             .where(condition & Person.deleted_at.is_null())
             .order_by(rank(PersonIndex, text), Person.sort_key).limit(limit))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return query


def _branches_query(text: str, limit: int):
    condition = matches(BranchIndex, text)
    if condition is None:
        return None
    return (Branch.select(Value("branch"), Branch.id, Branch.name, Branch.code, Branch.id)
            .join(BranchIndex, on=(BranchIndex.rowid == Branch.id))
            .where(condition & Branch.deleted_at.is_null())
            .order_by(rank(BranchIndex, text), Branch.code).limit(limit))


def _hits(query) -> list[Hit]:
    return [] if query is None else [Hit(*row) for row in query.tuples()]


def search_people(text: str, limit: int = 50, branch_id: int | None = None) -> list[Hit]:
    return _hits(_people_query(text, limit, branch_id))


def search_branches(text: str, limit: int = 20) -> list[Hit]:
    return _hits(_branches_query(text, limit))


def search(text: str, limit: int = 50) -> list[Hit]:
    """Branches first (few), then people: one query, so a keystroke costs one round trip to a server."""
    branches, people = _branches_query(text, 10), _people_query(text, limit)
    if branches is None or people is None:
        return []
    (branch_sql, branch_params), (people_sql, people_params) = branches.sql(), people.sql()
    sql = f"SELECT * FROM ({branch_sql}) AS b UNION ALL SELECT * FROM ({people_sql}) AS p"
    return [Hit(*row) for row in database.execute_sql(sql, [*branch_params, *people_params]).fetchall()]
