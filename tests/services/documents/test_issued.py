"""The register of issued documents (services.documents.issued): a document is numbered once, a reprint
keeps its number and date, a new version takes the next number; both are audited (Hướng dẫn 36-HD/VPTW:
numbers run per type within the committee term, domain.md §5)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.services.documents import issued, numbering
from desktop_app.store.models import AuditEntry, DocumentCounter, IssuedDocument

D = dt.date
ISSUER = "branch:test"


def _issue(date: dt.date, covers: str = "2026-11", **kw) -> issued.Issue:
    args = dict(kind="monthly", issuer=ISSUER, type_code="BC", term="2025-2030", issuer_symbol="CB",
                covers_key=covers, covers="11/2026", title="Báo cáo tháng 11", date=date, lang="vi")
    args.update(kw)
    with issued.issue(**args) as got:
        return got


def _audited(action: str) -> list[dict]:
    """What the audit trail says of the register (numbers taken are audited on their counter as well)."""
    return [json.loads(e.after or "{}") for e in AuditEntry.select()
            .where((AuditEntry.action == action) & (AuditEntry.table == "issueddocument")).order_by(AuditEntry.id)]


def test_the_first_issue_takes_the_next_number_and_registers_it(db):
    numbering.next_number(ISSUER, "BC", "2025-2030")  # number 01 went to another report before
    got = _issue(D(2026, 11, 21))
    assert (got.symbol, got.date, got.reprint, got.version) == ("02-BC/CB", D(2026, 11, 21), False, 1)
    row = IssuedDocument.get()
    assert (row.kind, row.issuer, row.type_code, row.number, row.symbol, row.date, row.covers_key, row.version) == \
        ("monthly", ISSUER, "BC", 2, "02-BC/CB", D(2026, 11, 21), "2026-11", 1)
    assert _audited("issue")[-1]["symbol"] == "02-BC/CB"


def test_a_reprint_keeps_the_number_and_the_date_and_takes_nothing(db):
    first = _issue(D(2026, 11, 21))
    again = _issue(D(2026, 11, 25))  # printed again four days later
    assert (again.symbol, again.date, again.reprint) == (first.symbol, D(2026, 11, 21), True)
    assert IssuedDocument.select().count() == 1
    assert DocumentCounter.get().last_number == 1
    assert _audited("reprint") == [{"symbol": "01-BC/CB", "kind": "monthly", "date": "2026-11-21"}]


def test_a_new_version_takes_the_next_number_and_replaces_the_old_one(db):
    first = _issue(D(2026, 11, 21))
    newer = _issue(D(2026, 11, 25), new_version=True)
    assert (newer.symbol, newer.date, newer.reprint, newer.version) == ("02-BC/CB", D(2026, 11, 25), False, 2)
    rows = list(IssuedDocument.select().order_by(IssuedDocument.id))
    assert rows[1].supersedes_id == rows[0].id
    assert _issue(D(2026, 12, 1)).symbol == "02-BC/CB"  # printing it again now gives the new version
    listed = issued.issued_documents()
    assert [(r.symbol, r.superseded, r.version) for r in listed] == [(first.symbol, True, 1), ("02-BC/CB", False, 2)]
    assert [a["symbol"] for a in _audited("issue")] == ["01-BC/CB", "02-BC/CB"]


def test_other_documents_have_their_own_entry(db):
    _issue(D(2026, 11, 21))
    assert _issue(D(2026, 12, 21), covers="2026-12").symbol == "02-BC/CB"  # another month: another report
    assert _issue(D(2026, 12, 21), issuer="branch:other").symbol == "01-BC/CB"  # another branch's sequence


def test_a_failed_document_keeps_nothing(db):
    _issue(D(2026, 11, 21))
    before = (IssuedDocument.select().count(), DocumentCounter.get().last_number, AuditEntry.select().count())
    for new_version in (False, True):
        with pytest.raises(RuntimeError), issued.issue(
                kind="monthly", issuer=ISSUER, type_code="BC", term="2025-2030", issuer_symbol="CB",
                covers_key="2026-11", covers="", title="", date=D(2026, 11, 25), lang="vi", new_version=new_version):
            raise RuntimeError("printer on fire")
    assert (IssuedDocument.select().count(), DocumentCounter.get().last_number, AuditEntry.select().count()) == before


def test_the_register_lists_one_branch_or_all_and_one_year_or_all(org):
    _org, branch = org
    _issue(D(2025, 12, 21), covers="2025-12", branch_id=branch.id)
    _issue(D(2026, 1, 21), covers="2026-01", branch_id=branch.id)
    _issue(D(2026, 2, 1), kind="quota", issuer="org:x", covers="2025", type_code="BC", issuer_symbol="ĐU")
    assert [r.symbol for r in issued.issued_documents()] == ["01-BC/CB", "02-BC/CB", "01-BC/ĐU"]
    assert [r.symbol for r in issued.issued_documents(year=2026)] == ["02-BC/CB", "01-BC/ĐU"]
    assert [(r.symbol, r.branch_name) for r in issued.issued_documents(branch.id, 2026)] == \
        [("02-BC/CB", "Chi bộ bản Co Muông")]
    assert issued.current(ISSUER, "monthly", "2026-01").symbol == "02-BC/CB"
    assert issued.current(ISSUER, "monthly", "2026-02") is None
