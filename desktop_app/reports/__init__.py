"""Printed Party documents (reportlab), in the layout of Hướng dẫn 36-HD/VPTW.

``REPORT_KINDS`` maps each kind of the command line and the Reports view to its label (an English
msgid), its builder and the arguments it needs. Every builder has the signature
``build_<kind>(out_path, *, lang, branch_id=None, month=None, year=None, meeting_id=None,
issue=False, progress=None) -> Path``; ``progress(done, total)`` is called as the work advances.
``issue=True`` takes the document's number (a preview never does).

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


def _lazy(module: str, name: str) -> Callable[..., Path]:
    def build(out_path: str | Path, **kwargs: Any) -> Path:
        return getattr(importlib.import_module(f"desktop_app.reports.{module}"), name)(out_path, **kwargs)

    build.__name__ = build.__qualname__ = name
    build.__doc__ = f"desktop_app.reports.{module}.{name}, imported on first use."
    return build


REPORT_KINDS: dict[str, ReportKind] = {
    "minutes": ReportKind(N_("Minutes of a branch meeting"), _lazy("minutes", "build_minutes"), ("meeting_id",)),
    "monthly": ReportKind(N_("Monthly report of a branch"), _lazy("monthly", "build_monthly"), ("branch_id",)),
    "candidates": ReportKind(N_("Candidates for admission and probationary members"),
                             _lazy("candidates", "build_candidates"), ()),
    "sponsors": ReportKind(N_("Members assigned to help and introduce"), _lazy("sponsors", "build_sponsors"), ()),
    "quota": ReportKind(N_("Admission quota and statistics of the year"), _lazy("quota", "build_quota"), ()),
    "signin": ReportKind(N_("Sign-in sheet of a meeting"), _lazy("signin", "build_signin"), ("meeting_id",)),
}

_MISSING = {
    "meeting_id": N_("Choose the meeting."),
    "branch_id": N_("Choose the branch."),
}


def build_report(kind: str, out_path: str | Path, *, lang: str | None = None, branch_id: int | str | None = None,
                 month: object = None, year: int | None = None, meeting_id: int | None = None, issue: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Build report *kind* into *out_path* (written whole or not at all).

    Raises services.errors.ValidationError (translated messages by argument) for an unknown kind or a
    missing argument, NotFoundError for an unknown branch, meeting or organisation."""
    from desktop_app.services.common.errors import ValidationError

    entry = REPORT_KINDS.get(kind)
    if entry is None:
        raise ValidationError({"kind": _("Unknown report “{kind}”: choose one of {kinds}.").format(
            kind=kind, kinds=", ".join(REPORT_KINDS))})
    args = {"branch_id": branch_id, "month": month, "year": year, "meeting_id": meeting_id}
    missing = {name: _(_MISSING.get(name, name)) for name in entry.required if args.get(name) in (None, "")}
    if missing:
        raise ValidationError(missing)
    return entry.builder(out_path, lang=lang, issue=issue, progress=progress, **args)


def build_resolution(out_path: str | Path, decision_id: int, lang: str | None = None, issue: bool = False,
                     progress: Callable[[int, int], None] | None = None) -> Path:
    """The branch resolution of a recorded admission (Mẫu 6-KNĐ) or recognition (Mẫu 13-KNĐ) vote."""
    from desktop_app.reports.resolution import build_resolution as build

    return build(out_path, decision_id, lang=lang, issue=issue, progress=progress)


__all__ = ["REPORT_KINDS", "ReportKind", "build_report", "build_resolution"]
