"""Finding skills in free text (a résumé, a job posting): one engine for both.

How it reads a text, in one pass, linear in its length:

1. The text is cut into lines, each line into clauses at sentence punctuation and
   list separators (``,;|()•`` and a full stop followed by a space); a skill name
   never spans two clauses. Each clause is cut into word tokens (``C++``, ``C#``,
   ``.NET``, ``Node.js`` and ``R&D`` are one token each; ``-`` and ``/`` separate).
2. Phrase lookup: every name and alias the matcher knows (the shipped vocabulary and
   the roles' own names and aliases), tokenised the same way, sits in a dictionary
   keyed by its token tuple. At each token the longest phrase that starts there
   wins (at most ``longest`` tokens are tried), then the scan moves past it. A word
   that is a name run together (``scikitlearn``, ``googlecloud``) is looked up too.
3. Context for short and everyday names (``R``, ``C``, ``Go``, ``Rust``, ``Spark``,
   ``Swift``, ``Julia``, ``Ray``, ``Dash``, ``Excel``, ...; ``AMBIGUOUS``): such a
   name counts only when it is written as a name (capitalised as the skill is:
   ``go`` and ``a spark of curiosity`` never count), the phrases in ``NOT_SKILLS``
   (``C-suite``, ``Rust Belt``, ``go-getter``) do not cover it, and it stands in a
   skills context: a line that starts with a skills label (``Skills:``,
   ``Languages:``, ``Tech stack:``), a section under such a heading, or a list in
   which another, unambiguous skill is one of its neighbours (``Python/Go/C++``,
   ``Ray, Dask and Spark``). "Julia from our people team" is none of these.
   A level stated right after a name (``Go (intermediate)``, ``Spark - Experience
   - 36 months``) and a table row whose first cell is a skills label are a skills
   context too. A field's name after a capitalised word that is no skill is a
   company's name (``Vantage Robotics``), and a name followed by "team(s)" is a
   team (``the data science team``): neither counts.
4. Around the names: a line wrapped by hand is read as one (``split_lines``);
   two names sharing their last words lend them ("written and verbal
   communication", "linear/logistic regression"); a list in brackets or after a
   colon right after a name names the longer names it begins ("Hugging Face
   (Transformers, Datasets)"). Skills said in everyday words ("ran online
   experiments", "ship them to production") come from the tables of
   ``rolefit.texts.phrasing``; a row is tried on a line only if the line holds one of
   its needles, so reading stays linear and cheap.
5. Each mention keeps its line, the words around it and, where the text states
   one, a level (see ``stated_level``).

The engine only finds mentions; ``draft`` turns them into a skills file and
``posting`` into a role.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolefit.matching.normalise import normalise
from rolefit.texts.phrasing import OTHER_NAMES, PHRASINGS
from rolefit.texts.prepared import regex, shipped_tables

if TYPE_CHECKING:
    from rolefit.matching.matcher import Matcher
    from rolefit.model import Role

# Names that are also everyday words, names of people or places, or letters: they
# need a skills context (see the module docstring). Normalised forms.
AMBIGUOUS: frozenset[str] = frozenset(
    (
        *("r", "c", "d", "go", "rust", "spark", "swift", "julia", "ray", "dash", "excel", "bash", "flask", "react"),
        *("spring", "express", "hive", "pig", "beam", "storm", "make", "elm", "dart", "crystal", "ruby", "perl"),
        *("shell", "chef", "puppet", "salt", "lightning", "helm", "scheme", "node", "shiny", "mojo", "sas", "comet"),
    )
)
# Phrases that look like skills and never are: they are read as one unit and dropped.
NOT_SKILLS: frozenset[tuple[str, ...]] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "c suite",
        "c level",
        "c levels",
        "go getter",
        "go getters",
        "go to market",
        "go live",
        "rust belt",
        "spark of",
        "ray of",
        "excel at",
        "excel in",
        "make sure",
        "dash of",
        "r&d",
        "r and d",  # "R & D", the "&" read as "and"
        "team and leadership",
        "teams and leadership",
        # leadership as an audience, mentorship as a perk, a method's name
        "to leadership",
        "the leadership",
        "leadership team",
        "senior leadership",
        "executive leadership",
        "mentorship from",
        "preference optimization",
        "preference optimisation",
        "probability of",
    )
)
OTHER = "Other skills"  # the category of a skill no built-in role places
CATEGORY_ORDER = (
    "Mathematics and statistics",
    "Programming and software engineering",
    "Machine learning and deep learning",
    "Frameworks and libraries",
    "Data engineering and big data",
    "Experimentation and evaluation",
    "Research practice",
    "MLOps, deployment and cloud",
    "Responsible AI",
    "Communication and collaboration",
    OTHER,
)
# Single words too vague to be a requirement or a claimed skill on their own.
VAGUE: frozenset[str] = frozenset(("ai", "artificial intelligence", "tech", "technology", "software", "data"))

# Skills said in everyday words rather than by name ("ran online experiments") are in
# rolefit.texts.phrasing, the one table of them; the "<thing> <action>" names below are
# made into such phrasings from the vocabulary itself.


# Skills named "<thing> <action>" (Model deployment, Code review, Data cleaning) are
# as often said with the action as a verb: "deploy models", "review code", "clean
# messy data", "deployment of ML models". These tables turn every such name in the
# index into that pattern: the thing (its plural too) and the verb's stem.
ACTION_VERBS: dict[str, str] = {
    "deployment": "deploy",
    "monitoring": "monitor",
    "evaluation": "evaluat",
    "cleaning": "clean",
    "validation": "validat",
    "review": "review",
    "versioning": "version",
    "optimization": "optimi[sz]",
    "testing": "test",
    "design": "design",
    "writing": "(?:writ|wrote)",
    "management": "manag",
    "analysis": "analy[sz]",
    "tuning": "tun",
    "training": "train",
    "serving": "serv",
    "preprocessing": "pre-?process",
    "labeling": "label",
    "documentation": "document",
}
ACTION_OBJECTS: dict[str, str] = {
    "model": "models?",
    "data": "data(?:sets?)?",
    "code": "code",
    "system": "systems?",
    "api": "apis?",
    "feature": "features?",
    "hyperparameter": "hyper-?parameters?",
    "hypothesis": "hypothes[ie]s",
    "performance": "performance",
    "stakeholder": "stakeholders?",
    "project": "projects?",
    "llm": "llms?",
    "literature": "literature",
    "grant": "grants?",
    "experimental": "experiments?",
}


# The words a line must hold before an action's pattern is tried (the verb's stem
# and the thing's): most lines hold neither, and are passed over without a regex.
_VERB_NEEDLES: dict[str, tuple[str, ...]] = {"writing": ("writ", "wrote"), "preprocessing": ("process",)}


def action_patterns(names: Iterable[tuple[str, str]]) -> list[_Row]:
    """For each (display name, key) of the form "<thing> <action>", a pattern for
    the action said as a verb on the thing, within a few words."""
    found = []
    for name, key in names:
        words = name.lower().split()
        if len(words) != 2 or words[0] not in ACTION_OBJECTS or words[1] not in ACTION_VERBS:
            continue
        verb, thing = ACTION_VERBS[words[1]], ACTION_OBJECTS[words[0]]
        pattern = (
            rf"\b{verb}\w*(?:\s+(?:and|or|&)\s+\w+)?(?:\s+[\w/-]+){{0,3}}?\s+{thing}\b"
            rf"|\b{words[1]}\s+of\s+(?:[\w/-]+\s+){{0,3}}?{thing}\b"
        )
        verb_needles = _VERB_NEEDLES.get(words[1], (re.split(r"[\[(?\\]", verb)[0],))
        thing_needle = re.split(r"[\[(?\\]", thing)[0].rstrip("s-")
        found.append(_Row(pattern, (key,), (verb_needles, (thing_needle,))))
    return found


class _Row:
    """One phrasing: a pattern, compiled on first use, tried on a line only when the
    line holds a needle of each group."""

    def __init__(
        self, pattern: str, keys: tuple[str, ...], needles: tuple[tuple[str, ...], ...], context: str | None = None
    ) -> None:
        self.pattern = pattern
        self.keys = keys
        self.needles = tuple(group for group in needles if all(group))
        self.context = context
        self._compiled: re.Pattern[str] | None = None
        self._context: re.Pattern[str] | None = None

    def wanted(self, present: set[str]) -> bool:
        """Whether the needles found on a line include one of each of this row's groups."""
        return all(not present.isdisjoint(group) for group in self.needles)

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex(self.pattern, re.IGNORECASE)
        return self._compiled

    def compiled_context(self) -> re.Pattern[str]:
        if self._context is None:
            self._context = regex(self.context or "", re.IGNORECASE)
        return self._context


