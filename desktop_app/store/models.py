"""The whole data model (design.md §3) as peewee models.

Table names are peewee's defaults (the class name in lower case); outside tools read the file.
Every table has an integer id, a unique UUID4 ``uid`` (records merge across PCs without
collisions) and ``created_at``/``updated_at``. NOT NULL columns carry a database-side DEFAULT so
that rows written by other tools or later migrations stay valid. Codes come from core.enums.
"""

from __future__ import annotations

import datetime as dt
import uuid

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DeferredForeignKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop_app.core import clock
from desktop_app.store.db import database


def new_uid() -> str:
    return str(uuid.uuid4())


def now() -> dt.datetime:
    return clock.now().replace(microsecond=0)


def _text(**kw) -> TextField:
    """A NOT NULL text column defaulting to '' on both sides."""
    return TextField(default="", constraints=[SQL("DEFAULT ''")], **kw)


def _flag(default: bool = False, **kw) -> BooleanField:
    return BooleanField(default=default, constraints=[SQL(f"DEFAULT {int(default)}")], **kw)


def _int(default: int = 0, **kw) -> IntegerField:
    return IntegerField(default=default, constraints=[SQL(f"DEFAULT {default}")], **kw)


class BaseModel(Model):
    uid = CharField(unique=True, default=new_uid, max_length=36)
    created_at = DateTimeField(default=now, constraints=[SQL("DEFAULT CURRENT_TIMESTAMP")])
    updated_at = DateTimeField(default=now, constraints=[SQL("DEFAULT CURRENT_TIMESTAMP")])

    class Meta:
        database = database

    def save(self, *args, **kwargs):
        self.updated_at = now()
        return super().save(*args, **kwargs)


class StaleRowError(Exception):
    """The row was saved by someone else since *instance* was read: nothing was written."""

    def __init__(self, instance):
        super().__init__(f"{instance._meta.table_name} {instance.id} changed since it was read")
        self.instance = instance


class Versioned(BaseModel):
    """A record people edit in a form: its version rises with each save, and a save of a row read at an
    older version than the stored one writes nothing and raises StaleRowError, so no one's work is
    overwritten (services.common.versions turns it into a message naming who saved; migration 4)."""

    version = _int()

    def save(self, force_insert=False, only=None):
        if force_insert or self._pk is None:
            return super().save(force_insert=force_insert, only=only)
        read = self.version or 0
        self.version, self._read_version = read + 1, read
        if only is not None:
            only = [*only, type(self).version]
        try:
            rows = super().save(only=only)
        finally:
            self._read_version = None
        if rows != 1:
            self.version = read
            raise StaleRowError(self)
        return rows

    def _pk_expr(self):
        expression = super()._pk_expr()
        read = getattr(self, "_read_version", None)
        return expression if read is None else expression & (type(self).version == read)


class Organisation(Versioned):
    name = CharField()  # the issuing body, e.g. "ĐẢNG BỘ XÃ MƯỜNG ẢNG" or "CHI BỘ …"
    superior_body = _text()  # the body directly above, first header line
    place = _text()  # for the dateline ("Mường Ảng, ngày …")
    issuer_code = CharField(default="CB", constraints=[SQL("DEFAULT 'CB'")])
    term = _text()  # committee term used for document numbering, e.g. "2025-2030"
    is_grassroots_branch = _flag()  # chi bộ cơ sở: no grassroots committee between branch and the committee above
    authorised_to_admit = _flag()  # the grassroots committee is authorised to decide admissions
    superior_committee = _text()  # "cấp ủy cấp trên trực tiếp" (configurable since 1/7/2025)
    address = _text()
    deleted_at = DateTimeField(null=True)
    signer = _text()  # the committee secretary's name, under the organisation's own documents (migration 3)


