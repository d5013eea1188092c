"""Page and type settings of printed documents (Hướng dẫn 36-HD/VPTW), as one value a document is laid out with.

Each field is the setting ``report.<field>`` (the margins: ``report.margins_mm``, {"top", "bottom", "left",
"right"}), declared with its default and allowed range in services.common.settings; a value missing or out of range
reads as that default, so a damaged setting never stops a document from printing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from desktop_app.services.common import settings

_SIDE = settings.REPORT_MARGINS.default
_LAYOUT = {name: declared.default for name, declared in settings.REPORT_LAYOUT.items()}


@dataclass(frozen=True)
class LayoutSettings:
    margin_top_mm: float = _SIDE["top"]
    margin_bottom_mm: float = _SIDE["bottom"]
    margin_left_mm: float = _SIDE["left"]  # binding side
    margin_right_mm: float = _SIDE["right"]
    page_numbers: bool = _LAYOUT["page_numbers"]  # Arabic numerals, top centre, from page 2
    page_number_from: int = _LAYOUT["page_number_from"]
    page_number_size: float = _LAYOUT["page_number_size"]
    page_number_offset_mm: float = _LAYOUT["page_number_offset_mm"]  # from the top edge of the sheet
    header_size: float = _LAYOUT["header_size"]  # superior body, issuing body, number
    party_heading_size: float = _LAYOUT["party_heading_size"]  # "ĐẢNG CỘNG SẢN VIỆT NAM"
    title_size: float = _LAYOUT["title_size"]  # document type
    summary_size: float = _LAYOUT["summary_size"]  # summary under the type
    body_size: float = _LAYOUT["body_size"]
    table_size: float = _LAYOUT["table_size"]  # tables in lists and reports
    recipients_size: float = _LAYOUT["recipients_size"]  # the list under "Nơi nhận:"
    signature_space_mm: float = _LAYOUT["signature_space_mm"]  # room to sign between the title and the name
    line_spacing: float = _LAYOUT["line_spacing"]  # leading as a multiple of the type size
    header_left_mm: float = _LAYOUT["header_left_mm"]  # width of the issuing-body column of the header

    @property
    def margins_mm(self) -> tuple[float, float, float, float]:
        return self.margin_top_mm, self.margin_bottom_mm, self.margin_left_mm, self.margin_right_mm


DEFAULTS = LayoutSettings()
_MARGIN_FIELDS = {"margin_top_mm": "top", "margin_bottom_mm": "bottom", "margin_left_mm": "left",
                  "margin_right_mm": "right"}


def _valid(name: str, value: Any) -> bool:
    if name in _MARGIN_FIELDS:
        return settings.REPORT_MARGINS.accepts({_MARGIN_FIELDS[name]: value})
    return settings.REPORT_LAYOUT[name].accepts(value)


def from_values(values: dict[str, Any]) -> LayoutSettings:
    """Settings from a {field: value} mapping (unknown keys ignored, values a setting refuses replaced by the
    defaults)."""
    changes: dict[str, Any] = {}
    for f in fields(LayoutSettings):
        if f.name in values and _valid(f.name, values[f.name]):
            value = values[f.name]
            changes[f.name] = value if f.type == "bool" else int(value) if f.type == "int" else float(value)
    return replace(DEFAULTS, **changes)


def load() -> LayoutSettings:
    """The settings in force: the stored ones, else the defaults. Works without an open database."""
    try:
        got = settings.get_many([settings.REPORT_MARGINS, *settings.REPORT_LAYOUT.values()])
    except Exception:  # no database bound, or a damaged settings table: print with the defaults
        return DEFAULTS
    values = {name: got[declared.key] for name, declared in settings.REPORT_LAYOUT.items()}
    margins = got[settings.REPORT_MARGINS.key]
    values.update({name: margins[side] for name, side in _MARGIN_FIELDS.items() if side in margins})
    return from_values(values)