def _names_a_person(mention: Mention) -> bool:
    """ "report to Ray Okafor", "Julia from our people team": a name followed by a
    surname or by "from"."""
    after = mention.line_text[mention.end : mention.end + 30]
    return _PERSON_AFTER.match(after) is not None


_PERSON_AFTER = regex(r"\s+(?:[A-Z][a-z]+\b|from\b|at\b|(?:in|on) our (?:\w+ ){0,2}team\b)")


def _negated(mention: Mention, before: Sequence[tuple[Mention, bool]]) -> bool:
    """A skill its line says is not there: "No experience with Java", "never shipped
    React or Angular", "not familiar with Scala or Go", "I don't know Rust", "a
    Java-free codebase". Between the negation and the skill only a deed and words of
    knowing and using may stand, and other skills of a list, so a negation of
    something else reaches no skill ("cut costs without losing accuracy, using
    Python", "with no downtime using Terraform"), nor one that only limits ("not
    only Python", "including but not limited to SQL")."""
    text = mention.line_text
    if _FREE_AFTER.match(text, mention.end):
        return True
    reach = max(0, mention.start - _NEGATION_REACH)
    cues = list(_NEGATION.finditer(text, reach, mention.start))
    if not cues:
        return False
    cue = cues[-1]
    gap = list(text[cue.end() : mention.start])
    for other, _ in before:  # the skills of a list in between: "no Java, Scala or Go"
        for at in range(max(other.start, cue.end()), min(other.end, mention.start)):
            gap[at - cue.end()] = " "
    return _NEGATED_GAP.fullmatch("".join(gap)) is not None