class Branch(Versioned):
    organisation = ForeignKeyField(Organisation, backref="branches", on_delete="RESTRICT")
    code = CharField(unique=True, max_length=32)
    name = CharField()
    name_fold = _text(index=True)
    kind = CharField(default="other", constraints=[SQL("DEFAULT 'other'")])
    rural = _flag()
    secretary = DeferredForeignKey("Person", null=True, on_delete="SET NULL")
    deputy = DeferredForeignKey("Person", null=True, on_delete="SET NULL")
    active = _flag(True)
    note = _text()
    deleted_at = DateTimeField(null=True)


class Person(Versioned):
    branch = ForeignKeyField(Branch, backref="people", null=True, on_delete="RESTRICT")
    full_name = CharField()
    name_fold = _text(index=True)  # accent-folded, for type-ahead ranges
    sort_key = _text(index=True)  # given name, then middle, then family (core.text.name_sort_key)
    gender = CharField(default="male", constraints=[SQL("DEFAULT 'male'")])
    birth_date = DateField(null=True)
    birth_place = _text()
    ethnicity = CharField(default="Kinh", constraints=[SQL("DEFAULT 'Kinh'")])
    religion = CharField(default="Không", constraints=[SQL("DEFAULT 'Không'")])
    cccd = CharField(null=True, unique=True, max_length=12)  # citizen ID, 12 digits kept as text
    phone = _text()
    home_town = _text()
    residence = _text()
    education = _text()  # general education, e.g. "12/12"
    professional_level = _text()
    theory_level = _text()  # core.enums.TheoryLevel
    occupation = _text()
    workplace = _text()
    position = _text()
    youth_union = _flag()
    trade_union = _flag()
    categories = _text()  # comma-separated core.enums.Category codes
    status = CharField(default="prospect", index=True, constraints=[SQL("DEFAULT 'prospect'")])
    card_number = CharField(null=True, max_length=32)
    admission_date = DateField(null=True)  # date written in the admission decision: party age runs from it
    ceremony_date = DateField(null=True)  # probation runs 12 months from it
    official_date = DateField(null=True)
    joined_branch_date = DateField(null=True)  # start of activity in this branch
    note = _text()
    deleted_at = DateTimeField(null=True, index=True)
    # The member form's record and the central database's fields (migration 5). home_town, birth_place (the
    # place of birth registration) and residence (the permanent residence) above stay the whole line as printed;
    # these hold its parts (core.places), from which the line is written again when they are edited.
    other_names = _text()  # bí danh, tên gọi khác
    old_id_number = _text()  # the old identity card (CMND), 9 or 12 digits
    foreign_language = _text()  # "Tiếng Anh B1"
    it_level = _text()  # "Tin học cơ bản"
    card_issued_on = DateField(null=True)
    card_issued_place = _text()
    card_number_qd85 = _text()  # the card number under Decision 85 (Party-wide card exchange)
    home_town_country = _text()
    home_town_province = _text()
    home_town_detail = _text()
    birth_place_country = _text()
    birth_place_province = _text()
    birth_place_detail = _text()
    residence_country = _text()
    residence_province = _text()
    residence_detail = _text()
    # No official transfer while under inspection, discipline review or complaint handling (294-QĐ/TW 6.3.1).
    under_inspection = _flag()
    inspection_reason = _text()
    # Leaving for good is known (a decision took effect, a move for good): the official transfer is due to start
    # within 60 working days of moving_on.
    moving_on = DateField(null=True)
    moving_to = _text()
    # Residence contact (Quy định 213-QĐ/TW): the branch of the place of residence a member working in an agency
    # or enterprise keeps in touch with, one of ours or named in words.
    residence_branch = ForeignKeyField(Branch, null=True, on_delete="SET NULL", backref="+")
    residence_contact = _text()
    # A former member (re-admission, 294-QĐ/TW 3.5): how and when they left the Party and the grounds that matter.
    left_party_on = DateField(null=True)
    left_party_how = _text()  # core.member_codes.LeavingKind
    left_party_grounds = _text()  # comma-separated core.member_codes.LeavingGround codes
    conviction = _text()  # core.member_codes.ConvictionKind
    record_cleared_on = DateField(null=True)

    class Meta:
        indexes = ((("branch", "status"), False),)


