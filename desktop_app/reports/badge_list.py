"""The list of Party members reaching the party age for the Party badge (danh sách đảng viên đủ tuổi đảng đề nghị
xét tặng Huy hiệu Đảng), for the committee: a table for each award day of the year (or of one month), the
members of one branch or of the whole organisation, the milestone each reaches and when, posthumous awards marked,
and the count per milestone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.i18n import format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, parse_month, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.year_words import YearWords
from desktop_app.services.documents import issued, report_data
from desktop_app.services.documents.report_data import AwardDay, BadgeListData

TYPE_CODE = "DS"


def _day(doc: PartyDocument, data: BadgeListData, day: AwardDay, number: int, w: YearWords, *,
         with_branch: bool) -> None:
    occasion = w.occasion(day.day.day, day.day.month)
    heading = w.bl_day_named.format(date=format_date(day.day), occasion=occasion) if occasion else \
        w.bl_day.format(date=format_date(day.day))
    doc.section(f"{number}. {heading}")
    if not day.lines:
        doc.paragraph(w.bl_none)
        return
    rows = []
    for n, x in enumerate(day.lines, 1):
        born = data.birth_years.get(x.person_id)
        row = [str(n), x.name, str(born) if born else "", format_date(x.admitted),
               w.badge_years.format(years=x.years), format_date(x.reached_on),
               w.bl_posthumous if x.posthumous else ""]
        if with_branch:
            row.insert(3, x.branch_name or x.branch_code)
        rows.append(row)
    header = [w.col_no, w.col_name, w.col_born, w.col_admission, w.col_badge, w.col_reached, w.col_note]
    weights = [8, 42, 14, 22, 16, 22, 18]
    wrap, center = [1, 6], [0, 2, 3, 4, 5]
    if with_branch:
        header.insert(3, w.col_branch)
        weights.insert(3, 34)
        wrap, center = [1, 3, 7], [0, 2, 4, 5, 6]
    doc.table(header, rows, weights, wrap=wrap, center=center, small_header=True)
    detail = "; ".join(w.bl_milestone.format(years=years, n=n) for years, n in day.counts.items())
    doc.paragraph(w.bl_total.format(n=len(day.lines), detail=detail))


def covers_of(year: int, month: int | None) -> tuple[str, str]:
    """What a badge list covers in the register of issued documents: the award days of a month, or of a year."""
    if month is None:
        return issued.year_key(year), str(year)
    return issued.month_key(year, month), f"{month:02d}/{year}"


def build_badges(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None,
                 month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                 new_version: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """The badge list of *year*'s award days (this year when omitted; only those of *month* when given), for the
    branch *branch_id* or the organisation. *issue* takes the issuer's next "DS" number,
    once (a reprint keeps it, *new_version* takes a new one)."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        only_month = None
        if month is not None:
            year, only_month = parse_month(month, year, today)
        year = year or today.year
        bid = report_data.resolve_branch(branch_id)
        data = report_data.badge_list_data(year, bid, only_month)
        issuer = report_data.issuer_for(bid)
        w = YearWords()
        report_progress(progress, 1, 3)
        summary = w.sum_badges_day.format(date=format_date(data.days[0].day)) if only_month and len(data.days) == 1 \
            else w.sum_badges.format(year=year)
        covers_key, covers = covers_of(year, only_month)
        with issuing.numbered(issuer, TYPE_CODE, w, kind="badges", covers_key=covers_key, covers=covers,
                              title=issuing.register_title(w.type_list, summary), date=today, issue=issue,
                              new_version=new_version) as number:
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, words=w),
                                title=w.type_list, summary=summary, words=w)
            doc.paragraph(w.bl_rule, "note")
            for n, day in enumerate(data.days, 1):
                _day(doc, data, day, n, w, with_branch=bid is None)
            if not data.days:
                doc.paragraph(w.bl_none)
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            report_progress(progress, 2, 3)
            path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
