"""Printed Party documents (reportlab), in the layout of Hướng dẫn 36-HD/VPTW.

``REPORT_KINDS`` maps each kind of the command line and the Reports view to its label (an English
msgid), its builder, the arguments it needs and takes, and whether it is numbered. Every builder is
called as ``build_<kind>(out_path, *, lang, issue, progress, <its options>) -> Path`` (numbered ones
also take ``new_version``); ``progress(done, total)`` is called as the work advances. ``issue=True``
takes the document's number (a preview never does), once: a reprint keeps it. A new kind added here
is listed in the window, reachable from the command line and checked page by page by the tests.

Nothing here imports reportlab: each builder's module is imported on first use, so the app starts
without it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from desktop_app.i18n import N_, _


class ReportKind(NamedTuple):
    label: str  # English msgid: show with _()
    builder: Callable[..., Path]
    required: tuple[str, ...]  # keyword arguments that must be given (not None)
    options: tuple[str, ...] = ("branch_id", "month", "year", "meeting_id")  # the arguments it takes
    numbered: bool = False  # takes a document number when issued, kept on reprints (new_version: a new one)


def _lazy(module: str, name: str) -> Callable[..., Path]:
    def build(out_path: str | Path, **kwargs: Any) -> Path:
        return getattr(importlib.import_module(f"desktop_app.reports.{module}"), name)(out_path, **kwargs)

    build.__name__ = build.__qualname__ = name
    build.__doc__ = f"desktop_app.reports.{module}.{name}, imported on first use."
    return build


MEETING = ("meeting_id",)
BRANCH = ("branch_id",)
REPORT_KINDS: dict[str, ReportKind] = {
    "minutes": ReportKind(N_("Minutes of a branch meeting"), _lazy("minutes", "build_minutes"), MEETING, MEETING),
    "monthly": ReportKind(N_("Monthly report of a branch"), _lazy("monthly", "build_monthly"), BRANCH,
                          ("branch_id", "month", "year"), numbered=True),
    "candidates": ReportKind(N_("Candidates for admission and probationary members"),
                             _lazy("candidates", "build_candidates"), (), BRANCH),
    "sponsors": ReportKind(N_("Members assigned to help and introduce"), _lazy("sponsors", "build_sponsors"), (),
                           BRANCH),
    "quota": ReportKind(N_("Admission quota and statistics of the year"), _lazy("quota", "build_quota"), (),
                        ("year",), numbered=True),
    "signin": ReportKind(N_("Sign-in sheet of a meeting"), _lazy("signin", "build_signin"), MEETING, MEETING),
    "resolution": ReportKind(N_("Branch resolution on an admission or a recognition"),
                             _lazy("resolution", "build_resolution"), ("decision_id",), ("decision_id",),
                             numbered=True),
    "register": ReportKind(N_("Register of Party members"), _lazy("register", "build_register"), (), BRANCH),
    "issued": ReportKind(N_("Register of issued documents"), _lazy("issued", "build_issued"), (),
                         ("branch_id", "year")),
    "fees": ReportKind(N_("Book of Party fees of a branch (month)"), _lazy("fee_book", "build_fees"), BRANCH,
                       ("branch_id", "month", "year")),
    "grading": ReportKind(N_("Quality grading of the year (a branch, or the organisation)"),
                          _lazy("grading", "build_grading"), (), ("branch_id", "year"), numbered=True),
    "grading_resolution": ReportKind(N_("Branch resolution on the grading of its members"),
                                     _lazy("grading_resolution", "build_grading_resolution"), BRANCH,
                                     ("branch_id", "year"), numbered=True),
    "badges": ReportKind(N_("Members reaching the party age for the Party badge"), _lazy("badge_list", "build_badges"),
                         (), ("branch_id", "month", "year"), numbered=True),
}

_MISSING = {
    "meeting_id": N_("Choose the meeting."),
    "branch_id": N_("Choose the branch."),
    "decision_id": N_("Choose the vote."),
}


def build_report(kind: str, out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                 month: object = None, year: int | None = None, meeting_id: int | None = None,
                 decision_id: int | None = None, issue: bool = False, new_version: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Build report *kind* into *out_path* (written whole or not at all), with the arguments it takes.

    *issue* numbers a numbered document (once: printing it again keeps its number and date); *new_version*
    issues it again under a new number. Raises services.errors.ValidationError (translated messages by
    argument) for an unknown kind, a missing argument or a version asked of a document without number,
    NotFoundError for an unknown branch, meeting, decision or organisation."""
    from desktop_app.services.common.errors import ValidationError

    entry = REPORT_KINDS.get(kind)
    if entry is None:
        raise ValidationError({"kind": _("Unknown report “{kind}”: choose one of {kinds}.").format(
            kind=kind, kinds=", ".join(REPORT_KINDS))})
    given = {"branch_id": branch_id, "month": month, "year": year, "meeting_id": meeting_id,
             "decision_id": decision_id}
    missing = {name: _(_MISSING.get(name, name)) for name in entry.required if given.get(name) in (None, "")}
    if missing:
        raise ValidationError(missing)
    args = {name: given[name] for name in entry.options}
    if new_version:
        if not entry.numbered:
            raise ValidationError({"new_version": _("This document carries no number, so it has no versions.")})
        if not issue:
            raise ValidationError({"new_version": _("A draft takes no number: a new version is issued, not "
                                                    "drafted.")})
        args["new_version"] = True
    return entry.builder(out_path, lang=lang, issue=issue, progress=progress, **args)


def issued_copy(kind: str, *, branch_id: int | str | None = None, month: object = None, year: int | None = None,
                decision_id: int | None = None, **_ignored: Any):
    """The number and date under which this document was issued (services.documents.issued.Issue), None
    when it was not issued yet or carries no number: printing it again will keep them."""
    from desktop_app.core import clock
    from desktop_app.reports.common import parse_month
    from desktop_app.services.documents import issued, report_data

    entry = REPORT_KINDS.get(kind)
    if entry is None or not entry.numbered:
        return None
    if kind == "resolution":
        return issued.for_decision(decision_id) if decision_id is not None else None
    if kind in ("grading", "grading_resolution", "badges"):  # a branch's or the organisation's, per year
        from desktop_app.reports.badge_list import covers_of

        bid = report_data.resolve_branch(branch_id)
        y, m = parse_month(month, year) if kind == "badges" and month is not None else (year, None)
        key = covers_of(y or clock.today().year, m)[0]
        return issued.current(report_data.issuer_for(bid).counter_key, kind, key)
    if kind == "monthly":
        bid = report_data.resolve_branch(branch_id)
        if bid is None:
            return None
        y, m = parse_month(month, year)
        return issued.current(report_data.issuer_for(bid).counter_key, kind, issued.month_key(y, m))
    return issued.current(report_data.issuer_for(None).counter_key, kind, issued.year_key(year or clock.today().year))


def build_resolution(out_path: str | Path, decision_id: int, lang: str | None = None, issue: bool = False,
                     progress: Callable[[int, int], None] | None = None) -> Path:
    """The branch resolution of a recorded admission (Mẫu 6-KNĐ) or recognition (Mẫu 13-KNĐ) vote."""
    return build_report("resolution", out_path, decision_id=decision_id, lang=lang, issue=issue, progress=progress)


__all__ = ["REPORT_KINDS", "ReportKind", "build_report", "build_resolution", "issued_copy"]
