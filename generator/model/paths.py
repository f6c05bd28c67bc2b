"""Names of files and folders of the built site that more than one stage needs to know."""

from __future__ import annotations

# the files of Pagefind's search index that hold the site's text (gzip-compressed): the site stage writes
# them, the audit reads them
INDEX_SUFFIXES = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")

# each chart as an image to take away (SVG and PNG, charts/poster.py): the site stage writes them once the
# charts are drawn, the pages link to them
CHART_IMAGES = "downloads/charts"

# what versions of the site share, stored once by content (charts/inline.py writes the charts' drawings
# there): under site/ for a site served on its own, at the root of the publish branch for its versions
# (publish/shared.py), where each version's pages reach it one folder up
SHARED = "_shared"

# the closed seasons of every figure's vintages (history/vintages.py), in the shared folder
SHARED_VINTAGES = f"{SHARED}/vintages"

# every protected cell of a publication (publication.Publication.to_json): the downloads stage writes it, the
# audit and the next publication read it
CELLS = "downloads/cells.json"
