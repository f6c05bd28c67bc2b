"""The load stage: every data file (YAML, CSV, the boundaries) read into nodes that remember their line; no rule is
checked here."""
