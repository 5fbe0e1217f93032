"""The calibration table: for each persona in tests/data/personas, the main role's
fit at each level against the hiring manager's bands, readiness, and whether the
best role and the sure pairs of roles hold (Y, or n for a miss).

    python benchmarks/personas.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rolefit.formats.profiles import load_profile  # noqa: E402
from rolefit.formats.roles import builtin_roles  # noqa: E402
from rolefit.scoring.assess import assess, index_roles  # noqa: E402

PERSONAS = ROOT / "tests" / "data" / "personas"


def main() -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    expectations = yaml.safe_load((PERSONAS / "expectations.yaml").read_text())["personas"]
    matcher, indexes = index_roles(builtin_roles())
    print(f"{'persona':28} best  pairs  {'entry':>14} {'mid':>14} {'senior':>14}  ready (expected)")
    held = total = 0
    for persona in expectations:
        ranking = assess(load_profile(PERSONAS / persona["file"]), indexes, matcher, None, "mid").ranking
        fits = {r.role.id: r.fit for r in ranking}
        main_role = next(r for r in ranking if r.role.id == persona["main_role"])
        best = ranking[0].role.id in persona["best_role_acceptable"]
        pairs = all(fits[a] > fits[b] for a, b in persona.get("sure_pairs", []))
        cells = []
        for level in ("entry", "mid", "senior"):
            low, high = persona["fit"][level]
            fit = main_role.fit_by_level[level]
            inside = low <= fit <= high
            held += inside
            total += 1
            cells.append(f"{fit:5.1f} {low:>3}-{high:<3}{'Y' if inside else 'n'}")
        ready = main_role.ready_for or "none"
        verdict = "Y" if ready in persona["ready_for_acceptable"] else "n"
        print(
            f"{persona['file'].removesuffix('.yaml'):28} {'Y' if best else 'n':4}  {'Y' if pairs else 'n':5}  "
            + " ".join(f"{c:>14}" for c in cells)
            + f"  {ready} ({'/'.join(persona['ready_for_acceptable'])}) {verdict}"
        )
    print(f"fits inside their bands: {held} of {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
