"""Names of files and folders of the built site that more than one stage needs to know."""

from __future__ import annotations

# the files of Pagefind's search index that hold the site's text (gzip-compressed): the site stage writes
# them, the audit reads them
INDEX_SUFFIXES = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")

# each chart as an image to take away (SVG and PNG, charts/poster.py): the site stage writes them once the
# charts are drawn, the pages link to them
CHART_IMAGES = "downloads/charts"
