"""Places for the demo data: the organisation, its villages and units, home towns, ID and phone numbers.

The organisation is a commune Party committee in Điện Biên (Mường Ảng, a coffee-growing upland
commune). Home towns reflect who settles there: local Thái and Mông families, Kinh families who came
from the Red River delta and Thanh–Nghệ, and staff posted from other provinces.
"""

from __future__ import annotations

import random

from desktop_app.services.demo.names import Weighted

ORGANISATION = {
    "name": "Đảng bộ xã Mường Ảng",
    "superior_body": "Đảng bộ tỉnh Điện Biên",
    "place": "Mường Ảng",
    "issuer_code": "ĐU",
    "term": "2025-2030",
    "is_grassroots_branch": 0,
    "authorised_to_admit": 1,
    "superior_committee": "Ban Thường vụ Tỉnh ủy Điện Biên",
    "address": "Tổ dân phố 4, xã Mường Ảng, tỉnh Điện Biên",
    "signer": "Lường Văn Thiết",  # the committee's secretary
}
COMMUNE = "xã Mường Ảng"
PROVINCE = "tỉnh Điện Biên"
# Before 1/7/2025 admissions were decided by the district committee (Huyện ủy, symbol HU).
DISTRICT = "huyện Mường Ảng"

# Province codes of the citizen ID (Thông tư 07/2016/TT-BCA), by the provinces named before 2025.
PROVINCE_CODES = {
    "Hà Nội": "001", "Hà Giang": "002", "Cao Bằng": "004", "Bắc Kạn": "006", "Tuyên Quang": "008",
    "Lào Cai": "010", "Điện Biên": "011", "Lai Châu": "012", "Sơn La": "014", "Yên Bái": "015", "Hòa Bình": "017",
    "Thái Nguyên": "019", "Lạng Sơn": "020", "Quảng Ninh": "022", "Bắc Giang": "024", "Phú Thọ": "025",
    "Vĩnh Phúc": "026", "Bắc Ninh": "027", "Hải Dương": "030", "Hải Phòng": "031", "Hưng Yên": "033",
    "Thái Bình": "034", "Hà Nam": "035", "Nam Định": "036", "Ninh Bình": "037", "Thanh Hóa": "038",
    "Nghệ An": "040", "Hà Tĩnh": "042", "Quảng Bình": "044", "Thừa Thiên Huế": "046", "Đà Nẵng": "048",
    "Sóc Trăng": "094", "Trà Vinh": "084",
}

# Home towns (commune, district, province) by origin.
_LOCAL = [("Ẳng Nưa", "Mường Ảng", "Điện Biên"), ("Ẳng Cang", "Mường Ảng", "Điện Biên"),
          ("Ẳng Tở", "Mường Ảng", "Điện Biên"), ("Búng Lao", "Mường Ảng", "Điện Biên"),
          ("Xuân Lao", "Mường Ảng", "Điện Biên"), ("Mường Đăng", "Mường Ảng", "Điện Biên"),
          ("Ngối Cáy", "Mường Ảng", "Điện Biên"), ("Mường Lạn", "Mường Ảng", "Điện Biên"),
          ("Thanh Xương", "Điện Biên", "Điện Biên"), ("Mường Phăng", "Điện Biên", "Điện Biên"),
          ("Chiềng Sinh", "Tuần Giáo", "Điện Biên"), ("Quài Tở", "Tuần Giáo", "Điện Biên"),
          ("Tủa Thàng", "Tủa Chùa", "Điện Biên"), ("Chiềng Ơn", "Quỳnh Nhai", "Sơn La")]
_DELTA = [("Vũ Hội", "Vũ Thư", "Thái Bình"), ("Đông Hợp", "Đông Hưng", "Thái Bình"),
          ("Quỳnh Hoa", "Quỳnh Phụ", "Thái Bình"), ("Hải Anh", "Hải Hậu", "Nam Định"),
          ("Yên Lợi", "Ý Yên", "Nam Định"), ("Xuân Trường", "Xuân Trường", "Nam Định"),
          ("Tân Dân", "Khoái Châu", "Hưng Yên"), ("Cẩm Vũ", "Cẩm Giàng", "Hải Dương"),
          ("Liêm Tuyền", "Thanh Liêm", "Hà Nam"), ("Gia Thanh", "Gia Viễn", "Ninh Bình"),
          ("Quảng Hòa", "Quảng Xương", "Thanh Hóa"), ("Hoằng Đạo", "Hoằng Hóa", "Thanh Hóa"),
          ("Diễn Hồng", "Diễn Châu", "Nghệ An"), ("Nam Thanh", "Nam Đàn", "Nghệ An"),
          ("Thạch Long", "Thạch Hà", "Hà Tĩnh"), ("Phù Đổng", "Gia Lâm", "Hà Nội"),
          ("Tam Hưng", "Thanh Oai", "Hà Nội"), ("Đồng Tâm", "Mỹ Đức", "Hà Nội"),
          ("Thụy Vân", "Việt Trì", "Phú Thọ"), ("Tam Hồng", "Yên Lạc", "Vĩnh Phúc")]
