"""JSON Schemas of rolefit's file formats, printed by `rolefit schema`.

Editors (the YAML language server) use them to check and complete files; the
tests check that the shipped roles and examples validate against them. The
loaders remain the authority: they also check what a schema cannot say
(duplicate skills, prerequisite cycles) and give located messages.
"""

from __future__ import annotations

from typing import Any

from rolefit.formats.file_schemas import DRAFT, role_schema, skills_schema
from rolefit.model import IMPORTANCES, ONE_LEVEL, SENIORITIES
from rolefit.scoring.fates import FATES

_ROLE_LEVEL = {"enum": [*SENIORITIES, ONE_LEVEL]}  # ONE_LEVEL: the single level of a role without `levels`
_FIT_BY_LEVEL = {
    "type": "object",
    "description": "The fit at each level of the role (one key, 'any', for a role without levels)",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {key: {"type": "number", "minimum": 0, "maximum": 100} for key in (*SENIORITIES, ONE_LEVEL)},
}
_READY_FOR = {
    **_ROLE_LEVEL,
    "enum": [*SENIORITIES, ONE_LEVEL, None],
    "description": "The highest level with a fit of at least 70 and at most a quarter of its required weight wholly missing; null for none",
}


_DIGEST = {
    "type": "string",
    "pattern": "^sha256:[0-9a-f]{64}$",
    "description": "A hash of the role's content: when it differs between two runs, the role changed",
}
_TOOL = {
    "type": "object",
    "required": ["name", "version"],
    "properties": {"name": {"const": "rolefit"}, "version": {"type": "string"}},
}


