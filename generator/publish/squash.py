"""`portal squash`: the publish branch's history replaced by one commit holding exactly its tree, every
version kept byte for byte."""

from __future__ import annotations

from dataclasses import dataclass

from generator import pipeline
from generator.lang.messages import said_text, t
from generator.publish.branch import (
    BRANCH,
    PublishError,
    branch_exists,
    check_repository,
    git,
    in_repository,
    stored_bytes,
    versions,
)


@dataclass(frozen=True)
class Squashed:
    commits: int  # commits of the branch before
    versions: tuple[str, ...]  # every folder at the root of the branch: each version, latest, the root files
    before_bytes: int  # what the repository's objects took before (git count-objects), and after
    after_bytes: int


def squash(project: pipeline.Project, branch: str = BRANCH, push: str | None = None) -> Squashed:
    """Replace the branch's history by one commit holding exactly its current tree, so every version on it
    stays byte for byte (the same tree object), and let git drop what only the old history held: versions
    the retention policy took off, and the commits and trees of every earlier state. Then pack what is
    left with deltas between versions (git gc --aggressive). With `push`, force the branch to the remote,
    but only if the remote still has the history that was squashed (--force-with-lease)."""
    with in_repository(project.root):
        check_repository(project)
        if not branch_exists(branch):
            raise PublishError(t("there is no branch {branch} to squash: publish first", branch=branch))
        tip = git("rev-parse", f"refs/heads/{branch}")
        before = stored_bytes()
        commits = int(git("rev-list", "--count", tip))
        tree = git("rev-parse", f"{tip}^{{tree}}")
        names = tuple(git("ls-tree", "--name-only", tree).splitlines())
        online = [v["version"] for v in versions(branch)]
        message = (f"Squash the history of {branch}: {commits} commits into one, with the same files: "
                   f"{len(online)} version(s) online ({', '.join(reversed(online))}) and latest")
        squashed = git("commit-tree", tree, "-m", message)
        git("update-ref", "-m", "portal squash", f"refs/heads/{branch}", squashed, tip)
        if push:
            try:
                git("push", f"--force-with-lease={branch}:{tip}", push, f"refs/heads/{branch}:refs/heads/{branch}")
            except PublishError as exc:
                git("update-ref", "-m", "portal squash: undone", f"refs/heads/{branch}", tip, squashed)
                raise PublishError(t("{remote} does not have the history that was squashed: someone published "
                                     "since, or publications made here were never pushed. Nothing was changed. Push "
                                     "or fetch {branch} so that both are the same, then squash again. ({detail})",
                                     remote=push, branch=branch, detail=said_text(exc))) from None
        # the old history stays reachable from the reflogs of the branch (and of its remote-tracking copies)
        refs = git("for-each-ref", "--format=%(refname)", f"refs/heads/{branch}", f"refs/remotes/*/{branch}")
        git("reflog", "expire", "--expire=now", *refs.split())
        git("gc", "--aggressive", "--prune=now", "--quiet")
        return Squashed(commits, names, before, stored_bytes())
