"""A role's digest: a stable hash of its content, stored in every JSON report, so
that two runs tell whether a role changed between them (`rolefit diff`,
`batch --compare`). The built-in roles ship theirs worked out (`RoleIndex.digest`);
kept light for the others."""

from __future__ import annotations

import json
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolefit.model import Role

try:  # the built-in SHA-256: hashlib loads OpenSSL first, a visible share of start-up (benchmarks/startup.py)
    from _sha2 import sha256  # type: ignore[import-not-found, unused-ignore]  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]
    except ImportError:  # a Python built without its own hashes
        from hashlib import sha256  # type: ignore[assignment, unused-ignore]

# What a digest reads of each part of a role: every field but the role's `source`
# (a test holds these to the model's fields, so a new field is never left out).
ROLE_FIELDS = ("id", "title", "levels", "summary", "responsibilities", "sources")
CATEGORY_FIELDS = ("name", "weight")
REQUIREMENT_FIELDS = (
    "name",
    "category",
    "importances",
    "targets",
    "aliases",
    "prerequisites",
    "learn",
    "why",
    "one_of",
)
CAREER_FIELDS = ("entry", "mid", "senior")
SALARY_FIELDS = ("source", "region", "year", "currency")
FIGURE_FIELDS = ("label", "amount", "low", "high", "note")


def role_digest(role: Role) -> str:
    """A stable hash of a role's content (the file it was read from is left out:
    the same role moved is the same role). Read field by field with attrgetter,
    not with dataclasses.asdict, which costs a json report of the four built-in
    roles tens of milliseconds of start-up."""
    requirement, figure = attrgetter(*REQUIREMENT_FIELDS), attrgetter(*FIGURE_FIELDS)
    content = [
        attrgetter(*ROLE_FIELDS)(role),
        attrgetter(*CAREER_FIELDS)(role.career_path),
        [(attrgetter(*SALARY_FIELDS)(b), [figure(f) for f in b.figures]) for b in role.salary],
        [(attrgetter(*CATEGORY_FIELDS)(c), [requirement(r) for r in c.requirements]) for c in role.categories],
    ]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    digest: str = sha256(text.encode("utf-8")).hexdigest()
    return "sha256:" + digest
