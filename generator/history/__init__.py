"""The history stage: the archive of publications and what changed since the previous one."""