class StageEvent(BaseModel):
    person = ForeignKeyField(Person, backref="stage_events", on_delete="CASCADE")
    stage = CharField(index=True)
    date = DateField(index=True)
    document_ref = _text()
    note = _text()
    policy_version = _text()
    meeting = DeferredForeignKey("Meeting", null=True, on_delete="SET NULL")
    received_on = DateField(null=True)  # a decision: the day the branch received it (deadlines run from it)

    class Meta:
        indexes = ((("stage", "date"), False),)  # migration 3


class MembershipEvent(BaseModel):
    """One dated change of a person's place in the organisation's branches (migration 4): admission,
    recognition, transfers in and out, moves between branches, temporary activity, exemption, death,
    striking off. Every count of members on a date is replayed from these (services.people.membership)."""

    # The composite indexes below serve the foreign keys too.
    person = ForeignKeyField(Person, backref="membership", on_delete="CASCADE", index=False)
    branch = ForeignKeyField(Branch, backref="membership_events", on_delete="RESTRICT", index=False)  # concerned
    kind = CharField()  # core.enums.MembershipKind
    date = DateField()
    other_branch = ForeignKeyField(Branch, null=True, on_delete="SET NULL", backref="+", index=False)  # move: left
    standing = _text()  # a member arriving (transfer in, on record): official or probationary
    place = _text()  # where a transfer comes from or goes to, where a temporary activity is
    document_ref = _text()
    note = _text()
    stage_event = ForeignKeyField(StageEvent, null=True, on_delete="CASCADE", backref="+")  # the step it came with
    # A transfer or move (migration 5): the date of the introduction paper (document_ref holds its number), the
    # day the decision behind a transfer out took effect, and the day the new organisation confirmed the member
    # reported to it.
    paper_date = DateField(null=True)
    effective_on = DateField(null=True)
    reported_on = DateField(null=True)

    class Meta:
        indexes = ((("branch", "date"), False), (("person", "date"), False), (("other_branch", "date"), False))


class Award(BaseModel):
    """An award of a member (khen thưởng): the kind as the decision names it, its date and number, who gave it
    (migration 5)."""

    person = ForeignKeyField(Person, backref="awards", on_delete="CASCADE")
    kind = CharField()  # "Huân chương Lao động hạng Ba", "Bằng khen của Chủ tịch UBND tỉnh"
    date = DateField(null=True)
    decision = _text()  # number of the decision
    by_whom = _text()  # the authority that awarded it
    note = _text()


class ResidenceComment(BaseModel):
    """The yearly comment of the residence branch on a member working in an agency or enterprise (Quy định
    213-QĐ/TW; migration 5): one a year, taken into the member's grading."""

    person = ForeignKeyField(Person, backref="residence_comments", on_delete="CASCADE")
    year = IntegerField()
    received_on = DateField(null=True)
    author = _text()  # the branch committee (or secretary) that commented
    text = _text()

    class Meta:
        indexes = ((("person", "year"), True),)


class DossierItem(BaseModel):
    person = ForeignKeyField(Person, backref="dossier", on_delete="CASCADE")
    code = CharField()  # core.enums.DossierCode
    number = _text()
    date = DateField(null=True)
    status = CharField(default="received", constraints=[SQL("DEFAULT 'received'")])
    note = _text()

    class Meta:
        indexes = ((("person", "code"), False),)


class Sponsorship(BaseModel):
    sponsor = ForeignKeyField(Person, backref="sponsoring", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="sponsors", on_delete="CASCADE")
    role = CharField()  # core.enums.SponsorRole
    start = DateField()
    end = DateField(null=True)
    end_reason = _text()
    together_since = DateField(null=True)  # worked, studied or lived alongside since (introducer rule)
    meeting = DeferredForeignKey("Meeting", null=True, on_delete="SET NULL")
    policy_version = _text()


