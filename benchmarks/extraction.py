"""Reading résumés and postings: precision and recall on the labelled set, and speed.

1. Quality, on the labelled résumés and postings under tests/data/resumes and
   tests/data/postings (written and labelled by reading, before the extractor was
   run on them; see their README.md): for each text, the skills found against the
   skills labelled; and how many of the labelled traps ("R&D", "C-suite", "Rust
   Belt", ...) were read as skills. Targets: precision >= 0.95, recall >= 0.90, no trap.
2. Speed: extraction time for a résumé repeated 1, 2, 4, 8 and 16 times (it must grow
   linearly: the last column stays flat), what building the phrase index and reading
   a 5-page résumé cost in-process (from the source tree: the index is built, and
   the patterns compiled, at run time), and the start-up cost: what `rolefit draft`
   and `rolefit posting` add to a run against `rolefit assess --format json` on an
   example, with the `rolefit` next to this Python (target: a few ms, from a wheel
   install, which ships the phrase index and the compiled patterns: see
   rolefit.texts.prepared).

    python benchmarks/extraction.py [--runs 15] [--skip-speed] [--data tests/data]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rolefit.errors import RolefitError  # noqa: E402
from rolefit.texts.documents import read_document  # noqa: E402
from rolefit.texts.draft import draft  # noqa: E402
from rolefit.texts.extract import TextTools, find_mentions, text_tools  # noqa: E402
from rolefit.texts.posting import read_posting  # noqa: E402

DATA = ROOT / "tests" / "data"


def labelled(folder: Path) -> Iterable[tuple[Path, dict[str, Any]]]:
    for labels in sorted(folder.glob("*.labels.yaml")):
        stem = labels.name[: -len(".labels.yaml")]
        texts = [p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".yaml")]
        if texts:
            yield texts[0], yaml.safe_load(labels.read_text(encoding="utf-8"))


def units(labels: dict[str, Any]) -> list[frozenset[str]]:
    """The labelled skills: a plain skill is a unit of one name, a "one of" group a
    unit of its options (found when any option is)."""
    found: list[frozenset[str]] = []
    for item in labels.get("requirements") or labels.get("skills") or []:
        if isinstance(item, str):
            found.append(frozenset((item,)))
        elif item.get("one_of"):
            found.append(frozenset(str(o) for o in item["one_of"]))
        elif item.get("skill") or item.get("name"):
            found.append(frozenset((str(item.get("skill") or item.get("name")),)))
    return found


def extras(labels: dict[str, Any]) -> set[str]:
    return {str(e.get("skill") if isinstance(e, dict) else e) for e in labels.get("acceptable_extra") or []}


@dataclass
class Tally:
    texts: int = 0
    units: int = 0
    units_found: int = 0
    found: int = 0
    found_right: int = 0
    traps: int = 0
    traps_taken: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)

    def report(self, kind: str) -> None:
        precision = self.found_right / self.found if self.found else 0.0
        recall = self.units_found / self.units if self.units else 0.0
        print(f"{kind}: {self.texts} texts, {self.units} labelled skills, {self.found} found")
        print(f"  precision {precision:.3f}  recall {recall:.3f}  (targets >= 0.95 / >= 0.90)")
        print(f"  traps read as skills: {self.traps_taken} of {self.traps}  {'; '.join(self.taken)}")
        print(f"  not found ({len(self.misses)}): {'; '.join(self.misses)}")
        print(f"  found, not labelled ({len(self.wrong)}): {'; '.join(self.wrong)}")


# What a reader returns for one text: (skill name, the line it came from) pairs.
Reader = Callable[[Any, TextTools], list[tuple[str, str]]]


def read_resume(document: Any, tools: TextTools) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in draft(document, tools.index, tools.categories).skills]


def read_job(document: Any, tools: TextTools) -> list[tuple[str, str]]:
    posting = read_posting(document, tools.index, tools.categories)
    return [(name, r.phrase) for r in posting.requirements for name in r.skills]


def score(kind: str, read: Reader, tools: TextTools, data: Path = DATA) -> Tally:
    key = tools.index.matcher.key
    tally = Tally()
    for path, labels in labelled(data / kind):
        tally.texts += 1
        try:
            found = read(read_document(str(path)), tools)
        except RolefitError as exc:
            print(f"  {path.name}: {exc}")
            found = []
        found_keys = {key(name) for name, _ in found}
        expected = [frozenset(key(n) for n in unit) for unit in units(labels)]
        allowed = set().union(*expected) | {key(e) for e in extras(labels)}
        tally.units += len(expected)
        for unit in expected:
            if unit & found_keys:
                tally.units_found += 1
            else:
                tally.misses.append(f"{path.name}: {' or '.join(sorted(unit))}")
        tally.found += len(found_keys)
        tally.found_right += len(found_keys & allowed)
        tally.wrong += [f"{path.name}: {k}" for k in sorted(found_keys - allowed)]
        for trap in labels.get("traps") or []:
            if not isinstance(trap, dict):
                continue
            tally.traps += 1
            phrase = " ".join(str(trap.get("phrase", "")).split())
            banned = {key(str(n)) for n in trap.get("not") or []}
            for name, line in found:
                if (
                    key(name) in banned
                    and phrase
                    and (phrase in " ".join(line.split()) or " ".join(line.split()) in phrase)
                ):
                    tally.traps_taken += 1
                    tally.taken.append(f"{path.name}: {name} from {phrase[:50]!r}")
                    break
    return tally


def quality(tools: TextTools, data: Path) -> None:
    for kind, read in (("resumes", read_resume), ("postings", read_job)):
        if not (data / kind).is_dir():
            print(f"{kind}: no labelled set under {data / kind}")
            continue
        score(kind, read, tools, data).report(kind)
        (levels if kind == "resumes" else requirements)(tools, data / kind)


def levels(tools: TextTools, folder: Path) -> None:
    """Drafted levels against the labelled ones: exact, within one, and levels given
    where the text states none (the draft should leave those out)."""
    key = tools.index.matcher.key
    labelled_levels = exact = near = unlabelled = invented = 0
    for path, labels in labelled(folder):
        drafted = {key(s.name): s.level for s in draft(read_document(str(path)), tools.index, tools.categories).skills}
        for item in labels.get("skills") or []:
            if not isinstance(item, dict) or key(str(item.get("skill"))) not in drafted:
                continue
            level = drafted[key(str(item["skill"]))]
            if "level" in item:
                labelled_levels += 1
                exact += level == item["level"]
                near += level is not None and abs(level - item["level"]) <= 1
            else:
                unlabelled += 1
                invented += level is not None
    print(f"  levels: {exact} of {labelled_levels} exact, {near} within one; {invented} of {unlabelled} given unasked")


def requirements(tools: TextTools, folder: Path) -> None:
    """A posting's importance, "one of" groups and seniority against the labels."""
    key = tools.index.matcher.key
    asked = right = groups = made = texts = seniority = 0
    for path, labels in labelled(folder):
        posting = read_posting(read_document(str(path)), tools.index, tools.categories)
        texts += 1
        seniority += posting.seniority == labels.get("seniority")
        by_key = {k: r for r in posting.requirements for k in r.keys}
        for item in labels.get("requirements") or []:
            if not isinstance(item, dict):
                continue
            if item.get("one_of"):
                groups += 1
                options = {key(str(o)) for o in item["one_of"]}
                made += any(r.options and len(set(r.keys) & options) >= 2 for r in posting.requirements)
            elif key(str(item.get("skill"))) in by_key:
                asked += 1
                right += by_key[key(str(item["skill"]))].importance == item.get("importance")
    print(
        f"  importance right {right} of {asked}; one-of groups made {made} of {groups}; seniority right {seniority} of {texts}"
    )


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

    # What drafting costs in-process, once the roles and the matcher are loaded (as
    # `assess` loads them too): the phrase index, then a 5-page résumé read twice (the
    # first read also compiles the phrasing patterns it needs; see extract._Row).
    from rolefit.formats.roles import builtin_roles
    from rolefit.scoring.assess import index_roles
    from rolefit.texts.extract import PhraseIndex

    matcher, _ = index_roles(builtin_roles())
    start = time.perf_counter()
    fresh = PhraseIndex(matcher)
    built = time.perf_counter() - start
    five_pages = resume + "\n\n" + resume.split("\n", 2)[2] * 2
    scans = []
    for _ in range(2):
        start = time.perf_counter()
        find_mentions(five_pages, fresh)
        scans.append(time.perf_counter() - start)
    print(f"building the phrase index: {built * 1000:.1f} ms")
    print(
        f"reading a 5-page résumé ({len(five_pages):,} chars): first {scans[0] * 1000:.1f} ms "
        f"(with pattern compiles), then {scans[1] * 1000:.1f} ms"
    )

    rolefit = Path(sys.executable).with_name("rolefit")
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as handle:
        handle.write(five_pages)
    postings = sorted(
        (p for p in (DATA / "postings").iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"),
        key=lambda p: p.stat().st_size,
    )
    example = str(ROOT / "examples" / "physics-phd.yaml")
    commands = {
        "--version": [str(rolefit), "--version"],
        "assess --format json": [str(rolefit), "assess", example, "-f", "json"],
        "draft resume.md": [str(rolefit), "draft", str(ROOT / "benchmarks" / "data" / "resume.md")],
        "draft 5-page résumé": [str(rolefit), "draft", handle.name],
        "posting (longest)": [str(rolefit), "posting", str(postings[-1])],
        "assess --posting": [str(rolefit), "assess", example, "-f", "json", "--posting", str(postings[-1])],
    }
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True)
    samples_by: dict[str, list[float]] = {name: [] for name in commands}
    cpu_by: dict[str, list[float]] = {name: [] for name in commands}  # user + system: steadier on a busy machine
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples_by[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_by[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    medians = {name: statistics.median(s) for name, s in samples_by.items()}
    cpu = {name: statistics.median(s) for name, s in cpu_by.items()}
    for name, median in medians.items():
        print(f"  {name:<22} {median * 1000:7.1f} ms  (cpu {cpu[name] * 1000:6.1f} ms)")
    Path(handle.name).unlink()
    shipped = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "from rolefit import packaged as p; print([p.read(n) is not None for n in ('prepared.pickle', 'text.pickle')])",
        ],
        capture_output=True,
        text=True,
    ).stdout.strip()
    kind = {
        "[True, True]": "a wheel install, with text.pickle",
        "[True, False]": "a wheel install without text.pickle",
    }.get(shipped, "an editable install: everything built at run time")
    print(f"start-up cost: a run's time minus `assess --format json`'s, median of {runs}, {rolefit} ({kind}):")
    print(
        f"  5-page résumé: {len(five_pages):,} chars; longest posting: {postings[-1].name}, {postings[-1].stat().st_size:,} bytes"
    )
    for name in ("draft resume.md", "draft 5-page résumé", "posting (longest)", "assess --posting"):
        wall = 1000 * (medians[name] - medians["assess --format json"])
        print(f"  {name:<22} {wall:+7.1f} ms  (cpu {1000 * (cpu[name] - cpu['assess --format json']):+6.1f} ms)")
    print("  (target: a few ms, from a wheel install: pip install a built wheel in a fresh venv, add pyyaml, and run")
    print("   this script with that venv's python)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA, help="the folder holding resumes/ and postings/")
    args = parser.parse_args()
    tools = text_tools()
    quality(tools, args.data)
    if not args.skip_speed:
        speed(tools, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
