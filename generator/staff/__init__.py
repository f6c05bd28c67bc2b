"""Tools for staff: the meeting scaffold, the synthetic example data, and the data files' hygiene hook."""