_NEGATION_REACH = 80  # characters: a negation and what it denies are close
_NEGATION = regex(
    r"\b(?:no|not(?!\s+(?:limited|only|just|merely|necessarily|exclusively)\b)|never|without|lacks?|lacking|nor)\b"
    r"|n['\u2019]t\b",
    re.IGNORECASE,
)
_NEGATED_GAP = regex(
    # a deed may follow the negation ("never shipped React", "not deployed"), then words of knowing and using
    r"\s*(?:\b(?:[a-z]+ed|built|written|wrote|done|run|taught|seen)\b)?"
    r"(?:[\s,/&]|\b(?:a|an|any|the|yet|much|prior|previous|professional|commercial|production|hands-on|direct|formal|"
    r"experience|experienced|knowledge|exposure|familiarity|familiar|background|expertise|proficiency|proficient|"
    r"skills?|use|used|using|work|worked|working|know|knowing|need|needed|required|necessary|"
    r"with|in|of|on|to|for|and|or|nor)\b)*",
    re.IGNORECASE,
)
_FREE_AFTER = regex(r"[-\u2010\u2011]free\b", re.IGNORECASE)  # "Java-free": without it


_SKILL_LABEL = regex(
    r"^\W*(?:(?:core|key|technical|tech|hard|programming|computer|it|software|other|additional|relevant)\s+)*"
    r"(?:skills?|languages?|tools?|technologies|tech\s+stack|stack|frameworks?|libraries|platforms?|"
    r"competenc(?:y|ies)|toolbox|toolkit|proficienc(?:y|ies)|expertise|environments?|databases?)"
    r"\b[^:|\n]{0,40}[:|\-\u2013\u2014]",
    re.IGNORECASE,
)
_HEADING_WORDS = regex(
    r"\b(?:skills?|languages?|tools?|technologies|stack|frameworks?|libraries|platforms?|competenc(?:y|ies)|toolbox|expertise)\b",
    re.IGNORECASE,
)
_CLAUSE = regex(r"[,;|()\[\]{}•·▪●◦]|(?<=[a-z0-9)\]])\.(?=\s|$)|\s[-\u2013\u2014]\s|:\s")
_TOKEN = regex(r"\.net\b|[a-z0-9](?:[a-z0-9+#]|&(?=[a-z])|\.(?=[a-z0-9]))*|&", re.IGNORECASE)
_CONNECTORS = frozenset(("and", "or", "&", "plus", "as", "well", "also", "e.g", "eg", "including", "like", "such"))


@dataclass(frozen=True)
class Mention:
    """One skill found in a text."""

    key: str  # the matcher's canonical key
    skill: str  # how the skill is written in the vocabulary or the roles
    written: str  # the words in the text, as written
    line: int  # 1-based
    line_text: str  # the whole line, stripped
    start: int  # offsets of `written` in the line
    end: int
    clause: int  # which clause of the line (0-based), for grouping alternatives


@dataclass(frozen=True)
class Line:
    """A line of text with something on it: its number (1-based) and its text, stripped."""

    number: int
    text: str


Token = tuple[str, int, int, str]  # lowered, start, end, as written


def split_lines(text: str) -> list[Line]:
    """The lines with text on them. A line wrapped by hand ("familiar with Docker,"
    then "Kubernetes and Helm") is read as one line, numbered as its first part:
    see ``_continues``. The first line (a name, a title) is never joined to."""
    parts: list[tuple[int, list[str]]] = []  # each line's number and its pieces, joined once at the end
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            previous_blank = True
            continue
        if not previous_blank and len(parts) > 1 and _continues(parts[-1][1][-1], stripped):
            parts[-1][1].append(stripped)
        else:
            parts.append((number, [stripped]))
        previous_blank = False
    return [Line(number, " ".join(pieces)) for number, pieces in parts]


_OPEN_END = regex(r"(?:[,&/(+\u2013-]|\b(?:and|or|of|with|in|to|for|the|a|an|on|from|including|such as))$", re.I)


_CONTACT = regex(r"@|https?:|www\.|\.(?:com|org|net|io|dev)\b|linkedin|github\.com")


def _continues(before: str, line: str) -> bool:
    """Whether `line` carries on the sentence of the line before it: it starts in
    lower case, or the line before stops on a comma or a linking word; and neither
    is a heading, a list item, a table row or a labelled line of its own."""
    if before.endswith((".", "!", "?", ":", ";", "|")) or before.startswith("|") or heading_of(before) is not None:
        return False
    if line.startswith(("|", "#")) or _BULLET.match(line) or heading_of(line) is not None or _SKILL_LABEL.match(line):
        return False
    if _CONTACT.search(line):  # an e-mail address or a web address on a line of its own
        return False
    return line[:1].islower() or _OPEN_END.search(before) is not None


def clauses(text: str) -> Iterator[list[Token]]:
    """A line's clauses as lists of tokens; made as each line is read and then
    dropped, so that a long text does not hold a token object per word."""
    start = 0
    for cut in [*_CLAUSE.finditer(text), None]:
        end = cut.start() if cut is not None else len(text)
        tokens = [
            ("and" if word == "&" else word.lower(), m.start(), m.end(), word)
            for m in _TOKEN.finditer(text, start, end)
            for word in (m.group(),)
        ]
        if tokens:
            yield tokens
        if cut is not None:
            start = cut.end()


