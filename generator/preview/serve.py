"""`portal serve`: MkDocs' live preview of content/, with content/ regenerated whenever data/ changes.

Two watchers in a chain: a watchdog observer on data/ re-runs the generator (debounced), and `mkdocs
serve` (watching content/) rebuilds and reloads the browser. When the data are broken (or the generator
fails in any other way) the preview keeps running and showing the last good pages, with the problems,
each as `path:line: field: message`, at the top of every page (preview/banner.py, through preview/hook.py, a
hook given to the preview's MkDocs only) and in the terminal.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from generator import pipeline
from generator.lang.messages import render, said_text, t
from generator.load.files import FileMemo
from generator.model.problems import DataProblems, Problem, capped, more_line, report_lines
from generator.preview import banner as preview
from generator.preview.turns import Regeneration

HOOK = Path(__file__).with_name("hook.py")
CHANGES = frozenset({"created", "modified", "moved", "deleted", "closed"})  # "closed": closed after writing


def regenerate(project: pipeline.Project, lang: str = "en", memo: FileMemo | None = None,
               mkdocs_running: bool = True) -> bool:
    """Generate content/ again, and show its outcome in the preview (the banner; the terminal); True when the
    pages were made. `memo`: what the last regeneration read (only the files saved since are read again);
    `mkdocs_running`: False for the first one, made before the preview's MkDocs starts."""
    # the preview's MkDocs builds while this reads and renders, and between the pages and the downloads,
    # never while either is written, nor while the banner touches every page
    with Regeneration(mkdocs_running) as turn:
        places, summary = _regenerate(project, lang, memo, turn)
        turn.again()
        preview.report(project.content, places, summary, lang)
        return not summary


def _regenerate(project: pipeline.Project, lang: str, memo: FileMemo | None, turn: Regeneration
                ) -> tuple[list[tuple[str, str]], str]:
    """The problems for the banner (each place and what to do) and its summary; none when the pages were made."""
    def pages_written(changed: bool) -> None:
        turn.pages_written(changed)  # which waits for MkDocs' build of the changed pages
        gc.enable()

    # after the first, no garbage collection until the pages are written and built: with the data the memo
    # keeps, a full collection walks millions of objects (a tenth of a second or more, at any moment of a
    # save, the preview's MkDocs' build included); one regeneration's garbage waits for it
    if memo is not None and memo.read:
        gc.disable()
    try:
        # the Persian edition only: MkDocs' preview serves mkdocs.yml's pages (the English edition is built by
        # `portal build`), and a save is shown sooner without the English pages no one sees here
        result = pipeline.generate(project, warm=False, memo=memo, writes=pipeline.Writes(turn.again, pages_written),
                                   english=False)
    except DataProblems as exc:
        summary = render(t("{n} error(s) in data/; the preview shows the last good pages. Fix them and save: the "
                           "preview follows.", n=len(exc.errors)), lang)
        for line in report_lines(exc.problems, lang):
            print(line, flush=True)
        print(summary, flush=True)
        return [(p.where(), p.explain(lang)) if isinstance(p, Problem) else (f"{p[0]}:", more_line(*p, lang=lang)
                                                                            .split(": ", 1)[1])
                for p in capped(exc.problems)], summary
    except Exception as exc:  # the preview must keep running whatever the generator meets
        failed = t("the pages could not be generated: {detail}",
                   detail=t("{kind}: {message}", kind=type(exc).__name__, message=said_text(exc)))
        print(render(t("error: {message}", message=failed), lang), flush=True)
        return [], render(failed, lang)
    finally:
        gc.enable()
    print(render(t("regenerated {pages} pages ({written} changed, {removed} removed)", pages=result.pages,
                   written=len(result.written), removed=len(result.removed)), lang), flush=True)
    return [], ""


class _OnChange(FileSystemEventHandler):
    """Regenerates once the events of a save have settled (`delay`), one regeneration at a time: an editor
    or `sed -i` saves in several events, and a regeneration can take seconds; a change made meanwhile
    makes one more run after it, never a second run beside it (both would write the same files)."""

    def __init__(self, project: pipeline.Project, lang: str, memo: FileMemo, delay: float = 0.1):
        self.project, self.lang, self.memo, self.delay = project, lang, memo, delay
        self._changed = threading.Event()
        threading.Thread(target=self._loop, daemon=True).start()

    def on_any_event(self, event) -> None:
        # a change, not a read: watchdog also reports each file opened and closed unwritten, and the
        # generator reads every data file, so reacting to those would regenerate for ever
        if event.event_type not in CHANGES or event.is_directory:
            return
        if str(event.src_path).endswith(("~", ".swp", ".tmp")) and event.event_type != "moved":
            return
        self._changed.set()

    def _loop(self) -> None:
        while True:
            self._changed.wait()
            while self._changed.is_set():  # until a whole `delay` passes without an event
                self._changed.clear()
                time.sleep(self.delay)
            try:
                regenerate(self.project, self.lang, self.memo)
            except Exception as exc:
                print(render(t("error: {message}", message=t("the preview could not record this change: {kind}: "
                                                             "{detail}", kind=type(exc).__name__, detail=str(exc))),
                             self.lang), flush=True)


def serve(project: pipeline.Project, dev_addr: str, lang: str = "en") -> None:
    preview.use_charts(project.cache / "charts")
    memo = FileMemo()  # what the data files held at the last regeneration: one regeneration at a time uses it
    regenerate(project, lang, memo, mkdocs_running=False)
    observer = Observer()
    observer.schedule(_OnChange(project, lang, memo), str(project.data), recursive=True)
    observer.start()
    _show_mkdocs_messages()
    try:
        # not strict: a warning (a link to a page not generated yet) must not stop the preview, as it
        # stops `portal build`; MkDocs prints it, and the preview goes on. "dirty": after the first build,
        # MkDocs renders again only the pages whose Markdown is newer than their HTML (the generator rewrites
        # only the pages that changed), so a saved meeting file rebuilds a few pages, not all of them; when
        # the banner comes or goes, preview/banner.py touches every page, and all are rendered again
        mkdocs_serve(config_file=str(project.mkdocs_yml), dev_addr=dev_addr, docs_dir=str(project.content),
                     hooks=[str(HOOK)], strict=False, build_type="dirty")
    finally:
        observer.stop()
        observer.join()


def _show_mkdocs_messages() -> None:
    """MkDocs' own messages (where it serves, what it rebuilt, each warning), as its command line shows them:
    run in this process, MkDocs has no handler for its log otherwise, and its warnings would go unseen."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "portal_preview", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
        handler.addFilter(_not_the_dirty_warning)
        handler.portal_preview = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns at each dirty build that its navigation may be inaccurate: it is not here (the
    navigation is mkdocs.yml's, the same for every page, and no page's HTML depends on another's Markdown),
    and a warning at every save would hide the ones that matter."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
