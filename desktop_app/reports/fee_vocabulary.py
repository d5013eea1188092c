"""The fixed wording of the fee book and of the fee part of the monthly report, in the language in force
(``pgettext("document", …)`` like reports.vocabulary; the Vietnamese catalog gives the terms of the Party's
financial books: sổ thu, nộp đảng phí, trích nộp cấp trên, để lại chi bộ)."""

from __future__ import annotations

from desktop_app.i18n import pgettext


class FeeWords:
    """The fee phrases, translated when the object is made (one per document)."""

    def __init__(self) -> None:
        self.type_book = pgettext("document", "BOOK OF PARTY FEES COLLECTED AND REMITTED")
        self.sum_book = pgettext("document", "{period}")
        self.basis_line = pgettext("document", "Rules applied: {source}.")
        self.h_members = pgettext("document", "FEES OF EACH MEMBER")
        self.h_month = pgettext("document", "FEES COLLECTED AND REMITTED IN THE MONTH")
        self.h_owing = pgettext("document", "MEMBERS OWING PARTY FEES")
        self.col_basis = pgettext("document", "Fee computed from")
        self.col_due = pgettext("document", "Due for the month")
        self.col_paid = pgettext("document", "Paid for the month")
        self.col_other = pgettext("document", "Paid for other months")
        self.col_owed = pgettext("document", "Still owed")
        self.not_itemised = pgettext("document", "The fees of this month were recorded as the branch's totals, not "
                                                 "member by member.")
        self.unitemised = pgettext("document", "Collected on {date} before fees were recorded per member: "
                                               "{amount} đồng.")
        self.collected = pgettext("document", "Party fees collected in the month: {amount} đồng.")
        self.split = pgettext("document", "Remitted to the committee above ({percent}%): {remitted} đồng; kept by "
                                          "the branch: {kept} đồng ({source}).")
        self.split_uncited = pgettext("document", "Remitted to the committee above ({percent}%): {remitted} đồng; "
                                                  "kept by the branch: {kept} đồng.")
        self.split_unset = pgettext("document", "The share a grassroots branch remits upward is not set "
                                                "(Settings): nothing is worked out as remitted.")
        self.owing_line = pgettext("document", "{name}: {months} ({amount} đồng).")
        self.no_owing = pgettext("document", "No member owes Party fees.")
        self.as_of = pgettext("document", "Amounts owed as of {date}.")
        self.keeper = pgettext("document", "KEEPER OF THE BOOK")
        # The monthly report.
        self.h_fees = pgettext("document", "PARTY FEES")
        self.mr_fees = pgettext("document", "Due for the month: {due} đồng; paid for the month: {paid} đồng by "
                                            "{payers} of {members} members owing a fee.")
        self.mr_owing = pgettext("document", "Members owing Party fees: {names}.")
