"""A scripted OpenAI-compatible server behind an httpx transport, for fault tests without a network."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

Reply = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


def tool_call_response(arguments: str | dict[str, Any], name: str = "SectionExtraction") -> httpx.Response:
    """A chat completion whose single tool call carries `arguments` (instructor's TOOLS mode)."""
    text = arguments if isinstance(arguments, str) else json.dumps(arguments, ensure_ascii=False)
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": name, "arguments": text}}],
                },
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }
    return httpx.Response(200, json=body)


EMPTY_ANSWER: dict[str, Any] = {"officials": [], "events": [], "metrics": []}


class ScriptedServer:
    """Answers each request with the next reply of a script (the last one repeats)."""

    def __init__(self, *replies: Reply | httpx.Response | Exception, delay: float = 0.0, hold_until: int = 0) -> None:
        """`hold_until`: requests wait until that many are in flight at once (a barrier, not a clock)."""
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []
        self.delay = delay
        self.in_flight = 0
        self.most_in_flight = 0
        self.hold_until = hold_until
        self._all_here = asyncio.Event()

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.hold_until:
                if self.in_flight >= self.hold_until:
                    self._all_here.set()
                with contextlib.suppress(asyncio.TimeoutError):  # a bound, so that a failing test ends
                    await asyncio.wait_for(self._all_here.wait(), timeout=10)
            if self.delay:
                await asyncio.sleep(self.delay)
            reply = self.replies[min(len(self.requests) - 1, len(self.replies) - 1)]
            if isinstance(reply, Exception):
                raise reply
            if isinstance(reply, httpx.Response):
                return reply
            answer = reply(request)
            return await answer if inspect.isawaitable(answer) else answer
        finally:
            self.in_flight -= 1


def hang_for(seconds: float) -> Reply:
    """A reply that keeps the request waiting `seconds` before it answers with an empty extraction."""

    async def reply(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(seconds)
        return tool_call_response(EMPTY_ANSWER)

    return reply


def chat_response(message: dict[str, Any] | None, finish_reason: str = "stop") -> httpx.Response:
    """A chat completion with one choice holding `message` as is (no tool call unless it has one)."""
    body = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [] if message is None else [{"index": 0, "finish_reason": finish_reason, "message": message}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }
    return httpx.Response(200, json=body)
