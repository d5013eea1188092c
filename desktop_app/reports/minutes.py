"""Minutes of a branch meeting (biên bản sinh hoạt chi bộ).

Order of the minutes book (domain.md §3.3–3.5): the opening (time, place, chair, recording
secretary, party fees), the attendance figures of §3.4 with the names of those absent, the
proceedings section by section, the sponsors' reports, each vote on its correct denominator, the
tasks assigned, the addenda written after adoption, and the signatures: recording secretary and
chair side by side, and the branch's "T/M CHI BỘ / BÍ THƯ".
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.enums import DecisionKind, MeetingKind
from desktop_app.i18n import format_date, format_number, format_percent
from desktop_app.reports import issuing
from desktop_app.reports.common import (
    Progress,
    document_date,
    document_language,
    lines,
    period,
    report_progress,
)
from desktop_app.reports.party_layout import PartyDocument, Signature
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import report_data
from desktop_app.services.documents.report_data import MinutesData

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
TWO_THIRDS = (DecisionKind.ADMISSION, DecisionKind.RECOGNITION)


def summary(data: MinutesData, w: Words) -> str:
    when = period(w, data.date.year, data.date.month)
    if data.kind == MeetingKind.THEMATIC:
        return w.sum_minutes_thematic.format(period=when)
    if data.kind == MeetingKind.COMBINED:
        return w.sum_minutes_combined.format(period=when)
    if data.kind == MeetingKind.EXTRAORDINARY:
        return w.sum_minutes_extraordinary.format(date=format_date(data.date))
    return w.sum_minutes_regular.format(period=when)


def _opening(doc: PartyDocument, data: MinutesData, w: Words) -> None:
    when = document_date(data.date)
    if data.start_time:
        doc.paragraph(w.m_time.format(time=issuing.clock(data.start_time, w), date=when), "plain")
    else:
        doc.paragraph(w.m_time_date.format(date=when), "plain")
    if data.place:
        doc.paragraph(w.m_place.format(place=data.place), "plain")
    if data.chair:
        if data.chair_is_branch_secretary:
            doc.paragraph(w.m_chair.format(name=data.chair, role=w.branch_secretary), "plain")
        else:
            doc.paragraph(w.m_chair_plain.format(name=data.chair), "plain")
    if data.minutes_taker:
        doc.paragraph(w.m_secretary.format(name=data.minutes_taker), "plain")
    if data.fees_collected:
        doc.paragraph(w.m_fees.format(amount=format_number(data.fees_collected)), "plain")
    if data.theme and data.kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED):
        doc.paragraph(w.m_theme.format(theme=data.theme), "plain")


def _attendance(doc: PartyDocument, data: MinutesData, w: Words, heading: str) -> None:
    c = data.counts
    doc.section(heading)
    items = [
        w.c_total.format(total=c.total, official=c.official, probationary=c.probationary),
        w.c_exempt.format(n=c.exempt),
        w.c_elsewhere.format(n=c.elsewhere),
        w.c_present.format(n=c.present, official=c.present_official, probationary=c.present_probationary),
    ]
    excused = w.c_excused.format(n=c.excused)
    if c.excused_names:
        accepted = set(c.excused_accepted)
        excused += " (" + "; ".join(_absence(name, reason, name in accepted, w) for name, reason in c.excused_names) \
            + ")"
    items.append(excused + ".")
    unexcused = w.c_unexcused.format(n=c.unexcused)
    if c.unexcused_names:
        unexcused += " (" + "; ".join(c.unexcused_names) + ")"
    items.append(unexcused + ".")
    if c.guests:
        items.append(w.c_guests.format(n=c.guests) + " (" + "; ".join(c.guest_names) + ").")
    if c.rate is not None:
        items.append(w.c_rate.format(rate=format_percent(c.present, whole=c.expected)))
    items.append(w.c_denominator.format(denominator=c.denominator, official=c.official, not_counted=c.not_counted))
    for item in items:
        doc.paragraph(f"- {item}", "item")


def _absence(name: str, reason: str, accepted: bool, w: Words) -> str:
    """'Name: reason, reason accepted' (Regulation 294-QĐ/TW point 9.3.2: only then out of the denominator)."""
    parts = [p for p in (reason, w.c_accepted if accepted else "") if p]
    return f"{name}: {', '.join(parts)}" if parts else name


def _decisions(doc: PartyDocument, data: MinutesData, w: Words) -> None:
    """Each vote: its title and text, the count on its denominator, the votes needed and the result; the
    count stays on one page with its result and the line before it (a vote never parted from its result)."""
    for d in data.decisions:
        title = d.title or DecisionKind.label(d.kind)
        heading = doc.paragraph(f"- {title}", "item")
        text = lines(d.text)
        heading.keepWithNext = 1 if text else 0
        for line in text:
            doc.paragraph(line, "body")
        before_vote = len(doc.story) - 1
        if d.denominator:
            votes = w.d_votes.format(yes=d.yes, denominator=d.denominator, no=d.no, abstain=d.abstain,
                                     percent=format_percent(d.yes, whole=d.denominator))
            rule = w.d_two_thirds if d.kind in TWO_THIRDS else w.d_majority
            doc.paragraph(votes, "body")
            if d.needed:
                doc.paragraph(rule.format(denominator=d.denominator, needed=d.needed), "body")
        else:
            doc.paragraph(w.d_votes_plain.format(yes=d.yes, no=d.no, abstain=d.abstain), "body")
        doc.paragraph(w.d_passed if d.passed else w.d_failed, "body")
        doc.keep_together(len(doc.story) - before_vote)


def _proceedings(doc: PartyDocument, data: MinutesData, w: Words, heading: str) -> None:
    """The proceedings, numbered; text sections left empty in the minutes are skipped."""
    doc.section(heading)
    parts: list[tuple[str, str, str]] = [  # (title, what, text)
        (w.s_evaluation, "text", data.evaluation), (w.s_current, "text", data.current_affairs)]
    if data.theme and data.kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED):
        parts.append((w.s_theme.format(theme=data.theme), "theme", ""))
    parts += [(w.s_next, "text", data.next_tasks), (w.s_discussion, "text", data.discussion),
              (w.s_sponsors, "sponsors", ""), (w.s_decisions, "decisions", ""),
              (w.s_conclusion, "text", data.conclusion), (w.s_carried, "carried", ""), (w.s_actions, "tasks", "")]
    present = {"sponsors": bool(data.sponsor_reports), "decisions": bool(data.decisions),
               "carried": any(t.carried_from is not None for t in data.tasks),
               "tasks": any(t.carried_from is None for t in data.tasks), "theme": True}
    number = 0
    for title, what, text in parts:
        if not (present[what] if what in present else lines(text)):
            continue
        number += 1
        doc.paragraph(f"{number}. {title}", "subsection")
        if what == "sponsors":
            for note in data.sponsor_reports:
                doc.paragraph(f"- {w.sp_line.format(author=note.author_name, person=note.person_name)}", "item")
                for label, value in ((w.sp_strengths, note.strengths), (w.sp_weaknesses, note.weaknesses),
                                     (w.sp_recommendation, note.recommendation)):
                    if value:
                        doc.paragraph(label.format(text=value), "body")
        elif what == "decisions":
            _decisions(doc, data, w)
        elif what in ("carried", "tasks"):
            for task in data.tasks:
                if (task.carried_from is not None) == (what == "carried"):
                    doc.paragraph(_task(task, w), "item")
        else:
            for line in lines(text):
                doc.paragraph(line, "body")


def _task(task, w: Words) -> str:
    """'- text (responsible: comrade X; set at the meeting of 03/10/2026; due 31/10/2026; overdue)'."""
    extra = [w.a_responsible.format(name=task.responsible)] if task.responsible else []
    if task.carried_from is not None:
        extra.append(w.a_set_on.format(date=format_date(task.carried_from)))
    if task.due:
        extra.append(w.a_due.format(date=format_date(task.due)))
    if task.overdue:
        extra.append(w.a_overdue)
    return f"- {task.text}" + (f" ({'; '.join(extra)})" if extra else "")


def _signatures(data: MinutesData, issuer, w: Words) -> list[Signature]:
    taker = Signature(title=w.minutes_taker, name=data.minutes_taker)
    branch = issuing.signature(issuer, w)
    if data.chair_is_branch_secretary:
        return [taker, Signature(title=branch.title, name=data.chair, authority=branch.authority)]
    return [taker, Signature(title=w.chair, name=data.chair), branch]


def build_minutes(out_path: str | Path, *, lang: str | None = None, branch_id: int | None = None,
                  month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                  progress: Progress | None = None) -> Path:
    """The minutes of meeting *meeting_id* (the other filters are ignored). Minutes carry no number."""
    with document_language(lang):
        report_progress(progress, 0, 3)
        data = report_data.minutes_data(meeting_id)
        issuer = report_data.issuer_for(data.branch_id)
        w = Words()
        report_progress(progress, 1, 3)
        doc = PartyDocument(issuing.heading(issuer, data.date, words=w), title=w.type_minutes,
                            summary=summary(data, w), words=w)
        _opening(doc, data, w)
        _attendance(doc, data, w, f"{ROMAN[0]}. {w.h_attendance}")
        _proceedings(doc, data, w, f"{ROMAN[1]}. {w.h_proceedings}")
        if data.addenda:
            doc.section(f"{ROMAN[2]}. {w.h_addenda}")
            for day, text in data.addenda:
                doc.paragraph(w.addendum.format(date=format_date(day), text=text), "body")
        if data.end_time:
            doc.paragraph(w.m_closed.format(time=issuing.clock(data.end_time, w)), "body")
        if data.adopted_on:
            doc.paragraph(w.m_adopted.format(date=format_date(data.adopted_on)), "body")
        else:
            doc.paragraph(w.m_draft, "note")
        doc.closing(signatures=_signatures(data, issuer, w))
        report_progress(progress, 2, 3)
        path = doc.build(out_path)
        report_progress(progress, 3, 3)
        return path
