"""The pages stage: which pages the site has and the figures (tables and charts) each one shows."""