_UPLAND = {  # minority groups' home provinces when they come from elsewhere
    "Tày": [("Hưng Đạo", "Hòa An", "Cao Bằng"), ("Bằng Lãng", "Chợ Đồn", "Bắc Kạn"),
            ("Kim Bình", "Chiêm Hóa", "Tuyên Quang")],
    "Nùng": [("Hoàng Đồng", "Thành phố Lạng Sơn", "Lạng Sơn"), ("Quảng Uyên", "Quảng Hòa", "Cao Bằng")],
    "Mường": [("Phong Phú", "Tân Lạc", "Hòa Bình"), ("Thạch Yên", "Cao Phong", "Hòa Bình"),
              ("Cẩm Thạch", "Cẩm Thủy", "Thanh Hóa")],
    "Khmer": [("Lịch Hội Thượng", "Trần Đề", "Sóc Trăng"), ("Lương Hòa", "Châu Thành", "Trà Vinh")],
    "Dao": [("Nậm Pung", "Bát Xát", "Lào Cai"), ("Hồ Thầu", "Hoàng Su Phì", "Hà Giang")],
}


# Party organisations elsewhere, where members come from by transfer and go to.
OTHER_ORGANISATIONS = (
    "Đảng bộ xã Ẳng Nưa, tỉnh Điện Biên", "Đảng bộ xã Búng Lao, tỉnh Điện Biên", "Đảng bộ phường Him Lam, "
    "tỉnh Điện Biên", "Đảng bộ xã Tuần Giáo, tỉnh Điện Biên", "Đảng bộ phường Tô Hiệu, tỉnh Sơn La",
    "Đảng bộ xã Quỳnh Nhai, tỉnh Sơn La", "Đảng bộ phường Vũ Phúc, tỉnh Hưng Yên", "Đảng bộ xã Hải Hậu, tỉnh Ninh Bình",
    "Đảng bộ Quân sự tỉnh Điện Biên", "Đảng bộ Công an tỉnh Điện Biên",
)


def home_place(rng: random.Random, ethnicity: str, local_share: float) -> tuple[str, str, str]:
    """(commune, district, province) of a person's home town."""
    if ethnicity in _UPLAND and rng.random() < 0.7:
        return rng.choice(_UPLAND[ethnicity])
    if ethnicity != "Kinh" or rng.random() < local_share:
        return rng.choice(_LOCAL)
    return rng.choice(_DELTA)


def format_home(place: tuple[str, str, str]) -> str:
    commune, district, province = place
    district_word = "thành phố" if district.startswith("Thành phố") else "huyện"
    district_name = district.removeprefix("Thành phố ").strip()
    return f"xã {commune}, {district_word} {district_name}, tỉnh {province}"


def cccd(rng: random.Random, province: str, gender: str, birth_year: int, taken: set[str]) -> str:
    """A 12-digit citizen ID: province code, gender-and-century digit, year of birth, six random digits."""
    code = PROVINCE_CODES.get(province, "011")
    century = 0 if birth_year < 2000 else 2
    digit = century + (1 if gender == "female" else 0)
    while True:
        value = f"{code}{digit}{birth_year % 100:02d}{rng.randrange(1_000_000):06d}"
        if value not in taken:
            taken.add(value)
            return value


_PHONE_PREFIXES = Weighted({"097": 8, "098": 8, "096": 6, "086": 4, "032": 3, "033": 3, "034": 3, "035": 3,
                            "036": 3, "037": 3, "038": 3, "039": 3, "091": 4, "094": 4, "088": 2, "083": 2,
                            "084": 2, "085": 2, "081": 1, "082": 1, "090": 3, "093": 3, "070": 1, "076": 1,
                            "077": 1, "078": 1, "079": 1, "089": 1, "056": 1, "058": 1})


