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
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
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
    return Vocabulary(skills=tuple(skills), never_match=tuple(pairs))


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