class Meeting(Versioned):
    branch = ForeignKeyField(Branch, backref="meetings", on_delete="RESTRICT")
    date = DateField(index=True)
    kind = CharField(default="regular", constraints=[SQL("DEFAULT 'regular'")])
    place = _text()
    start_time = CharField(null=True, max_length=5)  # "HH:MM"
    end_time = CharField(null=True, max_length=5)
    chair = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    secretary = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    theme = _text()  # topic of a thematic meeting
    # Party fees collected, in đồng, as the adopted minutes state it: set when the minutes are adopted (the fee
    # ledger's total of the month then); before schema version 7 typed by hand (moved into the ledger then).
    fees_collected = _int()
    evaluation = _text()  # last month's evaluation
    current_affairs = _text()
    next_tasks = _text()
    discussion = _text()
    conclusion = _text()
    status = CharField(default="draft", constraints=[SQL("DEFAULT 'draft'")])
    adopted_on = DateField(null=True)
    addenda = _text()  # JSON list of {"date": ISO date, "text": …}, appended after adoption only
    deleted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("branch", "date"), False),)


class Attendance(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="attendance", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="attendance", on_delete="CASCADE")
    status = CharField(default="present", constraints=[SQL("DEFAULT 'present'")])
    reason = _text()
    member_status = _text()  # the person's status at the meeting (official, probationary…), for counts
    reason_accepted = _flag()  # the convener accepted the reason of the absence (294-QĐ/TW 9.3.2; migration 4)

    class Meta:
        indexes = ((("meeting", "person"), True), (("status", "meeting"), False))  # the second: migration 2


class Decision(Versioned):
    meeting = ForeignKeyField(Meeting, backref="decisions", on_delete="CASCADE")
    kind = CharField()  # core.enums.DecisionKind
    subject = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="decisions")
    sponsor = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")  # helper assignments
    title = _text()
    text = _text()
    yes = _int()
    no = _int()
    abstain = _int()
    denominator = _int()  # official members less those not counted, when voted
    passed = _flag()
    policy_version = _text()
    document_number = _text()


class ProgressNote(Versioned):
    person = ForeignKeyField(Person, backref="progress_notes", on_delete="CASCADE")
    author = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    meeting = ForeignKeyField(Meeting, null=True, backref="progress_notes", on_delete="SET NULL")
    date = DateField()
    strengths = _text()
    weaknesses = _text()
    recommendation = _text()


class ActionItem(Versioned):
    meeting = ForeignKeyField(Meeting, backref="action_items", on_delete="CASCADE")
    text = TextField()
    responsible = ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    due = DateField(null=True)
    done = _flag()
    done_on = DateField(null=True)
    carried_to = ForeignKeyField(Meeting, null=True, on_delete="SET NULL", backref="carried_items")
    carried_from = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")  # the task it continues


class Quota(BaseModel):
    organisation = ForeignKeyField(Organisation, backref="quotas", on_delete="CASCADE")
    branch = ForeignKeyField(Branch, null=True, backref="quotas", on_delete="CASCADE")  # null: whole organisation
    year = IntegerField()
    target = _int()

    class Meta:
        indexes = ((("organisation", "branch", "year"), True),)


class DocumentCounter(BaseModel):
    issuer = CharField()
    type_code = CharField()
    term = CharField()
    last_number = _int()

    class Meta:
        indexes = ((("issuer", "type_code", "term"), True),)


class IssuedDocument(BaseModel):
    """One numbered document as it was issued (the register of issued documents, migration 6).

    A reprint prints the same number and date again and adds no row; a new version takes a new number
    and adds a row pointing at the one it replaces."""

    kind = CharField()  # the report kind: "monthly", "quota", "resolution"
    issuer = CharField()  # DocumentCounter.issuer: whose number sequence ("branch:<uid>", "org:<uid>")
    type_code = CharField()  # "BC", "NQ"
    term = _text()
    number = _int()
    symbol = CharField()  # "01-BC/CB", as printed after "Số"
    date = DateField()  # the document's date, printed in its dateline
    branch = ForeignKeyField(Branch, null=True, backref="issued_documents", on_delete="SET NULL")
    decision = ForeignKeyField(Decision, null=True, backref="issued_documents", on_delete="SET NULL")
    covers_key = CharField()  # what the document is about, for finding it again: "2026-11", "2026", a decision uid
    covers = _text()  # the same for people: "11/2026", "2026", "Tòng Văn Hải (03/11/2026)"
    title = _text()  # type and summary, as printed
    lang = _text()  # the language it was printed in
    version = _int(1)
    supersedes = ForeignKeyField("self", null=True, backref="superseded_by", on_delete="SET NULL")

    class Meta:
        indexes = ((("issuer", "kind", "covers_key"), False), (("date",), False))


