"""How every worker process a build starts behaves when the build is gone."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent(parent: int, every: float = 0.5) -> None:
    """In a pool worker (its initializer): end when the build that started it is gone.

    A worker holds its own copy of the task queue's write end, so a build
    killed with SIGKILL never sends it the end of the queue: a reader worker
    would wait for work forever, and the search index worker would finish a
    job of minutes for nobody, one orphan per core per killed build. A daemon
    thread notices the new parent (the worker is handed to init) and exits.
    """
    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
