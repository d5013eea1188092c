"""The branch's monthly report (báo cáo tháng …, phương hướng tháng …), numbered "Số NN-BC/CB".

It is adopted at the meeting and goes to the committee above (domain.md §4, reporting rhythm):
membership and its changes, the meetings held with their attendance, party development against
the year's quota, and the tasks for next month.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.enums import MeetingKind, MembershipKind, Stage, Status
from desktop_app.i18n import _, format_date, format_number, format_percent, format_plan
from desktop_app.reports import issuing
from desktop_app.reports.common import (
    Progress,
    document_language,
    lines,
    month_bounds,
    next_month,
    parse_month,
    period,
    report_progress,
    upper,
)
from desktop_app.reports.fee_book import owing_lines, split_line
from desktop_app.reports.fee_vocabulary import FeeWords
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import issued, report_data
from desktop_app.services.documents.report_data import MonthlyData

TYPE_CODE = "BC"  # báo cáo


def _membership(doc: PartyDocument, data: MonthlyData, w: Words, on: dt.date) -> None:
    """The members on the last day, in the words and the order of the minutes' opening (exempt members are
    among the official and probationary ones, and counted apart)."""
    m = data.members
    doc.paragraph(w.mr_members.format(date=format_date(on)))
    for item in (w.c_total.format(total=m.total, official=m.official, probationary=m.probationary),
                 w.c_exempt.format(n=m.exempt), w.c_elsewhere.format(n=m.elsewhere)):
        doc.paragraph(f"- {item}", "item")
    if not data.changes:
        doc.paragraph(w.mr_no_changes)
        return
    doc.paragraph(w.mr_changes)
    rows = [[str(i), c.name, format_date(c.date), _change(c, w)] for i, c in enumerate(data.changes, 1)]
    doc.table([w.col_no, w.col_name, w.col_date, w.col_change], rows, [8, 48, 22, 72], wrap=[1, 3], center=[0, 2])


def _change(c, w: Words) -> str:
    if c.stage == MembershipKind.MOVE:
        text = (w.mr_moved_in if c.moved_in else w.mr_moved_out).format(branch=c.other_branch)
    else:
        text = Stage.label(c.stage)
    return text + (f" ({c.document_ref})" if c.document_ref else "")


def _meetings(doc: PartyDocument, data: MonthlyData, w: Words) -> None:
    if not data.meetings:
        doc.paragraph(w.mr_no_meeting)
        return
    doc.paragraph(w.mr_meetings.format(n=len(data.meetings)))
    rows = []
    for m in data.meetings:
        c = m.counts
        rate = format_percent(c.present, whole=c.expected) if c.expected else ""
        rows.append([format_date(m.date), MeetingKind.label(m.kind), str(c.expected), str(c.present), rate,
                     str(c.excused), str(c.unexcused)])
    doc.table([w.col_date, w.col_kind, w.col_expected, w.col_present, w.col_rate, w.col_excused, w.col_unexcused],
              rows, [22, 34, 16, 16, 18, 22, 22], wrap=[1], center=[0, 2, 3, 4, 5, 6])
    doc.spacer(2)
    for m in data.meetings:
        prefix = f"{format_date(m.date)}: " if len(data.meetings) > 1 else ""
        if m.counts.excused_names:
            names = "; ".join(f"{n} ({r})" if r else n for n, r in m.counts.excused_names)
            doc.paragraph(prefix + w.mr_absent_excused.format(names=names))
        if m.counts.unexcused_names:
            doc.paragraph(prefix + w.mr_absent_unexcused.format(names="; ".join(m.counts.unexcused_names)))


def _development(doc: PartyDocument, data: MonthlyData, w: Words) -> None:
    doc.paragraph(w.mr_pipeline.format(prospects=data.count(Status.PROSPECT),
                                       sympathisers=data.count(Status.SYMPATHISER),
                                       applicants=data.count(Status.APPLICANT),
                                       probationary=data.count(Status.PROBATIONARY)))
    year = data.end.year
    if data.target:
        doc.paragraph(w.mr_admitted.format(year=year, admitted=data.admitted_in_year, target=data.target,
                                           plan=format_plan(data.admitted_in_year, data.target)))
    else:
        doc.paragraph(w.mr_admitted_no_target.format(year=year, admitted=data.admitted_in_year))


def _fees(doc: PartyDocument, data: MonthlyData) -> None:
    book, f = data.fees, FeeWords()
    owing = [line for line in book.lines if line.due]
    if book.itemised:
        doc.paragraph(f.mr_fees.format(due=format_number(book.due), paid=format_number(book.paid),
                                       payers=sum(1 for line in owing if line.paid), members=len(owing)))
    doc.paragraph(f.collected.format(amount=format_number(book.collected)))
    doc.paragraph(split_line(book, f))
    if book.owing:
        doc.paragraph(f.mr_owing.format(names="; ".join(line.rstrip(".") for line in owing_lines(book, f))))


def _tasks(doc: PartyDocument, data: MonthlyData, w: Words) -> None:
    planned = lines(data.planned)
    if planned:
        doc.paragraph(w.mr_planned)
        for line in planned:
            doc.paragraph(line if line.startswith(("-", "+", "•")) else f"- {line}", "item")
    if not data.open_tasks:
        if not planned:
            doc.paragraph(w.mr_no_tasks)
        return
    doc.paragraph(w.mr_open_tasks)
    rows = [[str(i), t.text, t.responsible, format_date(t.due) + (f" ({w.a_overdue})" if t.overdue else "")]
            for i, t in enumerate(data.open_tasks, 1)]
    doc.table([w.col_no, w.col_task, w.col_responsible, w.col_due], rows, [8, 80, 40, 22], wrap=[1, 2],
              center=[0, 3])


def build_monthly(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                  month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                  new_version: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """The monthly report of *branch_id* for *month* ('YYYY-MM', a date, or a month number with *year*;
    the current month when omitted). *issue* takes the next "BC" number of the branch's sequence, once: a
    report issued before prints again with its number and date, and its figures as of that date, unless
    *new_version* asks for a new number."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        bid = report_data.resolve_branch(branch_id)
        if bid is None:
            raise ValidationError({"branch": _("Choose the branch.")})
        try:
            y, m = parse_month(month, year)
        except ValueError:
            raise ValidationError({"month": _("Month must be written as YYYY-MM, e.g. 2026-11.")}) from None
        start, end = month_bounds(y, m)
        issuer = report_data.issuer_for(bid)
        w = Words()
        when = period(w, y, m)
        summary = w.sum_monthly.format(period=when, next_period=period(w, *next_month(y, m)))
        with issuing.numbered(issuer, TYPE_CODE, w, kind="monthly", covers_key=issued.month_key(y, m),
                              covers=f"{m:02d}/{y}", title=issuing.register_title(w.type_report, summary),
                              date=today or clock.today(), issue=issue, new_version=new_version) as number:
            data = report_data.monthly_data(bid, start, min(end, max(number.date, start)))
            report_progress(progress, 1, 3)
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, words=w),
                                title=w.type_report, summary=summary, words=w)
            doc.section(f"I. {w.h_membership}")
            _membership(doc, data, w, data.end)
            doc.section(f"II. {w.h_meetings}")
            _meetings(doc, data, w)
            doc.section(f"III. {w.h_development}")
            _development(doc, data, w)
            doc.section(f"IV. {FeeWords().h_fees}")
            _fees(doc, data)
            doc.section(f"V. {w.h_tasks.format(period=upper(period(w, *next_month(y, m))))}")
            _tasks(doc, data, w)
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            report_progress(progress, 2, 3)
            path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
