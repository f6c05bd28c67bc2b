"""`portal serve`: MkDocs' live preview of content/, with content/ regenerated whenever data/ changes.

Two watchers in a chain, no MkDocs hook: a watchdog observer on data/ re-runs the generator (debounced),
and `mkdocs serve` (watching content/) rebuilds and reloads the browser. When the data are broken the
problems are printed and the preview keeps showing the last good pages.
"""

from __future__ import annotations

import threading

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from . import pipeline
from .problems import DataProblems


def regenerate(project: pipeline.Project) -> bool:
    try:
        result = pipeline.generate(project, warm=False)
    except DataProblems as exc:
        for problem in exc.problems:
            print(problem.format(), flush=True)
        print(f"{len(exc.errors)} error(s) in data/; the preview shows the last good pages", flush=True)
        return False
    print(f"regenerated {result.pages} pages ({len(result.written)} changed, {len(result.removed)} removed)",
          flush=True)
    return True


class _OnChange(FileSystemEventHandler):
    def __init__(self, project: pipeline.Project, delay: float = 0.3):
        self.project, self.delay = project, delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event) -> None:
        if event.is_directory or str(event.src_path).endswith(("~", ".swp", ".tmp")):
            return
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, regenerate, [self.project])
            self._timer.daemon = True
            self._timer.start()


def serve(project: pipeline.Project, dev_addr: str) -> None:
    regenerate(project)
    observer = Observer()
    observer.schedule(_OnChange(project), str(project.data), recursive=True)
    observer.start()
    try:
        mkdocs_serve(config_file=str(project.mkdocs_yml), dev_addr=dev_addr, docs_dir=str(project.content))
    finally:
        observer.stop()
        observer.join()
