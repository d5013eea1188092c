"""Document numbers: "Số 01-BC/CB" (Hướng dẫn 36-HD/VPTW).

Numbers run from 01 for each document type within one committee term, not per calendar year, and
restart with the next term (domain.md §5). The counter key is (issuer, type code, term), one
DocumentCounter row each. Taking a number is one IMMEDIATE transaction, so two PCs or two windows
never get the same number, and it is audited. A preview never takes a number: only issuing does
(``issue=True`` in the report builders), and a preview prints the number blank for the office to fill.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from desktop_app.core.text import nfc
from desktop_app.i18n import _, pgettext
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, clean_text
from desktop_app.store.models import Decision, DocumentCounter

BLANK = "\u00a0" * 6  # room to write the number by hand on a preview


def _key(issuer: str, type_code: str, term: str) -> tuple[str, str, str]:
    check = Checker({"issuer": issuer, "type_code": type_code, "term": term})
    for field in ("issuer", "type_code", "term"):
        check.text(field, max_length=100, name=True)
    clean = check.done()
    issuer, type_code, term = (clean.get(f) or "" for f in ("issuer", "type_code", "term"))
    errors = {}
    if not issuer:
        errors["issuer"] = _("The issuing body is missing.")
    if not type_code:
        errors["type_code"] = _("The document type is missing.")
    if errors:
        raise ValidationError(errors)
    return issuer, type_code, term


def peek_number(issuer: str, type_code: str, term: str) -> int:
    """The number the next document of this type would get (nothing is taken)."""
    issuer, type_code, term = _key(issuer, type_code, term)
    row = DocumentCounter.get_or_none((DocumentCounter.issuer == issuer) & (DocumentCounter.type_code == type_code)
                                      & (DocumentCounter.term == term))
    return (row.last_number if row else 0) + 1


def next_number(issuer: str, type_code: str, term: str, *, note: str = "") -> int:
    """Take the next number of *type_code* for *issuer* in *term*; audited with *note* (what was issued)."""
    issuer, type_code, term = _key(issuer, type_code, term)
    note = clean_text(note if isinstance(note, str) else str(note), "note") if note else ""
    with atomic():
        where = ((DocumentCounter.issuer == issuer) & (DocumentCounter.type_code == type_code)
                 & (DocumentCounter.term == term))
        row = DocumentCounter.get_or_none(where)
        if row is None:
            row = DocumentCounter.create(issuer=issuer, type_code=type_code, term=term, last_number=1)
            before = None
        else:
            before = audit.snapshot(row)
            DocumentCounter.update(last_number=DocumentCounter.last_number + 1).where(
                DocumentCounter.id == row.id).execute()
            row = DocumentCounter.get_by_id(row.id)
        after = audit.snapshot(row) or {}
        if note:
            after["issued"] = note
        audit.record("issue", DocumentCounter._meta.table_name, row.uid, before, after)
        return row.last_number


@contextlib.contextmanager
def reserve(issuer: str, type_code: str, term: str, *, note: str = "") -> Iterator[int]:
    """Take the next number for a document being produced inside the block: if the block fails
    (the PDF could not be written), the number is given back, so no number is lost or skipped."""
    with atomic():
        yield next_number(issuer, type_code, term, note=note)


def symbol(number: int | None, type_code: str, issuer_symbol: str) -> str:
    """'01-BC/CB'; a blank in place of the number when *number* is None (preview)."""
    shown = f"{number:02d}" if number is not None else BLANK
    return f"{shown}-{nfc(type_code)}/{nfc(issuer_symbol)}"


def number_prefix() -> str:
    """'Số' / 'No.' (the document vocabulary)."""
    return pgettext("document", "No.")


def format_number(n: int | None, type_code: str, issuer: str) -> str:
    """'Số 01-BC/CB' (HD36: no colon after "Số", a hyphen before the type, a slash before the issuer)."""
    return f"{number_prefix()} {symbol(n, type_code, issuer)}"


def issue_decision_number(decision_id: int, *, counter_issuer: str, type_code: str, issuer_symbol: str,
                          term: str) -> str:
    """The document number of a branch resolution, taken once: a decision already numbered keeps
    its number (reprinting an issued resolution never uses up another). Returns e.g. '03-NQ/CB'."""
    with atomic():
        decision = Decision.get_or_none(Decision.id == decision_id)
        if decision is None:
            raise NotFoundError(_("Decision not found."))
        if decision.document_number:
            return decision.document_number
        n = next_number(counter_issuer, type_code, term, note=f"decision {decision.uid}")
        before = audit.snapshot(decision)
        decision.document_number = symbol(n, type_code, issuer_symbol)
        decision.save()
        audit.record_change("update", decision, before)
        return decision.document_number


@contextlib.contextmanager
def reserve_decision_number(decision_id: int, *, counter_issuer: str, type_code: str, issuer_symbol: str,
                            term: str) -> Iterator[str]:
    """issue_decision_number for a resolution printed inside the block: if the block fails, the
    decision keeps no number and the counter is given back."""
    with atomic():
        yield issue_decision_number(decision_id, counter_issuer=counter_issuer, type_code=type_code,
                                    issuer_symbol=issuer_symbol, term=term)
