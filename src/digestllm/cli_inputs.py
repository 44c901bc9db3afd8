"""What `digestllm extract` reads: files, folders (recursively) and `-` for standard input.

A folder yields every file whose name ends in `.txt` in any case (`a.TXT`), in every subfolder,
sorted. Nothing found there is silently passed over: an entry that is not a regular file (a FIFO, a
socket, a broken link) is yielded all the same, so that reading it reports why it cannot be read;
a symbolic link that leads back into a folder already walked (a loop) is reported as an error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from digestllm.errors import DigestError, InputTooLargeError, SourceNotFoundError
from digestllm.sources import DEFAULT_MAX_BYTES, decode_bytes

STDIN = "-"
_TEXT_SUFFIX = ".txt"


@dataclass(frozen=True)
class Input:
    """One thing to extract: a file's path, or `-` (standard input); or why a folder entry cannot be."""

    source: str
    path: Path | None = None
    error: DigestError | None = None


def inputs(arguments: list[str]) -> Iterator[Input]:
    """Each argument's inputs, in order; a folder's files sorted by path."""
    for argument in arguments:
        if argument == STDIN:
            yield Input(STDIN)
            continue
        path = Path(argument)
        try:
            is_folder = path.is_dir()
        except OSError:  # a name too long, a loop: reading the path reports it
            is_folder = False
        if not is_folder:
            yield Input(argument, path)
            continue
        found = list(_walk(path))
        if not found:
            yield Input(argument, error=SourceNotFoundError(f"{path}: no *.txt files in this folder or below"))
        yield from found


def _walk(folder: Path) -> Iterator[Input]:
    """The text files under `folder`, sorted, following links to folders but never round a loop."""
    seen: set[tuple[int, int]] = set()
    pending = [folder]
    found: list[Input] = []
    while pending:
        current = pending.pop()
        try:
            info = current.stat()
        except OSError as error:
            found.append(Input(str(current), error=_unreadable(current, error)))
            continue
        if (info.st_dev, info.st_ino) in seen:
            found.append(
                Input(
                    str(current),
                    error=SourceNotFoundError(f"{current}: a folder already read (a symbolic link loop?); skipped"),
                )
            )
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            found.append(Input(str(current), error=_unreadable(current, error)))
            continue
        for entry in entries:
            path = Path(entry.path)
            if _is_folder(entry):
                pending.append(path)
            elif entry.name.lower().endswith(_TEXT_SUFFIX):
                found.append(Input(str(path), path))  # a FIFO or a broken link too: reading says why not
    return iter(sorted(found, key=lambda item: item.source))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:  # a link loop: stat fails; the walk reports it when it tries the link
        return entry.is_symlink() and not entry.name.lower().endswith(_TEXT_SUFFIX)


def _unreadable(path: Path, error: OSError) -> SourceNotFoundError:
    return SourceNotFoundError(f"{path}: cannot be read ({error.strerror or error})")


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Standard input's bytes, decoded as a file's would be."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"standard input: more than {max_bytes} bytes; split it")
    return decode_bytes(data, "standard input")
