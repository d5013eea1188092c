"""From the issuer of a document to its header, number, signature and recipients."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app import i18n
from desktop_app.reports.party_layout import Heading, Signature
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import issued, numbering
from desktop_app.services.documents.report_data import Issuer


@dataclass(frozen=True)
class Numbered:
    """The number line and the date a document prints with."""

    number: str  # "Số 01-BC/CB"; the number left blank on a draft
    date: dt.date
    reprint: bool  # the number and date of an earlier issue


@contextlib.contextmanager
def numbered(issuer: Issuer, type_code: str, words: Words, *, kind: str, covers_key: str, covers: str, title: str,
             date: dt.date, issue: bool, new_version: bool = False, decision_id: int | None = None,
             recorded: str = "") -> Iterator[Numbered]:
    """The number of a document built inside the block. A draft takes nothing and leaves the number blank
    for the office to fill; an issued document takes its number once and a reprint prints the same number
    and date (services.documents.issued); *new_version* takes a new number. If the block fails, the number
    is given back."""
    if not issue:
        yield Numbered(f"{words.number_prefix} {numbering.symbol(None, type_code, issuer.symbol)}", date, False)
        return
    with issued.issue(kind=kind, issuer=issuer.counter_key, type_code=type_code, term=issuer.term,
                      issuer_symbol=issuer.symbol, covers_key=covers_key, covers=covers, title=title, date=date,
                      lang=i18n.current_language(), branch_id=issuer.branch_id, decision_id=decision_id,
                      new_version=new_version, recorded_symbol=recorded) as got:
        yield Numbered(f"{words.number_prefix} {got.symbol}", got.date, got.reprint)


def register_title(document_type: str, summary: str) -> str:
    """'Báo cáo tình hình tháng 11 …' for the register, from 'BÁO CÁO' and the summary."""
    return f"{document_type[:1].upper()}{document_type[1:].lower()} {summary}".strip()


def heading(issuer: Issuer, date: dt.date, *, number: str | None = None, form_code: str = "",
            words: Words | None = None) -> Heading:
    form = (words or Words()).form.format(code=form_code) if form_code else ""
    return Heading(superior=issuer.superior, issuer=issuer.issuer, place=issuer.place, date=date, number=number,
                   form_code=form)


def signature(issuer: Issuer, words: Words) -> Signature:
    """'T/M CHI BỘ' (or 'T/M ĐẢNG ỦY') / 'BÍ THƯ' / the secretary's name."""
    authority = words.on_behalf_branch if issuer.is_branch else words.on_behalf_committee
    return Signature(title=words.secretary, name=issuer.signer, authority=authority)


def recipients(issuer: Issuer, words: Words, *, members: bool = False) -> list[str]:
    """'- Đảng ủy xã … (để báo cáo),' then the file copy."""
    lines = []
    if issuer.report_to:
        lines.append(words.recipient_report.format(body=issuer.report_to))
    if members:
        lines.append(words.recipient_members)
    lines.append(words.recipient_file if issuer.is_branch else words.recipient_file_committee)
    return lines


def clock(value: str | None, words: Words) -> str:
    """'14:00' → '14 giờ 00 phút' / '14:00'."""
    if not value or ":" not in value:
        return value or ""
    hours, minutes = value.split(":", 1)
    return words.clock.format(hours=hours, minutes=minutes)
