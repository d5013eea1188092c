"""The register of issued documents, printed: every numbered document of a branch or of the organisation
with its number and symbol, date, type, branch, summary and what it concerns, the replaced versions marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import issued, report_data
from desktop_app.services.documents.issued import IssuedRow


def _type(row: IssuedRow, w: Words) -> str:
    word = {"BC": w.type_report, "NQ": w.type_resolution}.get(row.type_code)
    return issuing.register_title(word, "") if word else row.type_code


def _note(row: IssuedRow, w: Words) -> str:
    notes = [w.iss_version.format(n=row.version)] if row.version > 1 else []
    if row.superseded:
        notes.append(w.iss_replaced)
    return "; ".join(notes)


def build_issued(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                 year: int | None = None, issue: bool = False, progress: Progress | None = None,
                 today: dt.date | None = None) -> Path:
    """The documents issued by *branch_id* (every issuer's when None, with the branch named), in *year* (every
    year when None), in the order of their dates. A list carries no number; *issue* is accepted as every
    builder does."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        bid = report_data.resolve_branch(branch_id)
        rows = issued.issued_documents(bid, year)
        issuer = report_data.issuer_for(bid)
        w = Words()
        report_progress(progress, 1, 3)
        summary = w.sum_issued.format(year=year) if year else w.sum_issued_all
        doc = PartyDocument(issuing.heading(issuer, today, words=w), title=w.type_list, summary=summary, words=w,
                            wide=True)
        doc.paragraph(w.iss_total.format(n=len(rows)), "plain")
        header = [w.col_no, w.col_symbol, w.col_date, w.col_doc_type, w.col_title, w.col_covers, w.col_note]
        weights = [6, 20, 14, 14, 60, 36, 24]
        table = [[str(n), row.symbol, format_date(row.date), _type(row, w), row.title, row.covers, _note(row, w)]
                 for n, row in enumerate(rows, 1)]
        if bid is None:
            header.insert(4, w.col_branch)
            weights.insert(4, 34)
            for line, row in zip(table, rows, strict=True):
                line.insert(4, row.branch_name)
        if table:
            wrap = [i for i, h in enumerate(header) if h not in (w.col_no, w.col_symbol, w.col_date)]
            doc.table(header, table, weights, wrap=wrap, center=[0, 2])
        else:
            doc.paragraph(w.no_issued)
        report_progress(progress, 2, 3)
        doc.closing(signatures=[issuing.signature(issuer, w)])
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
