"""The shipped skill vocabulary: canonical skills, their aliases, what they imply, and
pairs that must never match.

The data lives in ``rolefit/data/vocabulary.json`` (JSON rather than YAML because it is
read on every matching command and ``json`` parses it far faster than PyYAML).

Conventions the data follows:

- An alias is a true synonym or an abbreviation of the skill (``torch`` for PyTorch,
  ``k8s`` for Kubernetes), never a related skill.
- ``implies`` names skills that anyone who has this one necessarily has: a
  specialisation implies its base (``Keras Tuner`` -> ``Keras``), a cloud service
  its platform, a tool its practice where that is all the tool does (``Terraform``
  -> ``Infrastructure as code``). Implication is followed transitively and only
  downwards: knowing Keras says nothing about Keras Tuner.
- ``tf.keras`` is its own skill, not an alias: it is Keras as shipped in TensorFlow,
  so it implies both ``Keras`` and ``TensorFlow``.
- ``never_match`` lists pairs that look alike but are different skills (``R`` and
  ``React``, ``SQL`` and ``NoSQL``); the matcher refuses to link them by any layer.
- ``ambiguous`` lists short forms that mean different skills to different people
  (``CV``: computer vision, a résumé, cross-validation): no alias, in the vocabulary
  or a role file, may be one of them, so alone they credit nothing.
- ``in_context`` reads some of those short forms as one skill when the same entry
  also names a skill of their field, or, for an entry that is the form alone,
  another entry of the skills file does: ``CV`` is Computer vision in ``NLP, CV``,
  ``DoE`` Experimental design in ``regression, DoE, SPC``. Each item is
  ``{"form": ..., "skill": ..., "beside": [skills]}``; shipped vocabulary only. With
  ``"alone": true`` the form is an alias that stays one (``deployment``: Model
  deployment) but, in an entry that names other skills, counts only beside one of
  its field: "automated testing and deployment" is software, not models. With
  ``"alone": "entry"`` the form stands for its skill only as a whole entry (a word
  with other senses: ``Spring`` alone is the framework, "Teaching Assistant, Spring
  2024" is no framework), and in a longer entry only beside a skill of its field.
- ``everyday`` lists names and aliases that are also everyday words, myths, places or
  people (``Python``, ``Java``, ``Airflow``, ``Great Expectations``): a whole entry
  still names the skill, but inside a longer one the name counts only on a line about
  technical work (see ``Matcher._everyday_senses``): "The python at the zoo" is no
  Python, "Airflow through the ducts" no Apache Airflow.
- ``fields`` lists broad fields (Machine learning, NLP): before a word for tools
  ("NLP libraries", "ML frameworks") a field names the tools, not the field, and
  credits nothing.

A user vocabulary (``--vocabulary FILE``, or ``vocabulary = "..."`` under
``[tool.rolefit]`` of a ``pyproject.toml`` or in a ``rolefit.toml`` found upward from
the current folder) has the same shape, in YAML or JSON, and adds skills, aliases
and implications for every role: see ``load_user_vocabulary`` and ``merge``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from rolefit import packaged
from rolefit.errors import RolefitError

VOCABULARY_RESOURCE = "rolefit/data/vocabulary.json"


@dataclass(frozen=True)
class VocabularySkill:
    """One canonical skill with its synonyms and the skills it implies."""

    name: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    skills: tuple[VocabularySkill, ...]
    never_match: tuple[tuple[str, str], ...] = ()
    ambiguous: tuple[str, ...] = ()  # written forms no alias may be
    # (form, skill, skills beside which the form means that skill)
    in_context: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # forms that stay aliases alone but need their field beside other skills
    guarded: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    fields: tuple[str, ...] = ()  # broad fields: "NLP libraries" names no field
    # guarded forms that count alone only as a whole entry, never as the one skill a
    # longer entry names ("Teaching Assistant, Spring 2024")
    whole_entries: tuple[str, ...] = ()
    # names that are also everyday words: inside a longer entry, only on a technical line
    everyday: tuple[str, ...] = ()


def _text_list(value: Any, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RolefitError.at(source, f"{where}: expected a list of non-empty strings")
    return tuple(value)


def parse_vocabulary(data: Any, source: str = VOCABULARY_RESOURCE) -> Vocabulary:
    """Build a Vocabulary from decoded JSON, checking its shape and cross-references."""
    if not isinstance(data, dict) or not isinstance(data.get("skills"), list):
        raise RolefitError.at(source, 'expected an object with a "skills" list')
    skills: list[VocabularySkill] = []
    for index, item in enumerate(data["skills"]):
        where = f"skills[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise RolefitError.at(source, f'{where}: expected an object with a "name" string')
        unknown = set(item) - {"name", "aliases", "implies"}
        if unknown:
            raise RolefitError.at(source, f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        skills.append(
            VocabularySkill(
                name=item["name"],
                aliases=_text_list(item.get("aliases", []), f"{where}.aliases", source),
                implies=_text_list(item.get("implies", []), f"{where}.implies", source),
            )
        )
    names = {s.name for s in skills}
    if len(names) != len(skills):
        raise RolefitError.at(source, "skill names must be unique")
    for skill in skills:
        missing = [n for n in skill.implies if n not in names]
        if missing:
            raise RolefitError.at(source, f"{skill.name}: implies unknown skill(s) {', '.join(missing)}")
    pairs: list[tuple[str, str]] = []
    for index, pair in enumerate(data.get("never_match", [])):
        texts = _text_list(pair, f"never_match[{index}]", source)
        if len(texts) != 2:
            raise RolefitError.at(source, f"never_match[{index}]: expected two names")
        pairs.append((texts[0], texts[1]))
    ambiguous = _text_list(data.get("ambiguous", []), "ambiguous", source)
    in_context: list[tuple[str, str, tuple[str, ...]]] = []
    guarded: list[tuple[str, str, tuple[str, ...]]] = []
    whole_entries: list[str] = []
    for index, item in enumerate(data.get("in_context", [])):
        where = f"in_context[{index}]"
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("form", "skill")):
            raise RolefitError.at(source, f'{where}: expected an object with "form", "skill" and "beside"')
        beside = _text_list(item.get("beside"), f"{where}.beside", source)
        missing = [n for n in (item["skill"], *beside) if n not in names]
        if missing:
            raise RolefitError.at(source, f"{where}: unknown skill(s) {', '.join(missing)}")
        alone = item.get("alone", False)
        if not isinstance(alone, bool) and alone != "entry":
            raise RolefitError.at(source, f'{where}.alone: expected true, false or "entry"')
        (guarded if alone else in_context).append((item["form"], item["skill"], beside))
        if alone == "entry":
            whole_entries.append(item["form"])
    fields = _text_list(data.get("fields", []), "fields", source)
    missing = [n for n in fields if n not in names]
    if missing:
        raise RolefitError.at(source, f"fields: unknown skill(s) {', '.join(missing)}")
    everyday = _text_list(data.get("everyday", []), "everyday", source)
    return Vocabulary(
        skills=tuple(skills),
        never_match=tuple(pairs),
        ambiguous=ambiguous,
        in_context=tuple(in_context),
        guarded=tuple(guarded),
        fields=fields,
        whole_entries=tuple(whole_entries),
        everyday=everyday,
    )


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with rolefit (read once per process)."""
    raw = packaged.read("data/vocabulary.json")
    if raw is None:
        raise RolefitError.at(VOCABULARY_RESOURCE, "missing from the installed package; reinstall rolefit")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RolefitError.at(VOCABULARY_RESOURCE, exc.msg, exc.lineno, exc.colno) from None
    return parse_vocabulary(data)


