"""The year's admissions against the quota across all branches, with the breakdowns reported upward
(domain.md §4: women, ethnic minorities, religious believers, Youth Union members, age 18–30, rural
areas and the statistical categories), issued by the organisation as a report ("BC").

The plan is the organisation's own target; the branches' targets added up are stated beside it, each
named, and the table's total row is theirs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.enums import Category
from desktop_app.i18n import format_date, format_percent, format_plan
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import issued, report_data
from desktop_app.services.documents.report_data import QuotaData, QuotaLine

TYPE_CODE = "BC"


def _share(part: int, whole: int | None) -> str:
    return format_percent(part, whole=whole) if whole else ""


def _groups(doc: PartyDocument, data: QuotaData, w: Words) -> None:
    t = data.total
    rows = [[w.q_women, t.women], [w.q_ethnic, t.ethnic], [w.q_religious, t.religious], [w.q_youth, t.youth],
            [w.q_age, t.age_18_30], [w.q_rural_group, t.rural], [w.q_not_rural_group, t.not_rural]]
    rows += [[Category.label(code), t.categories.get(code, 0)] for code in Category.codes()]
    table = [[str(i), label, str(n), _share(n, t.admitted)] for i, (label, n) in enumerate(rows, 1)]
    doc.table([w.col_no, w.col_group, w.col_number, w.col_share], table, [8, 80, 20, 20], center=[0, 2, 3])


def _row(n: str, label: str, line: QuotaLine) -> list[str]:
    target = "" if line.target is None else str(line.target)
    return [n, label, target, str(line.admitted), _share(line.admitted, line.target), str(line.women),
            str(line.ethnic), str(line.religious), str(line.youth), str(line.age_18_30)]


def _results(doc: PartyDocument, data: QuotaData, w: Words) -> None:
    """The targets, each named, the admissions against the plan, and the rural breakdown."""
    t = data.total
    if data.targets_differ and data.branch_targets is not None:
        doc.paragraph(w.q_both_targets.format(year=data.year, target=data.organisation_target,
                                              branches=data.branch_targets))
    elif data.organisation_target is not None:
        doc.paragraph(w.q_org_target.format(year=data.year, target=data.organisation_target))
    elif data.branch_targets is not None:
        doc.paragraph(w.q_branch_targets.format(target=data.branch_targets))
    if data.target:
        summary = w.q_summary.format(admitted=t.admitted, plan=format_plan(t.admitted, data.target))
    else:
        summary = w.q_summary_no_target.format(admitted=t.admitted)
    if t.admitted:  # as the committees publish it: "khu vực nông thôn 133 đồng chí (chiếm 19,4%)"
        summary += " " + w.q_rural.format(rural=t.rural, share=format_percent(t.rural, whole=t.admitted),
                                          other=t.not_rural, other_share=format_percent(t.not_rural, whole=t.admitted))
    doc.paragraph(summary)


def build_quota(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None, month: object = None,
                year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                new_version: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """Quota and statistics of *year* (this year when omitted) across every branch; counted up to today
    for the year in progress. *issue* takes the organisation's next "BC" number, once: a report issued
    before prints again with its number, date and the figures as of that date, unless *new_version*."""
    with document_language(lang):
        report_progress(progress, 0, 4)
        today = today or clock.today()
        year = year or today.year
        issuer = report_data.issuer_for(None)
        w = Words()
        summary = w.sum_quota.format(year=year)
        with issuing.numbered(issuer, TYPE_CODE, w, kind="quota", covers_key=issued.year_key(year), covers=str(year),
                              title=issuing.register_title(w.type_report, summary), date=today, issue=issue,
                              new_version=new_version) as number:
            data = report_data.quota_data(year, as_of=number.date)
            report_progress(progress, 1, 4)
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, words=w),
                                title=w.type_report, summary=summary, words=w)
            t = data.total
            doc.section(f"I. {w.h_results}")
            _results(doc, data, w)
            doc.paragraph(w.q_branches.format(n=data.branches_admitting, total=len(data.branches)))
            doc.paragraph(w.q_as_of.format(date=format_date(data.as_of)), "note")
            doc.section(f"II. {w.h_groups}")
            _groups(doc, data, w)
            report_progress(progress, 2, 4)
            doc.section(f"III. {w.h_by_branch}")
            rows = [_row(str(i), line.name or line.code, line) for i, line in enumerate(data.branches, 1)]
            rows.append(_row("", w.total_branches, t))
            doc.table([w.col_no, w.col_branch, w.col_target, w.col_admitted, w.col_plan, w.col_women, w.col_ethnic,
                       w.col_religious, w.col_youth, w.col_age], rows, [6, 60, 10, 10, 10, 10, 10, 10, 10, 10],
                      wrap=[1], center=[0, 2, 3, 4, 5, 6, 7, 8, 9], bold_rows=[len(rows) - 1], small_header=True)
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            report_progress(progress, 3, 4)
            path = doc.build(out_path)
        report_progress(progress, 4, 4)
        return path
