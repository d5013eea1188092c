"""The branch's resolution on the year's quality grading of its members (nghị quyết về kết quả đánh giá, xếp loại
chất lượng đảng viên), numbered "Số NN-NQ/CB" when issued and signed "T/M CHI BỘ / BÍ THƯ": the meeting and its
voters, each member's proposed grade with the vote, the counts and shares per grade, those not graded and why,
the branch's own proposed grade, and the proposal to the committee above."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.core import clock
from desktop_app.core.member_codes import Grade, OrganisationGrade
from desktop_app.i18n import _, format_date
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, report_progress
from desktop_app.reports.grading import share, votes_text
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.year_words import YearWords
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import issued, report_data

TYPE_CODE = "NQ"


def build_grading_resolution(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None,
                             month: object = None, year: int | None = None, meeting_id: int | None = None,
                             issue: bool = False, new_version: bool = False, progress: Progress | None = None,
                             today: dt.date | None = None) -> Path:
    """The grading resolution of the branch for *year*, from the branch's proposals (the committee decides after
    it). ValidationError without a branch or a round; *issue* takes the branch's next "NQ" number, once (a reprint
    keeps it, *new_version* takes a new one)."""
    with document_language(lang):
        report_progress(progress, 0, 2)
        today = today or clock.today()
        year = year or today.year
        bid = report_data.resolve_branch(branch_id)
        if bid is None:
            raise ValidationError({"branch_id": _("Choose the branch.")})
        data = report_data.grading_data(year, bid)
        issuer = report_data.issuer_for(bid)
        w = YearWords()
        branch = data.branch_name or issuer.branch_name
        dated = data.meeting_on or today
        summary = w.sum_grading_resolution.format(year=year)
        with issuing.numbered(issuer, TYPE_CODE, w, kind="grading_resolution", covers_key=issued.year_key(year),
                              covers=str(year), title=issuing.register_title(w.type_resolution, summary), date=dated,
                              issue=issue, new_version=new_version) as number:
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, words=w),
                                title=w.type_resolution, summary=summary, words=w)
            if data.meeting_on:
                doc.paragraph(w.rg_meeting.format(date=format_date(data.meeting_on), branch=branch, year=year))
            else:
                doc.paragraph(w.rg_meeting_undated.format(branch=branch, year=year))
            t = data.totals
            doc.paragraph(w.g_members.format(date=format_date(data.grading_date), total=t.members,
                                             official=data.official, probationary=data.probationary))
            if data.voters:
                doc.paragraph(w.rg_voters.format(n=data.voters))
            doc.paragraph(w.rg_basis)
            doc.paragraph(w.rg_resolves, "subsection")
            doc.paragraph(w.rg_grades.format(year=year))
            rows = [[str(n), m.name, Grade.label(m.branch_grade) if m.branch_grade else "", votes_text(m, w)]
                    for n, m in enumerate(data.members, 1)]
            if rows:
                doc.table([w.col_no, w.col_name, w.col_proposed, w.col_votes], rows, [8, 50, 55, 30], wrap=[1, 2],
                          center=[0, 3])
            proposed = [m.branch_grade for m in data.members if m.branch_grade]
            for code in Grade.codes():
                n = proposed.count(code)
                doc.paragraph("- " + w.rg_count.format(grade=Grade.label(code), n=n, share=share(n, len(proposed))),
                              "item")
            good = sum(proposed.count(c) for c in Grade.GOOD_OR_BETTER)
            doc.paragraph(w.g_good_or_better.format(n=good, graded=len(proposed), share=share(good, len(proposed))))
            doc.paragraph(w.rg_not_graded.format(n=len(data.not_graded)))
            for x in data.not_graded:
                doc.paragraph(f"- {x.name}: {x.reason_text}", "item")
            own = data.branches[0].self_grade if data.branches else ""
            doc.paragraph(w.rg_branch.format(grade=OrganisationGrade.label(own)) if own else w.rg_branch_blank)
            doc.paragraph(w.rg_propose.format(committee=issuer.report_to or w.none))
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            report_progress(progress, 1, 2)
            path = doc.build(out_path)
        report_progress(progress, 2, 2)
        return path