# --- a user's own vocabulary ------------------------------------------------------------

VOCABULARY_FIELDS = ("skills", "never_match", "ambiguous")
SKILL_FIELDS = ("name", "aliases", "implies")


def load_user_vocabulary(path: Path, base: Vocabulary, label: str | None = None) -> Vocabulary:
    """``base`` merged with the user's vocabulary file (YAML or JSON), each problem
    located in the file."""
    from rolefit.yaml.safe import parse, read_text

    where = label or str(path)
    return user_vocabulary_from_data(parse(read_text(path, where), where), where, base)


def user_vocabulary_from_data(data: Any, where: str, base: Vocabulary) -> Vocabulary:
    """``base`` merged with a user's vocabulary read as data (with marks)."""
    from rolefit.yaml.safe import item_marks

    extra = _user_vocabulary(data, where)
    marks = tuple(item_marks(data["skills"])) if isinstance(data.get("skills"), list) else ()
    return merge(base, extra, where, marks)


def _user_vocabulary(data: Any, where: str) -> Vocabulary:
    from rolefit.formats.checks import Checker
    from rolefit.yaml.safe import mark_of

    check = Checker(where)
    top = check.top_mapping(data, "vocabulary file")
    check.fields(top, VOCABULARY_FIELDS, "")
    skills: list[VocabularySkill] = []
    for item, mark in check.items(top, "skills", "") if "skills" in top else ():
        if not isinstance(item, dict):
            check.add("each skill must be a mapping with a 'name'", mark)
            continue
        context = f" of skill '{item.get('name')}'" if isinstance(item.get("name"), str) else ""
        check.fields(item, SKILL_FIELDS, context)
        name = check.text(item, "name", "", required=True)
        if name is not None:
            skills.append(
                VocabularySkill(
                    name,
                    check.text_list(item, "aliases", context),
                    check.text_list(item, "implies", context),
                )
            )
    pairs: list[tuple[str, str]] = []
    for item, mark in check.items(top, "never_match", "") if "never_match" in top else ():
        if not isinstance(item, list) or len(item) != 2 or not all(isinstance(t, str) and t.strip() for t in item):
            check.add("each never_match item must be a list of two skill names", mark or mark_of(item))
        else:
            pairs.append((item[0].strip(), item[1].strip()))
    ambiguous = check.text_list(top, "ambiguous", "")
    check.raise_if_any()
    return Vocabulary(tuple(skills), tuple(pairs), ambiguous)


