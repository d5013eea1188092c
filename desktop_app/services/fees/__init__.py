"""Party fees (đảng phí): each member's fee bases with their effective dates, exemptions and reductions (bases),
who owes what for which month (standing, dues), the fee ledger of payments per member and month and its totals
(ledger), the month's summary and the branch's fee book (summary), what the fees workbook holds (workbook), and
the strike-off reminder for fees unpaid three months in a year (strike_off).

The amounts come from the rules engine (core.rules.fees: Decision 342-QĐ/TW to 01/2026, Regulation 01-QĐ/TW from
02/2026). Not here: the fee column of a meeting's attendance and the figure its minutes state (meetings/, which
records through this room), printing the fee book (desktop_app.reports) and its workbook (interchange/)."""