def report_schema() -> dict[str, Any]:
    """The `assess --format json` document."""
    nullable_str = {"type": ["string", "null"]}
    requirement = {
        "type": "object",
        "required": [
            "requirement",
            "category",
            "importance",
            "target_level",
            "status",
            "matched_skill",
            "match_method",
            "match_score",
            "matched_via",
            "matched_part",
            "option",
            "user_level",
            "level_assumed",
            "level_from_years",
            "credit",
        ],
        "additionalProperties": False,
        "properties": {
            "requirement": {"type": "string"},
            "category": {"type": "string"},
            "importance": {"enum": list(IMPORTANCES)},
            "target_level": {"type": "integer", "minimum": 1, "maximum": 5},
            "status": {"enum": ["met", "below", "missing"]},
            "matched_skill": {**nullable_str, "description": "The person's skill, as written"},
            "match_method": {"enum": ["exact", "alias", "implied", "fuzzy", None]},
            "match_score": {"type": "number", "minimum": 0, "maximum": 100},
            "matched_via": {**nullable_str, "description": "The alias, implying skill or fuzzy candidate"},
            "matched_part": {**nullable_str, "description": "The part of a compound entry that matched"},
            "option": {**nullable_str, "description": "The option of a one_of requirement that counted"},
            "user_level": {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": 5,
                "description": "The level counted: the person's own, or for an implied match one below its evidence",
            },
            "level_assumed": {"type": "boolean"},
            "level_from_years": {"type": "boolean", "description": "The level was suggested by years of use"},
            "credit": {"type": "number", "minimum": 0, "maximum": 1},
        },
    }
    entry = {
        "type": "object",
        "description": "One entry of the skills file and what became of it in the detailed role",
        "additionalProperties": False,
        "required": [
            "entry",
            "written",
            "skill",
            "heading",
            "level",
            "level_assumed",
            "level_from_years",
            "years",
            "evidence",
            "last_used",
            "stale",
            "fate",
            "counted_for",
            "other_entry",
            "recognised_as",
            "asked_by",
            "suggestion",
            "choices",
        ],
        "properties": {
            "entry": {"type": "integer", "minimum": 1, "description": "Its place in the file, from 1"},
            "written": {"type": "string", "description": "The entry as written"},
            "skill": {"type": "string", "description": "The skill name, without a level written into it"},
            "heading": {**nullable_str, "description": "The heading it was listed under"},
            "level": {"type": "integer", "minimum": 0, "maximum": 5},
            "level_assumed": {"type": "boolean"},
            "level_from_years": {"type": "boolean"},
            "years": {"type": ["number", "null"], "minimum": 0},
            "evidence": nullable_str,
            "last_used": nullable_str,
            "stale": {"type": "boolean", "description": "Last used more than 5 years ago"},
            "fate": {"enum": list(FATES)},
            "counted_for": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["requirement", "match_method", "matched_via", "credit"],
                    "properties": {
                        "requirement": {"type": "string"},
                        "match_method": {"enum": ["exact", "alias", "implied", "fuzzy"]},
                        "matched_via": nullable_str,
                        "credit": {"type": "number", "minimum": 0, "maximum": 1},
                    },
                },
            },
            "other_entry": {
                "type": ["integer", "null"],
                "minimum": 1,
                "description": "through_other and duplicate: the entry that counted instead",
            },
            "recognised_as": {"type": "array", "items": {"type": "string"}},
            "asked_by": {"type": "array", "items": {"type": "string"}, "description": "not_asked: role ids"},
            "suggestion": {**nullable_str, "description": "not_recognised: a close known name"},
            "choices": {
                "type": "array",
                "items": {"type": "string"},
                "description": "not_recognised: a short form too ambiguous alone; the skills to write instead",
            },
        },
    }
    role = {
        "type": "object",
        "required": [
            "rank",
            "id",
            "title",
            "level",
            "fit",
            "fit_by_level",
            "ready_for",
            "required_met",
            "required_total",
            "categories",
        ],
        "additionalProperties": False,
        "properties": {
            "rank": {"type": "integer", "minimum": 1},
            "id": {"type": "string"},
            "title": {"type": "string"},
            "digest": _DIGEST,
            "level": {**_ROLE_LEVEL, "description": "The level of the role assessed"},
            "fit": {"type": "number", "minimum": 0, "maximum": 100, "description": "The fit at the level assessed"},
            "fit_by_level": _FIT_BY_LEVEL,
            "ready_for": _READY_FOR,
            "required_met": {"type": "integer", "minimum": 0},
            "required_total": {"type": "integer", "minimum": 0},
            "categories": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "weight", "coverage", "requirements"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string"},
                        "weight": {"type": "number", "exclusiveMinimum": 0},
                        "coverage": {"type": "number", "minimum": 0, "maximum": 100},
                        "requirements": {"type": "array", "items": requirement},
                    },
                },
            },
        },
    }
    step = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "step",
            "skill",
            "category",
            "importance",
            "status",
            "target_level",
            "current_level",
            "level_assumed",
            "matched_skill",
            "stale",
            "fit_gain",
            "prerequisites",
            "needed_for",
            "learn",
        ],
        "properties": {
            "step": {"type": "integer", "minimum": 1},
            "skill": {"type": "string"},
            "category": {"type": "string"},
            "importance": {"enum": list(IMPORTANCES)},
            "status": {"enum": ["below", "missing"]},
            "target_level": {"type": "integer", "minimum": 1, "maximum": 5},
            "current_level": {"type": ["integer", "null"], "minimum": 0, "maximum": 5},
            "level_assumed": {"type": "boolean"},
            "matched_skill": nullable_str,
            "stale": {"type": "boolean", "description": "The matched skill was last used more than 5 years ago"},
            "fit_gain": {"type": "number", "minimum": 0, "maximum": 100},
            "prerequisites": {"type": "array", "items": {"type": "string"}},
            "needed_for": {"type": "array", "items": {"type": "string"}},
            "learn": {"type": "array", "items": {"type": "string"}},
        },
    }
    return {
        "$schema": DRAFT,
        "title": "rolefit assess report",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "schema_version",
            "tool",
            "person",
            "level",
            "entries",
            "not_counted",
            "detailed_role",
            "detail_reason",
            "ready_for",
            "roles",
            "plan",
        ],
        "properties": {
            "schema_version": {"const": 2},
            "tool": _TOOL,
            "person": {
                "type": "object",
                "required": ["name", "source", "target", "seniority", "skills", "ignored_fields"],
                "additionalProperties": False,
                "properties": {
                    "name": nullable_str,
                    "source": {"type": "string"},
                    "target": nullable_str,
                    "seniority": {"enum": [*SENIORITIES, None]},
                    "skills": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["name", "level", "level_assumed"],
                            "additionalProperties": False,
                            "properties": {
                                "name": {"type": "string"},
                                "level": {"type": "integer", "minimum": 0, "maximum": 5},
                                "level_assumed": {"type": "boolean"},
                            },
                        },
                    },
                    "ignored_fields": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Top-level fields of the skills file that rolefit does not use",
                    },
                },
            },
            "level": {"enum": list(SENIORITIES), "description": "The level every role was assessed at"},
            "entries": {"type": "array", "items": entry},
            "not_counted": {
                "type": "array",
                "description": "The entries that earned nothing in the detailed role (every fate but counted), "
                "in file order; the details are under entries",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["entry", "written", "fate"],
                    "properties": {
                        "entry": {"type": "integer", "minimum": 1},
                        "written": {"type": "string"},
                        "fate": {"enum": [fate for fate in FATES if fate != "counted"]},
                    },
                },
            },
            "detailed_role": {"type": "string"},
            "detail_reason": {"enum": ["target", "best fit"]},
            "ready_for": {**_READY_FOR, "description": "ready_for of the detailed role"},
            "roles": {"type": "array", "minItems": 1, "items": role},
            "plan": {
                "type": "object",
                "required": ["role", "level", "total_gaps", "steps"],
                "additionalProperties": False,
                "properties": {
                    "role": {"type": "string"},
                    "level": {**_ROLE_LEVEL, "description": "The level of the role the plan aims at"},
                    "total_gaps": {"type": "integer", "minimum": 0},
                    "steps": {"type": "array", "items": step},
                },
            },
        },
    }


