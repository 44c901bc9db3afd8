"""A local OpenAI-compatible server on 127.0.0.1 for benchmarks: answers in parallel, after a delay,
and injects faults on request. It answers every chat completion with a schema-valid, empty
extraction (instructor TOOLS mode), so the pipeline's grounding and merge run as usual.

    with FakeModelServer(delay=(0.5, 1.0), fault_rate=0.2) as server:
        extract(text, mode="model", model="fake", base_url=server.base_url)

Faults (`faults=` picks among them; the default is FAULTS):
    429, 500, 503   that status, with `Retry-After: 0`
    garbage         a 200 whose tool-call arguments are not JSON (instructor re-asks)
    hang            no answer for `hang_seconds` (the client's timeout fires first)
    truncated       a 200 whose tool-call arguments stop mid-string, as a cut-off answer does
    drop            the connection is closed without an answer
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_EMPTY = json.dumps({"officials": [], "events": [], "metrics": []})
FAULTS = ("429", "500", "503", "garbage", "hang")
ALL_FAULTS = (*FAULTS, "truncated", "drop")


def _completion(arguments: str) -> bytes:
    return json.dumps(
        {
            "id": "chatcmpl-bench",
            "object": "chat.completion",
            "created": 0,
            "model": "fake",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "tool_calls",
                    "message": {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "call_0",
                                "type": "function",
                                "function": {"name": "SectionExtraction", "arguments": arguments},
                            }
                        ],
                    },
                }
            ],
            "usage": {"prompt_tokens": 1000, "completion_tokens": 50, "total_tokens": 1050},
        }
    ).encode()


class FakeModelServer:
    """Serve until the `with` block ends. Counts requests and faults served."""

    def __init__(
        self,
        delay: tuple[float, float] = (0.0, 0.0),
        fault_rate: float = 0.0,
        hang_seconds: float = 5.0,
        seed: int = 7,
        faults: tuple[str, ...] = FAULTS,
    ) -> None:
        unknown = set(faults) - set(ALL_FAULTS)
        if unknown or not faults:
            raise ValueError(f"faults must be a non-empty choice of {ALL_FAULTS}, not {faults}")
        self.delay = delay
        self.fault_rate = fault_rate
        self.hang_seconds = hang_seconds
        self.fault_kinds = tuple(faults)
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.requests = 0
        self.answered = 0  # plain, schema-valid answers
        self.faults: dict[str, int] = {f: 0 for f in self.fault_kinds}
        self._closing = threading.Event()  # ends the hanging handlers when the block ends
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def faults_served(self) -> int:
        return sum(self.faults.values())

    def __enter__(self) -> FakeModelServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def _plan(self) -> tuple[float, str | None]:
        with self.lock:
            self.requests += 1
            delay = self.random.uniform(*self.delay)
            fault = self.random.choice(self.fault_kinds) if self.random.random() < self.fault_rate else None
            if fault:
                self.faults[fault] += 1
            else:
                self.answered += 1
            return delay, fault

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                self.rfile.read(int(self.headers.get("content-length", 0)))
                delay, fault = server._plan()
                if fault == "hang":
                    server._closing.wait(server.hang_seconds)
                else:
                    time.sleep(delay)
                if fault == "drop":
                    self._drop()
                    return
                status, body, headers = _fault_reply(fault)
                self._send(status, body, headers)

            def _drop(self) -> None:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(body)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on a hanging request

        return Handler


def _fault_reply(fault: str | None) -> tuple[int, bytes, dict[str, str] | None]:
    """What the server answers for an injected fault (or none): status, body, headers."""
    if fault in ("429", "500", "503"):
        return int(fault), b'{"error": {"message": "injected"}}', {"retry-after": "0"}
    if fault == "garbage":
        return 200, _completion("{this is not json"), None
    if fault == "truncated":
        return 200, _completion('{"officials": [{"name": "\u674e'), None
    return 200, _completion(_EMPTY), None
