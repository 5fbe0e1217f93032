"""Reading the texts people already have (a résumé, a job posting) as plain text.

Plain text and Markdown are read as UTF-8, falling back to UTF-16 (with its byte
order mark) or Windows-1252, and saying so; Word files (.docx) are read with the
standard library (a .docx is a zip of XML); PDF needs the optional extra
``pip install 'rolefit[pdf]'`` (pypdf). HTML entities are decoded and tags
dropped, because postings are often pasted from a web page.

Everything that can go wrong is a RolefitError naming the file, never a traceback.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rolefit.errors import RolefitError
from rolefit.texts.prepared import regex

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # a 5-page résumé is a few KB of text; a PDF with images a few MB
MAX_TEXT_CHARS = 1024 * 1024  # the text itself, once extracted
_MAX_DOCX_XML = 20 * 1024 * 1024  # a zip bomb inflates far beyond this


@dataclass(frozen=True)
class Document:
    """A document's text, and what the reader had to do to get it."""

    source: str
    text: str
    notes: tuple[str, ...] = ()  # e.g. "not UTF-8: read as Windows-1252"


def read_document(path: str, data: bytes | None = None) -> Document:
    """The text of a .txt, .md, .docx or .pdf file (`data` when it came from stdin)."""
    if data is None:
        data = _read_bytes(path)
    if not data.strip():
        raise RolefitError.at(path, "file is empty")
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        text, notes = _pdf_text(path, data)
    elif data.startswith(b"PK\x03\x04") or suffix == ".docx":
        text, notes = _docx_text(path, data), ()
    else:
        text, notes = _decode(path, data)
    text = _plain(text)
    if len(text) > MAX_TEXT_CHARS:
        raise RolefitError.at(path, f"text is longer than {MAX_TEXT_CHARS // 1024} K characters; is it the right file?")
    if not text.strip():
        raise RolefitError.at(path, "no text found in the file")
    return Document(path, text, notes)


def _read_bytes(path: str) -> bytes:
    p = Path(path)
    try:
        if not p.exists():
            raise RolefitError.at(path, "no such file")
        if p.is_dir():
            raise RolefitError.at(path, "is a folder, not a file")
        if not p.is_file():
            raise RolefitError.at(path, "is not a regular file (a pipe or a device?); use - to read stdin")
        with p.open("rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except PermissionError:
        raise RolefitError.at(path, "permission denied") from None
    except OSError as exc:
        raise RolefitError.at(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise RolefitError.at(
            path, f"file is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB; is it the right file?"
        )
    return data


def _decode(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ("UTF-16 text",)
    if b"\x00" in data:
        raise RolefitError.at(path, "is a binary file, not text (a .txt, .md, .docx or .pdf is expected)")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        return text, (f"not UTF-8 (first bad byte on line {line}): read as Windows-1252",)


_TAG = regex(r"<(?:br|/p|/li|/h\d|/div|/tr)\s*/?>", re.IGNORECASE)
_ANY_TAG = regex(r"</?[a-zA-Z][^<>]{0,500}>")
_CONTROL = regex(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _plain(text: str) -> str:
    """Line breaks unified, HTML tags dropped (line-breaking ones kept as breaks),
    entities decoded, control and bidi characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if "<" in text:
        text = _ANY_TAG.sub(" ", _TAG.sub("\n", text))
    if "&" in text:
        import html  # here: most résumés hold no entity, and the import compiles a pattern

        text = html.unescape(text)
    return _CONTROL.sub("", text.replace("\xa0", " ").replace("\t", " "))


def _docx_text(path: str, data: bytes) -> str:
    import io
    import zipfile  # only for a .docx: its import is a cost every other run would pay
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo("word/document.xml")
            except KeyError:
                raise RolefitError.at(path, "is a zip file but not a Word document (.docx)") from None
            if info.file_size > _MAX_DOCX_XML:
                raise RolefitError.at(path, "the document's text is too large to read")
            xml = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise RolefitError.at(path, "is not a readable .docx file (damaged, or encrypted?)") from None
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise RolefitError.at(path, "the document declares XML entities, which rolefit does not read")
    word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise RolefitError.at(path, "is not a readable .docx file (its XML is damaged)") from None
    paragraphs = []
    for paragraph in root.iter(f"{word}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{word}t" and node.text:
                pieces.append(node.text)
            elif node.tag in (f"{word}tab", f"{word}br"):
                pieces.append(" ")
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def _pdf_text(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        import pypdf
    except ImportError:
        raise RolefitError.at(
            path, "reading PDF needs the optional extra: pip install 'rolefit[pdf]' (or save the file as text)"
        ) from None
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about the file, not for the user
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            opened: object
            try:
                opened = reader.decrypt("")
            except Exception:  # pypdf raises several kinds for missing crypto support
                opened = 0
            if not opened:
                raise RolefitError.at(path, "the PDF is encrypted; save an unprotected copy or export it as text")
        pages = [page.extract_text() or "" for page in reader.pages]
    except RolefitError:
        raise
    except RecursionError:
        raise RolefitError.at(path, "the PDF is too deeply nested to read") from None
    except Exception as exc:  # a damaged PDF can raise nearly anything inside pypdf
        raise RolefitError.at(path, f"is not a readable PDF ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise RolefitError.at(
            path, f"the PDF has no text layer ({len(pages)} page(s) of images?); run it through OCR first"
        )
    return text, ()


def read_stdin_document(limit: int = MAX_DOCUMENT_BYTES) -> Document:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise RolefitError.at("<stdin>", f"input is larger than {limit // (1024 * 1024)} MiB")
    return read_document("<stdin>", data)
