"""The organisation and its branches: header lines and term, branches, yearly quotas, settings, local values of
the configurable Party rules, and the working-day calendar (public holidays and the user's own days)."""