def _phrase_tokens(form: str) -> tuple[str, ...]:
    return tuple("and" if m.group() == "&" else m.group().lower() for m in _TOKEN.finditer(form))


class PhraseIndex:
    """Every way of writing a skill the matcher knows, by token tuple."""

    def __init__(self, matcher: Matcher, extra: Iterable[tuple[str, str]] = ()) -> None:
        self.matcher = matcher
        self.phrases: dict[tuple[str, ...], str] = {}
        self.compact: dict[str, str] = {}
        self.acronyms: set[str] = set()
        clashes: set[str] = set()
        # The vocabulary's own names first: a form two skills share keeps the first.
        other_names = [(normalise(text), matcher.key(name), text) for text, name in OTHER_NAMES]
        for form, key, written in [
            *matcher.forms(),
            *((normalise(name), key, name) for name, key in extra),
            *other_names,
        ]:
            tokens = _phrase_tokens(form)
            if not tokens:
                continue
            if len(tokens) == 1 and sum(c.isupper() for c in written) >= 2 and len(written) <= 5:
                self.acronyms.add(tokens[0])
            known = self.phrases.get(tokens)
            if known is not None and known != key:
                continue  # two skills written alike: the first (the vocabulary's own name) keeps it
            self.phrases[tokens] = key
            as_written = _phrase_tokens(written.lower())
            if as_written != tokens:
                self.phrases.setdefault(as_written, key)  # "ggplot2" as written, "ggplot" normalised
            joined = "".join(tokens)
            if len(joined) >= 6 and self.compact.setdefault(joined, key) != key:
                clashes.add(joined)
        for joined in clashes:
            del self.compact[joined]
        self.longest = min(max((len(t) for t in self.phrases), default=1), 6)
        # The first word of anything findable: most words of a text are not, and are
        # passed over with one set lookup.
        self.starts = {t[0] for t in self.phrases} | {t[0] for t in NOT_SKILLS} | set(self.compact)
        # Names that begin longer names ("Hugging Face" of "Hugging Face Datasets",
        # "AWS" of "AWS Lambda"): a list after them may name the longer ones.
        self.families = {t[:n] for t in self.phrases for n in range(1, len(t)) if t[:n] in self.phrases}
        # The first words of every phrase longer than them: a run of words that is none
        # of these is how far a phrase starting at a word can reach (see _longest).
        self.heads = {t[:n] for t in (*self.phrases, *NOT_SKILLS) for n in range(1, len(t))}
        keys = set(self.phrases.values())
        # Everyday phrasings (see rolefit.texts.phrasing), then the "<thing> <action>" names
        # said as verbs; each row only if its skills are known. A row is compiled the
        # first time a line holds one of its needles.
        self.everyday: list[_Row] = []
        for phrasing in PHRASINGS:
            row_keys = tuple(matcher.key(name) for name in phrasing.skills)
            if all(k in keys for k in row_keys):
                self.everyday.append(_Row(phrasing.pattern, row_keys, (phrasing.needles,), phrasing.context))
        self.everyday += action_patterns((matcher.display_name(key), key) for key in sorted(keys))
        # Each needle, and the rows (by position) that name it: a line is tested once for
        # each needle, and only the rows whose needles it holds are looked at.
        self.needles: dict[str, list[int]] = {}
        self.always: list[int] = []
        for position, each in enumerate(self.everyday):
            if not each.needles:
                self.always.append(position)
            for needle in {n for group in each.needles for n in group}:
                self.needles.setdefault(needle, []).append(position)
        self._implied: dict[str, frozenset[str]] = {}

    def tables(self) -> dict[str, Any]:
        """All the index holds but its matcher: what the wheel ships (rolefit.texts.prepared)."""
        tables: dict[str, Any] = {name: value for name, value in vars(self).items() if name != "matcher"}
        # Rows as plain tuples: the pickle then loads without importing this module
        # (which is loading it), and a compiled pattern is never pickled.
        tables["everyday"] = [(row.pattern, row.keys, row.needles, row.context) for row in self.everyday]
        return tables

    @classmethod
    def from_tables(cls, matcher: Matcher, tables: Mapping[str, Any]) -> PhraseIndex:
        """The index `tables` came from, for the matcher it was built with."""
        index = cls.__new__(cls)
        vars(index).update(tables)
        index.everyday = [_Row(*row) for row in tables["everyday"]]
        index.matcher = matcher
        index._implied = {}
        return index

    def patterns(self) -> Iterator[re.Pattern[str]]:
        """Every phrasing pattern, compiled (for the wheel build to record them)."""
        for row in self.everyday:
            yield row.compiled()
            if row.context is not None:
                yield row.compiled_context()

    def find(self, lines: Sequence[Line], skill_lines: frozenset[int] = frozenset()) -> list[Mention]:
        """Every mention in the lines, in order, with the context rule applied;
        `skill_lines` are lines known to speak of skills (a posting's requirements)."""
        mentions: list[Mention] = []
        in_skill_section = False
        for line in lines:
            heading = heading_of(line.text)
            if heading is not None:
                in_skill_section = bool(_HEADING_WORDS.search(heading))
            labelled = in_skill_section or bool(_SKILL_LABEL.match(line.text))
            asked = line.number in skill_lines
            found = list(self._line_mentions(line))
            found = self._qualified(line, found)
            if heading is None:  # a heading ("RESEARCH PROFILE") states no skill in everyday words
                found += self._everyday(line, found)
            found.sort(key=lambda item: item[0].start)
            for position, (mention, ambiguous) in enumerate(found):
                if _negated(mention, found[:position]):
                    continue
                if ambiguous and not (
                    labelled
                    or _has_plain_neighbour(found, position)
                    or (asked and not _names_a_person(mention))
                    or _level_after(line.text[mention.end : mention.end + 40]) is not None
                ):
                    continue
                mentions.append(mention)
        return mentions

    def _qualified(self, line: Line, found: list[tuple[Mention, bool]]) -> list[tuple[Mention, bool]]:
        """A list in brackets or after a colon, right after a name that begins longer
        names, names those: "Hugging Face (Transformers, Datasets)" is Hugging Face
        Transformers and Hugging Face Datasets; "AWS: SageMaker, Lambda" has AWS Lambda."""
        text = line.text
        spans: list[tuple[int, int]] = []  # what the longer names cover, to drop what was read there before
        added: list[tuple[Mention, bool]] = []
        for mention, _ in found:
            listed = _LISTED_AFTER.match(text, mention.end)  # first: most names have no list after them
            if listed is None:
                continue
            family = _phrase_tokens(normalise(mention.written))
            if family not in self.families:
                continue
            group = 1 if listed.group(1) is not None else 2
            offset = listed.start(group)
            for item in _LIST_ITEM.finditer(listed.group(group)):
                key = self.phrases.get((*family, *_phrase_tokens(item.group(1).lower())))
                if key is None:
                    continue
                start, end = offset + item.start(1), offset + item.end(1)
                spans.append((start, end))
                added.append(
                    (
                        Mention(key, self.matcher.display_name(key), item.group(1), line.number, text, start, end, -1),
                        False,
                    )
                )
        if not added:
            return found
        spans.sort()
        span_starts = [start for start, _ in spans]

        def covered(m: Mention) -> bool:
            at = bisect.bisect_right(span_starts, m.start) - 1
            return at >= 0 and m.end <= spans[at][1]

        return [(m, a) for m, a in found if not covered(m)] + added

    def _everyday(self, line: Line, found: Sequence[tuple[Mention, bool]]) -> list[tuple[Mention, bool]]:
        """Skills said in everyday words rather than by name (see rolefit.texts.phrasing and
        EVERYDAY), where no named skill already covers those words."""
        extra: list[Mention] = []
        lowered = line.text.lower()
        ordered = sorted((m for m, _ in found), key=lambda m: m.start)
        starts = [m.start for m in ordered]
        found_keys = {m.key for m in ordered}
        added: set[str] = set()
        present = {needle for needle in self.needles if needle in lowered}
        candidates = set(self.always).union(*(self.needles[needle] for needle in present))
        for position in sorted(candidates):
            row = self.everyday[position]
            if not row.wanted(present):
                continue
            if row.context is not None and row.compiled_context().search(line.text) is None:
                continue
            keys = row.keys
            for match in row.compiled().finditer(line.text):
                # The named mentions these words overlap: a name is a few words long and
                # names do not overlap, so they are among the last few starting before the end.
                before_end = bisect.bisect_left(starts, match.end())
                named = [m for m in ordered[max(0, before_end - 8) : before_end] if match.start() < m.end]
                # Words a named skill already covers are not read again ("anomaly
                # detection" is not also Object detection); the thing acted on may be
                # one ("GPU spend", "SQL pipelines").
                if any(m.start <= match.start() and match.end() <= m.end for m in named):
                    continue
                for key in keys:
                    if key in found_keys or key in added:
                        continue
                    # A narrower skill named in these words says it ("unit tests" is
                    # not also Automated testing); a broader one does not.
                    if any(key in self.implied(m.key) for m in named) or any(
                        m.start <= match.start() < m.end and m.key not in self.implied(key) for m in named
                    ):
                        continue
                    added.add(key)
                    extra.append(
                        Mention(
                            key=key,
                            skill=self.matcher.display_name(key),
                            written=match.group(),
                            line=line.number,
                            line_text=line.text,
                            start=match.start(),
                            end=match.end(),
                            clause=-1,
                        )
                    )
        # Of two skills read from the same words, the narrower one says it: "fine-tune
        # LLMs" is LLM fine-tuning, not also Fine-tuning (which LLM fine-tuning implies).
        kept = [
            m
            for m in extra
            if not any(
                o is not m and o.start < m.end and m.start < o.end and m.key in self.implied(o.key) for o in extra
            )
        ]
        return [(m, False) for m in kept]

    def implied(self, key: str) -> frozenset[str]:
        cached = self._implied.get(key)
        if cached is None:
            hits = self.matcher.resolve(self.matcher.display_name(key))
            cached = frozenset(k for k, hit in hits.items() if hit.method == "implied")
            self._implied[key] = cached
        return cached

    def _line_mentions(self, line: Line) -> Iterator[tuple[Mention, bool]]:
        starts = self.starts
        for clause_number, tokens in enumerate(clauses(line.text)):
            i = 0
            while i < len(tokens):
                # Most words start no phrase: passed over here, without a call.
                matched = self._longest(tokens, i) if tokens[i][0] in starts else None
                if matched is None:
                    i += 1
                    continue
                length, key = matched
                if key is None:  # a phrase that is never a skill
                    i += length
                    continue
                first, last = tokens[i], tokens[i + length - 1]
                written = line.text[first[1] : last[2]]
                ambiguous = length == 1 and first[0] in AMBIGUOUS
                if (
                    (ambiguous and not _written_as_name(first[3], self.matcher.display_name(key)))
                    or (length == 1 and first[0] in self.acronyms and sum(c.isupper() for c in first[3]) < 2)
                    or _TEAM_AFTER.match(line.text, last[2]) is not None
                    or (length == 1 and self._in_a_proper_name(tokens, i))
                ):
                    i += length  # "go", "a spark of"; "Doe" is not DoE; "data science teams"
                    continue
                yield from self._shared_head(line, tokens, i, length, clause_number)
                mention = Mention(
                    key=key,
                    skill=self.matcher.display_name(key),
                    written=written,
                    line=line.number,
                    line_text=line.text,
                    start=first[1],
                    end=last[2],
                    clause=clause_number,
                )
                yield mention, ambiguous
                i += length

    def _shared_head(
        self, line: Line, tokens: Sequence[Token], i: int, length: int, clause_number: int
    ) -> Iterator[tuple[Mention, bool]]:
        """Two names sharing their last words: "written and verbal communication",
        "linear/logistic regression", "linear and integer programming". The name found
        at `i` lends its tail to the word before "and"/"or"/"/"."""
        if length < 2 or i < 1:
            return
        tail = tuple(t[0] for t in tokens[i + 1 : i + length])
        if tokens[i - 1][0] in ("and", "or") and i >= 2:
            other = tokens[i - 2]
        elif line.text[tokens[i - 1][2] : tokens[i][1]] == "/":
            other = tokens[i - 1]
        else:
            return
        key = self.phrases.get((other[0], *tail))
        if key is None:
            return
        mention = Mention(
            key, self.matcher.display_name(key), other[3], line.number, line.text, other[1], other[2], clause_number
        )
        yield mention, False

    def _in_a_proper_name(self, tokens: Sequence[Token], i: int) -> bool:
        """A field's name after a capitalised word that is no skill is part of a
        company's name: "Vantage Robotics", "Northwind Analytics"."""
        if tokens[i][0] not in FIELD_WORDS or i == 0 or not tokens[i][3][:1].isupper():
            return False
        before = tokens[i - 1]
        return before[3][:1].isupper() and before[0] not in self.starts and not before[3].isupper()

    def _longest(self, tokens: Sequence[Token], i: int) -> tuple[int, str | None] | None:
        if tokens[i][0] not in self.starts:
            return None
        words = [t[0] for t in tokens[i : i + self.longest]]
        # A phrase of n words (or a plural or singular of one) begins with n - 1 words
        # that are the head of some phrase: no longer phrase is tried than that allows.
        reach = 1
        while reach < len(words) and tuple(words[:reach]) in self.heads:
            reach += 1
        for length in range(reach, 0, -1):
            candidate = tuple(words[:length])
            if candidate in NOT_SKILLS:
                return length, None
            key = self.phrases.get(candidate)
            if key is None and length == 1:
                key = self.compact.get(candidate[0])  # run together: scikitlearn, googlecloud
            last = candidate[-1]
            if key is None and len(last) > 4 and last.endswith("s"):
                key = self.phrases.get((*candidate[:-1], last[:-1]))  # code reviews, data pipeline
            if key is None and length > 1 and len(last) > 3 and not last.endswith("s"):
                key = self.phrases.get((*candidate[:-1], last + "s"))  # a convolutional neural network
            if key is not None:
                return length, key
        return None


