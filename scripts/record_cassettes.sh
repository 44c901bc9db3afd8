#!/usr/bin/env bash
# Re-record every cassette against the local llama.cpp server (see cassettes/README.md).
# Starts the server when none answers on 127.0.0.1:$DIGESTLLM_LOCAL_PORT, stops it afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PORT="${DIGESTLLM_LOCAL_PORT:-8765}"
PYTHON="$ROOT/.venv/bin/python"

scripts/local_model.sh install
started=""
if ! curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null; then
    scripts/local_model.sh serve > "$ROOT/.models/server.log" 2>&1 &
    started=$!
    trap '[ -n "$started" ] && kill "$started" 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$PORT/v1/models" >/dev/null && break
        sleep 1
    done
fi
rm -f cassettes/*.yaml
"$PYTHON" -m pytest tests/test_model_slots_recorded.py tests/test_model_recorded.py tests/test_model_reask.py --record-mode=new_episodes -q "$@"
"$PYTHON" -m pytest tests/test_model_slots_recorded.py tests/test_model_recorded.py tests/test_model_reask.py --record-mode=none -q