def merge(base: Vocabulary, extra: Vocabulary, where: str = "vocabulary", marks: Sequence[Any] = ()) -> Vocabulary:
    """``base`` with ``extra``'s skills, aliases and implications added.

    A skill of ``extra`` named like one of ``base`` (written any way the matcher reads
    as the same) extends it. It is an error for an alias to name another skill, or
    for a skill to imply one neither vocabulary has."""
    from rolefit.formats.checks import Checker
    from rolefit.matching.normalise import normalise

    check = Checker(where)
    skills = {normalise(s.name): s for s in base.skills}
    owner = {normalise(text): normalise(s.name) for s in base.skills for text in (s.name, *s.aliases)}
    ambiguous = {normalise(a) for a in (*base.ambiguous, *extra.ambiguous)}
    for number, skill in enumerate(extra.skills):
        mark = marks[number] if number < len(marks) else None
        key = normalise(skill.name)
        named = owner.get(key, key)
        if named != key:
            check.add(
                f"'{skill.name}' is an alias of '{skills[named].name}' in the vocabulary; "
                f"add aliases to '{skills[named].name}' instead",
                mark,
            )
            continue
        for alias in skill.aliases:
            form = normalise(alias)
            if form in ambiguous:
                check.add(f"alias '{alias}' of '{skill.name}' is too ambiguous to be an alias", mark)
            elif owner.get(form, key) != key:
                check.add(f"alias '{alias}' of '{skill.name}' already names '{skills[owner[form]].name}'", mark)
            else:
                owner[form] = key
        owner.setdefault(key, key)
        known = skills.get(key)
        if known is None:
            skills[key] = skill
        else:
            skills[key] = replace(
                known,
                aliases=known.aliases + tuple(a for a in skill.aliases if a not in known.aliases),
                implies=known.implies + tuple(i for i in skill.implies if i not in known.implies),
            )
    names = {normalise(s.name): s.name for s in skills.values()}
    for number, skill in enumerate(extra.skills):
        for implied in skill.implies:
            if normalise(implied) not in names and normalise(implied) not in owner:
                check.add(
                    f"'{skill.name}' implies unknown skill '{implied}'",
                    marks[number] if number < len(marks) else None,
                )
    check.raise_if_any()
    # The matcher follows implications by exact name: write them as the skills are named.
    resolved = tuple(
        replace(s, implies=tuple(names.get(owner.get(normalise(i), normalise(i)), i) for i in s.implies))
        for s in skills.values()
    )
    return Vocabulary(
        resolved,
        base.never_match + extra.never_match,
        base.ambiguous + extra.ambiguous,
        base.in_context,
        base.guarded,
        base.fields,
        base.whole_entries,
        base.everyday,
    )


CONFIG_FILES = ("rolefit.toml", "pyproject.toml")
# Where a pyproject.toml can set anything of rolefit's: a [tool.rolefit] table (or one below
# it), or a [tool] table or top-level `tool` key that holds it as a dotted or inline key. One
# with none of these, most of them (rolefit's own names rolefit only as its project and
# script), is not parsed: importing tomllib and parsing cost an assess a few milliseconds.
_MAY_SET_ROLEFIT = re.compile(
    r"""^[ \t]*(?:\[[ \t]*["']?tool["']?[ \t]*(?:\]|\.[ \t]*["']?rolefit\b)|["']?tool["']?[ \t]*[.=])""", re.M
)


def _read_toml(text: str, where: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RolefitError.at(where, str(exc)) from None
    return data


def configured_vocabulary(start: Path) -> Path | None:
    """The vocabulary file named by the nearest ``rolefit.toml`` (``vocabulary = ...``,
    at the top or under ``[tool.rolefit]``) or ``pyproject.toml`` (under
    ``[tool.rolefit]``) in ``start`` or a folder above it, relative to that file."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            config = folder / name
            if not config.is_file():
                continue
            try:
                text = config.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RolefitError.at(str(config), f"cannot read: {exc}") from None
            if name == "pyproject.toml" and ("rolefit" not in text or not _MAY_SET_ROLEFIT.search(text)):
                continue  # most projects' pyproject.toml: not worth parsing
            data = _read_toml(text, str(config))
            tool = data.get("tool", {}).get("rolefit") if isinstance(data.get("tool"), dict) else None
            section = tool if isinstance(tool, dict) else (data if name == "rolefit.toml" else None)
            if section is None or "vocabulary" not in section:
                if name == "rolefit.toml":
                    return None  # a rolefit.toml without a vocabulary says: none
                continue
            value = section["vocabulary"]
            if not isinstance(value, str) or not value.strip():
                raise RolefitError.at(str(config), "'vocabulary' must be the path of a vocabulary file")
            return folder / value
    return None


def user_vocabulary(option: Path | None, start: Path | None = None) -> Vocabulary | None:
    """The shipped vocabulary merged with the user's (``--vocabulary`` or the
    configured one), or None when there is no user vocabulary."""
    path = option if option is not None else configured_vocabulary(start or Path.cwd())
    if path is None:
        return None
    return load_user_vocabulary(path, load_vocabulary())
