"""Finding the header of a list among the first rows of a sheet, on one row or on two.

Official workbooks (the central member database's among them) put a header on two rows: a column on its own is
merged down both rows, and a group ("Quê quán") is merged across its sub-columns ("Quốc gia", "Tỉnh/Thành",
"Chi tiết") named on the row below. A merged cell keeps its text in its first cell only, so the group's name is
carried to the right over the sub-columns, and each column is named "group: part" ("Quê quán: Tỉnh/Thành").
Two rows are taken as the header when they name more known columns together than the first alone, or as many
while the second row has nothing under the column of names (a data row always has a name): the second header row
is then never read as a row of data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.interchange.columns import Column, guess_mapping


@dataclass(frozen=True)
class Header:
    index: int  # of the header's last row in the rows searched (0-based)
    rows: int  # 1 or 2
    titles: list[str]  # each column's header, "group: part" for a grouped one
    mapping: dict[int, str]  # column index -> field key


def _text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def combine(top: Sequence[object], below: Sequence[object]) -> list[str]:
    """The headers of a two-row header: each group's name carried over the sub-columns under it."""
    width = max(len(top), len(below))
    titles: list[str] = []
    group = ""
    for index in range(width):
        upper = _text(top[index]) if index < len(top) else ""
        lower = _text(below[index]) if index < len(below) else ""
        if upper:
            group = upper if lower else ""  # a group starts where its first sub-column is named below it
        elif lower and group:
            upper = group
        else:
            group = ""
        titles.append(f"{upper}: {lower}" if upper and lower else upper or lower)
    return titles


def find_header(head: Sequence[Sequence[object]], columns: tuple[Column, ...], name_key: str = "full_name"
                ) -> Header | None:
    """The header that names the most known *columns*, one of them *name_key*, among the rows *head*."""
    best: Header | None = None
    for index, values in enumerate(head):
        single = guess_mapping(list(values), columns)
        candidates = []
        if name_key in single.values():
            candidates.append(Header(index, 1, [_text(v) for v in values], single))
        if index + 1 < len(head):
            below = head[index + 1]
            titles = combine(values, below)
            double = guess_mapping(list(titles), columns)
            name_at = next((i for i, k in double.items() if k == name_key), None)
            if name_at is not None:
                empty_name = name_at >= len(below) or _text(below[name_at]) == ""
                if len(double) > len(single) or (len(double) == len(single) and empty_name
                                                  and any(_text(v) for v in below)):
                    candidates = [Header(index + 1, 2, titles, double)]
        for found in candidates:
            if best is None or len(found.mapping) > len(best.mapping):
                best = found
    return best