def batch_schema() -> dict[str, Any]:
    """The `batch --format json` document; `--format jsonl` lines are its
    learners and errors, each with a "type"."""
    nullable_str = {"type": ["string", "null"]}
    percent = {"type": "number", "minimum": 0, "maximum": 100}
    change_figure = {"type": ["number", "null"], "minimum": -100, "maximum": 100}
    names = {"type": "array", "items": {"type": "string"}}
    change = {
        "type": "object",
        "description": "With --compare: this learner against the earlier run",
        "additionalProperties": False,
        "required": [
            "matched_by",
            "earlier_file",
            "fit_before",
            "fit_change",
            "ready_before",
            "gaps_closed",
            "gaps_reopened",
        ],
        "properties": {
            "matched_by": {"enum": ["path", "name", None], "description": "null: new since the earlier run"},
            "earlier_file": nullable_str,
            "fit_before": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
            "fit_change": change_figure,
            "ready_before": _READY_FOR,
            "gaps_closed": names,
            "gaps_reopened": names,
        },
    }
    teaching = {
        "type": "array",
        "description": "What to teach next: per role learners aim at, gaps by the fit the cohort gains",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "title", "learners", "levels", "gaps"],
            "properties": {
                "id": {"type": "string"},
                "title": {"type": "string"},
                "learners": {"type": "integer", "minimum": 1},
                "levels": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}},
                "gaps": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": [
                            "skill",
                            "category",
                            "fit_gain",
                            "learners",
                            "who",
                            "prerequisites",
                            "needed_for",
                            "learn",
                        ],
                        "properties": {
                            "skill": {"type": "string"},
                            "category": {"type": "string"},
                            "fit_gain": {
                                "type": "number",
                                "minimum": 0,
                                "description": "Fit points, summed over learners",
                            },
                            "learners": {"type": "integer", "minimum": 1},
                            "who": {
                                **names,
                                "description": "Names of the learners who need it (the file for one without), "
                                "in file order; the first 100",
                            },
                            "prerequisites": names,
                            "needed_for": names,
                            "learn": names,
                        },
                    },
                },
            },
        },
    }
    progress = {
        "type": "object",
        "description": "With --compare: the cohort against the earlier run",
        "additionalProperties": False,
        "required": [
            "earlier",
            "earlier_learners",
            "matched",
            "matched_by_name",
            "new",
            "gone",
            "mean_fit_change",
            "compared",
            "readiness",
            "gaps_closed",
            "backwards",
            "roles_changed",
            "roles_unknown",
        ],
        "properties": {
            "earlier": {"type": "string"},
            "earlier_learners": {"type": "integer", "minimum": 0},
            "matched": {"type": "integer", "minimum": 0},
            "matched_by_name": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["file", "earlier_file"],
                    "properties": {"file": {"type": "string"}, "earlier_file": {"type": "string"}},
                },
            },
            "new": names,
            "gone": names,
            "mean_fit_change": change_figure,
            "compared": {"type": "integer", "minimum": 0},
            "readiness": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["role", "level", "reached", "fell"],
                    "properties": {
                        "role": {"type": "string"},
                        "level": {"type": "string"},
                        "reached": {"type": "integer", "minimum": 0},
                        "fell": {"type": "integer", "minimum": 0},
                    },
                },
            },
            "gaps_closed": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["skill", "learners"],
                    "properties": {"skill": {"type": "string"}, "learners": {"type": "integer", "minimum": 1}},
                },
            },
            "backwards": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["learner", "fit_change"],
                    "properties": {"learner": {"type": "string"}, "fit_change": change_figure},
                },
            },
            "roles_changed": names,
            "roles_unknown": names,
        },
    }
    learner = {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "file",
            "name",
            "target",
            "detailed_role",
            "detail_reason",
            "level",
            "fit",
            "fit_by_level",
            "ready_for",
            "required_met",
            "required_total",
            "fits",
            "top_gaps",
            "skills",
            "assumed_levels",
        ],
        "properties": {
            "type": {"const": "learner"},
            "file": {"type": "string"},
            "name": nullable_str,
            "target": nullable_str,
            "detailed_role": {"type": "string"},
            "detail_reason": {"enum": ["target", "best fit"]},
            "level": {"enum": list(SENIORITIES), "description": "The level the learner was assessed at"},
            "fit": {**percent, "description": "The detailed role's fit at that level"},
            "fit_by_level": _FIT_BY_LEVEL,
            "ready_for": _READY_FOR,
            "required_met": {"type": "integer", "minimum": 0},
            "required_total": {"type": "integer", "minimum": 0},
            "fits": {"type": "object", "additionalProperties": percent},
            "top_gaps": {"type": "array", "items": {"type": "string"}},
            "skills": {"type": "integer", "minimum": 0},
            "assumed_levels": {"type": "integer", "minimum": 0},
            "path": {
                "type": "string",
                "description": "The file relative to the folder given (what --compare matches on)",
            },
            "met": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The detailed role's requirements at or above target, at the level assessed",
            },
            "change": change,
        },
    }
    error = {
        "type": "object",
        "additionalProperties": False,
        "required": ["file", "problems"],
        "properties": {
            "type": {"const": "error"},
            "file": {"type": "string"},
            "problems": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["line", "column", "message", "text"],
                    "properties": {
                        "line": {"type": ["integer", "null"]},
                        "column": {"type": ["integer", "null"]},
                        "message": {"type": "string"},
                        "text": {"type": "string", "description": "file:line:col: message"},
                    },
                },
            },
        },
    }
    fit_summary = {
        "type": ["object", "null"],
        "additionalProperties": False,
        "required": ["mean", "median", "q1", "q3", "min", "max", "histogram"],
        "properties": {
            **dict.fromkeys(("mean", "median", "q1", "q3", "min", "max"), percent),
            "histogram": {
                "type": "array",
                "minItems": 10,
                "maxItems": 10,
                "items": {"type": "integer", "minimum": 0},
                "description": "Learners per 10-point band of fit: 0-10, 10-20, ..., 90-100",
            },
        },
    }
    cohort_role = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title", "detailed_for", "ready_for", "not_ready", "fit", "categories", "common_gaps"],
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "detailed_for": {"type": "integer", "minimum": 0},
            "ready_for": {
                "type": "object",
                "description": "Of the learners detailed on this role, how many are ready for each level, at most",
                "additionalProperties": False,
                "properties": {key: {"type": "integer", "minimum": 0} for key in (*SENIORITIES, ONE_LEVEL)},
            },
            "not_ready": {"type": "integer", "minimum": 0, "description": "Of those, how many are ready for none"},
            "fit": fit_summary,
            "categories": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name", "mean_coverage"],
                    "properties": {"name": {"type": "string"}, "mean_coverage": percent},
                },
            },
            "common_gaps": {
                "type": "array",
                "description": "Every required skill, by the share of learners missing it or below target",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["skill", "category", "learners", "share"],
                    "properties": {
                        "skill": {"type": "string"},
                        "category": {"type": "string"},
                        "learners": {"type": "integer", "minimum": 0},
                        "share": {"type": "number", "minimum": 0, "maximum": 1},
                    },
                },
            },
        },
    }
    return {
        "$schema": DRAFT,
        "title": "rolefit batch report",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "tool", "roles", "cohort", "learners", "errors"],
        "properties": {
            "schema_version": {"const": 2},
            "tool": _TOOL,
            "roles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "title"],
                    "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "digest": _DIGEST},
                },
            },
            "cohort": {
                "type": "object",
                "additionalProperties": False,
                "required": ["learners", "failed", "roles"],
                "properties": {
                    "learners": {"type": "integer", "minimum": 0},
                    "failed": {"type": "integer", "minimum": 0},
                    "roles": {"type": "array", "items": cohort_role},
                    "teaching": teaching,
                    "progress": progress,
                },
            },
            "learners": {"type": "array", "items": learner},
            "errors": {"type": "array", "items": error},
        },
        "$defs": {"learner": learner, "error": error},
    }


