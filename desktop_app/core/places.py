"""Addresses as the Party's member form and the central member database keep them: a country, a province and the
rest (commune, village, street) as written, for the home town (quê quán), the place of birth registration (nơi đăng
ký khai sinh) and the permanent residence (nơi thường trú).

``split_address`` reads an address typed as one line ("xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình") into its parts;
``compose_address`` writes the parts back as one line. A province is recognised only when the last part of the line
names one: the 34 provinces and centrally-run cities since 1/7/2025 (Nghị quyết 202/2025/QH15), the 63 before them
and the older ones a member's home town may still carry (Hà Tây, Nghệ Tĩnh, Hà Sơn Bình…), each spelled as the
province was named then. A line where none is recognised is kept whole as the detail: nothing is guessed.

A library of administrative divisions (vietnam-provinces) lists only today's 34 provinces with their wards; the
names before the 2025 merger, which home towns keep, are not in it, so the list is here.
"""

from __future__ import annotations

from desktop_app.core.text import clean_name, fold

VIETNAM = "Việt Nam"

# Since 1/7/2025; the centrally-run cities (thành phố trực thuộc Trung ương) are in CITIES.
PROVINCES_2025 = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)
# The 63 provinces and cities before 1/7/2025 that are not a province of today under the same name.
PROVINCES_BEFORE_2025 = (
    "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
    "Bình Thuận", "Đắk Nông", "Hà Giang", "Hà Nam", "Hải Dương", "Hậu Giang", "Hòa Bình", "Kiên Giang", "Kon Tum",
    "Long An", "Nam Định", "Ninh Thuận", "Phú Yên", "Quảng Bình", "Quảng Nam", "Sóc Trăng", "Thái Bình",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Vĩnh Phúc", "Yên Bái",
)
# Provinces of earlier decades, still written in the home towns of older members.
PROVINCES_EARLIER = (
    "Hà Tây", "Hà Sơn Bình", "Hà Nam Ninh", "Hải Hưng", "Vĩnh Phú", "Hà Bắc", "Bắc Thái", "Hoàng Liên Sơn",
    "Cao Lạng", "Nghệ Tĩnh", "Bình Trị Thiên", "Quảng Nam - Đà Nẵng", "Nghĩa Bình", "Phú Khánh", "Thuận Hải",
    "Gia Lai - Kon Tum", "Sông Bé", "Cửu Long", "Minh Hải",
)
CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
ALL_PROVINCES = PROVINCES_2025 + PROVINCES_BEFORE_2025 + PROVINCES_EARLIER

# Countries a member's papers commonly name besides Việt Nam (others are kept as written).
COUNTRIES = (VIETNAM, "Lào", "Campuchia", "Trung Quốc", "Liên bang Nga", "Cộng hòa Séc", "Ba Lan", "Đức",
             "Hàn Quốc", "Nhật Bản", "Hoa Kỳ", "Pháp", "Cu Ba", "Ucraina", "Bun-ga-ri")

_PROVINCE_WORDS = ("tinh ", "thanh pho ", "tp. ", "tp.", "tp ")
_BY_FOLD = {fold(name): name for name in ALL_PROVINCES}
_BY_FOLD[fold("Thành phố Hồ Chí Minh")] = "Hồ Chí Minh"
_BY_FOLD[fold("Sài Gòn")] = "Hồ Chí Minh"
_BY_FOLD[fold("Bà Rịa Vũng Tàu")] = "Bà Rịa - Vũng Tàu"
_BY_FOLD[fold("Thừa Thiên - Huế")] = "Thừa Thiên Huế"
_COUNTRY_BY_FOLD = {fold(name): name for name in COUNTRIES}
_COUNTRY_BY_FOLD.update({"viet nam": VIETNAM, "vietnam": VIETNAM, "vn": VIETNAM})


def province_named(text: str) -> str:
    """The province *text* names ("tỉnh Thái Bình", "TP. Hồ Chí Minh", "thai binh" → its name), else ""."""
    key = fold(text).replace("–", "-")
    for word in _PROVINCE_WORDS:
        if key.startswith(word):
            key = key[len(word):].strip()
            break
    key = " - ".join(part.strip() for part in key.split("-"))
    return _BY_FOLD.get(key, "")


def country_named(text: str) -> str:
    """The country *text* names ("Viet Nam" → "Việt Nam"), else ""."""
    return _COUNTRY_BY_FOLD.get(fold(text), "")


def split_address(text: str | None) -> tuple[str, str, str]:
    """(country, province, detail) of an address written as one line.

    The last comma-separated part is taken as the country when it names one, then the part before it (or the last)
    as the province when it names one; what is left is the detail, as written. A province found means the country
    is Việt Nam when none is written. Nothing recognised: ("", "", the whole text)."""
    line = clean_name(text)
    if not line:
        return "", "", ""
    parts = [p.strip() for p in line.split(",")]
    country = ""
    if len(parts) > 1 and country_named(parts[-1]):
        country = country_named(parts.pop())
    elif len(parts) == 1 and country_named(parts[0]):
        return country_named(parts[0]), "", ""
    province = ""
    if country in ("", VIETNAM) and parts and province_named(parts[-1]):
        province = province_named(parts.pop())
        country = country or VIETNAM
    detail = ", ".join(p for p in parts if p)
    return country, province, detail


def compose_address(country: str | None, province: str | None, detail: str | None) -> str:
    """One line from the parts: "detail, tỉnh Province" ("thành phố" for a centrally-run city), and the country
    after it when it is not Việt Nam."""
    pieces = [clean_name(detail)]
    name = clean_name(province)
    if name:
        known = province_named(name)
        if known and known == name:
            pieces.append(("thành phố " if name in CITIES else "tỉnh ") + name)
        else:
            pieces.append(name)  # as written: "Tỉnh Hà Tây cũ", a province abroad
    land = clean_name(country)
    if land and land != VIETNAM:
        pieces.append(land)
    return ", ".join(p for p in pieces if p)
