"""Accent-insensitive full-text index over people and branches (folded text, every word a prefix).

SQLite's ``remove_diacritics 2`` leaves đ untouched, so the text is folded in Python
(core.text.fold) before it is indexed, and queries are folded the same way. The index rows are
written by the services in the same transaction as the record they describe.

In a file the index tables are FTS5 tables with prefix indexes; on a server they are plain tables of the
same rows whose ``document`` column (a ``tsvector`` of the folded words, GIN-indexed) answers the same
question: does every word typed start a word of the record? ``matches`` and ``rank`` give the condition and
the order for either engine.
"""

from __future__ import annotations

import re

from peewee import SQL, Column, NodeList
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from desktop_app.core.text import fold
from desktop_app.store import dialect, writes
from desktop_app.store.db import database

_TOKEN = re.compile(r"\w+", re.UNICODE)


class PersonIndex(FTS5Model):
    rowid = RowIDField()  # = person.id
    name = SearchField()
    extra = SearchField()  # CCCD, card number, phone, workplace

    class Meta:
        database = database
        table_name = "person_fts"
        options = {"tokenize": "unicode61 remove_diacritics 2", "prefix": "2 3"}


class BranchIndex(FTS5Model):
    rowid = RowIDField()  # = branch.id
    name = SearchField()
    code = SearchField()

    class Meta:
        database = database
        table_name = "branch_fts"
        options = {"tokenize": "unicode61 remove_diacritics 2", "prefix": "2 3"}


def person_row(person_id: int, full_name: str, cccd: str | None, card_number: str | None, phone: str | None,
               workplace: str | None) -> tuple[int, str, str]:
    """The (rowid, name, extra) index row of one person: the one formula every writer uses."""
    extra = " ".join(v for v in (cccd, card_number, phone, workplace) if v)
    return person_id, fold(full_name), fold(extra)


def index_person(person) -> None:
    PersonIndex.delete().where(PersonIndex.rowid == person.id).execute()
    if person.deleted_at is None:
        rowid, name, extra = person_row(person.id, person.full_name, person.cccd, person.card_number, person.phone,
                                        person.workplace)
        PersonIndex.insert(rowid=rowid, name=name, extra=extra).execute()


def index_branch(branch) -> None:
    BranchIndex.delete().where(BranchIndex.rowid == branch.id).execute()
    if branch.deleted_at is None:
        BranchIndex.insert(rowid=branch.id, name=fold(branch.name), code=fold(branch.code)).execute()


def match_expression(text: str) -> str | None:
    """FTS5 query for what the user typed: every word folded and matched as a prefix."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _tsquery(text: str) -> str | None:
    """The same question for a server's tsvector: every folded word as a prefix, all of them."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    return " & ".join(f"'{t}':*" for t in tokens)


def matches(index, text: str):
    """The condition "every word of *text* starts a word of the indexed record" on *index*'s table, for the
    engine the models are bound to; None when *text* has no word."""
    if not dialect.is_postgres(database):
        expression = match_expression(text)
        return None if expression is None else index.match(expression)
    query = _tsquery(text)
    if query is None:
        return None
    return NodeList((_document(index), SQL("@@ to_tsquery('simple',"), query, SQL(")")))


def rank(index, text: str):
    """Best matches first: FTS5's bm25 in a file, ts_rank on a server."""
    if not dialect.is_postgres(database):
        return index.bm25()
    # normalisation 1: shorter records first among equal matches, as bm25 prefers them
    return NodeList((SQL("ts_rank("), _document(index), SQL(", to_tsquery('simple',"), _tsquery(text),
                     SQL("), 1) DESC")))


def _document(index):
    """The server-only ``document`` column of *index* (the models do not declare it: a file has none)."""
    return Column(index, "document")


def rebuild() -> None:
    """Recreate both indexes from the tables (used after bulk loads and by repair)."""
    from desktop_app.store.models import Branch, Person

    PersonIndex.delete().execute()
    BranchIndex.delete().execute()
    rows = Person.select(Person.id, Person.full_name, Person.cccd, Person.card_number, Person.phone,
                         Person.workplace).where(Person.deleted_at.is_null()).tuples()
    batch = [person_row(*row) for row in rows.iterator()]
    writes.insert_rows(database, "person_fts", ("rowid", "name", "extra"), batch)
    branches = Branch.select(Branch.id, Branch.name, Branch.code).where(Branch.deleted_at.is_null()).tuples()
    writes.insert_rows(database, "branch_fts", ("rowid", "name", "code"),
                       [(bid, fold(name), fold(code)) for bid, name, code in branches])
