"""List of candidates for admission and of probationary members, with what is due next.

For each candidate: the latest step, the awareness-class certificate (valid 60 months, 06-HD/TW
§5.4), the dossier papers received of those required, and the nearest deadline (certificate
expiry, dossier 12 months old, end of probation, recognition vote within 30 working days).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import report_data
from desktop_app.services.documents.report_data import CandidateLine

DEADLINE_WORDS = {"certificate": "dl_certificate", "dossier": "dl_dossier", "decision": "dl_decision",
                  "ceremony": "dl_ceremony", "recognition": "dl_recognition"}


def _name(line: CandidateLine) -> str:
    return f"{line.name}, {line.birth_year}" if line.birth_year else line.name


def _certificate(line: CandidateLine, w: Words, today: dt.date) -> str:
    if not line.certificate_date or not line.certificate_expires:
        return w.cert_none
    if line.certificate_expires <= today:
        return w.cert_expired.format(date=format_date(line.certificate_date),
                                     until=format_date(line.certificate_expires))
    last_valid = line.certificate_expires - dt.timedelta(days=1)
    return w.cert_valid.format(date=format_date(line.certificate_date), until=format_date(last_valid))


def _dossier(line: CandidateLine, w: Words) -> str:
    if not line.required:
        return ""
    if not line.missing:
        return w.dossier_complete.format(received=len(line.received), required=len(line.required))
    return w.dossier_missing.format(received=len(line.received), required=len(line.required),
                                    codes=", ".join(line.missing))


def _deadline(line: CandidateLine, w: Words, today: dt.date) -> str:
    """The most urgent deadline: one already passed, else the nearest to come."""
    if not line.deadlines:
        return ""
    d = line.deadlines[0]  # soonest first, so a passed one comes first
    text = getattr(w, DEADLINE_WORDS[d.kind]).format(date=format_date(d.date))
    return f"{text} ({w.dl_overdue})" if d.date < today else text


def _by_branch(lines: tuple[CandidateLine, ...]) -> list[tuple[str, list[CandidateLine]]]:
    """Consecutive lines of each branch (the data comes ordered by branch)."""
    groups: list[tuple[str, list[CandidateLine]]] = []
    branch: object = object()
    for line in lines:
        if line.branch_id != branch:
            branch = line.branch_id
            groups.append((line.branch_name, []))
        groups[-1][1].append(line)
    return groups


def _tables(doc: PartyDocument, lines: tuple[CandidateLine, ...], many_branches: bool, header: list[str],
            weights: list[float], make_row, **style) -> None:
    """One table, or one per branch under its name when the list covers every branch (small tables
    also keep a list of thousands of people quick to lay out)."""
    groups = _by_branch(lines) if many_branches else [("", list(lines))]
    for name, members in groups:
        doc.table(header, [make_row(n, line) for n, line in enumerate(members, 1)], weights, caption=name, **style)


def build_candidates(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                     month: object = None, year: int | None = None, meeting_id: int | None = None,
                     issue: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """Candidates and probationary members of one branch, or of every branch (grouped) when *branch_id*
    is None. Lists carry no number; *issue* is accepted for a uniform signature."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        bid = report_data.resolve_branch(branch_id)
        data = report_data.candidates_data(bid, today)
        issuer = report_data.issuer_for(bid)
        w = Words()
        many = bid is None
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, today, words=w), title=w.type_list,
                            summary=w.sum_candidates.format(date=format_date(today)), words=w)
        doc.section(f"I. {w.h_candidates}")
        if data.candidates:
            def candidate_row(n: int, line: CandidateLine) -> list[str]:
                step = Stage.label(line.stage) if line.stage else Status.label(line.status)
                if line.stage_date:
                    step += f" ({format_date(line.stage_date)})"
                return [str(n), _name(line), step, _certificate(line, w, today), _dossier(line, w),
                        _deadline(line, w, today)]

            _tables(doc, data.candidates, many, [w.col_no, w.col_name_birth, w.col_step, w.col_certificate,
                                                 w.col_dossier, w.col_deadline], [8, 28, 28, 24, 30, 28],
                    candidate_row, wrap=[1, 2, 3, 4, 5], center=[0])
        else:
            doc.paragraph(w.no_candidates)
        report_progress(progress, 2, 3)
        doc.section(f"II. {w.h_probationary}")
        if data.probationary:
            def probation_row(n: int, line: CandidateLine) -> list[str]:
                return [str(n), _name(line), format_date(line.ceremony_date), format_date(line.probation_end),
                        _dossier(line, w), _deadline(line, w, today)]

            _tables(doc, data.probationary, many, [w.col_no, w.col_name_birth, w.col_ceremony, w.col_probation_end,
                                                   w.col_dossier, w.col_deadline], [8, 34, 20, 20, 32, 32],
                    probation_row, wrap=[1, 4, 5], center=[0, 2, 3])
        else:
            doc.paragraph(w.no_probationary)
        doc.closing(signatures=[issuing.signature(issuer, w)])
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
