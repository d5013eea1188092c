"""The fixed wording of printed Party documents, in the language in force.

Every phrase is a ``pgettext("document", …)`` call with an English msgid, so the catalogs carry
it like any other string. Until the Vietnamese catalog has them, ``FALLBACK_VI`` supplies the
original official terms (Hướng dẫn 36-HD/VPTW; the Mẫu …-KNĐ forms; common minutes wording), so
Vietnamese documents print correctly today. A catalog translation, once present, always wins.

``CODE_LABELS_VI`` does the same for the labels of stored codes (core.enums) that documents print.
"""

from __future__ import annotations

from desktop_app.core.enums import Codes
from desktop_app.i18n import current_language, pgettext


class Words:
    """All document phrases, translated when the object is made (make one per document)."""

    def __init__(self) -> None:
        # Header, signature and recipients (HD36 boxes 1–3, 7, 9).
        self.party_heading = pgettext("document", "COMMUNIST PARTY OF VIETNAM")
        self.number_prefix = pgettext("document", "No.")
        self.on_behalf_branch = pgettext("document", "ON BEHALF OF THE BRANCH")
        self.on_behalf_committee = pgettext("document", "ON BEHALF OF THE PARTY COMMITTEE")
        self.secretary = pgettext("document", "SECRETARY")
        self.chair = pgettext("document", "CHAIR")
        self.minutes_taker = pgettext("document", "RECORDING SECRETARY")
        self.recipients = pgettext("document", "Recipients:")
        self.recipient_report = pgettext("document", "{body} (for report),")
        self.recipient_members = pgettext("document", "Party members of the branch,")
        self.recipient_file = pgettext("document", "Branch file.")
        self.recipient_file_committee = pgettext("document", "Committee office file.")
        self.form = pgettext("document", "Form {code}")
        self.committee_of = pgettext("document", "Party Committee of {name}")
        # Document types and summaries (HD36 box 5a).
        self.type_minutes = pgettext("document", "MINUTES")
        self.type_report = pgettext("document", "REPORT")
        self.type_resolution = pgettext("document", "RESOLUTION")
        self.type_list = pgettext("document", "LIST")
        self.period = pgettext("document", "{month_name} {year}")
        self.sum_minutes_regular = pgettext("document", "of the regular branch meeting, {period}")
        self.sum_minutes_thematic = pgettext("document", "of the thematic branch meeting, {period}")
        self.sum_minutes_combined = pgettext("document", "of the regular and thematic branch meeting, {period}")
        self.sum_minutes_extraordinary = pgettext("document", "of the extraordinary branch meeting of {date}")
        self.sum_monthly = pgettext("document", "on the work of {period} and the tasks for {next_period}")
        self.sum_candidates = pgettext("document", "of candidates for admission and probationary members, as of {date}")
        self.sum_sponsors = pgettext("document", "of the members assigned to help and introduce, as of {date}")
        self.sum_quota = pgettext("document", "on admissions against the quota, {year}")
        self.sum_signin = pgettext("document", "of members attending the branch meeting of {date}")
        self.sum_res_admission = pgettext("document", "proposing admission to the Party")
        self.sum_res_recognition = pgettext("document", "proposing recognition as an official member")
        # Common table words.
        self.col_no = pgettext("document table", "No.")  # the first column of a list, "TT" in Vietnamese
        self.col_name = pgettext("document", "Full name")
        self.col_date = pgettext("document", "Date")
        self.col_note = pgettext("document", "Note")
        self.col_branch = pgettext("document", "Branch")
        self.total = pgettext("document", "Total")
        self.none = pgettext("document", "none")
        self.comrade = pgettext("document", "comrade {name}")
        self.clock = pgettext("document", "{hours}:{minutes}")
        # Minutes.
        self.m_time = pgettext("document", "Time: the meeting opened at {time} on {date}.")
        self.m_time_date = pgettext("document", "Time: {date}.")
        self.m_place = pgettext("document", "Place: {place}.")
        self.m_chair = pgettext("document", "Chair: comrade {name}, {role}.")
        self.m_chair_plain = pgettext("document", "Chair: comrade {name}.")
        self.m_secretary = pgettext("document", "Recording secretary: comrade {name}.")
        self.m_fees = pgettext("document", "Party fees collected: {amount} đồng.")
        self.m_theme = pgettext("document", "Theme: {theme}.")
        self.h_attendance = pgettext("document", "ATTENDANCE")
        self.h_proceedings = pgettext("document", "PROCEEDINGS")
        self.h_addenda = pgettext("document", "ADDENDA")
        self.branch_secretary = pgettext("document", "branch secretary")
        self.c_total = pgettext("document", "Members of the branch: {total} ({official} official, {probationary} "
                                            "probationary).")
        self.c_exempt = pgettext("document", "Exempt from activities: {n}.")
        self.c_elsewhere = pgettext("document", "Temporarily active in another branch: {n}.")
        self.c_present = pgettext("document", "Present: {n} ({official} official, {probationary} probationary).")
        self.c_excused = pgettext("document", "Absent with reason: {n}")
        self.c_unexcused = pgettext("document", "Absent without reason: {n}")
        self.c_guests = pgettext("document", "Temporary members and guests: {n}")
        self.c_rate = pgettext("document", "Attendance: {rate} of the members expected.")
        self.s_evaluation = pgettext("document", "Evaluation of last month's work")
        self.s_current = pgettext("document", "Current affairs and new policies")
        self.s_theme = pgettext("document", "Thematic discussion: {theme}")
        self.s_next = pgettext("document", "Tasks for next month")
        self.s_discussion = pgettext("document", "Discussion")
        self.s_sponsors = pgettext("document", "Reports of the members assigned to help")
        self.s_decisions = pgettext("document", "Votes")
        self.s_conclusion = pgettext("document", "Conclusion of the chair")
        self.s_actions = pgettext("document", "Tasks assigned")
        self.sp_line = pgettext("document", "Comrade {author} on {person}:")
        self.sp_strengths = pgettext("document", "Strengths: {text}")
        self.sp_weaknesses = pgettext("document", "Shortcomings: {text}")
        self.sp_recommendation = pgettext("document", "Recommendation: {text}")
        self.d_votes = pgettext("document", "In favour: {yes}/{denominator} ({percent}); against: {no}; abstaining: "
                                            "{abstain}.")
        self.d_votes_plain = pgettext("document", "In favour: {yes}; against: {no}; abstaining: {abstain}.")
        self.d_two_thirds = pgettext("document", "Required: at least two thirds of the {denominator} official members "
                                                 "counted ({needed} votes).")
        self.d_majority = pgettext("document", "Required: more than half of the {denominator} members counted "
                                               "({needed} votes).")
        self.d_passed = pgettext("document", "Result: adopted.")
        self.d_failed = pgettext("document", "Result: not adopted.")
        self.a_responsible = pgettext("document", "responsible: comrade {name}")
        self.a_due = pgettext("document", "due {date}")
        self.m_closed = pgettext("document", "The meeting closed at {time} the same day.")
        self.m_adopted = pgettext("document", "The minutes were read to the meeting and adopted on {date}.")
        self.m_draft = pgettext("document", "Draft minutes, not yet adopted by the branch.")
        self.addendum = pgettext("document", "Addendum of {date}: {text}")
        # Monthly report.
        self.h_membership = pgettext("document", "MEMBERSHIP")
        self.h_meetings = pgettext("document", "BRANCH MEETINGS")
        self.h_development = pgettext("document", "PARTY DEVELOPMENT")
        self.h_tasks = pgettext("document", "TASKS FOR {period}")
        self.mr_members = pgettext("document", "On {date} the branch has {total} members: {official} official, "
                                               "{probationary} probationary and {exempt} exempt from activities.")
        self.mr_changes = pgettext("document", "Changes during the month:")
        self.mr_no_changes = pgettext("document", "No changes during the month.")
        self.col_change = pgettext("document", "Change")
        self.mr_meetings = pgettext("document", "Meetings held in the month: {n}.")
        self.mr_no_meeting = pgettext("document", "The branch held no meeting in the month.")
        self.col_kind = pgettext("document", "Kind")
        self.col_expected = pgettext("document", "Expected")
        self.col_present = pgettext("document", "Present")
        self.col_rate = pgettext("document", "Rate")
        self.col_excused = pgettext("document", "Absent with reason")
        self.col_unexcused = pgettext("document", "Absent without reason")
        self.mr_absent_excused = pgettext("document", "Absent with reason: {names}.")
        self.mr_absent_unexcused = pgettext("document", "Absent without reason: {names}.")
        self.mr_pipeline = pgettext("document", "Sources for admission: {prospects} outstanding mass members, "
                                                "{sympathisers} Party sympathisers and {applicants} applicants; "
                                                "{probationary} probationary members.")
        self.mr_admitted = pgettext("document", "Admitted in {year}: {admitted} against a target of {target} "
                                                "({percent}).")
        self.mr_admitted_no_target = pgettext("document", "Admitted in {year}: {admitted} (no target set).")
        self.mr_planned = pgettext("document", "Tasks agreed at the meeting:")
        self.mr_open_tasks = pgettext("document", "Tasks still open:")
        self.mr_no_tasks = pgettext("document", "No open tasks.")
        self.col_task = pgettext("document", "Task")
        self.col_responsible = pgettext("document", "Responsible")
        self.col_due = pgettext("document", "Due")
        # Candidates and sponsors.
        self.h_candidates = pgettext("document", "CANDIDATES FOR ADMISSION")
        self.h_probationary = pgettext("document", "PROBATIONARY MEMBERS")
        self.col_name_birth = pgettext("document", "Full name, year of birth")
        self.col_step = pgettext("document", "Current step")
        self.col_certificate = pgettext("document", "Awareness class certificate")
        self.col_dossier = pgettext("document", "Dossier")
        self.col_deadline = pgettext("document", "Next deadline")
        self.col_ceremony = pgettext("document", "Admission ceremony")
        self.col_probation_end = pgettext("document", "End of probation")
        self.cert_valid = pgettext("document", "{date}, valid until {until}")
        self.cert_expired = pgettext("document", "{date}, expired on {until}")
        self.cert_none = pgettext("document", "not yet")
        self.dossier_complete = pgettext("document", "{received}/{required}, complete")
        self.dossier_missing = pgettext("document", "{received}/{required}, missing: {codes}")
        self.dl_certificate = pgettext("document", "certificate expires {date}")
        self.dl_dossier = pgettext("document", "branch vote before {date} (dossier 12 months old)")
        self.dl_recognition = pgettext("document", "recognition vote by {date}")
        self.dl_decision = pgettext("document", "admission decision due by {date}")
        self.dl_ceremony = pgettext("document", "admission ceremony by {date}")
        self.dl_overdue = pgettext("document", "overdue")
        self.no_candidates = pgettext("document", "There are no candidates.")
        self.no_probationary = pgettext("document", "There are no probationary members.")
        self.h_assignments = pgettext("document", "ASSIGNMENTS")
        self.h_loads = pgettext("document", "ASSIGNMENTS OF EACH MEMBER")
        self.col_sponsor = pgettext("document", "Member assigned")
        self.col_person_helped = pgettext("document", "Person helped")
        self.col_role = pgettext("document", "Task")
        self.col_from = pgettext("document", "From")
        self.col_until = pgettext("document", "Until")
        self.col_open = pgettext("document", "Open assignments")
        self.no_assignments = pgettext("document", "There are no assignments.")
        # Quota and statistics.
        self.h_results = pgettext("document", "RESULTS")
        self.h_groups = pgettext("document", "NEW MEMBERS BY GROUP")
        self.h_by_branch = pgettext("document", "RESULTS BY BRANCH")
        self.q_summary = pgettext("document", "Target: {target}; admitted: {admitted}, {percent} of the plan.")
        self.q_summary_no_target = pgettext("document", "Admitted: {admitted}; no target set.")
        self.q_branches = pgettext("document", "Branches that admitted members: {n} of {total}.")
        self.q_as_of = pgettext("document", "Figures as of {date}.")
        self.q_women = pgettext("document", "Women")
        self.q_ethnic = pgettext("document", "Ethnic minorities")
        self.q_religious = pgettext("document", "Religious believers")
        self.q_youth = pgettext("document", "Youth Union members")
        self.q_age = pgettext("document", "Aged 18 to 30")
        self.col_group = pgettext("document", "Group")
        self.col_number = pgettext("document", "Number")
        self.col_share = pgettext("document", "Share")
        self.col_target = pgettext("document", "Target")
        self.col_admitted = pgettext("document", "Admitted")
        self.col_plan = pgettext("document", "% of plan")
        self.col_women = pgettext("document", "Women")
        self.col_ethnic = pgettext("document", "Ethnic minority")
        self.col_religious = pgettext("document", "Religion")
        self.col_youth = pgettext("document", "Youth Union")
        self.col_age = pgettext("document", "Age 18–30")
        # Sign-in sheet.
        self.col_member = pgettext("document", "Member")
        self.col_signature = pgettext("document", "Signature")
        self.official = pgettext("document", "Official")
        self.probationary = pgettext("document", "Probationary")
        self.exempt = pgettext("document", "Exempt")
        self.si_guests = pgettext("document", "Temporary members and guests")
        self.si_total = pgettext("document", "Members summoned: {n}.")
        # Branch resolutions (Mẫu 6-KNĐ, 13-KNĐ).
        self.r_meeting_admission = pgettext("document", "On {date}, {branch} met to consider proposing the admission "
                                                        "of {name} to the Communist Party of Vietnam.")
        self.r_meeting_recognition = pgettext("document", "On {date}, {branch} met to consider proposing that comrade "
                                                          "{name}, a probationary member, be recognised as an "
                                                          "official member of the Communist Party of Vietnam.")
        self.r_absent = pgettext("document", "Absent: {n}.")
        self.r_particulars = pgettext("document", "Particulars:")
        self.r_name = pgettext("document", "Full name: {name}; gender: {gender}; date of birth: {date}.")
        self.r_home = pgettext("document", "Home town: {value}.")
        self.r_residence = pgettext("document", "Residence: {value}.")
        self.r_ethnic = pgettext("document", "Ethnicity: {ethnicity}; religion: {religion}.")
        self.r_education = pgettext("document", "Education: {education}; political theory: {theory}.")
        self.r_occupation = pgettext("document", "Occupation and workplace: {value}.")
        self.r_admitted = pgettext("document", "Admission decision of {date}; admission ceremony on {ceremony}; 12 "
                                               "months of probation ended on {end}.")
        self.r_conclusions = pgettext("document", "The branch's assessment:")
        self.r_votes = pgettext("document", "Official members in favour: {yes} of {denominator} ({percent}); against: "
                                            "{no}; abstaining: {abstain}.")
        self.r_propose_admission = pgettext("document", "The branch proposes that {committee} consider and admit "
                                                        "{name} to the Communist Party of Vietnam.")
        self.r_propose_recognition = pgettext("document", "The branch proposes that {committee} consider and "
                                                          "recognise comrade {name} as an official member of the "
                                                          "Communist Party of Vietnam.")
        self.r_not_passed = pgettext("document", "The proposal did not obtain the votes of two thirds of the official "
                                                 "members of the branch.")
        if current_language() == "vi":
            self.col_no = TABLE_FALLBACK_VI.get(self.col_no, self.col_no)
            for key, value in vars(self).items():
                if value in FALLBACK_VI:
                    setattr(self, key, FALLBACK_VI[value])


