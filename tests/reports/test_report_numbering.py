"""Document numbers (Hướng dẫn 36-HD/VPTW; domain.md §5): "Số 01-BC/CB", sequential from 01 for each
document type within one committee term, restarting with the next term; only an issued document
takes a number."""

from __future__ import annotations

import json

import pytest

from desktop_app import i18n
from desktop_app.reports import build_report, build_resolution
from desktop_app.reports.monthly import build_monthly
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import numbering
from desktop_app.store.models import AuditEntry, Decision, DocumentCounter
from tests.reports.conftest import TODAY
from tests.reports.pdf_helpers import pdf_text


def test_numbers_run_per_type_and_restart_with_each_term(db):
    assert [numbering.next_number("CB01", "BC", "2025-2030") for _ in range(3)] == [1, 2, 3]
    assert numbering.next_number("CB01", "NQ", "2025-2030") == 1  # another type, its own sequence
    assert numbering.next_number("CB02", "BC", "2025-2030") == 1  # another issuer
    assert numbering.next_number("CB01", "BC", "2030-2035") == 1  # a new term starts again from 01
    assert numbering.peek_number("CB01", "BC", "2025-2030") == 4
    assert numbering.peek_number("CB01", "BC", "2025-2030") == 4  # peeking takes nothing


def test_each_number_taken_is_audited(db):
    numbering.next_number("CB01", "BC", "2025-2030", note="monthly report 2026-11")
    entry = AuditEntry.select().where(AuditEntry.action == "issue").get()
    after = json.loads(entry.after)
    assert after["last_number"] == 1 and after["type_code"] == "BC" and after["issued"] == "monthly report 2026-11"


def test_format_number_in_both_languages():
    # No colon after "Số", a hyphen before the type, a slash before the issuer; two digits.
    assert numbering.format_number(1, "BC", "CB") == "Số 01-BC/CB"
    assert numbering.format_number(127, "QĐ", "TW") == "Số 127-QĐ/TW"
    i18n.set_language("en")
    assert numbering.format_number(3, "NQ", "CB") == "No. 03-NQ/CB"
    assert numbering.format_number(None, "NQ", "CB").replace("\u00a0", "") == "No. -NQ/CB"


def test_missing_issuer_or_type_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        numbering.next_number("", "", "2025-2030")
    assert set(caught.value.errors) == {"issuer", "type_code"}
    assert DocumentCounter.select().count() == 0


def test_a_failed_document_gives_its_number_back(db):
    with pytest.raises(RuntimeError), numbering.reserve("CB01", "BC", "T") as n:
        assert n == 1
        raise RuntimeError("printer on fire")
    assert numbering.peek_number("CB01", "BC", "T") == 1
    assert AuditEntry.select().where(AuditEntry.action == "issue").count() == 0


def test_preview_takes_no_number_and_issuing_takes_the_next(sample, tmp_path):
    build_monthly(tmp_path / "preview.pdf", lang="vi", branch_id=sample.branch.id, month="2026-11", today=TODAY)
    assert DocumentCounter.select().count() == 0
    first = build_monthly(tmp_path / "a.pdf", lang="vi", branch_id=sample.branch.id, month="2026-11", today=TODAY,
                          issue=True)
    second = build_report("monthly", tmp_path / "b.pdf", lang="en", branch_id=sample.branch.id, month="2026-10",
                          issue=True)
    assert "Số 01-BC/CB" in pdf_text(first)
    assert "No. 02-BC/CB" in pdf_text(second)
    quota = build_report("quota", tmp_path / "q.pdf", lang="vi", year=2026, issue=True)
    assert "Số 01-BC/ĐU" in pdf_text(quota)  # the committee's own sequence


def test_a_failed_build_does_not_use_up_a_number(sample, tmp_path):
    blocker = tmp_path / "occupied"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        build_monthly(blocker / "report.pdf", lang="vi", branch_id=sample.branch.id, month="2026-11", issue=True)
    assert DocumentCounter.select().count() == 0


def test_resolution_number_is_taken_once_and_kept(sample, tmp_path):
    preview = build_resolution(tmp_path / "p.pdf", sample.admission.id, lang="vi")
    assert "Số -NQ/CB" in pdf_text(preview)
    assert Decision.get_by_id(sample.admission.id).document_number == ""
    issued = build_resolution(tmp_path / "i.pdf", sample.admission.id, lang="vi", issue=True)
    assert "Số 01-NQ/CB" in pdf_text(issued)
    assert Decision.get_by_id(sample.admission.id).document_number == "01-NQ/CB"
    again = build_resolution(tmp_path / "again.pdf", sample.admission.id, lang="vi", issue=True)
    assert "Số 01-NQ/CB" in pdf_text(again)  # a reprint keeps the number
    assert numbering.peek_number(f"branch:{sample.branch.uid}", "NQ", "2025-2030") == 2
