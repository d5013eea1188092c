"""What a check of imported rows found, kept on disk rather than in memory: the outcome of every row (its
number, the name it gives, its problems), the cells of the refused rows for the workbook of problems, the
checked values of the accepted ones when they are to be written later, and the keys seen so far in the
file (a CCCD, a name with a date of birth) that later rows are compared with.

A hundred thousand rows then cost the memory of one batch, and the lists read back a batch at a time.
Everything lives in a private scratch database (store.scratch) that disappears with the plan.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from desktop_app.store.scratch import Scratch

_SCHEMA = """
CREATE TABLE outcome (seq INTEGER PRIMARY KEY, number INTEGER NOT NULL, name TEXT NOT NULL,
                      errors TEXT NOT NULL, cells BLOB, vals BLOB);
CREATE TABLE seen_cccd (cccd TEXT PRIMARY KEY, number INTEGER NOT NULL);
CREATE TABLE seen_name (name TEXT NOT NULL, birth TEXT NOT NULL, number INTEGER NOT NULL, cccd TEXT,
                        PRIMARY KEY (name, birth));
"""
ACCEPTED, REFUSED, ALL = "errors = ''", "errors != ''", ""


@dataclass
class RowInput:
    number: int  # the row number the user sees in the spreadsheet
    values: dict[str, Any]  # field key -> raw cell value
    problems: list[str] = field(default_factory=list)  # found in the file itself (a formula cell…)
    source: tuple = ()  # the whole row as read, kept with a refused row for the workbook of problems


@dataclass
class RowOutcome:
    number: int
    name: str
    errors: list[str] = field(default_factory=list)
    values: dict[str, Any] | None = None  # checked values ready to store, when accepted

    @property
    def ok(self) -> bool:
        return not self.errors


class Outcomes:
    """The accepted, refused or all rows of a plan, in file order, read from disk as they are iterated."""

    def __init__(self, plan: ImportPlan, which: str):
        self.plan, self.which = plan, which

    def __len__(self) -> int:
        counts = {ACCEPTED: self.plan.accepted_count, REFUSED: self.plan.refused_count}
        return counts.get(self.which, self.plan.accepted_count + self.plan.refused_count)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[RowOutcome]:
        self.plan.flush()
        for _seq, number, name, errors in self.plan.scratch.iterate(
                "SELECT seq, number, name, errors FROM outcome", "seq", self.which):
            yield RowOutcome(number, name, json.loads(errors) if errors else [])

    def first(self, count: int) -> list[RowOutcome]:
        return list(islice(self, count))


class ImportPlan:
    """The outcome of checking the rows of one import; ``imported`` is set once they are written."""

    def __init__(self, kind: str):
        self.kind = kind
        self.imported = 0
        self.accepted_count = 0
        self.refused_count = 0
        self.values_kept = False
        self.scratch = Scratch(_SCHEMA)
        self._pending: list[tuple] = []

    @property
    def accepted(self) -> Outcomes:
        return Outcomes(self, ACCEPTED)

    @property
    def refused(self) -> Outcomes:
        return Outcomes(self, REFUSED)

    @property
    def rows(self) -> Outcomes:
        return Outcomes(self, ALL)

    def log(self, outcome: RowOutcome, source: tuple, values: dict | None) -> None:
        """Record one row's outcome: a refused row with its cells, an accepted one with its values when
        they are to be written later."""
        row: tuple[int, str, str, bytes | None, bytes | None]
        if outcome.errors:
            self.refused_count += 1
            row = (outcome.number, outcome.name, json.dumps(outcome.errors, ensure_ascii=False),
                   pickle.dumps(tuple(source), protocol=pickle.HIGHEST_PROTOCOL), None)
        else:
            self.accepted_count += 1
            kept = pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL) if values is not None else None
            row = (outcome.number, outcome.name, "", None, kept)
        self._pending.append(row)
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self.scratch.executemany("INSERT INTO outcome (number, name, errors, cells, vals) VALUES (?, ?, ?, ?, ?)",
                                     self._pending)
            self._pending = []

    def refused_cells(self) -> Iterator[tuple[int, tuple, list[str]]]:
        """(row number, the row's cells as read, problems) of every refused row, in file order."""
        self.flush()
        for _seq, number, errors, cells in self.scratch.iterate(
                "SELECT seq, number, errors, cells FROM outcome", "seq", REFUSED):
            yield number, pickle.loads(cells) if cells else (), json.loads(errors)

    def accepted_values(self) -> Iterator[dict[str, Any]]:
        """The checked values of every accepted row, in file order (kept by a check made to be written later)."""
        self.flush()
        for _seq, vals in self.scratch.iterate("SELECT seq, vals FROM outcome", "seq", ACCEPTED):
            yield pickle.loads(vals)

    def close(self) -> None:
        self.scratch.close()


class SeenKeys:
    """The CCCDs and (name, date of birth) pairs of the rows checked so far, on the plan's scratch database."""

    def __init__(self, plan: ImportPlan):
        self.db = plan.scratch

    def cccd_row(self, cccd: str) -> int | None:
        row = self.db.one("SELECT number FROM seen_cccd WHERE cccd = ?", (cccd,))
        return row[0] if row else None

    def add_cccd(self, cccd: str, number: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO seen_cccd VALUES (?, ?)", (cccd, number))

    def name(self, key: tuple[str, dt.date]) -> tuple[int, str | None] | None:
        return self.db.one("SELECT number, cccd FROM seen_name WHERE name = ? AND birth = ?",
                           (key[0], key[1].isoformat()))

    def add_name(self, key: tuple[str, dt.date], number: int, cccd: str | None) -> None:
        """The first row with this name and date of birth stays the one later rows are compared with."""
        self.db.execute("INSERT OR IGNORE INTO seen_name VALUES (?, ?, ?, ?)",
                        (key[0], key[1].isoformat(), number, cccd))
