"""From the issuer of a document to its header, number, signature and recipients."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from desktop_app.reports.party_layout import Heading, Signature
from desktop_app.reports.vocabulary import Words
from desktop_app.services.documents import numbering
from desktop_app.services.documents.report_data import Issuer


@contextlib.contextmanager
def document_number(issuer: Issuer, type_code: str, words: Words, *, issue: bool, note: str = "") -> Iterator[str]:
    """'Số 01-BC/CB' for a document built inside the block. Only an issued document takes a number,
    and gives it back if the block fails; a preview leaves the number blank for the office to fill."""
    if not issue:
        yield f"{words.number_prefix} {numbering.symbol(None, type_code, issuer.symbol)}"
        return
    with numbering.reserve(issuer.counter_key, type_code, issuer.term, note=note) as n:
        yield f"{words.number_prefix} {numbering.symbol(n, type_code, issuer.symbol)}"


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
