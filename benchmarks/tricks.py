"""What each speed trick in rolefit buys, measured: the figures the code's
comments used to quote live here, so they stay true as the code moves.

Each line prints what the trick costs and what doing without it costs, and a
verdict: a trick is kept when it saves at least KEEP_MS in a run (start-up) or
KEEP_SHARE of the per-learner time (batch). Run it from a non-editable
install (`pip install .`), which ships the compiled roles and the prepared
matcher:

    python benchmarks/tricks.py [--runs 15] [--cohort DIR]

Each figure is the best of --runs (in-process, or one fresh process per run
where start-up is what is measured); the machine's load moves the
absolute figures, so compare the two columns of a line, not lines of two runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KEEP_MS = 1.0  # a start-up trick worth keeping saves at least this
KEEP_SHARE = 0.02  # a per-learner trick worth keeping saves at least this share of a learner's time


def best(function: Callable[[], object], runs: int) -> float:
    """Best wall time of `function` in ms, with a clean heap before each run."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def in_fresh_process(code: str, runs: int) -> float:
    """The least of what `code` prints last (a time in ms), each run in a new interpreter."""
    return min(
        float(
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()[-1]
        )
        for _ in range(runs)
    )


def process_cpu(code: str, runs: int) -> float:
    """The least CPU time (user + system, in ms) of a new interpreter running `code`."""
    times = []
    for _ in range(runs):
        process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        times.append((usage.ru_utime + usage.ru_stime) * 1000)
    return min(times)


def line(name: str, with_trick: float, without: float, unit: str = "ms", per_learner: float | None = None) -> None:
    """`per_learner`: a learner's whole scoring time, against which a batch trick is judged."""
    saved = without - with_trick
    worth = saved / per_learner >= KEEP_SHARE if per_learner else saved >= KEEP_MS
    print(
        f"{name:<44} {with_trick:9.3f} {unit} with, {without:9.3f} {unit} without: "
        f"saves {saved:8.3f} {unit} ({saved / (per_learner or without):4.0%})  {'keep' if worth else 'BUYS LITTLE'}"
    )


def import_cost(module: str, runs: int) -> float:
    code = f"import time; s = time.perf_counter(); import {module}; print((time.perf_counter() - s) * 1000)"
    return in_fresh_process(code, runs)