def code_label(codes: type[Codes], code: str | None) -> str:
    """The label of a stored code, with the Vietnamese fallback while the catalog lacks it."""
    text = codes.label(code)
    if current_language() == "vi":
        return CODE_LABELS_VI.get(text, text)
    return text


# The original Vietnamese terms, used only while the Vietnamese catalog lacks a phrase.
FALLBACK_VI: dict[str, str] = {
    "COMMUNIST PARTY OF VIETNAM": "ĐẢNG CỘNG SẢN VIỆT NAM",
    "No.": "Số",
    "ON BEHALF OF THE BRANCH": "T/M CHI BỘ",
    "ON BEHALF OF THE PARTY COMMITTEE": "T/M ĐẢNG ỦY",
    "SECRETARY": "BÍ THƯ",
    "CHAIR": "CHỦ TỌA",
    "RECORDING SECRETARY": "THƯ KÝ",
    "Recipients:": "Nơi nhận:",
    "{body} (for report),": "{body} (để báo cáo),",
    "Party members of the branch,": "Đảng viên trong chi bộ,",
    "Branch file.": "Lưu Chi bộ.",
    "Committee office file.": "Lưu Văn phòng Đảng ủy.",
    "Form {code}": "Mẫu {code}",
    "Party Committee of {name}": "Đảng ủy {name}",
    "MINUTES": "BIÊN BẢN",
    "REPORT": "BÁO CÁO",
    "RESOLUTION": "NGHỊ QUYẾT",
    "LIST": "DANH SÁCH",
    "{month_name} {year}": "tháng {month} năm {year}",
    "of the regular branch meeting, {period}": "sinh hoạt chi bộ thường kỳ {period}",
    "of the thematic branch meeting, {period}": "sinh hoạt chi bộ chuyên đề {period}",
    "of the regular and thematic branch meeting, {period}": "sinh hoạt chi bộ thường kỳ kết hợp chuyên đề {period}",
    "of the extraordinary branch meeting of {date}": "sinh hoạt chi bộ bất thường ngày {date}",
    "on the work of {period} and the tasks for {next_period}":
        "kết quả thực hiện nhiệm vụ {period} và phương hướng, nhiệm vụ {next_period}",
    "of candidates for admission and probationary members, as of {date}":
        "nguồn phát triển đảng viên và đảng viên dự bị, tính đến ngày {date}",
    "of the members assigned to help and introduce, as of {date}":
        "đảng viên được phân công giúp đỡ, giới thiệu người vào Đảng, tính đến ngày {date}",
    "on admissions against the quota, {year}": "kết quả thực hiện chỉ tiêu kết nạp đảng viên năm {year}",
    "of members attending the branch meeting of {date}": "đảng viên dự sinh hoạt chi bộ ngày {date}",
    "proposing admission to the Party": "đề nghị kết nạp đảng viên",
    "proposing recognition as an official member": "đề nghị công nhận đảng viên chính thức",
    "Full name": "Họ và tên",
    "Date": "Ngày",
    "Note": "Ghi chú",
    "Branch": "Chi bộ",
    "Total": "Tổng cộng",
    "none": "không",
    "comrade {name}": "đồng chí {name}",
    "{hours}:{minutes}": "{hours} giờ {minutes} phút",
    "Time: the meeting opened at {time} on {date}.": "Thời gian: bắt đầu lúc {time}, {date}.",
    "Time: {date}.": "Thời gian: {date}.",
    "Place: {place}.": "Địa điểm: {place}.",
    "Chair: comrade {name}, {role}.": "Chủ tọa: đồng chí {name}, {role}.",
    "Chair: comrade {name}.": "Chủ tọa: đồng chí {name}.",
    "Recording secretary: comrade {name}.": "Thư ký: đồng chí {name}.",
    "Party fees collected: {amount} đồng.": "Đảng phí thu được: {amount} đồng.",
    "Theme: {theme}.": "Chuyên đề: {theme}.",
    "ATTENDANCE": "TÌNH HÌNH ĐẢNG VIÊN DỰ SINH HOẠT",
    "PROCEEDINGS": "NỘI DUNG SINH HOẠT",
    "ADDENDA": "BỔ SUNG BIÊN BẢN",
    "branch secretary": "Bí thư Chi bộ",
    "Members of the branch: {total} ({official} official, {probationary} probationary).":
        "Tổng số đảng viên của chi bộ: {total} đồng chí (chính thức: {official}, dự bị: {probationary}).",
    "Exempt from activities: {n}.": "Miễn công tác và sinh hoạt đảng: {n} đồng chí.",
    "Temporarily active in another branch: {n}.": "Giới thiệu sinh hoạt tạm thời nơi khác: {n} đồng chí.",
    "Present: {n} ({official} official, {probationary} probationary).":
        "Có mặt: {n} đồng chí (chính thức: {official}, dự bị: {probationary}).",
    "Absent with reason: {n}": "Vắng có lý do: {n} đồng chí",
    "Absent without reason: {n}": "Vắng không có lý do: {n} đồng chí",
    "Temporary members and guests: {n}": "Đảng viên sinh hoạt tạm thời, khách mời: {n} đồng chí",
    "Attendance: {rate} of the members expected.": "Tỷ lệ đảng viên dự sinh hoạt: {rate}.",
    "Evaluation of last month's work": "Đánh giá kết quả thực hiện nhiệm vụ tháng trước",
    "Current affairs and new policies": "Thông tin thời sự, phổ biến chủ trương, chính sách mới",
    "Thematic discussion: {theme}": "Sinh hoạt chuyên đề: {theme}",
    "Tasks for next month": "Phương hướng, nhiệm vụ tháng tới",
    "Discussion": "Ý kiến thảo luận",
    "Reports of the members assigned to help": "Báo cáo của đảng viên được phân công giúp đỡ",
    "Votes": "Biểu quyết",
    "Conclusion of the chair": "Kết luận của chủ tọa",
    "Tasks assigned": "Phân công nhiệm vụ",
    "Comrade {author} on {person}:": "Đồng chí {author} báo cáo về {person}:",
    "Strengths: {text}": "Ưu điểm: {text}",
    "Shortcomings: {text}": "Khuyết điểm: {text}",
    "Recommendation: {text}": "Đề nghị: {text}",
    "In favour: {yes}/{denominator} ({percent}); against: {no}; abstaining: {abstain}.":
        "Tán thành: {yes}/{denominator} đồng chí ({percent}); không tán thành: {no}; không biểu quyết: {abstain}.",
    "In favour: {yes}; against: {no}; abstaining: {abstain}.":
        "Tán thành: {yes}; không tán thành: {no}; không biểu quyết: {abstain}.",
    "Required: at least two thirds of the {denominator} official members counted ({needed} votes).":
        "Yêu cầu: ít nhất 2/3 của {denominator} đảng viên chính thức được tính ({needed} phiếu).",
    "Required: more than half of the {denominator} members counted ({needed} votes).":
        "Yêu cầu: quá một nửa của {denominator} đảng viên được tính ({needed} phiếu).",
    "Result: adopted.": "Kết quả: thông qua.",
    "Result: not adopted.": "Kết quả: không thông qua.",
    "responsible: comrade {name}": "phụ trách: đồng chí {name}",
    "due {date}": "thời hạn: {date}",
    "The meeting closed at {time} the same day.": "Buổi sinh hoạt kết thúc lúc {time} cùng ngày.",
    "The minutes were read to the meeting and adopted on {date}.":
        "Biên bản đã được đọc lại trước chi bộ và thông qua ngày {date}.",
    "Draft minutes, not yet adopted by the branch.": "Biên bản dự thảo, chưa được chi bộ thông qua.",
    "Addendum of {date}: {text}": "Bổ sung ngày {date}: {text}",
    "MEMBERSHIP": "TÌNH HÌNH ĐẢNG VIÊN",
    "BRANCH MEETINGS": "SINH HOẠT CHI BỘ",
    "PARTY DEVELOPMENT": "CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN",
    "TASKS FOR {period}": "PHƯƠNG HƯỚNG, NHIỆM VỤ {period}",
    "On {date} the branch has {total} members: {official} official, {probationary} probationary and {exempt} "
    "exempt from activities.":
        "Tính đến ngày {date}, chi bộ có {total} đảng viên: {official} đảng viên chính thức, {probationary} đảng "
        "viên dự bị và {exempt} đồng chí được miễn công tác và sinh hoạt đảng.",
    "Changes during the month:": "Biến động trong tháng:",
    "No changes during the month.": "Trong tháng không có biến động.",
    "Change": "Nội dung",
    "Meetings held in the month: {n}.": "Số buổi sinh hoạt trong tháng: {n}.",
    "The branch held no meeting in the month.": "Trong tháng chi bộ không tổ chức sinh hoạt.",
    "Kind": "Hình thức",
    "Expected": "Phải dự",
    "Present": "Có mặt",
    "Rate": "Tỷ lệ",
    "Absent with reason": "Vắng có lý do",
    "Absent without reason": "Vắng không lý do",
    "Absent with reason: {names}.": "Vắng có lý do: {names}.",
    "Absent without reason: {names}.": "Vắng không có lý do: {names}.",
    "Sources for admission: {prospects} outstanding mass members, {sympathisers} Party sympathisers and "
    "{applicants} applicants; {probationary} probationary members.":
        "Nguồn phát triển đảng: {prospects} quần chúng ưu tú, {sympathisers} quần chúng cảm tình Đảng, "
        "{applicants} người xin vào Đảng; {probationary} đảng viên dự bị.",
    "Admitted in {year}: {admitted} against a target of {target} ({percent}).":
        "Kết nạp năm {year}: {admitted}/{target} đảng viên theo chỉ tiêu, đạt {percent}.",
    "Admitted in {year}: {admitted} (no target set).": "Kết nạp năm {year}: {admitted} đảng viên (chưa giao chỉ tiêu).",
    "Tasks agreed at the meeting:": "Nhiệm vụ đã được chi bộ thống nhất:",
    "Tasks still open:": "Nhiệm vụ chưa hoàn thành:",
    "No open tasks.": "Không có nhiệm vụ tồn đọng.",
    "Task": "Nhiệm vụ",
    "Responsible": "Người phụ trách",
    "Due": "Thời hạn",
    "CANDIDATES FOR ADMISSION": "QUẦN CHÚNG ƯU TÚ, CẢM TÌNH ĐẢNG, NGƯỜI XIN VÀO ĐẢNG",
    "PROBATIONARY MEMBERS": "ĐẢNG VIÊN DỰ BỊ",
    "Full name, year of birth": "Họ và tên, năm sinh",
    "Current step": "Bước hiện tại",
    "Awareness class certificate": "Giấy chứng nhận học lớp nhận thức về Đảng",
    "Dossier": "Hồ sơ",
    "Next deadline": "Thời hạn tiếp theo",
    "Admission ceremony": "Lễ kết nạp",
    "End of probation": "Hết 12 tháng dự bị",
    "{date}, valid until {until}": "{date}, còn giá trị đến {until}",
    "{date}, expired on {until}": "{date}, hết giá trị từ {until}",
    "not yet": "chưa có",
    "{received}/{required}, complete": "{received}/{required}, đủ",
    "{received}/{required}, missing: {codes}": "{received}/{required}, còn thiếu: {codes}",
    "certificate expires {date}": "giấy chứng nhận hết giá trị {date}",
    "branch vote before {date} (dossier 12 months old)": "chi bộ xét trước {date} (hồ sơ quá 12 tháng)",
    "recognition vote by {date}": "chi bộ xét công nhận chính thức trước {date}",
    "admission decision due by {date}": "cấp ủy có thẩm quyền quyết định kết nạp trước {date}",
    "admission ceremony by {date}": "tổ chức lễ kết nạp trước {date}",
    "overdue": "đã quá hạn",
    "There are no candidates.": "Không có quần chúng trong danh sách.",
    "There are no probationary members.": "Không có đảng viên dự bị.",
    "ASSIGNMENTS": "PHÂN CÔNG GIÚP ĐỠ",
    "ASSIGNMENTS OF EACH MEMBER": "SỐ NGƯỜI MỖI ĐẢNG VIÊN ĐANG GIÚP ĐỠ",
    "Member assigned": "Đảng viên được phân công",
    "Person helped": "Người được giúp đỡ",
    "From": "Từ ngày",
    "Until": "Đến ngày",
    "Open assignments": "Số người đang giúp đỡ",
    "There are no assignments.": "Không có phân công.",
    "RESULTS": "KẾT QUẢ CHUNG",
    "NEW MEMBERS BY GROUP": "CƠ CẤU ĐẢNG VIÊN MỚI KẾT NẠP",
    "RESULTS BY BRANCH": "KẾT QUẢ CỦA TỪNG CHI BỘ",
    "Target: {target}; admitted: {admitted}, {percent} of the plan.":
        "Chỉ tiêu: {target} đảng viên; đã kết nạp: {admitted} đảng viên, đạt {percent} kế hoạch.",
    "Admitted: {admitted}; no target set.": "Đã kết nạp: {admitted} đảng viên; chưa giao chỉ tiêu.",
    "Branches that admitted members: {n} of {total}.": "Số chi bộ kết nạp được đảng viên: {n}/{total}.",
    "Figures as of {date}.": "Số liệu tính đến ngày {date}.",
    "Women": "Nữ",
    "Ethnic minorities": "Người dân tộc thiểu số",
    "Religious believers": "Người có đạo",
    "Youth Union members": "Đoàn viên thanh niên",
    "Aged 18 to 30": "Tuổi đời từ 18 đến 30",
    "Group": "Nội dung",
    "Number": "Số lượng",
    "Share": "Tỷ lệ",
    "Target": "Chỉ tiêu",
    "Admitted": "Đã kết nạp",
    "% of plan": "% kế hoạch",
    "Ethnic minority": "Dân tộc thiểu số",
    "Religion": "Tôn giáo",
    "Youth Union": "Đoàn viên",
    "Age 18–30": "Tuổi 18–30",
    "Member": "Đảng viên",
    "Signature": "Ký tên",
    "Official": "Chính thức",
    "Probationary": "Dự bị",
    "Exempt": "Miễn sinh hoạt",
    "Temporary members and guests": "Đảng viên sinh hoạt tạm thời, khách mời",
    "Members summoned: {n}.": "Tổng số đảng viên triệu tập: {n} đồng chí.",
    "On {date}, {branch} met to consider proposing the admission of {name} to the Communist Party of Vietnam.":
        "Ngày {date}, {branch} đã họp xét đề nghị kết nạp quần chúng {name} vào Đảng Cộng sản Việt Nam.",
    "On {date}, {branch} met to consider proposing that comrade {name}, a probationary member, be recognised "
    "as an official member of the Communist Party of Vietnam.":
        "Ngày {date}, {branch} đã họp xét đề nghị công nhận đảng viên dự bị {name} trở thành đảng viên chính "
        "thức của Đảng Cộng sản Việt Nam.",
    "Absent: {n}.": "Vắng mặt: {n} đồng chí.",
    "Particulars:": "Sơ lược lý lịch:",
    "Full name: {name}; gender: {gender}; date of birth: {date}.": "Họ và tên: {name}; giới tính: {gender}; "
                                                                   "sinh ngày: {date}.",
    "Home town: {value}.": "Quê quán: {value}.",
    "Residence: {value}.": "Nơi cư trú: {value}.",
    "Ethnicity: {ethnicity}; religion: {religion}.": "Dân tộc: {ethnicity}; tôn giáo: {religion}.",
    "Education: {education}; political theory: {theory}.": "Trình độ học vấn: {education}; "
                                                           "lý luận chính trị: {theory}.",
    "Occupation and workplace: {value}.": "Nghề nghiệp, nơi làm việc: {value}.",
    "Admission decision of {date}; admission ceremony on {ceremony}; 12 months of probation ended on {end}.":
        "Quyết định kết nạp ngày {date}; lễ kết nạp ngày {ceremony}; hết 12 tháng dự bị ngày {end}.",
    "The branch's assessment:": "Nhận xét của chi bộ:",
    "Official members in favour: {yes} of {denominator} ({percent}); against: {no}; abstaining: {abstain}.":
        "Số đảng viên chính thức tán thành: {yes}/{denominator} đồng chí, đạt {percent}; không tán thành: {no} "
        "đồng chí; không biểu quyết: {abstain} đồng chí.",
    "The branch proposes that {committee} consider and admit {name} to the Communist Party of Vietnam.":
        "Chi bộ đề nghị {committee} xem xét, kết nạp quần chúng {name} vào Đảng Cộng sản Việt Nam.",
    "The branch proposes that {committee} consider and recognise comrade {name} as an official member of the "
    "Communist Party of Vietnam.":
        "Chi bộ đề nghị {committee} xem xét, công nhận đồng chí {name} là đảng viên chính thức của "
        "Đảng Cộng sản Việt Nam.",
    "The proposal did not obtain the votes of two thirds of the official members of the branch.":
        "Đề nghị không được ít nhất 2/3 tổng số đảng viên chính thức của chi bộ tán thành.",
}

