#!/usr/bin/env bash
# The examples through the local model server, end to end (starts the server when none answers).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PORT="${DIGESTLLM_LOCAL_PORT:-8765}"
scripts/local_model.sh install
if ! curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null; then
    scripts/local_model.sh serve > "$ROOT/.models/server.log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null && break; sleep 1; done
fi
.venv/bin/python examples/run_examples.py --model qwen2.5-coder-1.5b-instruct --base-url "http://127.0.0.1:$PORT/v1"
