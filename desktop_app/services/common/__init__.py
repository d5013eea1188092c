"""What every service uses: the transaction (tx), typed errors, field checks (validation), the audit trail every
write records in (audit), soft delete, settings stored in the database, and the sentence a failure shows
(failures, environment). Nothing here knows a domain; domain rules live in the rooms beside it."""
