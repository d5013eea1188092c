"""The branch's fee book for a month (sổ thu, nộp đảng phí; Decision 342-QĐ/TW to 01/2026, Regulation
01-QĐ/TW from 02/2026): what each member owed and paid, the money received in the month with the share
remitted to the committee above and the share kept, and who still owes. A book, not a numbered document: it
carries the Party header and dateline, and the signatures of its keeper and of the branch.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock, rules
from desktop_app.core.rules import Month
from desktop_app.i18n import _, format_date, format_number
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, parse_month, period, report_progress
from desktop_app.reports.fee_vocabulary import FeeWords
from desktop_app.reports.party_layout import PartyDocument, Signature
from desktop_app.reports.vocabulary import Words
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import report_data
from desktop_app.services.fees import summary
from desktop_app.services.fees.summary import FeeBook


def money(value: int | None) -> str:
    return "" if value is None else format_number(value)


def months_text(months) -> str:
    return ", ".join(str(m) for m in months)


def _members(doc: PartyDocument, book: FeeBook, w: Words, f: FeeWords) -> None:
    rows = []
    for n, line in enumerate(book.lines, 1):
        basis = "\n".join(part for part in (line.basis, line.note) if part)
        other = "\n".join(f"{m}: {format_number(a)}" for m, a in line.other_months)
        rows.append([str(n), line.full_name, basis, money(line.due) if line.due is not None else "—",
                     money(line.paid) if line.paid else "", other, money(line.owed) if line.owed else ""])
    others = sum(a for line in book.lines for _m, a in line.other_months)
    rows.append(["", w.total, "", money(book.due), money(book.paid), money(others) if others else "",
                 money(sum(line.owed for line in book.lines))])
    doc.table([w.col_no, w.col_name, f.col_basis, f.col_due, f.col_paid, f.col_other, f.col_owed], rows,
              [7, 36, 36, 18, 18, 24, 18], wrap=[1, 2, 5], center=[0], right=[3, 4, 5, 6],
              bold_rows=[len(rows) - 1], small_header=True)


def _month(doc: PartyDocument, book: FeeBook, f: FeeWords) -> None:
    for day, amount in book.unitemised:
        doc.paragraph(f.unitemised.format(date=format_date(day), amount=format_number(amount)))
    doc.paragraph(f.collected.format(amount=format_number(book.collected)))
    doc.paragraph(split_line(book, f))


def split_line(book: FeeBook, f: FeeWords) -> str:
    """What the branch remits and keeps; the regulation is cited only for a share it is known to set."""
    split = book.split
    if split is None:
        return f.split_unset
    words = f.split if split.cited else f.split_uncited
    return words.format(percent=split.percent, remitted=format_number(split.remitted),
                        kept=format_number(split.kept), source=split.source)


def owing_lines(book: FeeBook, f: FeeWords) -> list[str]:
    return [f.owing_line.format(name=line.full_name, months=months_text(line.owed_months),
                                amount=format_number(line.owed)) for line in book.owing]


def build_fees(out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
               month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
               progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """The fee book of *branch_id* for *month* ('YYYY-MM', a date, or a month number with *year*; the current
    month when omitted). A book is not numbered: *issue* changes nothing."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        bid = report_data.resolve_branch(branch_id)
        if bid is None:
            raise ValidationError({"branch": _("Choose the branch.")})
        try:
            y, m = parse_month(month, year)
        except ValueError:
            raise ValidationError({"month": _("Month must be written as YYYY-MM, e.g. 2026-11.")}) from None
        today = today or clock.today()
        book = summary.fee_book(bid, Month(y, m), today)
        issuer = report_data.issuer_for(bid)
        w, f = Words(), FeeWords()
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, today, words=w), title=f.type_book,
                            summary=f.sum_book.format(period=period(w, y, m)), words=w)
        policy = rules.policy_for(Month(y, m).last_day)
        doc.paragraph(f.basis_line.format(source=policy.source("fee_regulation")), "plain")
        doc.section(f"I. {f.h_members}")
        if book.itemised:
            _members(doc, book, w, f)
        else:
            doc.paragraph(f.not_itemised)
        doc.section(f"II. {f.h_month}")
        _month(doc, book, f)
        doc.section(f"III. {f.h_owing}")
        owing = owing_lines(book, f)
        for line in owing:
            doc.paragraph(line, "item")
        if not owing:
            doc.paragraph(f.no_owing)
        doc.paragraph(f.as_of.format(date=format_date(book.as_of)), "plain")
        report_progress(progress, 2, 3)
        doc.closing(signatures=[Signature(title=f.keeper), issuing.signature(issuer, w)])
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
