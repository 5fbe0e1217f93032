"""Reading résumés and postings: precision and recall on the labelled set, and speed.

1. Quality, on the labelled résumés and postings under tests/data/resumes and
   tests/data/postings (written and labelled by reading, before the extractor was
   run on them; see their README.md): for each text, the skills found against the
   skills labelled; and how many of the labelled traps ("R&D", "C-suite", "Rust
   Belt", ...) were read as skills. Targets: precision >= 0.95, recall >= 0.90, no trap.
2. Speed: extraction time for a résumé repeated 1, 2, 4, 8 and 16 times (it must grow
   linearly: the last column stays flat), and what `rolefit draft` adds to a run's
   start-up against `rolefit assess --format json` on an example (target: a few ms).

    python benchmarks/extraction.py [--runs 15] [--skip-speed]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rolefit.documents import read_document  # noqa: E402
from rolefit.draft import draft  # noqa: E402
from rolefit.errors import RolefitError  # noqa: E402
from rolefit.extract import TextTools, find_mentions, text_tools  # noqa: E402
from rolefit.matching import normalise  # noqa: E402
from rolefit.posting import read_posting  # noqa: E402

DATA = ROOT / "tests" / "data"


def labelled(folder: Path) -> Iterable[tuple[Path, dict[str, Any]]]:
    for labels in sorted(folder.glob("*.labels.yaml")):
        stem = labels.name[: -len(".labels.yaml")]
        texts = [p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".yaml")]
        if texts:
            yield texts[0], yaml.safe_load(labels.read_text(encoding="utf-8"))


def label_names(labels: dict[str, Any], tools: TextTools) -> set[str]:
    """The labelled skills as the matcher's keys (a "one of" counts each option)."""
    names: set[str] = set()
    for item in labels.get("skills") or labels.get("requirements") or []:
        if isinstance(item, str):
            item = {"skill": item}
        options = item.get("one_of") or [item.get("skill") or item.get("name")]
        names.update(str(o) for o in options if o)
    return {key_of(name, tools) for name in names}


def key_of(name: str, tools: TextTools) -> str:
    return tools.index.matcher.key(name)


def trap_words(labels: dict[str, Any]) -> list[str]:
    traps = labels.get("traps") or []
    return [t if isinstance(t, str) else str(t.get("text") or t.get("phrase") or t) for t in traps]


def quality(tools: TextTools) -> None:
    readers: dict[str, Callable[[Any], set[str]]] = {
        "resumes": lambda doc: {
            tools.index.matcher.key(s.name) for s in draft(doc, tools.index, tools.categories).skills
        },
        "postings": lambda doc: {
            tools.index.matcher.key(name)
            for r in read_posting(doc, tools.index, tools.categories).requirements
            for name in r.skills
        },
    }
    for kind, read in readers.items():
        folder = DATA / kind
        if not folder.is_dir():
            print(f"{kind}: no labelled set at {folder}")
            continue
        true_positive = found_total = labelled_total = texts = 0
        misses: list[str] = []
        wrong: list[str] = []
        for path, labels in labelled(folder):
            texts += 1
            expected = label_names(labels, tools)
            try:
                found = read(read_document(str(path)))
            except RolefitError as exc:
                print(f"  {path.name}: {exc}")
                found = set()
            true_positive += len(found & expected)
            found_total += len(found)
            labelled_total += len(expected)
            misses += [f"{path.name}: {tools.index.matcher.display_name(k)}" for k in sorted(expected - found)]
            wrong += [f"{path.name}: {tools.index.matcher.display_name(k)}" for k in sorted(found - expected)]
        precision = true_positive / found_total if found_total else 0.0
        recall = true_positive / labelled_total if labelled_total else 0.0
        print(f"{kind}: {texts} texts, {labelled_total} labelled skills, {found_total} found")
        print(f"  precision {precision:.3f}  recall {recall:.3f}  (targets >= 0.95 / >= 0.90)")
        print(f"  not found ({len(misses)}): {'; '.join(misses[:40])}")
        print(f"  found but not labelled ({len(wrong)}): {'; '.join(wrong[:40])}")


def speed(tools: TextTools, runs: int) -> None:
    resume = (ROOT / "benchmarks" / "data" / "resume.md").read_text(encoding="utf-8")
    print(f"extraction time by text size (fastest of {runs}, sizes interleaved):")
    sizes = (1, 2, 4, 8, 16)
    samples: dict[int, list[float]] = {n: [] for n in sizes}
    for _ in range(runs):
        for times in sizes:
            text = resume * times
            start = time.perf_counter()
            find_mentions(text, tools.index)
            samples[times].append(time.perf_counter() - start)
    base = None
    for times in sizes:
        text = resume * times
        median = min(samples[times])
        per_char = median / len(text) * 1e6
        base = base or per_char
        print(
            f"  {len(text):>8,} chars  {median * 1000:7.2f} ms  {per_char:5.2f} us/char  ({per_char / base:4.2f}x the 1x rate)"
        )

    start = time.perf_counter()
    text_tools()
    print(f"building the phrase index: {(time.perf_counter() - start) * 1000:.1f} ms")

    rolefit = Path(sys.executable).with_name("rolefit")
    commands = {
        "assess --format json": [str(rolefit), "assess", str(ROOT / "examples" / "physics-phd.yaml"), "-f", "json"],
        "draft resume.md": [str(rolefit), "draft", str(ROOT / "benchmarks" / "data" / "resume.md")],
    }
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True)
    samples_by: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples_by[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(s) for name, s in samples_by.items()}
    for name, median in medians.items():
        print(f"  {name:<22} {median * 1000:7.1f} ms")
    print(f"  draft adds {1000 * (medians['draft resume.md'] - medians['assess --format json']):+.1f} ms to a run")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    tools = text_tools()
    normalise.cache_clear()
    quality(tools)
    if not args.skip_speed:
        speed(tools, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
