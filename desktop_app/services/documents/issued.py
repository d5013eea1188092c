"""The register of issued documents: each numbered document once, with its number and date.

A document is identified by who issues it (the counter key of its issuer), its kind and what it covers
(a month, a year, a decision). Issuing it the first time takes the next number of its type and writes it
in the register; issuing it again is a reprint: the same number and date, nothing taken, an entry in the
audit trail. Only an explicit new version takes a new number, with a register row pointing at the one it
replaces. Numbers are taken inside the caller's block, so a document that fails to print gives its
number back (see numbering.reserve).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core.text import nfc
from desktop_app.services.common import audit
from desktop_app.services.common.tx import atomic
from desktop_app.services.documents import numbering
from desktop_app.store.models import Branch, Decision, IssuedDocument

TABLE = IssuedDocument._meta.table_name


@dataclass(frozen=True)
class Issue:
    """The number and date a document prints with."""

    symbol: str  # "03-BC/CB"
    date: dt.date
    reprint: bool  # True: the number and date of an earlier issue, nothing taken
    version: int


@dataclass(frozen=True)
class IssuedRow:
    id: int
    kind: str
    type_code: str
    number: int
    symbol: str
    date: dt.date
    branch_id: int | None
    branch_name: str
    decision_id: int | None
    covers_key: str
    covers: str
    title: str
    version: int
    superseded: bool  # a later version replaces it


def month_key(year: int, month: int) -> str:
    """What a monthly document covers: '2026-11'."""
    return f"{year}-{month:02d}"


def year_key(year: int) -> str:
    return str(year)


def _current(issuer: str, kind: str, covers_key: str) -> IssuedDocument | None:
    return (IssuedDocument.select()
            .where((IssuedDocument.issuer == issuer) & (IssuedDocument.kind == kind)
                   & (IssuedDocument.covers_key == covers_key))
            .order_by(IssuedDocument.version.desc(), IssuedDocument.id.desc()).first())


def current(issuer: str, kind: str, covers_key: str) -> Issue | None:
    """The version in force of a document, None when it was never issued."""
    row = _current(nfc(issuer), kind, nfc(covers_key))
    return Issue(row.symbol, row.date, True, row.version) if row else None


def for_decision(decision_id: int) -> Issue | None:
    """The resolution of a decision as issued: its version in force in the register, else a number
    written on the decision by hand; None when it was never numbered."""
    row = (IssuedDocument.select().where((IssuedDocument.decision == decision_id)
                                         & (IssuedDocument.kind == "resolution"))
           .order_by(IssuedDocument.version.desc(), IssuedDocument.id.desc()).first())
    decision = Decision.get_or_none(Decision.id == decision_id)
    if row is not None and (decision is None or decision.document_number in ("", row.symbol)):
        return Issue(row.symbol, row.date, True, row.version)
    if decision is not None and decision.document_number:
        return Issue(decision.document_number, decision.meeting.date, True, row.version if row else 0)
    return None


@contextlib.contextmanager
def issue(*, kind: str, issuer: str, type_code: str, term: str, issuer_symbol: str, covers_key: str,
          covers: str, title: str, date: dt.date, lang: str, branch_id: int | None = None,
          decision_id: int | None = None, new_version: bool = False, recorded_symbol: str = "") -> Iterator[Issue]:
    """The number and date of the document produced inside the block.

    A document already issued is reprinted with its number and date (audited as "reprint"); *new_version*
    takes the next number and today's *date* and registers the new version. *recorded_symbol* is a number
    already written on the record (a resolution numbered by hand): it is registered and printed as is.
    If the block fails, nothing of this is kept."""
    issuer, covers_key = nfc(issuer), nfc(covers_key)
    with atomic():
        previous = _current(issuer, kind, covers_key)
        recorded = nfc(recorded_symbol).strip()
        if not new_version and previous is not None and (not recorded or recorded == previous.symbol):
            audit.record("reprint", TABLE, previous.uid, None, {"symbol": previous.symbol, "kind": kind,
                                                                 "date": previous.date.isoformat()})
            yield Issue(previous.symbol, previous.date, True, previous.version)
            return
        if recorded and not new_version:
            number, symbol = _number_of(recorded), recorded
        else:
            number = numbering.next_number(issuer, type_code, term, note=f"{kind} {covers_key}")
            symbol = numbering.symbol(number, type_code, issuer_symbol)
        row = IssuedDocument.create(
            kind=kind, issuer=issuer, type_code=nfc(type_code), term=nfc(term), number=number, symbol=symbol,
            date=date, branch=branch_id, decision=decision_id, covers_key=covers_key, covers=nfc(covers),
            title=nfc(title), lang=lang, version=previous.version + 1 if previous else 1, supersedes=previous)
        audit.record_change("issue", row, None)
        if decision_id is not None:
            _number_decision(decision_id, symbol)
        yield Issue(symbol, date, bool(recorded) and not new_version, row.version)


def _number_of(symbol: str) -> int:
    head = symbol.split("-", 1)[0].strip()
    return int(head) if head.isdigit() else 0


def _number_decision(decision_id: int, symbol: str) -> None:
    """A resolution's number is kept on its decision as well (the minutes and the pipeline cite it)."""
    decision = Decision.get_or_none(Decision.id == decision_id)
    if decision is None or decision.document_number == symbol:
        return
    before = audit.snapshot(decision)
    decision.document_number = symbol
    decision.save()
    audit.record_change("update", decision, before)


def issued_documents(branch_id: int | None = None, year: int | None = None) -> list[IssuedRow]:
    """The register, oldest first: every issuer's documents, or one branch's; of one year or of all."""
    later = IssuedDocument.alias()
    replaced = {sid for (sid,) in later.select(later.supersedes).where(later.supersedes.is_null(False)).tuples()}
    d = IssuedDocument
    query = (d.select(d.id, d.kind, d.type_code, d.number, d.symbol, d.date, d.branch, Branch.name, d.decision,
                      d.covers_key, d.covers, d.title, d.version)
             .join(Branch, JOIN.LEFT_OUTER, on=(d.branch == Branch.id)))
    if branch_id is not None:
        query = query.where(d.branch == branch_id)
    if year is not None:
        query = query.where((d.date >= dt.date(year, 1, 1)) & (d.date <= dt.date(year, 12, 31)))
    return [IssuedRow(i, kind, code, number, symbol, date, bid, bname or "", did, key, covers, title, version,
                      i in replaced)
            for i, kind, code, number, symbol, date, bid, bname, did, key, covers, title, version
            in query.order_by(d.date, d.id).tuples()]
