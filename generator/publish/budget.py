"""What the publish branch takes as a host serves it (every version folder, `latest/` and the root: the
files of its tree, not git's packed store), and the budget in data/site.yaml (`publish.budget_mb`) that a
publication may not cross. A host counts every file where it is served: `latest/` is a second copy of the
newest version, and a version that is byte for byte the one before still counts whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.history.archive import Entry, to_remove
from generator.lang.messages import t
from generator.model.dataset import Retention
from generator.model.paths import SHARED
from generator.publish.branch import tree_files

MB = 1_000_000  # as hosts count (GitHub Pages: 1 GB)
# retention policies to suggest, the most generous first: each keeps less than the one before
POLICIES = tuple(Retention(days, then) for then in ("month", "season", "year") for days in (365, 182, 91, 28))


@dataclass(frozen=True)
class Hosted:
    bytes: int
    files: int

    @property
    def mb(self) -> float:
        return self.bytes / MB


def branch_files(branch: str) -> dict[str, int]:
    """Every file of the branch's tree (path → bytes); none when there is no branch yet."""
    return {path: f.size for path, f in tree_files(branch).items()}


def hosted(files: dict[str, int]) -> Hosted:
    return Hosted(sum(files.values()), len(files))


def after_publishing(files: dict[str, int], site: Path, version: str, aliases: tuple[str, ...],
                     removed: tuple[str, ...], shared: dict[str, Path] | None = None) -> dict[str, int]:
    """The branch's files once `site` is committed as `version`, each alias (latest) a copy of it, the
    shared files (`shared`: each one's path on the branch → its file; publish/shared.py) added once at the
    root, and the versions in `removed` taken off (the shared files only they showed are counted still: the
    estimate errs on the safe side)."""
    gone = {version, *aliases, *removed}
    out = {p: n for p, n in files.items() if _folder(p) not in gone or p.startswith(SHARED + "/")}
    for path, file in (shared or {}).items():
        out[path] = file.stat().st_size
    for path in site.rglob("*"):
        if path.is_file():
            rel, size = path.relative_to(site).as_posix(), path.stat().st_size
            for folder in (version, *aliases):
                out[f"{folder}/{rel}"] = size
    return out


def _folder(path: str) -> str:
    """The version folder (or latest/, or _shared/) a file is in; "" for the root's files."""
    return path.split("/", 1)[0] if "/" in path else ""


def check(files: dict[str, int], budget_mb: int, log: tuple[Entry, ...], removed: tuple[str, ...]) -> str | None:
    """None when the branch's files (after this publication, the last of `log`) fit the budget; otherwise
    what to do, naming the oldest versions to take off and a retention policy that would fit."""
    total, budget = sum(files.values()), budget_mb * MB
    if total <= budget:
        return None
    folders: Counter[str] = Counter()
    for path, size in files.items():
        folders[_folder(path)] += size

    def without(versions) -> int:
        return total - sum(folders[v] for v in set(versions))

    online = [e.version for e in log[:-1] if e.online and e.version not in removed]
    thin: list[str] = []
    for version in online:  # the oldest first, until the rest fits
        if without(thin) <= budget:
            break
        thin.append(version)
    left = without(thin)
    policy = next((p for p in POLICIES if without(to_remove(log, p)) <= budget), None)
    if left > budget:
        advice = t("even this version alone ({size} MB with latest/) is over it: raise publish.budget_mb",
                   size=round(left / MB))
    else:
        advice = t("taking off the {n} oldest version(s) ({versions}) would leave {size} MB", n=len(thin),
                   versions=", ".join(thin[:3]) + (", …" if len(thin) > 3 else ""), size=round(left / MB))
        if policy:
            advice += t("; the retention policy «every_week_for_days: {days}, then: {then}» in data/site.yaml "
                        "would keep it inside", days=policy.every_week_for_days, then=policy.then)
        advice += t("; or raise publish.budget_mb")
    return t("the publish branch would take {size} MB in {files} files as a host serves it, over publish.budget_mb "
             "({budget} MB) in data/site.yaml; nothing was published: {advice}",
             size=round(total / MB), files=len(files), budget=budget_mb, advice=advice)
