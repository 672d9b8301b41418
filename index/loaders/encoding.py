"""Turn file bytes into text: BOMs, strict UTF-8, then a careful legacy guess."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from index.errors import LoaderError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_LEGACY_SHARE = 0.3  # above this share of non-ASCII bytes, cp1252 is a guess too far
_MAX_CHAOS = 0.2  # charset-normalizer's "mess" ratio we still accept


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode a file's bytes, refusing binary data rather than returning mojibake."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding, origin)
    if b"\x00" in data:
        raise LoaderError(origin, "binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _decode_cp1252(data) or _decode_guess(data)
    if text is None:
        raise LoaderError(origin, "could not detect the text encoding")
    return text


def _decode_with_bom(data: bytes, encoding: str, origin: str) -> str:
    """Decode a file that declares its encoding with a byte-order mark."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LoaderError(origin, f"invalid {encoding} text: {exc.reason}") from None


def _decode_cp1252(data: bytes) -> str | None:
    """Windows-1252 is the usual legacy encoding of English office text (curly quotes)."""
    non_ascii = sum(1 for byte in data if byte > 0x7F)
    if non_ascii > _MAX_LEGACY_SHARE * len(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _decode_guess(data: bytes) -> str | None:
    """Ask charset-normalizer, accepting only an answer that reads as text."""
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    text = str(best)
    return text if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    """Control characters (other than whitespace) betray a wrong decoding."""
    return not any(unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v" for char in text)
