"""`portal publish --backfill`: every meeting not yet on the branch published in order, each from the data
as they stood at that meeting, marked as backfilled."""

from __future__ import annotations

import dataclasses
import tempfile
import time
from pathlib import Path

from mike import git_utils

from generator import pipeline
from generator.history import archive
from generator.lang.jalali import parse_jalali
from generator.publish.as_of import data_as_of
from generator.publish.branch import BRANCH, check_committed, check_repository, in_repository, versions
from generator.publish.publish import Published, meeting_days, publish_one


def backfill(project: pipeline.Project, branch: str = BRANCH, push: str | None = None,
             report=lambda done, seconds: None) -> list[Published]:
    """Publish every meeting after the newest version on the branch (all of them on an empty branch), in
    order, each built from the data as they stood at that meeting (data_as_of) and marked as backfilled;
    `report` hears of each publication as it is made."""
    published = []
    with in_repository(project.root):
        check_repository(project)
        check_committed(project)
        online = versions(branch)
        newest = parse_jalali(archive.meeting_of(online[0]["version"])) if online else None
        with tempfile.TemporaryDirectory(prefix="portal-backfill-") as tmp:
            for day in meeting_days(project):
                if newest is not None and day <= newest:
                    continue
                started = time.perf_counter()
                data = Path(tmp) / day.iso
                data_as_of(project.data, day, data)
                done = publish_one(dataclasses.replace(project, data=data), day, branch, backfilled=True,
                                    committed=False)
                published.append(done)
                report(done, time.perf_counter() - started)
        if push and published:
            git_utils.push_branch(push, branch)
    return published
