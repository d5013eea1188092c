"""What every service uses: the transaction (tx) and the kinds of data it changed (changes), typed errors, field
checks (validation), the audit trail every write records in (audit), soft delete, every setting declared once with
its default (settings), and the sentence a failure shows (failures, environment). Nothing here knows a domain;
domain rules live in the rooms beside it."""