# A field's name that is also the last word of company names (see _in_a_proper_name).
FIELD_WORDS = frozenset(("robotics", "analytics", "statistics", "forecasting", "simulation", "bioinformatics"))
# "data science teams", "the NLP group": a team named after a field, not the field.
_TEAM_AFTER = regex(r"\s+(?:teams?|org|organi[sz]ations?|department|squads?)\b", re.IGNORECASE)
_LISTED_AFTER = regex(r"\s*(?:\(([^()]{1,120})\)|:\s*([^;|()]{1,120}))")
_LIST_ITEM = regex(r"\s*([^,;+/&\s][^,;+/&]*?)\s*(?:,|;|\+|/|&|\band\b|$)")

_CAPITALS_HEADING = regex(r"[A-Z][A-Z &/,'-]{3,}")
_BULLET = regex(r"^(?:[-*+•·▪●◦]|\d{1,2}[.)])\s")


def heading_of(text: str) -> str | None:
    """The heading a line is, or None: a Markdown heading, or a short line that is
    no list item and ends with a colon or is written in capitals (SKILLS)."""
    if text.startswith("#"):
        return text.lstrip("#").strip()
    if _BULLET.match(text):
        return None
    bare = text.strip("*_ ")
    # A colon ends a heading ("Requirements:") only on a line that starts like one,
    # not on the end of a wrapped sentence ("to end, for example:").
    if len(bare) <= 60 and ((bare.endswith(":") and not bare[:1].islower()) or _CAPITALS_HEADING.fullmatch(bare)):
        return bare.rstrip(":")
    return None


