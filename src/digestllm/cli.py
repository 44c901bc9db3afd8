"""The `digestllm` command: `digestllm extract FILE_OR_DIR...` and `digestllm schemas`.

Every `DigestError` becomes one line on stderr, `digestllm: <message>`, and the process exits with
the first error's `exit_code`; in a run over several files one bad file does not stop the others.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.text import Text

from digestllm.api import extract_file
from digestllm.corpus.cli import add_subcommand as add_corpus_subcommand
from digestllm.errors import ConfigurationError, DigestError, SourceNotFoundError
from digestllm.render import render_result
from digestllm.schemas import PUBLIC_MODELS, DigestResult
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
        return args.command(args)
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
    """Model failures reach the user as section warnings; the HTTP and model libraries' own log lines
    would break the one-line promise, so they show only with DIGESTLLM_DEBUG=1."""
    if os.environ.get("DIGESTLLM_DEBUG") != "1":
        for name in ("instructor", "openai", "httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


# --- arguments ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Officials, events and metrics from Chinese news digests.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract records from text files")
    extract.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="a text file, or a folder of *.txt files")
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
    extract.add_argument("--out", type=Path, metavar="DIR", help="write each result to DIR/<stem>.json")
    extract.add_argument("--simplified", action="store_true", help="report strings in Simplified script")
    extract.add_argument("--mode", choices=("auto", "rules", "model"), default="auto", help="extractor (default: auto)")
    extract.set_defaults(command=_extract_command)

    schemas = commands.add_parser("schemas", help="write the JSON Schema of each public model")
    schemas.add_argument("--out", type=Path, metavar="DIR", help="target folder (default: ./schemas)")
    schemas.set_defaults(command=_schemas_command)
    add_view_subcommand(commands)
    add_corpus_subcommand(commands)
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


# --- extract -----------------------------------------------------------------------------------


def _extract_command(args: argparse.Namespace) -> int:
    sink = _sink(args)
    errors: list[DigestError] = []
    for argument in args.paths:
        try:
            files = _text_files(Path(argument))
        except DigestError as error:
            errors.append(_report(error))
            continue
        for file in files:
            try:
                result = extract_file(
                    file, reference_date=args.reference_date, mode=args.mode, simplified=args.simplified
                )
            except ConfigurationError as error:  # the same for every file: stop here, keep what was done
                _report(error)
                sink.finish()
                return error.exit_code
            except DigestError as error:
                errors.append(_report(error))
                continue
            sink.add(file, result)
    sink.finish()
    return errors[0].exit_code if errors else 0


def _text_files(path: Path) -> list[Path]:
    """A file argument as is (reading it reports what is wrong); a folder's *.txt files, sorted."""
    try:
        if not path.is_dir():
            return [path]
        files = sorted(file for file in path.glob("*.txt") if file.is_file())
    except OSError as error:  # a name too long for the file system, say
        raise SourceNotFoundError(f"{str(path)[:80]}: cannot be read ({error.strerror or error})") from None
    if not files:
        raise SourceNotFoundError(f"{path}: no *.txt files in this folder")
    return files


class _Sink:
    """Where results go; `add` is called once per file that succeeded, then `finish` once."""

    def add(self, file: Path, result: DigestResult) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write whatever was held back until the end."""


class _TableSink(_Sink):
    def __init__(self, titled: bool) -> None:
        self.console = Console()
        self.titled = titled

    def add(self, file: Path, result: DigestResult) -> None:
        if self.titled:
            self.console.rule(Text(str(file)))
        render_result(result, self.console)


class _JsonSink(_Sink):
    """One JSON document: the bare result for a single file argument, else a list of {file, result}."""

    def __init__(self, single: bool) -> None:
        self.single = single
        self.entries: list[dict[str, object]] = []

    def add(self, file: Path, result: DigestResult) -> None:
        self.entries.append(_entry(file, result))

    def finish(self) -> None:
        if self.single and not self.entries:
            return
        document = self.entries[0]["result"] if self.single else self.entries
        print(json.dumps(document, ensure_ascii=False, indent=2))


class _JsonlSink(_Sink):
    def add(self, file: Path, result: DigestResult) -> None:
        print(json.dumps(_entry(file, result), ensure_ascii=False), flush=True)


class _OutDirSink(_Sink):
    """One JSON file per input; inputs with the same name from different folders get numbered files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: set[Path] = set()

    def add(self, file: Path, result: DigestResult) -> None:
        target = self.folder / f"{file.stem}.json"
        number = 2
        while target in self.written:
            target = self.folder / f"{file.stem}-{number}.json"
            number += 1
        self.written.add(target)
        _write_text(target, _pretty_json(result.model_dump(mode="json")))
        print(
            f"{file} → {target}: {len(result.officials)} officials, {len(result.events)} events, "
            f"{len(result.metrics)} metrics",
            file=sys.stderr,
        )


def _sink(args: argparse.Namespace) -> _Sink:
    if args.out is not None:
        return _OutDirSink(args.out)
    single = len(args.paths) == 1 and not _is_dir(Path(args.paths[0]))
    output_format = args.format or ("table" if sys.stdout.isatty() else "json")
    if output_format == "table":
        return _TableSink(titled=not single)
    if output_format == "jsonl":
        return _JsonlSink()
    return _JsonSink(single)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # reported when the path is read
        return False


def _entry(file: Path, result: DigestResult) -> dict[str, object]:
    return {"file": str(file), "result": result.model_dump(mode="json")}


# --- schemas -----------------------------------------------------------------------------------


def _schemas_command(args: argparse.Namespace) -> int:
    folder = args.out if args.out is not None else Path.cwd() / "schemas"
    for model in PUBLIC_MODELS:
        _write_text(folder / f"{model.__name__}.schema.json", _pretty_json(model.model_json_schema()))
    print(f"wrote {len(PUBLIC_MODELS)} JSON Schemas to {folder}", file=sys.stderr)
    return 0


# --- helpers -----------------------------------------------------------------------------------


def _pretty_json(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _write_text(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise DigestError(f"{path}: cannot write ({error.strerror or error})") from None


def _report(error: DigestError) -> DigestError:
    _say(str(error))
    return error


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
