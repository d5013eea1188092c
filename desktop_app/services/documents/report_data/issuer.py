"""Who issues a document: the header lines, the number's issuer symbol and counter, who signs."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.text import fold, nfc
from desktop_app.i18n import _
from desktop_app.services.common.errors import NotFoundError
from desktop_app.store.models import Branch, Organisation, Person

BRANCH_SYMBOL = "CB"  # issuer symbol of a branch's documents ("Số 01-BC/CB", HD36 via domain.md §5)


@dataclass(frozen=True)
class Issuer:
    superior: str  # header line 1: the body directly above the issuer
    issuer: str  # header line 2: the issuing body
    symbol: str  # after the slash of the number: "CB", "ĐU"
    counter_key: str  # DocumentCounter.issuer: one number sequence per issuing body
    term: str  # committee term: numbers restart with each term
    place: str  # for the dateline
    is_branch: bool  # a branch signs "T/M CHI BỘ"; a committee "T/M ĐẢNG ỦY"
    signer: str  # the secretary's name, "" when not recorded
    report_to: str  # the committee the document goes to "for report"
    branch_id: int | None
    branch_name: str


def organisation() -> Organisation:
    org = Organisation.select().where(Organisation.deleted_at.is_null()).order_by(Organisation.id).first()
    if org is None:
        raise NotFoundError(_("Create the organisation first."))
    return org


def committee_name(body: str) -> str:
    """The committee of a Party organisation: 'Đảng bộ xã Mường Ảng' → 'Đảng ủy xã Mường Ảng'."""
    body = nfc(body) or ""
    words = body.split(" ")
    if len(words) > 2 and fold(" ".join(words[:2])) == "dang bo":
        head = "ĐẢNG ỦY" if words[1].isupper() else "Đảng ủy"
        return " ".join([head, *words[2:]])
    return body


def resolve_branch(branch: int | str | None) -> int | None:
    """A branch id from an id or a branch code; NotFoundError when there is no such branch."""
    if branch is None or branch == "":
        return None
    if isinstance(branch, int) and not isinstance(branch, bool):
        row = Branch.get_or_none((Branch.id == branch) & Branch.deleted_at.is_null())
    else:
        row = Branch.get_or_none((Branch.code == nfc(str(branch))) & Branch.deleted_at.is_null())
    if row is None:
        raise NotFoundError(_("Branch not found."))
    return row.id


def issuer_for(branch_id: int | None) -> Issuer:
    """The issuer of a branch's documents, or of the organisation's when *branch_id* is None."""
    org = organisation()
    report_to = nfc(org.superior_committee) or committee_name(org.superior_body)
    if branch_id is None:
        name = org.name if org.is_grassroots_branch else committee_name(org.name)
        return Issuer(nfc(org.superior_body), nfc(name), nfc(org.issuer_code) or BRANCH_SYMBOL, f"org:{org.uid}",
                      nfc(org.term), nfc(org.place), bool(org.is_grassroots_branch), nfc(org.signer), report_to,
                      None, "")
    branch = Branch.get_or_none((Branch.id == branch_id) & Branch.deleted_at.is_null())
    if branch is None:
        raise NotFoundError(_("Branch not found."))
    secretary = Person.get_or_none(Person.id == branch.secretary_id) if branch.secretary_id else None
    signer = nfc(secretary.full_name) if secretary else ""
    if org.is_grassroots_branch:  # the organisation is the branch: its own header, the committee above
        return Issuer(nfc(org.superior_body), nfc(org.name), nfc(org.issuer_code) or BRANCH_SYMBOL,
                      f"branch:{branch.uid}", nfc(org.term), nfc(org.place), True, signer, report_to, branch.id,
                      nfc(branch.name))
    return Issuer(nfc(org.name), nfc(branch.name), BRANCH_SYMBOL, f"branch:{branch.uid}", nfc(org.term),
                  nfc(org.place), True, signer, committee_name(org.name), branch.id, nfc(branch.name))


def branch_label(branch_id: int | None) -> str:
    if branch_id is None:
        return ""
    row = Branch.get_or_none(Branch.id == branch_id)
    return nfc(row.name) if row else ""