def _written_as_name(written: str, display: str) -> bool:
    """`Go`, `GO`, `R`, `Spark` are names; `go`, `spark` are words. A name written in
    lower case by its owners (`pandas`) is a name in lower case too."""
    if display[:1].islower():
        return True
    return written[:1].isupper()


def _has_plain_neighbour(found: Sequence[tuple[Mention, bool]], position: int) -> bool:
    """Whether an unambiguous skill stands next to this mention in a list on its line."""
    mention = found[position][0]
    for offset in (-1, 1):
        other_position = position + offset
        if not 0 <= other_position < len(found):
            continue
        other, other_ambiguous = found[other_position]
        if other_ambiguous or abs(other.clause - mention.clause) > 1:
            continue
        left, right = sorted((mention, other), key=lambda m: m.start)
        between = strip_emphasis(mention.line_text[left.end : right.start].lower())
        words = [w for w in _NEIGHBOUR_GAP.split(between) if w]
        if all(w in _CONNECTORS for w in words):
            return True
    return False


_NEIGHBOUR_GAP = regex(r"[\s,;/|&+()\[\]]+")


def find_mentions(text: str, index: PhraseIndex) -> tuple[list[Line], list[Mention]]:
    lines = split_lines(text)
    return lines, index.find(lines)


def strip_emphasis(text: str) -> str:
    """Markdown emphasis marks out of a stretch of text: "PyTorch *or* TF"."""
    return text.replace("*", " ").replace("_", " ")