# Phrases of the "document table" context.
TABLE_FALLBACK_VI: dict[str, str] = {"No.": "TT"}

# Labels of stored codes (core.enums msgids) as Vietnamese documents print them, while the catalog lacks them.
CODE_LABELS_VI: dict[str, str] = {
    # Status
    "Outstanding mass member": "Quần chúng ưu tú",
    "Party sympathiser": "Quần chúng cảm tình Đảng",
    "Applicant": "Người xin vào Đảng",
    "Probationary member": "Đảng viên dự bị",
    "Official member": "Đảng viên chính thức",
    "Exempt from activities": "Miễn công tác và sinh hoạt đảng",
    "Transferred out": "Chuyển sinh hoạt đi",
    "Struck off": "Xóa tên",
    "Deceased": "Từ trần",
    "Removed from the candidate list": "Đưa ra khỏi danh sách",
    # Stage
    "Source plan": "Tạo nguồn",
    "Added to the sympathiser list": "Đưa vào danh sách cảm tình Đảng",
    "Helper assigned": "Phân công đảng viên giúp đỡ",
    "Party awareness class": "Học lớp bồi dưỡng nhận thức về Đảng",
    "Application to join the Party": "Đơn xin vào Đảng",
    "Personal history verified": "Thẩm tra lý lịch",
    "Introductions": "Giới thiệu người vào Đảng",
    "Opinions of organisations": "Lấy ý kiến nhận xét của đoàn thể và nơi cư trú",
    "Branch resolution proposing admission": "Chi bộ xét, đề nghị kết nạp",
    "Partial committee appraisal": "Đảng ủy bộ phận thẩm định",
    "Grassroots committee resolution": "Nghị quyết của đảng ủy cơ sở",
    "Admission decision": "Quyết định kết nạp",
    "Admission ceremony": "Lễ kết nạp",
    "New-member class": "Học lớp bồi dưỡng đảng viên mới",
    "Branch resolution proposing recognition": "Chi bộ xét, đề nghị công nhận chính thức",
    "Recognised as official member": "Công nhận đảng viên chính thức",
    "Exempted from activities": "Miễn công tác và sinh hoạt đảng",
    "Returned to activities": "Trở lại sinh hoạt đảng",
    "Transferred in": "Chuyển sinh hoạt đến",
    # Meeting kinds
    "Regular": "Thường kỳ",
    "Thematic": "Chuyên đề",
    "Regular and thematic": "Thường kỳ kết hợp chuyên đề",
    "Extraordinary": "Bất thường",
    # Attendance
    "Present": "Có mặt",
    "Absent with reason": "Vắng có lý do",
    "Absent without reason": "Vắng không lý do",
    "Exempt": "Miễn sinh hoạt",
    "Temporarily elsewhere": "Sinh hoạt tạm thời nơi khác",
    "Guest": "Khách mời",
    # Decisions
    "Admission": "Đề nghị kết nạp đảng viên",
    "Recognition as official member": "Đề nghị công nhận đảng viên chính thức",
    "Helper assignment": "Phân công đảng viên giúp đỡ",
    "Add to the sympathiser list": "Đưa vào danh sách cảm tình Đảng",
    "Remove from the sympathiser list": "Đưa ra khỏi danh sách cảm tình Đảng",
    "Ordinary resolution": "Nghị quyết, kết luận",
    # Sponsor roles
    "Helps the sympathiser": "Giúp đỡ quần chúng cảm tình Đảng",
    "Introduces the applicant": "Giới thiệu người vào Đảng",
    "Helps the probationary member": "Giúp đỡ đảng viên dự bị",
    # Categories
    "Civil servant or public employee": "Cán bộ, công chức, viên chức",
    "Worker": "Công nhân",
    "Farmer": "Nông dân",
    "Pupil or student": "Học sinh, sinh viên",
    "Non-state enterprise": "Làm việc trong doanh nghiệp ngoài nhà nước",
    "Armed forces": "Lực lượng vũ trang",
    "Demobilised soldier": "Bộ đội xuất ngũ",
    "Private business owner": "Chủ doanh nghiệp tư nhân",
    "Retired": "Nghỉ hưu",
    # Gender and theory levels
    "Male": "Nam",
    "Female": "Nữ",
    "Elementary": "Sơ cấp",
    "Intermediate": "Trung cấp",
    "Advanced": "Cao cấp",
    "Bachelor of political science": "Cử nhân chính trị",
}