def phone(rng: random.Random) -> str:
    return f"{_PHONE_PREFIXES.pick(rng)}{rng.randrange(10_000_000):07d}"


# Upland villages (bản) and lowland hamlets (thôn) of the commune, and town quarters (tổ dân phố).
UPLAND_VILLAGES = [
    "Co Muông", "Huổi Sứa", "Nà Lạn", "Hua Ná", "Pá Khôm", "Co Líu", "Huổi Lóng", "Nậm Pọng", "Bó", "Hón", "Ban",
    "Củ", "Lé", "Tọ Cuông", "Món", "Kéo", "Mánh Đanh", "Co Hịa", "Pú Súa", "Hua Nguống", "Nà Dên", "Pá Sáng",
    "Huổi Cáy", "Xá Nhè", "Pú Khớ", "Nà Sản", "Hua Nạ", "Cang", "Cha Cuông", "Khá", "Ten", "Mới", "Hồng Sọt",
    "Búng", "Pọng", "Nong Háng", "Trạm Củ", "Pá Liếng", "Chiềng Đông", "Nậm Cứm", "Thẳm Mú", "Bua", "Tìa Ló",
    "Nà Cái", "Hin", "Hoa Ban", "Tát Hẹ", "Xuân Tre", "Pá Ban", "Huổi Hỏm",
]
LOWLAND_HAMLETS = [
    "Tân Lập", "Đông Tiến", "Thái Học", "Quyết Thắng", "Hồng Sơn", "Thanh Bình", "Tân Phong", "Đoàn Kết",
    "Thống Nhất", "Bình Minh", "Tân Tiến", "Hòa Bình", "Trung Tâm", "Xuân Hòa", "Tiền Phong", "Tân Thanh",
    "Đồng Tâm", "Hợp Thành", "Thắng Lợi", "Quyết Tiến",
]
SCHOOL_NAMES = {
    "Mầm non": ["Hoa Ban", "Hoa Sen", "Sơn Ca", "Họa Mi", "Ban Mai", "Ánh Dương", "Búp Sen Xanh", "Hướng Dương"],
    "Tiểu học": ["Kim Đồng", "Võ Thị Sáu", "Nguyễn Văn Trỗi", "Lý Tự Trọng", "Ẳng Nưa", "Ẳng Cang", "Xuân Lao",
                 "Búng Lao"],
    "THCS": ["Lê Quý Đôn", "Chu Văn An", "Nguyễn Trãi", "Ẳng Tở", "Mường Đăng", "Ngối Cáy"],
    "PTDTBT THCS": ["Ẳng Cang", "Mường Lạn", "Xuân Lao", "Nặm Lịch"],
    "THPT": ["Mường Ảng", "Búng Lao"],
}
# Offices and other units: (name after "Chi bộ", kind, workplace, ethnic profile, typical jobs).
UNITS = [
    ("Cơ quan Đảng – Đoàn thể xã", "agency", "Đảng ủy – Ủy ban MTTQ xã Mường Ảng", "civil"),
    ("Cơ quan Ủy ban nhân dân xã", "agency", "UBND xã Mường Ảng", "civil"),
    ("Trạm Y tế xã", "agency", "Trạm Y tế xã Mường Ảng", "health"),
    ("Công an xã", "armed_forces", "Công an xã Mường Ảng", "police"),
    ("Quân sự xã", "armed_forces", "Ban Chỉ huy Quân sự xã Mường Ảng", "army"),
    ("Hợp tác xã Cà phê Mường Ảng", "enterprise", "HTX Nông nghiệp Cà phê Mường Ảng", "coffee"),
    ("Trung tâm Dịch vụ tổng hợp xã", "agency", "Trung tâm Dịch vụ tổng hợp xã Mường Ảng", "civil"),
    ("Phòng Giao dịch Ngân hàng Chính sách xã hội", "agency", "Phòng Giao dịch NHCSXH Mường Ảng", "bank"),
    ("Điện lực Mường Ảng", "enterprise", "Điện lực Mường Ảng", "power"),
    ("Hạt Kiểm lâm", "agency", "Hạt Kiểm lâm Mường Ảng", "forest"),
    ("Công ty TNHH Chè Búng Lao", "enterprise", "Công ty TNHH Chè Búng Lao", "coffee"),
    ("Bưu điện xã", "enterprise", "Bưu điện xã Mường Ảng", "post"),
    ("Người cao tuổi", "other", "", "retired"),
]
