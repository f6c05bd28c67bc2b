"""The transparency portal's generator: data/ → validated dataset → Markdown pages → MkDocs site."""

__version__ = "0.1.0"
