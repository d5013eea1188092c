"""Draw the app's icon: a red register with a gold star, as resources/icons/sochibo.png and sochibo.ico.

    python -m tools.make_icon

Drawn with Pillow (a dependency of reportlab) at 1024 px and scaled down, so every size is smooth; the
files are committed, this only makes them again after a change of design.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
RED, DARK_RED, GOLD = (180, 20, 26, 255), (120, 8, 14, 255), (250, 204, 60, 255)
SIZE = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """The five-pointed star, point up (inner radius of a regular star)."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    # the register's cover, its spine on the left, a gold frame inside
    pen.rounded_rectangle((96, 48, 928, 976), radius=72, fill=RED)
    pen.rounded_rectangle((96, 48, 256, 976), radius=72, fill=DARK_RED)
    pen.rectangle((200, 48, 256, 976), fill=DARK_RED)
    pen.rounded_rectangle((312, 120, 864, 904), radius=28, outline=GOLD, width=22)
    pen.polygon(star(588, 430, 210), fill=GOLD)
    for y in (720, 800):  # the lines of a title
        pen.rounded_rectangle((408, y, 768, y + 34), radius=17, fill=GOLD)
    return image


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "sochibo.png", optimize=True)
    image.save(OUT / "sochibo.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'sochibo.png'} and {OUT / 'sochibo.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