class AuditEntry(BaseModel):
    at = DateTimeField(default=now)
    actor = _text()
    action = CharField()  # create, update, delete, restore, export, print, …
    table = CharField(column_name="table_name")
    record_uid = _text(index=True)
    before = _text()  # JSON
    after = _text()  # JSON
    prev_hash = _text()
    hash = _text()
    row_hash = _text()  # the written row as stored after the write ("deleted": the write removed it); migration 8
    scheme = _int(1)  # how the hash is made: 1 unkeyed (before migration 8), 2 keyed (services.common.audit_chain)


class MemberFeeBasis(BaseModel):
    """What a member's monthly Party fee is computed from, from ``effective`` on (core.rules.fees.FeeBasis)."""

    person = ForeignKeyField(Person, backref="fee_bases", on_delete="CASCADE")
    effective = DateField()
    kind = CharField()  # core.member_codes.FeeBasisKind
    income = _int()  # đồng a month: salary, pension, wage-fund income or allowance
    group = CharField(column_name="fee_group", default="", constraints=[SQL("DEFAULT ''")])  # FeeGroup (fixed kind)
    area = _text()  # FeeArea (fixed kind)
    amount = _int()  # đồng a month set by the committee (set_amount kind)
    beyond_working_age = _flag()
    decision = _text()  # the committee's decision (number and date) for a set or waived amount
    note = _text()

    class Meta:
        indexes = ((("person", "effective"), True),)


class FeeRelief(BaseModel):
    """An exemption (percent 100) or reduction of a member's Party fee for months first..last
    (core.rules.fee_relief)."""

    person = ForeignKeyField(Person, backref="fee_reliefs", on_delete="CASCADE")
    percent = _int(100)
    ground = CharField(default="hardship", constraints=[SQL("DEFAULT 'hardship'")])  # FeeReliefGround
    first_month = DateField()  # the first day of the first month
    last_month = DateField(null=True)  # the first day of the last month; None: until revoked
    decision = _text()  # number and date of the decision (by the committee above, or a grassroots branch)
    note = _text()


class FeePayment(BaseModel):
    """Party fee received for one month of one member (the fee ledger, sổ thu nộp đảng phí).

    ``month`` is the first day of the month paid for; ``paid_on`` the day the money was received, which puts it in
    that month's collection. A row without a person is a branch's total collected before fees were recorded per
    member (schema version 7 moved the totals typed at meetings here).
    """

    person = ForeignKeyField(Person, null=True, backref="fee_payments", on_delete="CASCADE")
    branch = ForeignKeyField(Branch, backref="fee_payments", on_delete="RESTRICT")
    month = DateField()
    amount = _int()
    paid_on = DateField()
    meeting = ForeignKeyField(Meeting, null=True, backref="fee_payments", on_delete="SET NULL")
    note = _text()

    class Meta:
        indexes = ((("person", "month"), True), (("branch", "paid_on"), False), (("branch", "month"), False))


class Setting(BaseModel):
    key = CharField(unique=True)
    value = _text()  # JSON


# ---- the Party year: discipline, annual grading, Party badges (migration 10) --------------------------------


class DisciplineRecord(BaseModel):
    """A disciplinary measure decided against a member (Party Charter Articles 35–36, Regulation 296-QĐ/TW)."""

    person = ForeignKeyField(Person, backref="disciplines", on_delete="CASCADE")
    kind = CharField()  # core.member_codes.DisciplineKind
    decided_on = DateField(index=True)  # the day it took effect (a branch's: when its vote was announced)
    decision_number = _text()
    decided_by = CharField(default="branch", constraints=[SQL("DEFAULT 'branch'")])  # DisciplineAuthority
    body = _text()  # the deciding body as the decision names it
    reason = _text()
    remedied = _flag()  # the member admitted the fault, found it and remedied it (grading may judge otherwise)
    note = _text()
    deleted_at = DateTimeField(null=True)


