"""Documents through worker processes, in input order, with a bounded number in flight.

Documents go to the workers in small batches (fewer round trips between processes); at most
`2 × workers` batches are in flight, so memory stays bounded however long the input is. With one
worker everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

from digestllm.corpus.inputs import Document, DocumentFailure
from digestllm.errors import DigestError

Item = Document | DocumentFailure
S = TypeVar("S")
T = TypeVar("T")

IN_FLIGHT_PER_WORKER = 2
PARENT_CHECK_SECONDS = 0.5
WORKER_ORPHANED_EXIT = 70


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BatchSize:
    """How many documents, and how many characters, at most go to a worker at once."""

    documents: int = 16
    characters: int = 64_000


def batches(items: Iterable[Item], size: BatchSize = BatchSize()) -> Iterator[list[Item]]:
    """Consecutive items in groups of at most `size.documents` documents or `size.characters` characters."""
    batch: list[Item] = []
    characters = 0
    for item in items:
        batch.append(item)
        characters += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= size.documents or characters >= size.characters:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def map_ordered(
    task: Callable[[int, list[Item], S], list[T]],
    items: Iterable[Item],
    setup: S,
    workers: int,
    size: BatchSize = BatchSize(),
) -> Iterator[T]:
    """`task(number, batch, setup)` over the items' numbered batches, on `workers` processes; results
    in input order."""
    if workers <= 1:
        for number, batch in enumerate(batches(items, size)):
            yield from task(number, batch, setup)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(task.__module__), initializer=start_worker)
    pending: deque[Future[list[T]]] = deque()
    try:
        for number, batch in enumerate(batches(items, size)):
            pending.append(pool.submit(task, number, batch, setup))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def start_worker() -> None:
    """What a worker does first: watch its parent, and keep the garbage collector off every object it
    starts with (modules, tables, dictionaries), so that a long run's collections walk only what the
    run makes (about 10% of a corpus run's time otherwise)."""
    exit_with_parent()
    gc.freeze()


def exit_with_parent(every_seconds: float = PARENT_CHECK_SECONDS) -> None:
    """In a worker: end this process once the process that started it is gone (a run killed with -9
    cannot stop its workers, which would otherwise wait forever, or write into a folder a rerun has
    taken over). That process is the run's own under fork and spawn, the fork server under forkserver,
    which ends with the run."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_seconds)
        os._exit(WORKER_ORPHANED_EXIT)

    threading.Thread(target=watch, name="digestllm-parent-watch", daemon=True).start()


def _context(module: str) -> multiprocessing.context.BaseContext:
    """Fork on Linux while this process has no other thread (workers start at once, warm); else a fork server
    with the task's module preloaded (forking beside a running thread can deadlock the child)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([module])
        return context
    return multiprocessing.get_context("spawn")


def _result(future: Future[list[T]]) -> list[T]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise DigestError(
            "a worker process died (out of memory, or killed); the documents finished so far are kept, "
            "rerun the same command to go on"
        ) from None
