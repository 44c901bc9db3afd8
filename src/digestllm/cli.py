"""The `digestllm` command: `digestllm extract FILE_OR_DIR_OR_-...` and `digestllm schemas`.

Every `DigestError` becomes one line on stderr, `digestllm: <message>`, and the process exits with
the first error's `exit_code`; in a run over several files one bad file does not stop the others,
not even a fault inside digestllm (reported as an internal error that names the file, exit 70).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from digestllm.api import extract, extract_file
from digestllm.cli_inputs import STDIN, Input, inputs, read_stdin
from digestllm.cli_output import JsonlSink, JsonSink, OutDirSink, Sink, TableSink, pretty_json
from digestllm.corpus.cli import add_subcommand as add_corpus_subcommand
from digestllm.errors import ConfigurationError, DigestError, InternalError
from digestllm.render import visible
from digestllm.schemas import PUBLIC_MODELS, DigestResult
from digestllm.sources import write_text_file
from digestllm.view.cli import add_subcommand as add_view_subcommand

PROG = "digestllm"
INTERNAL_ERROR_EXIT = 70
INTERRUPTED_EXIT = 130
BROKEN_PIPE_EXIT = 141


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit status instead of exiting."""
    _quiet_libraries()
    _utf8_output()
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exit_:  # argparse: --help (0) or a usage error (2), already printed
            return exit_.code if isinstance(exit_.code, int) else 2
        status: int = args.command(args)
        return status
    except DigestError as error:
        _report(error)
        return error.exit_code
    except KeyboardInterrupt:
        _say("interrupted")
        return INTERRUPTED_EXIT
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE_EXIT
    except Exception as error:  # the last line of defence: one line, no traceback
        if os.environ.get("DIGESTLLM_DEBUG") == "1":
            traceback.print_exc()
        message = " ".join(str(error).split())[:200]
        _say(f"internal error: {type(error).__name__}: {message} (rerun with DIGESTLLM_DEBUG=1 for a traceback)")
        return INTERNAL_ERROR_EXIT


def _utf8_output() -> None:
    """Chinese text must reach a pipe whatever the locale says (a C or Latin-1 locale would fail)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def _quiet_libraries() -> None:
    """Model failures reach the user as section warnings; the model and HTTP libraries' own log lines go
    to the silent `digestllm.model` logger (see model/client.py), shown only with DIGESTLLM_DEBUG=1."""
    if os.environ.get("DIGESTLLM_DEBUG") == "1":
        logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")


# --- arguments ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Officials, events and metrics from Chinese news digests.")
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract records from text files")
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="a text file, a folder (its *.txt files, in subfolders too, any case), or - for standard input",
    )
    extract.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        help="output format (default: table on a terminal, json when piped)",
    )
    extract.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the document's date, for days the text gives without year or month",
    )
    extract.add_argument("--out", type=Path, metavar="DIR", help="write each input's record to DIR/<stem>.json")
    extract.add_argument("--simplified", action="store_true", help="report strings in Simplified script")
    extract.add_argument("--mode", choices=("auto", "rules", "model"), default="auto", help="extractor (default: auto)")
    extract.add_argument("--model", help="model name for an OpenAI-compatible server (else DIGESTLLM_MODEL)")
    extract.add_argument("--base-url", metavar="URL", help="the server, e.g. http://127.0.0.1:8765/v1")
    extract.set_defaults(command=_extract_command)

    schemas = commands.add_parser("schemas", help="write the JSON Schema of each public model")
    schemas.add_argument("--out", type=Path, metavar="DIR", help="target folder (default: ./schemas)")
    schemas.set_defaults(command=_schemas_command)
    add_view_subcommand(commands)
    add_corpus_subcommand(commands)
    return parser


def _version() -> str:
    try:
        return version("digestllm")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


# --- extract -----------------------------------------------------------------------------------


def _extract_command(args: argparse.Namespace) -> int:
    sink = _sink(args)
    options = {"reference_date": args.reference_date, "mode": args.mode, "simplified": args.simplified}
    options.update({k: v for k, v in (("model", args.model), ("base_url", args.base_url)) if v is not None})
    errors: list[DigestError] = []
    try:
        for item in inputs(args.paths):
            result, error = (None, item.error) if item.error is not None else _extract_one(item, options)
            if isinstance(error, ConfigurationError):  # the same for every file: stop here, keep what was done
                raise error
            if error is not None:
                errors.append(_report(error))
            sink.add(item.source, result, error)
    finally:
        sink.finish()
    return errors[0].exit_code if errors else 0


def _extract_one(item: Input, options: dict[str, Any]) -> tuple[DigestResult | None, DigestError | None]:
    """One input's result, or the error that stopped it; a bug is an `InternalError` naming the input."""
    try:
        if item.path is None:
            return extract(read_stdin(), **options), None
        return extract_file(item.path, **options), None
    except DigestError as error:
        return None, error
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as error:  # a bug must not stop a batch: this input is reported, the others run
        if os.environ.get("DIGESTLLM_DEBUG") == "1":
            traceback.print_exc()
        internal = InternalError.from_exception(error)
        return None, InternalError(f"{visible(item.source)}: {internal}")


def _sink(args: argparse.Namespace) -> Sink:
    if args.out is not None:
        return OutDirSink(args.out)
    output_format = args.format or ("table" if sys.stdout.isatty() else "json")
    if output_format == "table":
        single = len(args.paths) == 1 and (args.paths[0] == STDIN or not _is_dir(Path(args.paths[0])))
        return TableSink(titled=not single)
    if output_format == "jsonl":
        return JsonlSink()
    return JsonSink()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # reported when the path is read
        return False


# --- schemas -----------------------------------------------------------------------------------


def _schemas_command(args: argparse.Namespace) -> int:
    folder = args.out if args.out is not None else Path.cwd() / "schemas"
    for model in PUBLIC_MODELS:
        write_text_file(folder / f"{model.__name__}.schema.json", pretty_json(TypeAdapter(model).json_schema()))
    print(f"wrote {len(PUBLIC_MODELS)} JSON Schemas to {folder}", file=sys.stderr)
    return 0


# --- helpers -----------------------------------------------------------------------------------


def _report(error: DigestError) -> DigestError:
    _say(visible(str(error)))
    return error


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