class GradingRound(BaseModel):
    """The organisation's annual grading of its members and branches for one year (Regulation 366-QĐ/TW)."""

    organisation = ForeignKeyField(Organisation, backref="grading_rounds", on_delete="CASCADE")
    year = IntegerField()
    grading_date = DateField()  # the day the grading is made: the six months of a new member count to it
    opened_on = DateField()
    note = _text()

    class Meta:
        indexes = ((("organisation", "year"), True),)


class BranchGrading(BaseModel):
    """A branch in a round: the meeting that proposed its members' grades, and the committee's grade of the
    branch itself (locked once given)."""

    round = ForeignKeyField(GradingRound, backref="branches", on_delete="CASCADE")
    branch = ForeignKeyField(Branch, backref="gradings", on_delete="RESTRICT")
    meeting_on = DateField(null=True)  # the branch meeting that proposed the grades
    voters = IntegerField(null=True)  # official members voting at it
    outstanding = _flag()  # a unit recognised as outstanding: "excellent" up to 25 % of "good"
    self_grade = _text()  # the grade the branch proposes for itself (OrganisationGrade)
    grade = _text()  # the committee's grade of the branch
    graded_on = DateField(null=True)  # the day the committee graded the branch: locked from then

    class Meta:
        indexes = ((("round", "branch"), True),)


class MemberGrade(BaseModel):
    """One member's grading in a round: the self-assessment, the branch's proposal with its vote and the
    committee's grade, each dated; locked once the committee has decided (committee_on)."""

    round = ForeignKeyField(GradingRound, backref="members", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="grades", on_delete="CASCADE")
    branch = ForeignKeyField(Branch, backref="+", on_delete="RESTRICT")  # the official branch that grades them
    self_grade = _text()
    self_text = _text()
    self_on = DateField(null=True)
    branch_grade = _text()
    branch_yes = IntegerField(null=True)
    branch_voters = IntegerField(null=True)
    branch_on = DateField(null=True)
    committee_grade = _text()  # a draft until committee_on is set
    committee_on = DateField(null=True)
    suspended = _flag()
    sick_months = _int()
    maternity = _flag()
    host_comment = _text()  # temporarily active elsewhere: the host branch's comments
    note = _text()

    class Meta:
        indexes = ((("round", "person"), True), (("person", "round"), False))


class GradeCorrection(BaseModel):
    """A dated correction of a decided grade (a member's or a branch's): the only change a decision accepts."""

    member_grade = ForeignKeyField(MemberGrade, null=True, backref="corrections", on_delete="CASCADE")
    branch_grading = ForeignKeyField(BranchGrading, null=True, backref="corrections", on_delete="CASCADE")
    corrected_on = DateField()
    before = _text()
    after = _text()
    reason = _text()
    document_ref = _text()


class PartyBadge(BaseModel):
    """A Party badge awarded to a member for a milestone of party age (Huy hiệu Đảng)."""

    person = ForeignKeyField(Person, backref="badges", on_delete="CASCADE")
    years = IntegerField()  # the milestone
    awarded_on = DateField()
    decision_number = _text()
    posthumous = _flag()
    note = _text()

    class Meta:
        indexes = ((("person", "years"), True),)


ALL_MODELS = [
    Organisation, Branch, Person, StageEvent, MembershipEvent, DossierItem, Sponsorship, Meeting, Attendance,
    Decision, ProgressNote, ActionItem, Quota, DocumentCounter, AuditEntry, Setting, IssuedDocument,
    MemberFeeBasis, FeeRelief, FeePayment, Award, ResidenceComment,
    DisciplineRecord, GradingRound, BranchGrading, MemberGrade, GradeCorrection, PartyBadge,
]
