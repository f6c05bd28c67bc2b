"""The log of every publication, and the retention policy that thins old versions off the publish branch.

Each version carries the whole log up to itself in `downloads/publications.json`: every publication ever
made, in order (the meeting it covers, the data commit it was built from, whether it was backfilled, what
it corrects, the revisions of data/revisions.yaml it first published, and, for a version taken off the
branch by the retention policy, the publication that took it off). The newest version's log is the
complete one; publish.py reads it from the branch and appends the new publication. The archive page of
each version lists the log, so a version taken off the branch stays listed in every later publication.

The retention policy (data/site.yaml `retention`) keeps every publication whose meeting is at most
`every_week_for_days` days before the newest one, and of the older ones the last of each Jalali month
(`then: month`), season (`season`: three months) or year (`year`), or all of them (`then: all`). The
newest publication always stays.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from generator.lang.jalali import JMonth, parse_jalali
from generator.model.dataset import Retention

LOG = "downloads/publications.json"  # in each version: the log up to and including it


@dataclass(frozen=True)
class Entry:
    version: str  # "1400-06-03", or "1400-06-03-2" for the second publication of that meeting (a correction)
    title: str  # Persian: «جلسهٔ ۳ شهریور ۱۴۰۰» or «جلسهٔ ۳ شهریور ۱۴۰۰، اصلاحیهٔ ۱»
    meeting: str  # the date of the latest meeting it covers
    source: str  # the commit of the data it was built from (short)
    backfilled: bool = False
    corrects: str | None = None  # for a correction: the version it corrects
    revisions: tuple[str, ...] = ()  # ids of data/revisions.yaml entries it published first
    removed_in: str | None = None  # the publication whose retention policy took it off the branch

    @property
    def online(self) -> bool:
        return self.removed_in is None


def meeting_of(version: str) -> str:
    """The meeting date of a version id: «1400-06-03-2» → «1400-06-03»."""
    return version[:10]


def dumps(log: tuple[Entry, ...]) -> str:
    return json.dumps({"publications": [{**asdict(e), "revisions": list(e.revisions)} for e in log]},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def loads(text: str) -> tuple[Entry, ...]:
    return tuple(Entry(**{**e, "revisions": tuple(e.get("revisions", ()))})
                 for e in json.loads(text)["publications"])


def published_revisions(log: tuple[Entry, ...]) -> frozenset[str]:
    return frozenset(r for e in log for r in e.revisions)


def to_remove(log: tuple[Entry, ...], retention: Retention | None) -> tuple[str, ...]:
    """The versions still online that the policy takes off, given the log with the newest publication last."""
    online = [e for e in log if e.online]
    if retention is None or retention.then == "all" or len(online) < 2:
        return ()
    newest = parse_jalali(online[-1].meeting)
    horizon = newest.plus_days(-retention.every_week_for_days)
    old = [e for e in online[:-1] if parse_jalali(e.meeting) < horizon]
    last_of: dict[tuple[int, int], str] = {}
    for e in old:  # in publication order: the last one of a month (season, year) wins
        last_of[_period(JMonth.of(parse_jalali(e.meeting)), retention.then)] = e.version
    keep = set(last_of.values())
    return tuple(e.version for e in old if e.version not in keep)


def _period(month: JMonth, then: str) -> tuple[int, int]:
    """The period of which the retention policy keeps the last publication: a month, a season or a year."""
    if then == "season":
        return month.year, (month.month - 1) // 3
    if then == "year":
        return month.year, 0
    return month.year, month.month


def with_removals(log: tuple[Entry, ...], removed: tuple[str, ...], by: str) -> tuple[Entry, ...]:
    gone = set(removed)
    return tuple(replace(e, removed_in=by) if e.version in gone else e for e in log)