def explain_schema() -> dict[str, Any]:
    """The `explain --format json` document."""
    nullable_number = {"type": ["number", "null"]}
    asked = {
        "type": "object",
        "additionalProperties": False,
        "required": ["role", "title", "requirement", "importance", "target"],
        "properties": {
            "role": {"type": "string", "description": "The role id"},
            "title": {"type": "string"},
            "requirement": {"type": "string", "description": "The requirement's name in that role"},
            "importance": {"enum": list(IMPORTANCES)},
            "target": {"type": "integer", "minimum": 1, "maximum": 5},
        },
    }
    resolved = {
        "type": "object",
        "additionalProperties": False,
        "required": ["skill", "method", "via", "part", "score", "asked_by"],
        "properties": {
            "skill": {"type": "string"},
            "method": {"enum": ["exact", "alias", "implied", "fuzzy"], "description": "The matching layer"},
            "via": {"type": "string", "description": "The alias, implying skill or typo candidate"},
            "part": {"type": "string", "description": "The piece of the text that matched"},
            "score": {"type": "number", "minimum": 0, "maximum": 100},
            "asked_by": {"type": "array", "items": asked},
        },
    }
    near_miss = {
        "type": "object",
        "additionalProperties": False,
        "required": ["written", "skill", "similarity", "reason"],
        "properties": {
            "written": {"type": "string", "description": "The known name or alias, normalised"},
            "skill": {"type": "string"},
            "similarity": {"type": "number", "minimum": 0, "maximum": 100},
            "reason": {"type": "string", "description": "Why the text was not read as it"},
        },
    }
    explanation = {
        "type": "object",
        "additionalProperties": False,
        "required": ["text", "name", "level", "normalised", "parts", "resolved", "near_misses"],
        "properties": {
            "text": {"type": "string"},
            "name": {"type": "string", "description": "The text without a level written into it"},
            "level": {
                "type": ["object", "null"],
                "additionalProperties": False,
                "required": ["level", "years"],
                "properties": {
                    "level": {"type": ["integer", "null"], "minimum": 0, "maximum": 5},
                    "years": nullable_number,
                },
            },
            "normalised": {"type": "string"},
            "parts": {"type": "array", "items": {"type": "string"}},
            "resolved": {"type": "array", "items": resolved},
            "near_misses": {"type": "array", "items": near_miss},
        },
    }
    return {
        "$schema": DRAFT,
        "title": "rolefit explain",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version", "explanations"],
        "properties": {
            "schema_version": {"const": 2},
            "explanations": {"type": "array", "items": explanation},
        },
    }


SCHEMAS = {
    "skills": skills_schema,
    "role": role_schema,
    "report": report_schema,
    "batch": batch_schema,
    "explain": explain_schema,
}
