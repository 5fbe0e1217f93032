"""Start-up cost of `rolefit assess`, against the floor any typer CLI that parses
YAML and fuzzy-matches must pay: `python -c "import typer, yaml, rapidfuzz.fuzz"`.

Targets: json at most 1.4x the floor, table at most 1.8x.

    python benchmarks/startup.py [--runs 30] [--example examples/physics-phd.yaml]

Runs are interleaved (floor, json, table, floor, ...) so drift in machine load
hits all three alike; the median of each is reported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"json": 1.4, "table": 1.8}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--example", default=str(ROOT / "examples" / "physics-phd.yaml"))
    args = parser.parse_args()

    rolefit = Path(sys.executable).with_name("rolefit")
    commands = {
        "floor": [sys.executable, "-c", "import typer, yaml, rapidfuzz.fuzz"],
        "json": [str(rolefit), "assess", args.example, "--format", "json"],
        "table": [str(rolefit), "assess", args.example, "--format", "table"],
    }
    for command in commands.values():  # warm the file cache and any byte-code
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command))

    floor = statistics.median(times["floor"])
    print(f"runs: {args.runs} each, interleaved; example: {Path(args.example).name}")
    print(f"floor  {floor * 1000:7.1f} ms  (python -c 'import typer, yaml, rapidfuzz.fuzz')")
    ok = True
    for name in ("json", "table"):
        median = statistics.median(times[name])
        ratio = median / floor
        verdict = "ok" if ratio <= TARGETS[name] else "OVER TARGET"
        ok &= ratio <= TARGETS[name]
        print(f"{name:<6} {median * 1000:7.1f} ms  {ratio:4.2f}x floor  (target <= {TARGETS[name]}x: {verdict})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
