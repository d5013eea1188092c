"""Branch resolutions pre-filled from a recorded vote: proposing admission (Mẫu 6-KNĐ) and proposing
recognition as an official member (Mẫu 13-KNĐ), numbered "Số NN-NQ/CB" and signed "T/M CHI BỘ / BÍ THƯ".

Content after the forms of 12-HD/BTCTW: the meeting that considered the person, its attendance,
the person's particulars, the branch's assessment (the decision's text, or ruled lines to write it
by hand), the vote of the official members on the correct denominator and the proposal to the
committee above (domain.md §1.5, §3.4–3.5).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.enums import DecisionKind, Gender, TheoryLevel
from desktop_app.i18n import format_date, format_percent
from desktop_app.reports import issuing
from desktop_app.reports.common import Progress, document_language, lines, report_progress
from desktop_app.reports.party_layout import PartyDocument
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import numbering, report_data
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


def _body(doc: PartyDocument, data: ResolutionData, issuer: Issuer, w: Words) -> None:
    d, c, name = data.decision, data.counts, data.person.name
    meeting = (w.r_meeting_admission if d.kind == DecisionKind.ADMISSION else w.r_meeting_recognition)
    doc.paragraph(meeting.format(date=format_date(d.meeting_date), branch=issuer.branch_name or issuer.issuer,
                                 name=name))
    doc.paragraph(w.c_total.format(total=c.total, official=c.official, probationary=c.probationary))
    doc.paragraph(w.c_present.format(n=c.present, official=c.present_official, probationary=c.present_probationary))
    doc.paragraph(w.r_absent.format(n=c.absent))
    if data.chair:
        doc.paragraph(w.m_chair_plain.format(name=data.chair))
    if data.minutes_taker:
        doc.paragraph(w.m_secretary.format(name=data.minutes_taker))
    _particulars(doc, data, w)
    doc.paragraph(w.r_conclusions, "subsection")
    text = lines(d.text)
    for line in text:
        doc.paragraph(line)
    if not text:
        doc.writing_lines(HAND_LINES)
    percent = format_percent(d.yes / d.denominator) if d.denominator else ""
    doc.paragraph(w.r_votes.format(yes=d.yes, denominator=d.denominator, percent=percent, no=d.no,
                                   abstain=d.abstain))
    if d.passed:
        proposal = w.r_propose_admission if d.kind == DecisionKind.ADMISSION else w.r_propose_recognition
        doc.paragraph(proposal.format(committee=issuer.report_to, name=name))
    else:
        doc.paragraph(w.r_not_passed)


def _build(out_path: str | Path, data: ResolutionData, issuer: Issuer, number_symbol: str, w: Words) -> Path:
    summary = w.sum_res_admission if data.decision.kind == DecisionKind.ADMISSION else w.sum_res_recognition
    number = f"{w.number_prefix} {number_symbol}"
    doc = PartyDocument(issuing.heading(issuer, data.decision.meeting_date, number=number, form_code=data.form,
                                        words=w), title=w.type_resolution, summary=summary, words=w)
    _body(doc, data, issuer, w)
    doc.closing(recipients=issuing.recipients(issuer, w), signatures=[issuing.signature(issuer, w)])
    return doc.build(out_path)


def build_resolution(out_path: str | Path, decision_id: int, lang: str | None = None, issue: bool = False,
                     progress: Progress | None = None) -> Path:
    """The branch resolution of decision *decision_id* (admission → Mẫu 6-KNĐ, recognition → Mẫu 13-KNĐ).

    A decision already numbered prints its number; otherwise a preview leaves it blank and *issue*
    takes the branch's next "NQ" number and stores it on the decision (once: reprints keep it)."""
    with document_language(lang):
        report_progress(progress, 0, 2)
        data = report_data.resolution_data(decision_id)
        issuer = report_data.issuer_for(data.decision.branch_id)
        w = Words()
        if data.decision.document_number or not issue:
            symbol = data.decision.document_number or numbering.symbol(None, TYPE_CODE, issuer.symbol)
            path = _build(out_path, data, issuer, symbol, w)
        else:
            with numbering.reserve_decision_number(decision_id, counter_issuer=issuer.counter_key,
                                                   type_code=TYPE_CODE, issuer_symbol=issuer.symbol,
                                                   term=issuer.term) as symbol:
                path = _build(out_path, data, issuer, symbol, w)
        report_progress(progress, 2, 2)
        return path