def cohort(folder: Path, learners: int) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from batch import generate  # the batch benchmark's synthetic learners

    generate(folder, learners)
    return sorted(str(p) for p in folder.rglob("*.yaml"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--learners", type=int, default=2000, help="synthetic learners for the per-learner tricks")
    args = parser.parse_args()
    runs = args.runs

    from rolefit import packaged
    from rolefit.formats.roles import builtin_roles, builtin_roles_dir, load_role, role_files
    from rolefit.scoring.assess import PREPARED, build_matcher, index_role, load_prepared
    from rolefit.scoring.fit import RoleSet

    if packaged.read(PREPARED) is None:
        raise SystemExit("no prepared.pickle: run this from a non-editable install (pip install .)")
    roles = builtin_roles()

    print(f"start-up (best of {runs}; a run of `rolefit assess` spends ~100 ms in all)")
    line(
        "prepared matcher + indexes (prepared.pickle)",
        best(lambda: load_prepared(packaged.read(PREPARED), roles), runs),
        best(lambda: (lambda m: RoleSet(index_role(r, m) for r in roles))(build_matcher(roles)), max(3, runs // 3)),
    )

    def compiled_roles() -> object:
        builtin_roles.cache_clear()
        return builtin_roles()

    line(
        "compiled roles (roles.pickle)",
        best(compiled_roles, runs),
        best(lambda: [load_role(p, p.name) for p in role_files(builtin_roles_dir())], max(3, runs // 3)),
    )
    # CPU time of the whole process, exit included: with what the run loaded
    # frozen, the collection at interpreter exit does not walk it either.
    assess = (
        "import sys, rolefit.cli as cli\n{off}sys.argv[1:] = ['assess', {example!r}, '--format', 'json']\ncli.main()\n"
    )
    example = str(ROOT / "examples" / "physics-phd.yaml")
    line(
        "assess: no collection until loaded (CPU time)",
        process_cpu(assess.format(off="", example=example), runs),
        process_cpu(
            assess.format(off="cli.PREPARING_COMMANDS = (); cli._keep_prepared = lambda: None\n", example=example),
            runs,
        ),
    )
    command = (
        "import time, copy\n"
        "from rolefit.cli import app, command_app\n"
        "from typer.main import get_command\n"
        "s = time.perf_counter(); get_command(command_app({args})); print((time.perf_counter() - s) * 1000)\n"
    )
    line(
        "one command built, not the whole app",
        in_fresh_process(command.format(args="['assess']"), runs),
        in_fresh_process(command.format(args="[]"), runs),
    )
    base = import_cost("os", runs)
    line(
        "pkgutil, not importlib.resources (import)",
        import_cost("pkgutil", runs),
        import_cost("importlib.resources", runs),
    )
    line("tempfile imported only for -o (import)", base, import_cost("tempfile", runs))
    line("PyYAML imported only past the subset (import)", base, import_cost("yaml", runs))

    from rolefit.matching.normalise import _apply_rules, normalise

    names = [f"{a} {b}" for a in ("Linear", "Deep", "Data", "Model", "Cloud") for b in ("algebra", "learning", "ops")]
    line(
        "normalise: plain words skip the rules",
        best(lambda: [normalise.__wrapped__(n) for n in names * 100], runs),
        best(lambda: [_apply_rules(n) for n in names * 100], runs),
    )

    print(f"\nbatch, per learner ({args.learners:,} synthetic learners; best of {runs})")
    with tempfile.TemporaryDirectory(prefix="rolefit-tricks-") as work:
        paths = cohort(Path(work), args.learners)
        per = 1000 / len(paths)  # ms for all -> us per learner
        score = (
            "import gc, sys, time\n"
            "from rolefit.scoring.assess import index_roles\n"
            "from rolefit.cohort.batch import Scorer\n"
            "from rolefit.formats.roles import builtin_roles\n"
            "paths = sys.argv[1:]\n"
            "roles = builtin_roles()\n"
            "scorer = Scorer(index_roles(roles), [r.id for r in roles])\n"
            "{freeze}"
            "start = time.process_time()\n"
            "for path in paths:\n"
            "    scorer.score(path)\n"
            "print((time.process_time() - start) * 1000)\n"
        )

        def score_all(freeze: str) -> float:
            code = score.format(freeze=freeze)
            return per * min(
                float(subprocess.run([sys.executable, "-c", code, *paths], check=True, capture_output=True).stdout)
                for _ in range(max(3, runs // 3))
            )

        frozen, unfrozen = score_all("gc.freeze()\n"), score_all("")
        rarer = score_all("gc.freeze()\ngc.set_threshold(20_000, *gc.get_threshold()[1:])\n")
        scoring = frozen  # a learner's time, as the CLI runs it
        from rolefit.yaml.safe import _read_bytes

        def read_with_open() -> None:
            for path in paths:
                with open(path, "rb") as handle:  # noqa: PTH123
                    handle.read()

        line(
            "os.open reader (yamlsafe._read_bytes)",
            best(lambda: [_read_bytes(p) for p in paths], runs) * per,
            best(read_with_open, runs) * per,
            "us",
            per_learner=scoring,
        )
        from rolefit.scoring.fit import Credited

        fields: tuple[Any, ...] = (3, (1.0, 0.75, 0.5), None, None, (False, -3, 0, -100.0), "", 0)
        new = tuple.__new__
        line(
            "tuple.__new__(Credited, ...), 50 a learner",
            best(lambda: [new(Credited, fields) for _ in range(50 * len(paths))], runs) * per,
            best(lambda: [Credited(*fields) for _ in range(50 * len(paths))], runs) * per,
            "us",
            per_learner=scoring,
        )
        line("gc.freeze of what the run loaded (CPU time)", frozen, unfrozen, "us", per_learner=scoring)
        line("batch: young collections every 20,000 (CPU time)", rarer, frozen, "us", per_learner=scoring)
    print(f"\n(python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
