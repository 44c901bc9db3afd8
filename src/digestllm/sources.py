"""Reading inputs: files and bytes in the encodings Chinese news comes in (and writing outputs as UTF-8).

UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (which includes GBK and GB2312), Big5 with the
Hong Kong (HKSCS) and Microsoft (CP950) extensions, UTF-32 with BOM, and UTF-16 without BOM when it
reads as Chinese. GB18030 and Big5 overlap, so when both decode, the one whose text is made of common
Chinese characters wins; a legacy reading made mostly of unlikely characters (Shift-JIS or EUC-KR read
as GB18030, say) is refused rather than returned as garbage. A file in none of them is a `DecodeError`
that names the byte offset where each decoding failed.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from digestllm.errors import (
    DecodeError,
    DigestError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    SourceNotFoundError,
)
from digestllm.rules.dates import document_date
from digestllm.text import to_simplified

DEFAULT_MAX_BYTES = 50_000_000
_CONTROL_SHARE_LIMIT = 0.1
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # C0 controls but tab, line and page breaks
_HAN = re.compile(r"[\u3400-\u9fff]")
_SCORE_SAMPLE = 200_000  # characters enough to tell a right decoding from a wrong one
_LEGACY_OVER_UTF8 = 0.5
_MAX_SHOWN_PATH = 200  # characters of a path quoted in an error
_DATE_LINE_CHARS = 400  # enough for the head where a date line stands
# A date in a file name: guangan-2020-03-02.txt, 20200302_digest.txt, 2020.3.2.txt
_FILE_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?!\d)")
_LEGACY = ("gb18030", "big5hkscs", "cp950")
_MIN_LETTERS_TO_JUDGE = 30  # fewer non-ASCII letters than this: too little to refuse a decoding
_MIN_COMMON_SHARE = 0.25  # right decodings of news score 0.54 and up, wrong ones 0.09 and below
_FOREIGN_SHARE = 0.3
_FOREIGN = (
    ("shift_jis", re.compile(r"[\u3040-\u30ff]"), "Japanese in Shift-JIS"),
    ("euc_jp", re.compile(r"[\u3040-\u30ff]"), "Japanese in EUC-JP"),
    ("euc_kr", re.compile(r"[\uac00-\ud7af]"), "Korean in EUC-KR"),
)
# UTF-32's BOMs begin with UTF-16's: they are tested first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LABELS = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32-le": "UTF-32LE",
    "utf-32-be": "UTF-32BE",
    "gb18030": "GB18030",
    "big5hkscs": "Big5-HKSCS",
    "cp950": "Big5 (CP950)",
}
# Frequent characters of news prose in both scripts; a wrong decoding rarely lands on them.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多"
    "定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
    "结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流"
    "路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百"
    "规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务"
    "具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越"
    "织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府"
    "這個們來為發後說動學實當時經過對進會與現還麼產應開區點業關從長機門問將義記體種設歷統樣讓價變軍氣數員報農導議"
    "縣鄉鎮縣黨書調項戶萬億論華總幹戰專樂務條計結統營論確"
)


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Bytes → text, or a `DecodeError` naming the input and the first offending byte."""
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise InputError(f"{name}: decode_bytes() takes bytes, not {type(data).__name__}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_after_bom(data, name, bom, encoding)
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8 = None
        failures = {"utf-8": error.start}
    else:
        failures = {}
    if utf8 is not None and _HAN.search(utf8):
        return _checked_text(utf8, name, data, "utf-8", 0)  # UTF-8 with Chinese in it: nothing to weigh it against
    legacy = _likeliest_legacy(data, failures)
    if utf8 is not None:
        # Short GB18030 or Big5 text can happen to be valid UTF-8 (C4 BF C7 B0 is "目前" in GB18030,
        # "Ŀǰ" in UTF-8): prefer a legacy reading only when UTF-8 yields no Chinese and it does.
        if legacy is not None and _common_share(legacy[1]) >= _LEGACY_OVER_UTF8:
            return _checked_text(legacy[1], name, data, legacy[0], 0)
        return _checked_text(utf8, name, data, "utf-8", 0)
    return _decode_not_utf8(data, name, legacy, failures)


def _decode_not_utf8(data: bytes, name: str, legacy: tuple[str, str] | None, failures: dict[str, int]) -> str:
    """A plausible legacy reading, else UTF-16 without BOM, else a `DecodeError` saying what the bytes look like."""
    if legacy is not None and _plausible(legacy[1]):
        return _checked_text(legacy[1], name, data, legacy[0], 0)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _checked_text(utf16[1], name, data, utf16[0], 0)
    if legacy is not None:
        raise DecodeError(_implausible_message(name, data, *legacy))
    raise DecodeError(_undecodable_message(name, data, failures))


def _likeliest_legacy(data: bytes, failures: dict[str, int]) -> tuple[str, str] | None:
    """(encoding, text) of the legacy reading with the most common characters, the first of `_LEGACY`
    (Big5-HKSCS before CP950) on a tie; None when none decodes. Failed readings go into `failures`."""
    candidates: dict[str, str] = {}
    for encoding in _LEGACY:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError as error:
            failures[encoding] = error.start
    return max(candidates.items(), key=lambda item: _common_share(item[1]), default=None)


def _decode_after_bom(data: bytes, name: str, bom: bytes, encoding: str) -> str:
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"{name}: invalid {_LABELS[encoding]} at byte offset {error.start + len(bom)}") from None
    return _checked_text(text, name, data, encoding, len(bom))


