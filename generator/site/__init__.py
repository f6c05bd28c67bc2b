"""The site stage: the MkDocs build (with the audit beside it) and the Pagefind search index."""
