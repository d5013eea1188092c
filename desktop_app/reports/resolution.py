"""Branch resolutions pre-filled from a recorded vote: proposing admission (Mẫu 6-KNĐ) and proposing
recognition as an official member (Mẫu 13-KNĐ), numbered "Số NN-NQ/CB" and signed "T/M CHI BỘ / BÍ THƯ".

Content after the forms of 12-HD/BTCTW: the meeting that considered the person, its attendance,
the person's particulars, the branch's assessment (what the members assigned to help reported, and
the decision's text; ruled lines to write it by hand when nothing was recorded), the vote of the
official members on the correct denominator with the votes needed and its result, and the proposal to
the committee above (domain.md §1.5, §3.4–3.5). Only a vote that carried has a resolution.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.enums import DecisionKind, Gender, TheoryLevel
from desktop_app.i18n import _, format_date, format_percent
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, lines, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import report_data
from desktop_app.services.documents.report_data import TYPE_CODE, Issuer, ResolutionData

HAND_LINES = 6  # ruled lines for the assessment when the decision carries no text
BLANK = "........"  # a detail not recorded, to be written in by hand


def _particulars(doc: PartyDocument, data: ResolutionData, w: Words) -> None:
    p = data.person
    doc.paragraph(w.r_particulars, "subsection")
    items = [w.r_name.format(name=p.name, gender=Gender.label(p.gender), date=format_date(p.birth_date))]
    if p.home_town:
        items.append(w.r_home.format(value=p.home_town))
    if p.residence:
        items.append(w.r_residence.format(value=p.residence))
    items.append(w.r_ethnic.format(ethnicity=p.ethnicity, religion=p.religion))
    items.append(w.r_education.format(education=p.education or BLANK,
                                      theory=TheoryLevel.label(p.theory_level) if p.theory_level else BLANK))
    work = ", ".join(v for v in (p.occupation, p.workplace) if v)
    if work:
        items.append(w.r_occupation.format(value=work))
    if data.decision.kind == DecisionKind.RECOGNITION:
        items.append(w.r_admitted.format(date=format_date(p.admission_date), ceremony=format_date(p.ceremony_date),
                                         end=format_date(p.probation_end)))
    for item in items:
        doc.paragraph(f"- {item}", "item")


def _attendance(doc: PartyDocument, data: ResolutionData, w: Words) -> None:
    """Who the branch is and who was there, in figures that add up: the members are present, absent (named,
    with their reasons and whether the convener accepted them), exempt from activities and not attending, or
    active in another branch (total = present + absent + exempt not attending + elsewhere)."""
    c = data.counts
    present = w.c_present.format(n=c.present, official=c.present_official, probationary=c.present_probationary)
    doc.paragraph(f"- {w.c_total.format(total=c.total, official=c.official, probationary=c.probationary)}", "item")
    doc.paragraph(f"- {present}", "item")
    excused = w.c_excused.format(n=c.excused)
    if c.excused_names:
        accepted = set(c.excused_accepted)
        excused += " (" + "; ".join(_absence(name, reason, name in accepted, w) for name, reason in c.excused_names) \
            + ")"
    doc.paragraph(f"- {excused}.", "item")
    unexcused = w.c_unexcused.format(n=c.unexcused)
    if c.unexcused_names:
        unexcused += " (" + "; ".join(c.unexcused_names) + ")"
    doc.paragraph(f"- {unexcused}.", "item")
    if c.exempt_absent:
        doc.paragraph(f"- {w.r_exempt_absent.format(n=c.exempt_absent)}", "item")
    if c.elsewhere:
        doc.paragraph(f"- {w.c_elsewhere.format(n=c.elsewhere)}", "item")


def _absence(name: str, reason: str, accepted: bool, w: Words) -> str:
    """'Name: reason, reason accepted', as the minutes write it (294-QĐ/TW point 9.3.2)."""
    parts = [p for p in (reason, w.c_accepted if accepted else "") if p]
    return f"{name}: {', '.join(parts)}" if parts else name


def _assessment(doc: PartyDocument, data: ResolutionData, w: Words) -> None:
    """The branch's assessment: the strengths and shortcomings the helpers reported, then what the branch
    concluded (the decision's text); ruled lines to write it by hand when nothing was recorded."""
    doc.paragraph(w.r_conclusions, "subsection")
    strengths = _distinct(note.strengths for note in data.reports)
    weaknesses = _distinct(note.weaknesses for note in data.reports)
    if strengths:
        doc.paragraph(f"- {w.sp_strengths.format(text=strengths)}", "item")
    if weaknesses:
        doc.paragraph(f"- {w.sp_weaknesses.format(text=weaknesses)}", "item")
    text = lines(data.decision.text)
    for line in text:
        doc.paragraph(line)
    if not (text or strengths or weaknesses):
        doc.writing_lines(HAND_LINES)


def _distinct(texts) -> str:
    """The texts of several reports, each once, in order."""
    seen: list[str] = []
    for text in texts:
        text = " ".join((text or "").split())
        if text and text not in seen:
            seen.append(text)
    return " ".join(t if t.endswith((".", "!", "?")) else f"{t}." for t in seen) if len(seen) > 1 else \
        "".join(seen)


def _vote(doc: PartyDocument, data: ResolutionData, issuer: Issuer, w: Words) -> None:
    """The vote on its denominator, the votes it needed, its result and the proposal, on one page."""
    d, name = data.decision, data.person.name
    percent = format_percent(d.yes, whole=d.denominator) if d.denominator else ""
    doc.paragraph(w.r_votes.format(yes=d.yes, denominator=d.denominator, percent=percent, no=d.no,
                                   abstain=d.abstain))
    if d.needed:
        doc.paragraph(w.d_two_thirds.format(denominator=d.denominator, needed=d.needed))
    doc.paragraph(w.d_passed)
    proposal = w.r_propose_admission if d.kind == DecisionKind.ADMISSION else w.r_propose_recognition
    doc.paragraph(proposal.format(committee=issuer.report_to, name=name))
    doc.keep_together(4 if d.needed else 3)


def _body(doc: PartyDocument, data: ResolutionData, issuer: Issuer, w: Words) -> None:
    d, name = data.decision, data.person.name
    meeting = (w.r_meeting_admission if d.kind == DecisionKind.ADMISSION else w.r_meeting_recognition)
    doc.paragraph(meeting.format(date=format_date(d.meeting_date), branch=issuer.branch_name or issuer.issuer,
                                 name=name))
    _attendance(doc, data, w)
    if data.chair:
        doc.paragraph(w.m_chair_plain.format(name=data.chair))
    if data.minutes_taker:
        doc.paragraph(w.m_secretary.format(name=data.minutes_taker))
    _particulars(doc, data, w)
    _assessment(doc, data, w)
    _vote(doc, data, issuer, w)


def build_resolution(out_path: str | Path, *, lang: str | None = None, decision_id: int | None = None,
                     issue: bool = False, new_version: bool = False, progress: Progress | None = None) -> Path:
    """The branch resolution of decision *decision_id* (admission → Mẫu 6-KNĐ, recognition → Mẫu 13-KNĐ),
    dated the day of the vote; only a vote that carried has one.

    A draft leaves the number blank, as every draft does; *issue* takes the branch's next "NQ" number once
    and keeps it on the decision (a reprint prints it again, a number written on the decision by hand is
    used as is), and *new_version* takes a new one."""
    with document_language(lang):
        report_progress(progress, 0, 2)
        if decision_id is None:
            raise ValidationError({"decision": _("Choose the vote.")})
        data = report_data.resolution_data(decision_id)
        issuer = report_data.issuer_for(data.decision.branch_id)
        w = Words()
        summary = w.sum_res_admission if data.decision.kind == DecisionKind.ADMISSION else w.sum_res_recognition
        with issuing.numbered(issuer, TYPE_CODE, w, kind="resolution", covers_key=data.uid,
                              covers=data.person.name, title=issuing.register_title(w.type_resolution, summary),
                              date=data.decision.meeting_date, issue=issue, new_version=new_version,
                              decision_id=decision_id, recorded=data.decision.document_number) as number:
            doc = PartyDocument(issuing.heading(issuer, number.date, number=number.number, form_code=data.form,
                                                words=w), title=w.type_resolution, summary=summary, words=w)
            _body(doc, data, issuer, w)
            doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
            path = doc.build(out_path)
        report_progress(progress, 2, 2)
        return path
