"""The same demo organisation written on a file and on a server prints the same documents, word for word:
every report kind, from its own engine."""

from __future__ import annotations

import datetime as dt

import pytest
from pdf_helpers import pdf_text

from desktop_app.reports import REPORT_KINDS, build_report
from desktop_app.services import demo
from desktop_app.store import db as store_db
from desktop_app.store.models import Branch, Decision, Meeting
from desktop_app.store.schema import open_database

pytestmark = pytest.mark.server_only
TODAY = dt.date(2026, 11, 20)


def _documents(location, out) -> dict[str, str]:
    open_database(location)
    demo.generate("branch", seed=11, today=TODAY)
    branch = Branch.select().order_by(Branch.code).first()
    meeting = (Meeting.select().where((Meeting.branch == branch) & (Meeting.status == "adopted"))
               .order_by(Meeting.date.desc()).first())
    decision = (Decision.select().join(Meeting).where((Meeting.branch == branch) & (Decision.passed == True))  # noqa: E712
                .order_by(Meeting.date.desc(), Decision.id).first())
    texts = {}
    for kind in REPORT_KINDS:  # drafts: no document number is taken, so both runs print the same
        path = build_report(kind, out / f"{kind}.pdf", lang="vi", branch_id=branch.id, meeting_id=meeting.id,
                            decision_id=decision.id, month=10, year=2026)
        texts[kind] = pdf_text(path)
    store_db.close()
    return texts


def test_every_document_reads_the_same_from_a_file_and_from_a_server(engine, postgres_server, tmp_path):
    (tmp_path / "file").mkdir()
    (tmp_path / "server").mkdir()
    on_file = _documents(tmp_path / "demo.sqlite3", tmp_path / "file")
    on_server = _documents(postgres_server.new_database("documents"), tmp_path / "server")
    assert set(on_file) == set(REPORT_KINDS)
    for kind in REPORT_KINDS:
        assert len(on_file[kind]) > 200, kind
        assert on_server[kind] == on_file[kind], kind
