"""The bundled Liberation Serif faces, registered once with reportlab.

Liberation Serif covers every Vietnamese letter and has the metrics of Times New Roman, the face
Party documents use in practice. The family is registered so that <b> and <i> in paragraphs pick
the bold and italic faces.
"""

from __future__ import annotations

import threading

from desktop_app import paths

FAMILY = "PartySerif"
FACES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FACES

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four faces and the family (idempotent, thread-safe); returns the family name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        known = set(pdfmetrics.getRegisteredFontNames())
        folder = paths.fonts_dir()
        for name, filename in FACES.items():
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True
    return FAMILY
