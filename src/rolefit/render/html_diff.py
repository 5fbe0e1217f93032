"""`rolefit diff --format html`: the diff of two runs as one self-contained page.

Laid out from `diff_data` (the JSON's records), in the page shell, stylesheet
and Content-Security-Policy of `rolefit.render.html`; user text escaped by
`rolefit.render.safe_html.escape` and nowhere else. Imported only for html.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rolefit.render.html import _figure, _page, _table
from rolefit.render.safe_html import escape


def render_diff_page(data: dict[str, Any], shown: int) -> str:
    """The page from `diff_data`'s document, listing `shown` names per group (as the table)."""
    who = f"rolefit diff: {escape(data['name'])}" if data["name"] else "rolefit diff"
    header = "\n".join(
        [
            f"<h1>{who}</h1>",
            f'<p class="meta">From <code>{escape(data["old"])}</code> to <code>{escape(data["new"])}</code></p>',
        ]
    )
    body = [_warnings(data)]
    body.extend(_role(number, role, data["detailed_role"], shown) for number, role in enumerate(data["roles"]))
    body.append(_plan(data["plan"], shown))
    body.append(_skills(data["skills"], shown))
    return _page(who, header, [part for part in body if part])


def _warnings(data: dict[str, Any]) -> str:
    warnings = []
    if data["roles_changed"]:
        warnings.append(
            f"<strong>Roles changed between the two runs</strong>: {escape(', '.join(data['roles_changed']))}. "
            "A fit that moved with a role edit is not progress."
        )
    if data["roles_unknown"]:
        warnings.append(
            f"One report does not record its roles' content ({escape(', '.join(data['roles_unknown']))}): "
            "a role may have changed."
        )
    if data["level_before"] != data["level_after"]:
        warnings.append(f"Assessed at {escape(data['level_before'])} then and {escape(data['level_after'])} now.")
    only = [*data["roles_only_before"], *data["roles_only_after"]]
    if only:
        warnings.append(f"Roles in one run only: {escape(', '.join(only))}.")
    if not warnings:
        return ""
    items = "".join(f'<li class="warn">{w}</li>' for w in warnings)
    return f'<aside class="howto" aria-label="Before you read"><ul class="warnings">{items}</ul></aside>'


def _fit(value: float | None) -> str:
    return "-" if value is None else _figure(value)


def _requirement(change: dict[str, Any]) -> str:
    before = "-" if change["level_before"] is None else str(change["level_before"])
    after = "-" if change["level_after"] is None else str(change["level_after"])
    return f"{escape(change['requirement'])} ({before} → {after} of {change['target_level']})"


def _names(items: Sequence[str], shown: int) -> str:
    """Already-escaped items, the first `shown`, then how many more."""
    listed = ", ".join(items[:shown])
    return listed + (f", and {len(items) - shown} more" if len(items) > shown else "")


def _role(number: int, role: dict[str, Any], detailed: str, shown: int) -> str:
    notes = []
    if role["id"] == detailed:
        notes.append('<span class="tag">in focus</span>')
    if role["role_changed"]:
        notes.append('<span class="tag warn">role changed</span>')
    rows = []
    for fit in role["fit_by_level"]:
        before, after = fit["before"], fit["after"]
        change = "" if before is None or after is None else f"{after - before:+.1f}"
        rows.append(
            f'<tr data-level="{escape(fit["level"])}"><th scope="row">{escape(fit["level"])}</th>'
            f'<td class="num before">{_fit(before)}</td><td class="num after">{_fit(after)}</td>'
            f'<td class="num change">{change}</td></tr>'
        )
    table = _table(
        "Fit per level, then and now",
        ["level", ("then", "num"), ("now", "num"), ("change", "num")],
        rows,
        f"fits fits-{number}",
    )
    if role["ready_before"] != role["ready_after"]:
        ready = f"{escape(role['ready_before'] or 'none')} → {escape(role['ready_after'] or 'none')}"
    else:
        ready = f"{escape(role['ready_after'] or 'none')} (unchanged)"
    items = [f"<li>ready for: <strong>{ready}</strong></li>"]
    if role["level_before"] != role["level_after"]:
        items.append(f"<li>requirements at {escape(role['level_before'])} then, {escape(role['level_after'])} now</li>")
    for key, label in (("newly_met", "newly met"), ("newly_below", "newly below target"), ("improved", "closer")):
        changes = role[key]
        if changes:
            items.append(
                f'<li class="{key}">{label} ({len(changes)}): {_names([_requirement(c) for c in changes], shown)}</li>'
            )
    missing = role["still_missing"]
    required = [escape(c["requirement"]) for c in missing if c["importance"] == "required"]
    if required:
        items.append(f"<li>still missing, required ({len(required)}): {_names(required, shown)}</li>")
    if len(missing) > len(required):
        items.append(f"<li>still missing, preferred or bonus: {len(missing) - len(required)}</li>")
    title = escape(role["title"])
    return (
        f'<section id="role-{number}" data-role="{escape(role["id"])}" aria-labelledby="role-{number}-h">'
        f'<h2 id="role-{number}-h">{title} {" ".join(notes)}</h2>\n{table}\n<ul>{"".join(items)}</ul></section>'
    )


def _plan(plan: dict[str, Any], shown: int) -> str:
    done, left = plan["done"], plan["left"]
    items = [
        f'<li><span class="count">{len(done)}</span> of {len(done) + len(left)} done'
        + (f": {_names([escape(d) for d in done], shown)}" if done else "")
        + "</li>"
    ]
    if left:
        items.append(f"<li>still to do: {_names([escape(d) for d in left], shown)}</li>")
    return (
        f'<section aria-labelledby="plan-h"><h2 id="plan-h">Plan steps done (the earlier plan for '
        f'{escape(plan["role"])})</h2><ul class="plan-done">{"".join(items)}</ul></section>'
    )


def _skill(s: dict[str, Any]) -> str:
    name, before, after = escape(s["skill"]), s["level_before"], s["level_after"]
    if before is None:
        return f"{name} ({after})"
    if after is None:
        return f"{name} (was {before})"
    return f"{name} {before} → {after}"


def _skills(skills: dict[str, Any], shown: int) -> str:
    groups = [("added", "added"), ("removed", "removed"), ("levelled_up", "levelled up")]
    groups.append(("levelled_down", "levelled down"))
    items = [
        f'<li class="{key}">{label} ({len(skills[key])}): {_names([_skill(s) for s in skills[key]], shown)}</li>'
        for key, label in groups
        if skills[key]
    ]
    return (
        '<section aria-labelledby="skills-h"><h2 id="skills-h">Skills</h2>'
        f"<ul>{''.join(items) or '<li>no change</li>'}</ul></section>"
    )
