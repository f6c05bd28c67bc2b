"""The theme's templates compiled once for as long as the preview runs: MkDocs makes a new Jinja environment
for every build, which compiles every template it renders again (a tenth of a second of each save's
build at scale 1); this keeps their compiled code between builds (preview/hook.py gives it to each
build's environment). A template whose source changed (an edit in site_overrides/) has another checksum,
and is compiled again."""

from __future__ import annotations

import jinja2

_KEPT: dict[str, bytes] = {}  # the bucket's key (the template's name and file) -> its compiled code


class Compiled(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _KEPT.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja compares the checksum of the source, and resets if it differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _KEPT[bucket.key] = bucket.bytecode_to_string()
