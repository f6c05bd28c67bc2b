"""The audit stage: what the built site serves, checked for personal data, small cells, formulas and the
disclosure attack."""
