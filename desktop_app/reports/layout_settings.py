"""Page and type settings of printed documents, with the defaults of Hướng dẫn 36-HD/VPTW.

HD36 fixes A4 paper and the type sizes of each element; the margins and the page-number
placement are not confirmed from the official text (domain.md §5), so they are settings.
Values come from services.settings (keys below) and fall back to these defaults when a value is
missing or out of range, so a damaged setting never stops a document from printing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class LayoutSettings:
    margin_top_mm: float = 20  # secondary source [32]; 11-HD/VPTW (2004) used 25
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30  # binding side
    margin_right_mm: float = 15
    page_numbers: bool = True  # Arabic numerals, top centre, from page 2
    page_number_from: int = 2
    page_number_size: float = 14
    page_number_offset_mm: float = 10  # from the top edge of the sheet
    header_size: float = 14  # superior body, issuing body, number (HD36: 14)
    party_heading_size: float = 15  # "ĐẢNG CỘNG SẢN VIỆT NAM" (HD36: 15, bold)
    title_size: float = 16  # document type (HD36: 15–16, bold)
    summary_size: float = 14  # summary under the type (HD36: 14–15, bold)
    body_size: float = 14  # body text (HD36: 14–15)
    table_size: float = 12  # tables in lists and reports
    recipients_size: float = 12  # the list under "Nơi nhận:"
    signature_space_mm: float = 25  # room to sign between the title and the name
    line_spacing: float = 1.25  # leading as a multiple of the type size
    header_left_mm: float = 78  # width of the issuing-body column of the header

    @property
    def margins_mm(self) -> tuple[float, float, float, float]:
        return self.margin_top_mm, self.margin_bottom_mm, self.margin_left_mm, self.margin_right_mm


DEFAULTS = LayoutSettings()

# Allowed ranges; a stored value outside its range is ignored.
_RANGES: dict[str, tuple[float, float]] = {
    "margin_top_mm": (5, 60), "margin_bottom_mm": (5, 60), "margin_left_mm": (5, 60), "margin_right_mm": (5, 60),
    "page_number_from": (1, 99), "page_number_size": (8, 20), "page_number_offset_mm": (3, 30),
    "header_size": (10, 18), "party_heading_size": (10, 20), "title_size": (10, 22), "summary_size": (10, 20),
    "body_size": (10, 18), "table_size": (8, 16), "recipients_size": (8, 16), "signature_space_mm": (10, 60),
    "line_spacing": (1.0, 2.0), "header_left_mm": (50, 110),
}
_MARGIN_KEYS = {"top": "margin_top_mm", "bottom": "margin_bottom_mm", "left": "margin_left_mm",
                "right": "margin_right_mm"}


def _valid(name: str, kind: str, value: Any, default: Any) -> Any:
    if kind == "bool":
        return value if isinstance(value, bool) else default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    low, high = _RANGES.get(name, (float("-inf"), float("inf")))
    if not low <= value <= high:
        return default
    return int(value) if kind == "int" else float(value)


def from_values(values: dict[str, Any]) -> LayoutSettings:
    """Settings from a {field: value} mapping (unknown keys ignored, bad values replaced by defaults)."""
    changes = {}
    for f in fields(LayoutSettings):
        if f.name in values:
            changes[f.name] = _valid(f.name, str(f.type), values[f.name], getattr(DEFAULTS, f.name))
    return replace(DEFAULTS, **changes)


def load() -> LayoutSettings:
    """The settings in force: stored values under ``report.<field>`` (and ``report.margins_mm`` as
    {"top", "bottom", "left", "right"}), else the defaults. Works without an open database."""
    try:
        from desktop_app.services.common import settings as stored
    except ImportError:
        return DEFAULTS
    values: dict[str, Any] = {}
    try:
        got = stored.get_many(["report.margins_mm"] + [f"report.{f.name}" for f in fields(LayoutSettings)])
        margins = got["report.margins_mm"]
        if isinstance(margins, dict):
            for side, name in _MARGIN_KEYS.items():
                if side in margins:
                    values[name] = margins[side]
        for f in fields(LayoutSettings):
            value = got[f"report.{f.name}"]
            if value is not None:
                values[f.name] = value
    except Exception:  # no database bound, or a damaged settings table: print with the defaults
        return DEFAULTS
    return from_values(values)
