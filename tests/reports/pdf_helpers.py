"""Reading back the PDFs the reports write: text, page sizes, fonts."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

A4_POINTS = (595.2756, 841.8898)


def pdf_text(path: Path) -> str:
    """All text of the document, whitespace collapsed (lines break anywhere in a wrapped paragraph)."""
    reader = PdfReader(str(path))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(path)).pages]


def font_problems(path: Path) -> list[str]:
    """Fonts of any page that are not embedded TrueType (FontFile2): Vietnamese needs the bundled faces."""
    problems = []
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        fonts = page["/Resources"].get_object().get("/Font", {})
        if not fonts:
            problems.append(f"page {number}: no fonts")
        for name, ref in fonts.items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if font.get("/Subtype") != "/TrueType" or descriptor is None or \
                    "/FontFile2" not in descriptor.get_object():
                problems.append(f"page {number}: {name} {font.get('/BaseFont')} is not embedded TrueType")
    return problems


def font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            names.add(str(ref.get_object().get("/BaseFont")).split("+")[-1])
    return names


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)