# --- levels stated in the text ----------------------------------------------------------

_YEARS = regex(r"(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?\.?)\b", re.IGNORECASE)
_MONTHS = regex(r"(\d{1,3})\s*\+?\s*(?:months?|mos?\.?)\b", re.IGNORECASE)
# Words before a skill (or in brackets after it) and the level they state. The same
# words the skills-file reader accepts as levels.
LEVEL_WORDS: Mapping[str, int] = {
    "expert": 5,
    "expert in": 5,
    "expertise in": 5,
    "mastery of": 5,
    "deep expertise": 5,
    "deep experience": 5,
    "deep knowledge": 5,
    "expert-level": 5,
    "world-class": 5,
    "excellent": 5,
    "outstanding": 5,
    "advanced": 4,
    "proficient": 4,
    "proficient in": 4,
    "proficiency in": 4,
    "strong": 4,
    "extensive experience": 4,
    "deep": 4,
    "solid": 4,
    "strong grasp": 4,
    "fluent": 4,
    "fluency": 4,
    "fluency in": 4,
    "proficiency": 4,
    "hands-on proficiency": 4,
    "intermediate": 3,
    "good": 3,
    "good grasp": 3,
    "working knowledge": 3,
    "experience with": 3,
    "experience in": 3,
    "hands-on": 3,
    "familiar": 2,
    "familiar with": 2,
    "familiarity with": 2,
    "exposure to": 2,
    "basic": 2,
    "basics of": 2,
    "beginner": 2,
    "some": 2,
    "awareness": 1,
    "aware of": 1,
}
_LEVEL_WORD = regex(
    r"\b(" + "|".join(re.escape(w) for w in sorted(LEVEL_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


_DENIED = regex(r"\b(?:not|never|no)\b(?:\s+yet)?\s*$", re.IGNORECASE)


def level_from_years(years: float) -> int:
    """Years of use as a level: under 1 year 2 (beginner), 1 to 3 years 3
    (intermediate), 3 to 6 years 4 (advanced), 6 years or more 5 (expert)."""
    if years < 1:
        return 2
    if years < 3:
        return 3
    if years < 6:
        return 4
    return 5


@dataclass(frozen=True)
class StatedLevel:
    level: int
    words: str  # what the text says, e.g. "5+ years", "expert in"


def stated_level(mention: Mention, line_mentions: Sequence[Mention]) -> StatedLevel | None:
    """The level the text states for a mention, from its own line: right after it
    ("Python (expert)", "PyTorch 4/5", "SQL - 3 years", "Python - Experience - 24
    months"), or before it in its sentence ("5+ years of Python", "expert in
    PyTorch"). A statement before a list covers the whole list ("familiar with
    Docker, Kubernetes and Helm"), and no statement reaches past another skill that
    is not in that list ("5 years of Python building pipelines with Airflow" says
    nothing of Airflow)."""
    text = mention.line_text
    after = text[mention.end : mention.end + 40]
    found = _level_after(after)
    if found is not None:
        return found
    # A sentence that states a level is short: looking back a bounded stretch keeps a
    # long line (a text with no line breaks) linear to read.
    reach = max(0, mention.start - _SENTENCE_REACH)
    sentence_start = max(text.rfind(". ", reach, mention.start), text.rfind(";", reach, mention.start), reach - 1) + 1
    first_after = bisect.bisect_left(line_mentions, sentence_start, key=lambda m: m.start)
    upto = bisect.bisect_left(line_mentions, mention.start, key=lambda m: m.start)
    earlier = [m for m in line_mentions[first_after:upto] if m.end <= mention.start]
    first = mention
    while earlier and _LIST_GAP.fullmatch(strip_emphasis(_BRACKETED.sub("", text[earlier[-1].end : first.start]))):
        first = earlier.pop()
    since = earlier[-1].end if earlier else sentence_start
    before = _BRACKETED.sub("", text[since : first.start])
    if first is not mention:
        # Across a list only words reach ("familiar with A, B and C"): years belong to
        # the one skill they stand before ("5+ yrs Python, PyTorch").
        return _word_level(before)
    return _level_in(before, last=True)


_SENTENCE_REACH = 300  # characters
_LIST_GAP = regex(r"[\s,/&|+]*(?:(?:and|or)\s+)?", re.IGNORECASE)
_BRACKETED = regex(r"\([^()]*\)|\[[^\[\]]*\]")
_OUT_OF = regex(r"\s*[(\[]?\s*([0-5](?:\.5)?)\s*/\s*5\b")
_BRACKET_AFTER = regex(r"\s*[(\[]([^)\]]{1,30})[)\]]")
_TRAILING_AFTER = regex(r"\s*[-\u2013\u2014:]\s*(?:experience\s*[-\u2013\u2014:]\s*)?([^,;.(]{1,30})", re.IGNORECASE)


def _level_after(after: str) -> StatedLevel | None:
    out_of = _OUT_OF.match(after)
    if out_of is not None:
        return StatedLevel(round(float(out_of.group(1)) + 0.01), out_of.group(0).strip(" ([)]"))
    bracket = _BRACKET_AFTER.match(after)
    if bracket is not None:
        return _level_in(bracket.group(1))
    trailing = _TRAILING_AFTER.match(after)
    if trailing is not None:
        return _years_in(trailing.group(1)) or _word_only(trailing.group(1))
    return None


def _word_only(text: str) -> StatedLevel | None:
    """A level word that is all there is: "SQL - advanced", not "SQL - advanced analytics"."""
    word = _LEVEL_WORD.fullmatch(text.strip())
    return StatedLevel(LEVEL_WORDS[word.group(1).lower()], word.group(1)) if word is not None else None


def _years_in(text: str) -> StatedLevel | None:
    years = _YEARS.search(text)
    if years is not None:
        return StatedLevel(level_from_years(float(years.group(1))), years.group(0).strip())
    months = _MONTHS.search(text)
    if months is not None:
        return StatedLevel(level_from_years(int(months.group(1)) / 12), months.group(0).strip())
    return None


def _level_in(text: str, *, last: bool = False) -> StatedLevel | None:
    return _years_in(text) or _word_level(text, last=last)


def _word_level(text: str, *, last: bool = True) -> StatedLevel | None:
    # "not yet proficient", "never fluent": a level denied states none
    words = [w for w in _LEVEL_WORD.finditer(text) if not _DENIED.search(text, max(0, w.start() - 12), w.start())]
    if not words:
        return None
    word = words[-1] if last else words[0]
    return StatedLevel(LEVEL_WORDS[word.group(1).lower()], word.group(1))


class Categories(dict[str, str]):
    """Each skill key's category in the roles (the first role that asks for it); a
    skill no role asks for takes the category of a skill it implies (Terraform ->
    Infrastructure as code), found on first use."""

    def __init__(self, roles: Iterable[Role], matcher: Matcher) -> None:
        super().__init__()
        self.matcher = matcher
        for role in roles:
            for category in role.categories:
                for requirement in category.requirements:
                    for name in requirement.skill_names:
                        self.setdefault(matcher.key(name), category.name)

    def __missing__(self, key: str) -> str:
        for implied, hit in self.matcher.resolve(self.matcher.display_name(key)).items():
            if hit.method == "implied" and dict.__contains__(self, implied):
                return dict.__getitem__(self, implied)
        raise KeyError(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default


@dataclass(frozen=True)
class TextTools:
    """What reading a résumé or a posting needs, built once from the built-in roles."""

    index: PhraseIndex
    categories: Categories
    learn: dict[str, dict[str, tuple[str, ...]]]  # the roles' learning steps, by skill key then role id


def text_tools() -> TextTools:
    from rolefit.formats.roles import builtin_roles
    from rolefit.scoring.assess import _PREPARED_STAMP, index_roles

    roles = builtin_roles()
    matcher, _ = index_roles(roles)
    learn: dict[str, dict[str, tuple[str, ...]]] = {}
    for role in roles:
        for requirement in role.requirements:
            if requirement.learn:
                for name in requirement.skill_names:
                    learn.setdefault(matcher.key(name), {}).setdefault(role.id, requirement.learn)
    # The wheel ships the index built for the shipped matcher (rolefit.texts.prepared).
    shipped = shipped_tables()
    if shipped is not None and shipped[0] == _PREPARED_STAMP:
        index = PhraseIndex.from_tables(matcher, shipped[1])
    else:
        index = PhraseIndex(matcher)
    return TextTools(index, Categories(roles, matcher), learn)