def _undecodable_message(name: str, data: bytes, failures: dict[str, int]) -> str:
    """The reading that gets furthest is the likeliest encoding: its offset is where the damage is."""
    furthest = max(failures, key=lambda e: failures[e])
    others = ", ".join(f"at {offset} as {_LABELS[e]}" for e, offset in failures.items() if e != furthest)
    return (
        f"{name}: not UTF-8, UTF-16, GB18030 or Big5 text: undecodable byte at offset {failures[furthest]} "
        f"as {_LABELS[furthest]} ({others}){_foreign_hint(data)}; convert it to UTF-8 first"
    )


def _judged_letters(text: str) -> list[str]:
    """The characters that tell a right decoding from a wrong one: non-ASCII letters and symbols,
    but not punctuation, spaces or full-width ASCII (`２０２０`)."""
    return [
        c
        for c in text[:_SCORE_SAMPLE]
        if ord(c) > 127 and not "\uff01" <= c <= "\uff5e" and unicodedata.category(c)[0] not in "PZ"
    ]


def _common_share(text: str) -> float:
    """The share of common Chinese characters among the text's judged letters (`_judged_letters`).

    Private-use characters, kana, box drawing and rare characters — what a wrong decoding lands on —
    count against it.
    """
    letters = _judged_letters(text)
    return sum(c in _COMMON for c in letters) / len(letters) if letters else 0.0


def _plausible(text: str) -> bool:
    """True unless there is enough text to judge and it is mostly unlikely characters.

    Chinese news prose scores 0.54–0.77 (every corpus file), GB18030 read as Big5 or the reverse,
    Shift-JIS or EUC-KR read as GB18030 0.00–0.09.
    """
    return len(_judged_letters(text)) < _MIN_LETTERS_TO_JUDGE or _common_share(text) >= _MIN_COMMON_SHARE


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) when the bytes read as plausible Chinese in UTF-16 without a byte-order mark."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _HAN.search(text) and len(_judged_letters(text)) >= _MIN_LETTERS_TO_JUDGE and _plausible(text):
            return encoding, text
    return None


def _implausible_message(name: str, data: bytes, encoding: str, text: str) -> str:
    letters = _judged_letters(text)
    sample = "".join(letters[:8])
    return (
        f"{name}: the bytes read as {_LABELS[encoding]} only as unlikely characters "
        f"({_common_share(text):.0%} common Chinese characters, e.g. {sample!r}): not GB18030, Big5 or UTF-8 "
        f"Chinese text{_foreign_hint(data)}; convert it to UTF-8 first"
    )


def _foreign_hint(data: bytes) -> str:
    """A guess at what the bytes are instead: Japanese, Korean, or UTF-16 without a byte-order mark."""
    for encoding, pattern, language in _FOREIGN:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = _judged_letters(text)
        if letters and len(pattern.findall("".join(letters))) / len(letters) > _FOREIGN_SHARE:
            return f" (it looks like {language})"
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            if len(data) % 2 == 0 and _HAN.search(data.decode(encoding)):
                return " (UTF-16 without a byte-order mark? save it as UTF-8 or UTF-16 with BOM)"
        except UnicodeDecodeError:
            continue
    return ""


