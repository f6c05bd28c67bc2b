"""The live preview's regeneration and its MkDocs build take turns with content/ (preview/turns.py)."""

from __future__ import annotations

import importlib.util
import threading
import time

from generator.preview import turns


def _hook():
    """preview/hook.py as MkDocs loads it: from its file, as a module of its own."""
    spec = importlib.util.spec_from_file_location("portal_preview_hook", turns.__file__.replace("turns.py", "hook.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build_when_let(hook, started: list[float]) -> threading.Thread:
    def build() -> None:
        hook.on_pre_build(None)
        started.append(time.monotonic())
        hook.on_post_build(None)

    thread = threading.Thread(target=build)
    thread.start()
    return thread


def test_mkdocs_builds_only_once_the_pages_are_written_and_never_while_they_are_touched() -> None:
    hook = _hook()
    started: list[float] = []
    with turns.Regeneration() as turn:
        assert not turns.CONTENT.locked()  # reading and rendering: MkDocs may build meanwhile
        turn.again()  # the pages are about to be written
        thread = _build_when_let(hook, started)
        time.sleep(0.3)
        assert started == []  # the pages are being written: the build waits
        given = time.monotonic()
        turn.pages_written()
        thread.join(5)
        assert started and started[0] >= given  # it built once they were
        turn.again()  # the banner changed: every page is touched, in the regeneration's turn
        thread = _build_when_let(hook, started)
        time.sleep(0.3)
        assert len(started) == 1
        touched = time.monotonic()
    thread.join(5)
    assert len(started) == 2 and started[1] >= touched
    assert not turns.CONTENT.locked()


def test_a_failed_build_gives_content_back_and_never_the_regenerations_turn() -> None:
    hook = _hook()
    hook.on_pre_build(None)
    hook.on_build_error(RuntimeError("a page failed"))
    assert not turns.CONTENT.locked()
    with turns.Regeneration() as turn:
        turn.again()
        hook.on_build_error(RuntimeError("before the build took its turn"))  # e.g. its config failed
        assert turns.CONTENT.locked()  # still the regeneration's
    assert not turns.CONTENT.locked()


def test_the_downloads_wait_for_the_build_that_shows_the_pages() -> None:
    """pages_written(changed=True): the regeneration goes on (to the downloads) only once MkDocs has built,
    so the two do not share the interpreter; without a change, or before MkDocs runs, it does not wait."""
    hook = _hook()
    ended: list[float] = []

    def build() -> None:
        hook.on_pre_build(None)
        time.sleep(0.4)
        ended.append(time.monotonic())
        hook.on_post_build(None)

    with turns.Regeneration() as turn:
        turn.again()
        thread = threading.Thread(target=build)
        thread.start()
        turn.pages_written(changed=True)
        went_on = time.monotonic()
    thread.join(5)
    assert ended and went_on >= ended[0]
    started = time.monotonic()
    with turns.Regeneration(mkdocs_running=False) as turn:
        turn.again()
        turn.pages_written(changed=True)
    with turns.Regeneration() as turn:
        turn.again()
        turn.pages_written(changed=False)
    assert time.monotonic() - started < 1


def test_the_regeneration_writes_pages_and_downloads_only_in_its_turn(tmp_path) -> None:
    """pipeline.Writes: begin() before the pages and again before the downloads, pages_written() between;
    a build never sees content/ change under it."""
    from generator import pipeline
    from helpers import make_project

    project = pipeline.Project.at(make_project(tmp_path / "p"))
    pipeline.generate(project, warm=False)
    calls: list[tuple[str, bool]] = []
    held_at: list[bool] = []

    def begin() -> None:
        calls.append(("begin", False))

    def pages_written(changed: bool) -> None:
        calls.append(("pages", changed))

    original = pipeline.write.write_downloads

    def watched(*args, **kwargs):
        held_at.append(calls[-1][0] == "begin")  # every download written after a begin(), none after pages
        return original(*args, **kwargs)

    pipeline.write.write_downloads = watched
    try:
        meeting = sorted((project.data / "meetings").glob("*.yaml"))[0]
        meeting.write_text(meeting.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        pipeline.generate(project, warm=False, writes=pipeline.Writes(begin, pages_written))
    finally:
        pipeline.write.write_downloads = original
    assert [c[0] for c in calls] == ["begin", "pages", "begin"], calls
    assert held_at and held_at[:2] == [True, True]  # the cards and the embed pages, in the pages' turn
    assert all(held_at), held_at
