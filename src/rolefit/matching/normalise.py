"""The comparable form of a skill name, one rule set for the matcher, the vocabulary
and the text readers (the matcher's module docstring says what each rule is for):
invisible characters and trademark signs dropped, dashes, punctuation and
look-alike letters made plain, accents folded, brackets and versions stripped,
case and spacing made one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_DROPPED = dict.fromkeys(map(ord, _INVISIBLE + "\u00ae\u00a9\u2122\u2120"), None)
_DASHES = (
    "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212"
    "\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d"
)
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys(map(ord, _DASHES), "-"),
        **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"), "'"),
        **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'),
        ord("\u266f"): "#",  # the music sharp sign, pasted for C#
        ord("\u3001"): ",",  # ideographic comma
    }
)
# Greek and Cyrillic letters that look like Latin ones (after case folding); folded
# only in strings that also hold ASCII letters, i.e. a Latin word with an intruder.
_CONFUSABLES = str.maketrans(
    "\u0430\u0432\u0435\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443\u0445\u0456\u0458\u0455\u0501"  # Cyrillic
    "\u03b1\u03b2\u03b5\u03b6\u03b7\u03b9\u03ba\u03bc\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7",  # Greek
    "abekmhopctyxijsdabezhikmvoptux",
)
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_ASCII_LETTER = re.compile(r"[a-z]")
_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
_UNCLOSED = re.compile(r"\s*[(\[{].*$")
_STRAY_BRACKETS = re.compile(r"[()\[\]{}]")
_SPACED_AMPERSAND = re.compile(r"\s+&\s+")
_SPACED_SLASH = re.compile(r"\s*/\s*")
_SPACED_SUFFIX = re.compile(r"(?<=\w)\s+(?=\+\+(?:\W|$))|(?<=\b[a-z])\s+(?=#(?:\W|$))")  # C ++, F #
_VERSION_TOKEN = re.compile(
    r"(?<=\S)[\s-]+(?:(?:version|ver\.?|v\.?)\s*)?"
    r"(?:\d+(?:\.\d+)*(?:\.x)?\+?|r20\d\d[ab]|lts)$"
)
# A version glued to a word of at least four letters: python3, python3.11, html5,
# yolov8. Shorter words keep their digits, which are usually part of the name (S3,
# EC2, TF2, D3, GPT4).
_GLUED_VERSION = re.compile(r"(?<=[a-z]{4})v?\d+(?:\.\d+)*(?:\.x)?\+?$")
_GLUED_SYMBOL_VERSION = re.compile(r"(?<=[+#])\d+$")  # C++17, C#12
# A package pin or range as requirements files write it: pandas>=2.0, numpy==1.26,
# tensorflow~=2.15, torch==2.1.0+cu118, scikit-learn>=1.3,<1.5.
_PIN = re.compile(r"(?<=[\w\]])\s*(?:[<>!~=]=?=?)\s*v?\d[\w.*+!]*(?:\s*,\s*[<>!~=]=?=?\s*v?\d[\w.*+!]*)*$")
# A self-rating after the name: "Python ★★★★☆", "Git ●●●●○", "Scala ▰▰▰▱▱", "Python
# ██████████ 100%", "Communication 95%", "Spark 3 out of 5", "Java 4/5 stars"; not a
# share after a preposition ("cut costs by 35%").
_RATING_SYMBOLS = "".join(map(chr, range(0x2580, 0x2600))) + "\u2605\u2606\u2b50\u2b51\u2b52\ufe0f "
_RATING_SCORE = re.compile(r"\s(?:\d{1,3}(?:\.\d)?\s?%|\d(?:\.\d)?\s?(?:/|out of)\s?(?:5|10)(?:\sstars?)?|\d\sstars?)$")
_FIGURE_WORDS = frozenset(("by", "to", "of", "up"))
_LETTER = re.compile(r"[^\W\d_]")
_LEADING_JUNK = re.compile(r"^[\s\-*•·‣▪●◦,;:!?'\"\\]+")  # and TeX's backslash (\\LaTeX)
_TRAILING_JUNK = re.compile(r"[\s,;:!?.'\"*]+$")


def _fold_accents(text: str) -> str:
    """Drop combining marks on ASCII letters (naïve -> naive), leaving other scripts be."""
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _strip_rating(text: str) -> str:
    if text[-1:].isalpha() and not text.endswith(("star", "stars")):
        return text  # most names: no rating can end there
    bare = text.rstrip(_RATING_SYMBOLS)
    score = _RATING_SCORE.search(bare)
    if score is not None and bare[: score.start()].rpartition(" ")[2] not in _FIGURE_WORDS:
        bare = bare[: score.start()].rstrip(_RATING_SYMBOLS)  # the bar before the figure
    return bare if bare != text and _LETTER.search(bare) else text


def _strip_brackets(text: str) -> str:
    previous = None
    stripped = text
    while stripped != previous:
        previous = stripped
        stripped = _BRACKETED.sub(" ", stripped)
    stripped = _STRAY_BRACKETS.sub(" ", _UNCLOSED.sub("", stripped))
    if stripped.strip():
        return stripped
    # Nothing outside the brackets, as in "(NLP)": keep what is inside.
    return _STRAY_BRACKETS.sub(" ", text)


def _strip_versions(text: str) -> str:
    while True:
        for pattern in (_VERSION_TOKEN, _GLUED_SYMBOL_VERSION, _GLUED_VERSION):
            shorter = pattern.sub("", text)
            if shorter != text and _LETTER.search(shorter):
                text = shorter.rstrip()
                break
        else:
            return text


def _normalise_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_DROPPED))
    text = text.translate(_PUNCTUATION).casefold()
    if not text.isascii():
        text = _fold_accents(text)
        if _ASCII_LETTER.search(text) and _NON_LATIN_LETTER.search(text):
            text = text.translate(_CONFUSABLES)
    text = _SPACES.sub(" ", text)
    text = _strip_brackets(text)
    text = _SPACED_AMPERSAND.sub(" and ", text)
    text = _SPACED_SLASH.sub("/", text)
    text = _SPACED_SUFFIX.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    text = _strip_versions(_PIN.sub("", _strip_rating(text)))
    text = _LEADING_JUNK.sub("", text)
    return _TRAILING_JUNK.sub("", text)


# Most names are plain words ("Linear algebra"): every rule above leaves them as they
# are but for case, so they skip the rules (the Matcher normalises thousands of names
# when it is built; `benchmarks/tricks.py` prints what this saves). A trailing "lts" is
# a version word, so it is excluded.
_PLAIN_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The comparable form of a skill name: see the module docstring. Idempotent.
    Remembered: matching one entry normalises it and its pieces several times."""
    if _PLAIN_WORDS.fullmatch(text) and not text.lower().endswith(" lts"):
        return text.lower()
    return _apply_rules(text)


def _apply_rules(text: str) -> str:
    """The rules again and again until they change nothing; plain words are where
    they stop (see _PLAIN_WORDS), so a pass that leaves plain words needs no other."""
    for _ in range(10):
        again = _normalise_once(text)
        if again == text or (_PLAIN_WORDS.fullmatch(again) and not again.endswith(" lts")):
            return again
        text = again
    return text
