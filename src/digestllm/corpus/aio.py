"""Documents concurrently on one event loop, in input order; and the bridge to synchronous callers.

`amap_ordered` starts work on at most `2 × concurrency` items ahead and runs `concurrency` of them
at once; results come out in input order. `iterate_in_thread` runs an async iterator on a loop in a
thread of its own and hands its items over through a bounded queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import TypeVar

X = TypeVar("X")
T = TypeVar("T")

_DONE = object()


async def _items(source: Iterable[X] | AsyncIterable[X]) -> AsyncIterator[X]:
    if isinstance(source, AsyncIterable):
        async for item in source:
            yield item
    else:
        for item in source:
            yield item


async def amap_ordered(
    work: Callable[[X], Awaitable[T]], items: Iterable[X] | AsyncIterable[X], concurrency: int
) -> AsyncIterator[T]:
    """`await work(item)` for every item, `concurrency` at once; the results in input order."""
    gate = asyncio.Semaphore(concurrency)

    async def guarded(item: X) -> T:
        async with gate:
            return await work(item)

    pending: deque[asyncio.Task[T]] = deque()
    try:
        async for item in _items(items):
            pending.append(asyncio.ensure_future(guarded(item)))
            if len(pending) >= 2 * concurrency:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


class _Handover:
    """A bounded queue from the loop's thread to the caller's, which either side can stop."""

    def __init__(self, buffer: int) -> None:
        self.queue: queue.Queue[tuple[bool, object]] = queue.Queue(maxsize=buffer)
        self.stop = threading.Event()
        self.running: list[tuple[asyncio.AbstractEventLoop, asyncio.Task[None]]] = []

    def put(self, entry: tuple[bool, object]) -> None:
        while not self.stop.is_set():
            try:
                self.queue.put(entry, timeout=0.1)
                return
            except queue.Full:
                continue

    async def pump(self, make: Callable[[], AsyncIterator[T]]) -> None:
        """Run the iterator, handing over each item, then the end or the error."""
        self.running.append((asyncio.get_running_loop(), asyncio.current_task()))  # type: ignore[arg-type]
        iterator = make()
        try:
            async for item in iterator:
                await asyncio.to_thread(self.put, (True, item))
                if self.stop.is_set():
                    break
        except asyncio.CancelledError:
            pass  # the caller stopped reading
        except BaseException as error:  # handed to the caller's thread, raised there
            self.put((False, error))
        else:
            self.put((False, _DONE))
        finally:
            await iterator.aclose()  # type: ignore[attr-defined]

    def cancel(self) -> None:
        """Stop, and end the work still in flight rather than wait for it."""
        self.stop.set()
        for loop, task in self.running:
            with contextlib.suppress(RuntimeError):  # the loop has closed already
                loop.call_soon_threadsafe(task.cancel)


def iterate_in_thread(make: Callable[[], AsyncIterator[T]], buffer: int = 16) -> Iterator[T]:
    """The items of `make()`, an async iterator run on its own event loop in a worker thread."""
    handover = _Handover(buffer)
    thread = threading.Thread(target=asyncio.run, args=(handover.pump(make),), name="digestllm-aio", daemon=True)
    thread.start()
    try:
        while True:
            is_item, value = handover.queue.get()
            if not is_item:
                if value is _DONE:
                    return
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
    finally:
        handover.cancel()
        thread.join()
