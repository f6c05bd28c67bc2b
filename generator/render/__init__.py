"""The render stage: Markdown from the Jinja templates, the downloads (CSV, XLSX, JSON, the data package), the API
and the feed."""
