"""The report on the year's quality grading (báo cáo kết quả đánh giá, xếp loại chất lượng), in the Party layout:
of a branch (issued by the branch: its members' grades one by one, those not graded and why, its own grade) or of
the organisation (issued by the committee: the totals, a line per branch, the grades of the branches, those not
graded). The share "completed tasks well or better" is printed with i18n.format_percent, two decimals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.member_codes import Grade, OrganisationGrade
from desktop_app.i18n import format_date, format_percent
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.year_words import YearWords
from desktop_app.services.documents import issued, report_data
from desktop_app.services.documents.report_data import GradingData
from desktop_app.services.year.summary import SHARE_DIGITS, GradeSummary

TYPE_CODE = "BC"


def share(part: int, whole: int) -> str:
    return format_percent(part, digits=SHARE_DIGITS, whole=whole) if whole else ""


def _grade_table(doc: PartyDocument, totals: GradeSummary, w: YearWords, labels=Grade) -> None:
    rows = [[str(n), labels.label(code), str(totals.counts[code]), share(totals.counts[code], totals.graded)]
            for n, code in enumerate(Grade.codes(), 1)]
    rows.append(["", w.col_good_share, str(totals.good_or_better), share(totals.good_or_better, totals.graded)])
    doc.table([w.col_no, w.col_grade, w.col_number, w.col_share], rows, [8, 70, 20, 20], center=[0, 2, 3],
              bold_rows=[len(rows) - 1])


def _basis(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    t = data.totals
    if not t.graded:
        doc.paragraph(w.g_nobody)
        return
    if t.decided == t.graded and data.decided_on:
        doc.paragraph(w.g_decided.format(date=format_date(data.decided_on)), "note")
    elif t.decided == 0:
        doc.paragraph(w.g_proposed, "note")
    else:
        doc.paragraph(w.g_mixed.format(decided=t.decided, graded=t.graded), "note")


def _general(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    t = data.totals
    doc.paragraph(w.g_members.format(date=format_date(data.grading_date), total=t.members, official=data.official,
                                     probationary=data.probationary))
    doc.paragraph(w.g_graded.format(graded=t.eligible, not_graded=len(t.not_graded)))
    if t.waiting:
        doc.paragraph(w.g_waiting.format(n=t.waiting))


def _results(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    t = data.totals
    _basis(doc, data, w)
    if t.graded:
        _grade_table(doc, t, w)
        doc.paragraph(w.g_good_or_better.format(n=t.good_or_better, graded=t.graded,
                                                share=share(t.good_or_better, t.graded)))


def _not_graded(doc: PartyDocument, data: GradingData, w: YearWords, *, with_branch: bool) -> None:
    if not data.not_graded:
        doc.paragraph(w.g_all_graded)
        return
    if with_branch:
        rows = [[str(n), x.name, x.branch_name, x.reason_text] for n, x in enumerate(data.not_graded, 1)]
        doc.table([w.col_no, w.col_name, w.col_branch, w.col_reason], rows, [8, 40, 40, 70], wrap=[1, 2, 3],
                  center=[0])
    else:
        rows = [[str(n), x.name, x.reason_text] for n, x in enumerate(data.not_graded, 1)]
        doc.table([w.col_no, w.col_name, w.col_reason], rows, [8, 45, 90], wrap=[1, 2], center=[0])


def _sentence(remark: str) -> str:
    """A remark as a sentence of the note column (the notes are gathered with and without a full stop)."""
    remark = remark.strip()
    return remark[:1].upper() + remark[1:] + ("" if remark.endswith((".", "!", "?")) else ".")


def votes_text(m, w: YearWords) -> str:
    if m.branch_yes is None:
        return ""
    if not m.branch_voters:
        return str(m.branch_yes)
    return w.votes_share.format(yes=m.branch_yes, voters=m.branch_voters,
                                percent=format_percent(m.branch_yes, whole=m.branch_voters))


def _members(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    rows = []
    for n, m in enumerate(data.members, 1):
        remarks = list(m.remarks) + ([w.g_corrected] if m.corrections else [])
        rows.append([str(n), m.name, w.grade_short(m.self_grade), w.grade_short(m.branch_grade), votes_text(m, w),
                     w.grade_short(m.committee_grade), " ".join(_sentence(r) for r in remarks)])
    doc.table([w.col_no, w.col_name, w.col_self, w.col_proposed, w.col_votes, w.col_decided, w.col_note], rows,
              [7, 34, 19, 19, 25, 19, 35], wrap=[1, 6], center=[0, 2, 3, 4, 5], small_header=True)


def _branch_grade(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    line = data.branches[0] if data.branches else None
    if line is not None and line.self_grade:
        doc.paragraph(w.b_self.format(grade=OrganisationGrade.label(line.self_grade)))
    if line is not None and line.grade and line.graded_on:
        doc.paragraph(w.b_grade.format(grade=OrganisationGrade.label(line.grade), date=format_date(line.graded_on)))
    else:
        doc.paragraph(w.b_not_graded)


def _by_branch(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    rows = []
    for n, line in enumerate(data.branches, 1):
        s = line.members
        good = share(s.good_or_better, s.graded)
        rows.append([str(n), line.name or line.code, str(s.members), str(s.graded),
                     *[str(s.counts[code]) for code in Grade.codes()], good,
                     w.grade_short(line.grade) if line.grade else ""])
    t = data.totals
    rows.append(["", w.total, str(t.members), str(t.graded), *[str(t.counts[code]) for code in Grade.codes()],
                 share(t.good_or_better, t.graded), ""])
    doc.table([w.col_no, w.col_branch, w.col_members, w.col_graded, *[w.grade_short(c) for c in Grade.codes()],
               w.col_good_share, w.col_branch_grade], rows, [8, 40, 14, 14, 13, 13, 13, 13, 16, 16],
              wrap=[1], center=[0, 2, 3, 4, 5, 6, 7, 8, 9], bold_rows=[len(rows) - 1], small_header=True)


def _organisations(doc: PartyDocument, data: GradingData, w: YearWords) -> None:
    graded = data.branches_graded
    doc.paragraph(w.o_branches.format(n=graded, total=len(data.branches)))
    if not graded:
        return
    counts = data.branch_counts
    rows = [[str(n), OrganisationGrade.label(code), str(counts[code]), share(counts[code], graded)]
            for n, code in enumerate(Grade.codes(), 1)]
    good = sum(counts[c] for c in Grade.GOOD_OR_BETTER)
    rows.append(["", w.col_good_share, str(good), share(good, graded)])
    doc.table([w.col_no, w.col_grade, w.col_number, w.col_share], rows, [8, 70, 20, 20], center=[0, 2, 3],
              bold_rows=[len(rows) - 1])
    doc.paragraph(w.o_good.format(n=good, graded=graded, share=share(good, graded)))


def build_grading(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None,
                  month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                  new_version: bool = False, progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """The grading report of *year* (this year when omitted) for the branch *branch_id*, or the organisation's
    when None. ValidationError when no round is open for the year. *issue* takes the issuer's next "BC" number,
    once (a reprint keeps it, *new_version* takes a new one)."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        today = today or clock.today()
        year = year or today.year
        bid = report_data.resolve_branch(branch_id)
        data = report_data.grading_data(year, bid)
        issuer = report_data.issuer_for(bid)
        w = YearWords()
        report_progress(progress, 1, 3)
        summary = (w.sum_grading_branch if bid is not None else w.sum_grading_org).format(year=year)
        with issuing.numbered(issuer, TYPE_CODE, w, kind="grading", covers_key=issued.year_key(year), covers=str(year),
                              title=issuing.register_title(w.type_report, summary), date=today, issue=issue,
                              new_version=new_version) as number:
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, words=w),
                                title=w.type_report, summary=summary, words=w)
            doc.section(f"I. {w.h_general}")
            _general(doc, data, w)
            doc.section(f"II. {w.h_member_results}")
            _results(doc, data, w)
            if bid is not None:
                if data.members:
                    doc.section(f"III. {w.h_member_list}")
                    _members(doc, data, w)
                doc.section(f"{'IV' if data.members else 'III'}. {w.h_not_graded}")
                _not_graded(doc, data, w, with_branch=False)
                doc.section(f"{'V' if data.members else 'IV'}. {w.h_branch_grade}")
                _branch_grade(doc, data, w)
            else:
                doc.section(f"III. {w.h_by_branch}")
                _by_branch(doc, data, w)
                doc.section(f"IV. {w.h_org_grades}")
                _organisations(doc, data, w)
                doc.section(f"V. {w.h_not_graded}")
                _not_graded(doc, data, w, with_branch=True)
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            report_progress(progress, 2, 3)
            path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
