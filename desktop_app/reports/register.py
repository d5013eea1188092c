"""The member register (danh sách đảng viên) of a branch or of the whole organisation: every member with
the particulars a committee asks for, on A4 landscape, its header repeated on every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.enums import Gender, Status
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import report_data
from desktop_app.services.documents.report_data import RegisterLine


def _status(line: RegisterLine, w: Words) -> str:
    return {Status.OFFICIAL: w.official, Status.PROBATIONARY: w.probationary, Status.EXEMPT: w.exempt}.get(
        line.status, Status.label(line.status))


def build_register(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                   issue: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """The members of *branch_id*, or of every branch (with a column naming the branch) when None. A list
    carries no number; *issue* is accepted as every builder does."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        bid = report_data.resolve_branch(branch_id)
        lines = report_data.register_data(bid)
        issuer = report_data.issuer_for(bid)
        w = Words()
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, today, words=w), title=w.type_list,
                            summary=w.sum_register.format(date=format_date(today)), words=w, wide=True)
        counts = {code: sum(1 for line in lines if line.status == code) for code in Status.MEMBERS}
        doc.paragraph(w.reg_totals.format(total=len(lines), official=counts[Status.OFFICIAL],
                                          probationary=counts[Status.PROBATIONARY], exempt=counts[Status.EXEMPT]),
                      "plain")
        header = [w.col_no, w.col_name, w.col_birth, w.col_gender, w.col_ethnicity, w.col_religion, w.col_admission,
                  w.col_official, w.col_card, w.col_status]
        weights = [6, 40, 15, 9, 12, 13, 15, 15, 17, 16]
        rows = [[str(n), line.name, format_date(line.birth_date), Gender.label(line.gender), line.ethnicity,
                 line.religion, format_date(line.admission_date), format_date(line.official_date), line.card_number,
                 _status(line, w)] for n, line in enumerate(lines, 1)]
        if bid is None:  # the whole organisation: which branch each member belongs to
            header.append(w.col_branch)
            weights.append(40)
            for row, line in zip(rows, lines, strict=True):
                row.append(line.branch_name)
        if rows:
            # One line a member: only the name and the branch wrap; the other columns are as wide as their values.
            doc.table(header, rows, weights, wrap=[1, 10], center=[0, 2, 3, 6, 7, 8], small_header=True)
        else:
            doc.paragraph(w.no_members)
        report_progress(progress, 2, 3)
        doc.closing(signatures=[issuing.signature(issuer, w)])
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