def _checked_text(text: str, name: str, data: bytes, encoding: str, bom_length: int) -> str:
    """Reject binary data that happens to decode (a run of NULs is valid UTF-8)."""
    if text:
        controls = len(_CONTROL.findall(text))
        if controls / len(text) > _CONTROL_SHARE_LIMIT:
            index = _CONTROL.search(text).start()  # type: ignore[union-attr]
            offset = bom_length + len(text[:index].encode(encoding))
            hint = ""
            if _looks_like_bomless_utf16(data):
                hint = " (it may be UTF-16 without a byte-order mark: save it as UTF-8 or UTF-16 with BOM)"
            raise DecodeError(
                f"{name}: looks like binary data, not text (control character at byte offset {offset}){hint}"
            )
    return text


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """NULs almost all on even or almost all on odd offsets: ASCII written as UTF-16."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    return even + odd >= 4 and max(even, odd) >= 0.9 * (even + odd) and max(even, odd) >= len(data) // 8


def _regular_file_size(file: Path) -> int:
    """The size of a regular file, or a `SourceNotFoundError` that says what the path is instead."""
    try:
        if not file.exists():
            if file.is_symlink():
                raise SourceNotFoundError(f"{file}: a broken symbolic link or a symbolic link loop")
            raise SourceNotFoundError(f"{file}: no such file")
        if not file.is_file():
            kind = "a folder" if file.is_dir() else "a FIFO, socket or device"
            raise SourceNotFoundError(f"{file}: not a regular file ({kind}); it is not read")
        return file.stat().st_size
    except OSError as error:  # a name too long, a folder that cannot be searched …
        shown = str(file) if len(str(file)) <= _MAX_SHOWN_PATH else str(file)[: _MAX_SHOWN_PATH - 1] + "…"
        raise SourceNotFoundError(f"{shown}: cannot be read ({error.strerror or error})") from None


def read_text_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A file's text; clear errors for a missing path, a folder, an empty, huge or undecodable file."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(f"a path must be str or os.PathLike, not {type(path).__name__}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError(f"max_bytes must be a positive integer, not {max_bytes!r}")
    if isinstance(path, str) and not path.strip():
        raise SourceNotFoundError("no path given: the file name is empty")
    file = Path(path)
    size = _regular_file_size(file)
    if size > max_bytes:
        raise InputTooLargeError(f"{file}: {size} bytes is over the limit of {max_bytes}; split it or raise max_bytes")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise SourceNotFoundError(f"{file}: cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:  # it grew since stat (or reports no size, like some special files)
        raise InputTooLargeError(
            f"{file}: {len(data)} bytes is over the limit of {max_bytes}; split it or raise max_bytes"
        )
    text = decode_bytes(data, str(file))
    if not text.strip():
        raise EmptyInputError(f"{file}: the file holds no text")
    return text


def date_in_file_name(path: str | os.PathLike[str]) -> date | None:
    """The date a file's name gives (`guangan-2020-03-02.txt`, `20200302.txt`), or None."""
    for match in _FILE_NAME_DATE.finditer(Path(path).name):
        if match[2] == "" and (len(match[3]) < 2 or len(match[4]) < 2):
            continue  # 2020312 is no date: without separators month and day take two digits each
        try:
            return date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return None


def file_name_reference(path: str | bytes | os.PathLike[str], text: str) -> tuple[date, str] | None:
    """(the file name's date, the file name) when the text's own date line (near its top) gives no
    year, else None: a reader looks at the file name when the paper's date line says only `03.02`."""
    name = Path(os.fsdecode(path)).name
    named = date_in_file_name(name)
    if named is None:
        return None
    own = document_date(to_simplified(text[:_DATE_LINE_CHARS]))
    return (named, name) if own is None or own[0] is None else None


def write_text_file(path: Path, text: str) -> None:
    """Write `text` as UTF-8, making the folder; a `DigestError` naming the path when it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise DigestError(f"{path}: cannot write ({error.strerror or error})") from None
