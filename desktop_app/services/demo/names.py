"""Vietnamese personal names, ethnic groups and religions for the demo data.

Kinh family names follow their rough national frequency (Nguyễn ≈ 38 %, Trần, Lê, Phạm …); ethnic
minorities have their own family names and naming patterns (Thái "Lò Văn …", Mông "Giàng A …",
Khmer "Thạch Sô Phal"). Branch profiles say which groups live where: upland villages are mostly
Thái, Mông and Khơ Mú, lowland hamlets and offices mostly Kinh, with staff from all over the country.
"""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate


class Weighted:
    """Weighted choice from a fixed table, fast enough for a million draws."""

    def __init__(self, table: list[tuple[str, float]] | dict[str, float]):
        items = list(table.items()) if isinstance(table, dict) else list(table)
        self.values = [value for value, _w in items]
        self.cumulative = list(accumulate(weight for _v, weight in items))

    def pick(self, rng: random.Random) -> str:
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _split(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


KINH_FAMILY = Weighted({
    "Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Hoàng": 3.2, "Huỳnh": 1.9, "Phan": 4.5, "Vũ": 2.5, "Võ": 1.4,
    "Đặng": 2.1, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1, "Lý": 0.5, "Đinh": 0.9, "Trịnh": 0.7,
    "Đào": 0.7, "Mai": 0.5, "Cao": 0.5, "Lương": 0.5, "Tạ": 0.3, "Hà": 0.6, "Lâm": 0.3, "Kiều": 0.2, "Chu": 0.3,
    "Tô": 0.3, "Đoàn": 0.6, "Vương": 0.2, "Triệu": 0.2, "Lưu": 0.3, "Phùng": 0.3, "Nghiêm": 0.1, "Khuất": 0.1,
    "Quản": 0.1, "Thái": 0.2, "Lại": 0.2, "Văn": 0.1, "Tăng": 0.1,
})
KINH_MIDDLE = {
    "male": Weighted({"Văn": 40, "Đức": 8, "Minh": 8, "Quang": 6, "Hữu": 6, "Thanh": 5, "Công": 5, "Xuân": 4,
                      "Ngọc": 3, "Tiến": 3, "Đình": 5, "Trọng": 3, "Mạnh": 3, "Quốc": 3, "Anh": 2, "Thế": 3,
                      "Hoàng": 2, "Gia": 1, "Duy": 2, "Bá": 2, "Khắc": 1, "Viết": 1, "Trung": 1}),
    "female": Weighted({"Thị": 55, "Thu": 6, "Thanh": 5, "Ngọc": 5, "Minh": 3, "Phương": 2, "Hồng": 4, "Kim": 3,
                        "Thúy": 2, "Bích": 2, "Diệu": 1, "Khánh": 1, "Hải": 1, "Thùy": 3, "Mai": 1, "Quỳnh": 1,
                        "Lan": 1, "Thảo": 1, "Hoài": 1}),
}
# A second middle name for some younger women ("Nguyễn Thị Hồng Nhung").
KINH_SECOND_MIDDLE = _split("Hồng, Thu, Thanh, Ngọc, Minh, Phương, Thùy, Kim, Mai, Bích, Hải, Diệu")
KINH_GIVEN = {
    "male": _split(
        "Hùng, Dũng, Tuấn, Hải, Sơn, Thắng, Cường, Long, Nam, Minh, Đức, Huy, Hoàng, Phong, Quân, Trung, Hiếu, "
        "Khánh, Bình, An, Toàn, Thành, Tùng, Việt, Hưng, Vinh, Lâm, Kiên, Tâm, Lực, Chiến, Thịnh, Phúc, Quý, "
        "Định, Hòa, Lợi, Tiến, Đạt, Duy, Khoa, Bảo, Nghĩa, Tài, Sang, Tú, Hậu, Thái, Vũ, Quyết, Thuận, Công, "
        "Hạnh, Đông, Giang, Ngọc, Thông, Trường, Kiệt, Khải, Lộc, Mạnh, Nhật, Quang, Sáng, Tín, Trí, Vượng"),
    "female": _split(
        "Hương, Lan, Hoa, Mai, Hằng, Nga, Thủy, Hà, Linh, Trang, Thảo, Nhung, Huyền, Phương, Yến, Loan, Hạnh, "
        "Dung, Ngọc, Vân, Thu, Hồng, Anh, Giang, Oanh, Liên, Tâm, Hiền, Ly, Nhàn, Quyên, Thư, Vy, My, Trâm, "
        "Nhi, Diệp, Chi, Thoa, Lụa, Lý, Hậu, Tuyết, Xuân, Duyên, Hảo, Huệ, Lệ, Ngân, Nguyệt, Phượng, Sen, Thắm, "
        "Thơm, Tươi, Uyên, Vui, Hòa, Bình, Cúc, Đào, Gấm, Hiên, Khuyên, Lành, Mơ, Quế"),
}

# Ethnic minorities: (family names, male middle names, female middle names, male given, female given).
MINORITY = {
    "Thái": (
        _split("Lò, Quàng, Cà, Lường, Tòng, Lù, Điêu, Vì, Bạc, Lê, Lừ, Hoàng, Lò, Quàng"),
        ["Văn"], ["Thị"],
        _split("Pánh, Sương, Ún, Chăn, Ọn, Xôm, Phanh, Thẩm, Sinh, Hoan, Cương, Biên, Pâng, Khăm, Bun, Phóng, "
               "Tiến, Hải, Sáng, Ngoan, Inh, Chung, Hom, Pọm, Piếng, Xuân"),
        _split("Ín, Xiêng, Pâng, Ngoan, Hom, Ánh, Hương, Lả, Ỏm, Phương, Tươi, Ban, Doan, Ơn, Xuân, Bua, Chiêng, "
               "Lả, Nhất, Hoa, Mai, Thoa, Ương, Pưng"),
    ),
    "Mông": (
        _split("Giàng, Sùng, Vàng, Lý, Mùa, Thào, Hạng, Lầu, Ly, Cứ, Tráng, Vừ, Hờ, Chá, Mua"),
        _split("A, A, A, Seo, Chứ, Văn, Chờ"), ["Thị"],
        _split("Páo, Sử, Dế, Chống, Lử, Pó, Tủa, Chía, Lầu, Sinh, Chinh, Dính, Khua, Nhè, Pao, Súa, Chư, Tráng, "
               "Di, Thành, Vàng, Giống, Pềnh"),
        _split("Mỷ, Dợ, Sua, Chà, Pà, Mai, Dở, Súa, Xúa, Máy, Dua, Vá, Chờ, Ly, Say, Dinh, Mang"),
    ),
    "Khơ Mú": (
        _split("Lò, Vì, Quàng, Cụt, Lù, Cầm, Ộ, Tòng"),
        ["Văn"], ["Thị"],
        _split("Cảnh, Hồng, Chua, Lỏng, Ý, Xoan, Khăm, Thoong, Sinh, Phắn, Liên, Hùng"),
        _split("Bun, Nhót, Mon, Ỏn, Xoan, Lả, Hiền, Bích, Thắm, Hương"),
    ),
    "Mường": (
        _split("Bùi, Đinh, Quách, Hà, Xa, Cao, Bạch, Bùi, Đinh"),
        ["Văn", "Văn", "Công"], ["Thị"],
        _split("Mỡi, Khuông, Tưởng, Thẳng, Lèng, Mến, Cạn, Khuyên, Hùng, Sơn, Thành, Lự, Chiến, Vượng"),
        _split("Nhót, Mến, Ngần, Mây, Lành, Thiêng, Dung, Hoa, Lụa, Thơm"),
    ),
    "Tày": (
        _split("Hoàng, Nông, Lục, Ma, Hà, Triệu, Nguyễn, Lương, Đàm, Bế, La, Hoàng, Nông"),
        ["Văn", "Văn", "Đức"], ["Thị"],
        _split("Vằn, Thình, Pấu, Phiêu, Nhị, Chiến, Hoàn, Khánh, Long, Quyết, Sinh, Tuấn, Vịnh"),
        _split("Hoan, Lìu, Nhàn, Pảo, Thinh, Dịu, Hằng, Nguyệt, Tuyết, Xuân"),
    ),
    "Nùng": (
        _split("Hoàng, Nông, Lương, Vi, Lăng, Chu, Mã, Lý, Đàm, Sầm, Dương"),
        ["Văn"], ["Thị"],
        _split("Slài, Pằn, Chắn, Lìn, Thắng, Sình, Tường, Dũng, Nghĩa, Lâm"),
        _split("Mây, Lìu, Slao, Nhung, Thơm, Dịu, Mến, Ngân"),
    ),
    "Dao": (
        _split("Triệu, Bàn, Đặng, Lý, Phàn, Chảo, Tẩn"),
        _split("Văn, Tà, Kiều, Văn"), _split("Thị, Mẩy, Thị"),
        _split("Phú, Quẩy, Chòi, Sành, Tòn, Kiềm, Sinh, Vượng, Phẩy, Lở"),
        _split("Mẩy, Dín, Xiêm, Lai, Tòn, Chòi, Nái"),
    ),
    "Khmer": (
        _split("Thạch, Sơn, Kim, Danh, Lâm, Châu, Tăng, Kiên, Lý, Huỳnh"),
        ["", "", "Văn"], ["Thị", "Thị", ""],
        _split("Sô Phal, Sóc Kha, Chanh Đa, Xà Rinh, Sóc, Pha Ri, Mách, Thươl, Sà Quynh, Chanh Ra, Ry, Sa Ven"),
        _split("Sa Rương, Som Nang, Sa Ly, Chanh Thu, Kim Sa, Sa Mây, Chăn Đa, Sơ Ry, Sà Phone, Sóc Na"),
    ),
    "Hoa": (
        _split("Lý, Trương, Lâm, Quách, Tăng, Huỳnh, Trần, Mạch, Diệp, Lưu, Hứa, Dương"),
        _split("Chí, Gia, Vĩnh, Tú, Quốc, Văn"), _split("Mỹ, Ngọc, Tú, Thị, Gia"),
        _split("Cường, Phát, Tài, Lợi, Hùng, Minh, Kiệt, Khang, Huy, Vinh"),
        _split("Linh, Huệ, Quyên, Phương, Mai, Anh, Ngọc, Châu, Liên"),
    ),
}

# Who lives where (weights per ethnic group), by the kind of place a branch serves.
PROFILES = {
    # Upland Thái villages of Điện Biên ("bản").
    "upland_thai": Weighted({"Thái": 62, "Kinh": 18, "Khơ Mú": 10, "Mông": 8, "Mường": 2}),
    # Mông villages higher up the hills.
    "upland_mong": Weighted({"Mông": 74, "Thái": 12, "Kinh": 12, "Dao": 2}),
    # Lowland hamlets ("thôn") and town quarters ("tổ dân phố"), settled from the delta.
    "lowland": Weighted({"Kinh": 94, "Thái": 3, "Mường": 1, "Tày": 1, "Hoa": 1}),
    # Offices, schools, police, army and firms: staff from all over the country.
    "national": Weighted({"Kinh": 85, "Tày": 2.5, "Thái": 3, "Mường": 2, "Khmer": 1.5, "Hoa": 1, "Nùng": 1.5,
                          "Mông": 2, "Dao": 1, "Khơ Mú": 0.5}),
}

# Religions of Party members and candidates: most follow none.
RELIGION = {
    "default": Weighted({"Không": 92, "Phật giáo": 4.5, "Công giáo": 2.2, "Tin Lành": 0.6, "Cao Đài": 0.4,
                         "Hòa Hảo": 0.3}),
    "Khmer": Weighted({"Phật giáo": 70, "Không": 30}),
    "Mông": Weighted({"Không": 90, "Tin Lành": 10}),
    "Hoa": Weighted({"Không": 70, "Phật giáo": 30}),
}


def religion(rng: random.Random, ethnicity: str) -> str:
    return RELIGION.get(ethnicity, RELIGION["default"]).pick(rng)


def full_name(rng: random.Random, ethnicity: str, gender: str, birth_year: int) -> str:
    """A plausible full name for a person of *ethnicity* and *gender* born in *birth_year*."""
    if ethnicity in MINORITY:
        families, male_mid, female_mid, male_given, female_given = MINORITY[ethnicity]
        middle = rng.choice(male_mid if gender == "male" else female_mid)
        given = rng.choice(male_given if gender == "male" else female_given)
        # Many minority people take a Kinh given name, more so among the young.
        if rng.random() < (0.35 if birth_year >= 1985 else 0.15):
            given = rng.choice(KINH_GIVEN[gender])
        parts = [rng.choice(families), middle, given]
    else:
        middle = KINH_MIDDLE[gender].pick(rng)
        # "Văn" and "Thị" grow rarer with each generation.
        if middle in ("Văn", "Thị") and birth_year >= 1990 and rng.random() < 0.45:
            middle = KINH_MIDDLE[gender].pick(rng)
        parts = [KINH_FAMILY.pick(rng), middle]
        if gender == "female" and birth_year >= 1975 and rng.random() < 0.15:
            parts.append(rng.choice(KINH_SECOND_MIDDLE))
        parts.append(rng.choice(KINH_GIVEN[gender]))
    # Avoid "Thị Thu Thu"-style repeats of the middle name as the given name.
    words = [p for p in parts if p]
    if len(words) >= 3 and words[-1] == words[-2]:
        words[-1] = rng.choice(KINH_GIVEN[gender])
    return " ".join(words)
