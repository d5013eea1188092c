"""List of the official members assigned to help and introduce, and how many each one carries
(domain.md §2: helper of a sympathiser, introducer of an applicant, helper of a probationary member)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.enums import SponsorRole, Status
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import report_data
from desktop_app.services.documents.report_data import SponsorLine


def _assignments(doc: PartyDocument, lines: list[SponsorLine], w: Words, caption: str) -> None:
    rows = [[str(n), line.sponsor, f"{line.person} ({Status.label(line.person_status)})",
             SponsorRole.label(line.role), format_date(line.start)] for n, line in enumerate(lines, 1)]
    # One cell for each member's name over all their rows, so each member's load reads as a block.
    spans, first = [], 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].sponsor_id != lines[first].sponsor_id:
            if i - 1 > first:
                spans.append((1, first, i - 1))
            first = i
    doc.table([w.col_no, w.col_sponsor, w.col_person_helped, w.col_role, w.col_from], rows, [8, 32, 46, 40, 21],
              wrap=[1, 2, 3], center=[0, 4], spans=spans, caption=caption)


def build_sponsors(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                   month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                   progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """Open assignments of one branch, or of every branch when *branch_id* is None; then each member's load."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        bid = report_data.resolve_branch(branch_id)
        data = report_data.sponsors_data(bid, today)
        issuer = report_data.issuer_for(bid)
        w = Words()
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, today, words=w), title=w.type_list,
                            summary=w.sum_sponsors.format(date=format_date(today)), words=w)
        doc.section(f"I. {w.h_assignments}")
        if data.lines:
            groups: list[tuple[int | None, str, list[SponsorLine]]] = []
            for line in data.lines:  # one table per branch when the list covers every branch
                if not groups or (bid is None and groups[-1][0] != line.branch_id):
                    groups.append((line.branch_id, line.branch_name if bid is None else "", []))
                groups[-1][2].append(line)
            for _branch, name, lines in groups:
                _assignments(doc, lines, w, name)
        else:
            doc.paragraph(w.no_assignments)
        doc.section(f"II. {w.h_loads}")
        if data.loads:
            rows = [[str(n), name, str(count)] for n, (name, count) in enumerate(data.loads, 1)]
            doc.table([w.col_no, w.col_name, w.col_open], rows, [8, 70, 30], center=[0, 2])
        report_progress(progress, 2, 3)
        doc.closing(signatures=[issuing.signature(issuer, w)])
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
