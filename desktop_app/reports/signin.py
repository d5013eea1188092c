"""Pre-filled sign-in sheet of a branch meeting: every member summoned, with room to sign, and
empty rows for temporary members and guests; it ends with the tally and the signatures of the recording
secretary and the chair."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.enums import AttendanceStatus, Status
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_date, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument, Signature
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import report_data

GUEST_ROWS = 6
HAND = "......"  # a figure to write in by hand
ROW_HEIGHT_MM = 9  # room for a signature


def _member(status: str, w: Words) -> str:
    return {Status.OFFICIAL: w.official, Status.PROBATIONARY: w.probationary, Status.EXEMPT: w.official}.get(
        status, Status.label(status))


def _tally(data, w: Words) -> str:
    """'Present: 12; absent: 3 (…)': from the adopted minutes, else dotted room to count at the meeting."""
    c = data.counts
    if c is None:
        return w.si_tally.format(present=HAND, absent=HAND, excused=HAND, unexcused=HAND)
    return w.si_tally.format(present=c.present, absent=c.absent, excused=c.excused, unexcused=c.unexcused)


def build_signin(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None,
                 month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                 progress: Progress | None = None, guest_rows: int = GUEST_ROWS) -> Path:
    """The sign-in sheet of meeting *meeting_id*; exempt members and those active elsewhere are listed
    with a note (they are not expected to sign)."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        data = report_data.signin_data(meeting_id)
        issuer = report_data.issuer_for(data.branch_id)
        w = Words()
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, data.date, words=w), title=w.type_list,
                            summary=w.sum_signin.format(date=format_date(data.date)), words=w)
        rows = []
        for n, line in enumerate(data.lines, 1):
            note = ""
            if line.member_status == Status.EXEMPT or line.attendance == AttendanceStatus.EXEMPT:
                note = w.exempt
            elif line.attendance == AttendanceStatus.ELSEWHERE:
                note = AttendanceStatus.label(AttendanceStatus.ELSEWHERE)
            rows.append([str(n), line.name, _member(line.member_status, w), "", note])
        groups = [len(rows)]
        rows.append([w.si_guests])
        rows += [[str(len(data.lines) + i), "", "", "", ""] for i in range(1, guest_rows + 1)]
        if data.start_time:
            doc.paragraph(w.m_time.format(time=issuing.clock(data.start_time, w), date=document_date(data.date)),
                          "plain")
        if data.place:
            doc.paragraph(w.m_place.format(place=data.place), "plain")
        doc.paragraph(w.si_total.format(n=len(data.lines)), "plain")
        doc.table([w.col_no, w.col_name, w.col_member, w.col_signature, w.col_note], rows, [8, 52, 24, 36, 30],
                  wrap=[1, 4], center=[0, 2], group_rows=groups, row_height_mm=ROW_HEIGHT_MM)
        doc.paragraph(_tally(data, w), "plain")
        doc.closing(signatures=[Signature(title=w.minutes_taker, name=data.minutes_taker),
                                Signature(title=w.chair, name=data.chair)])
        report_progress(progress, 2, 3)
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
