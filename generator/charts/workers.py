"""Stopping a pool of worker processes at once (the chart workers, the audit beside MkDocs).

`ProcessPoolExecutor.shutdown` waits for each worker to finish what it is doing, and has no public way to
stop them before Python 3.14; after a failure (or when a result is no longer wanted) that wait is only
delay, so each worker is terminated first. The one place that reaches into the pool's processes.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Terminate every worker of `pool`, then shut it down (queued tasks cancelled)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
