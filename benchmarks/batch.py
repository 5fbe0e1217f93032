"""Batch throughput and memory against the parse floor.

Generates a synthetic cohort of messy, realistic skills files (10,000 learners
by default, and twice that for the scaling figure), then times in one run:

- the floor: `yaml.load(text, Loader=yaml.CSafeLoader)` of every file, in one
  Python process that also finds the files (what any tool must pay to read them);
- `rolefit batch DIR --jobs 1` and `--jobs 2`, csv output to a file;
- `rolefit batch` with jsonl output, for peak memory;
- `--jobs 1` on 20,000 learners against 10,000;
- `--compare` against an earlier run's json (the same cohort), csv output,
  `--jobs 1` on 10,000 and 20,000 learners: what comparing adds, and how it scales;
  against the floor of what such a run reads: the cohort's floor and
  `json.loads` of the earlier report (7.8 MB for 10,000 learners);
- `--jobs 1` on a varied cohort of 10,000, where a fifth of the entries are written
  by one person only (a typo, years, a version), against its own floor: most of
  their strings are read for the first time, which costs far more than a string
  already read (a figure without a target).

Targets on a 2-core machine: --jobs 1 <= 1.3x the floor, --jobs 2 <= 0.75x,
peak memory < 250 MB for 10,000 learners (csv, jsonl), 20,000 learners <= 2.1x
the time of 10,000; with --compare, the same --jobs 1, memory and scaling
targets (--jobs 1 against the floor of all it reads, the earlier report
included), and at most 1.25x the time of the same run without it (it reads a
second cohort, the earlier JSON, and matches every learner); what --compare
adds and how it scales are measured in CPU time, which the other processes of
a shared machine disturb less than wall time.

Each figure is the best of several runs, taken in rounds (every command once a
round, in turn) rather than one command's runs back to back: a shared machine's
speed drifts over a minute, and a ratio of two commands measured a minute apart
would measure the drift. Before each run the files it reads are read once,
untimed, so that no run finds them dropped from the page cache (this machine
drops cached files every few seconds) and times the disk.

    python benchmarks/batch.py [--learners 10000] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"jobs1": 1.3, "jobs2": 0.75, "memory_mb": 250, "scaling": 2.1, "compare": 1.25}
# The share of a varied cohort's entries that one person writes and nobody else
# (a typo, years, a version): each is read the first time, the costly read.
VARIED = 0.2

# Skill strings as people write them: canonical names, aliases, case, versions,
# qualifiers, compounds, typos, pasted unicode, and plenty that match nothing.
SKILLS = [
    "Python",
    "python",
    "python3",
    "Python 3.11",
    "PYTHON",
    "Pyhton",
    "SQL",
    "sql (advanced)",
    "Postgres",
    "PostgreSQL",
    "MySQL",
    "NoSQL",
    "MongoDB",
    "R",
    "R programming",
    "C++",
    "C#",
    "Java",
    "Java 17",
    "JavaScript",
    "JS",
    "TypeScript",
    "Scala",
    "Go",
    "Rust",
    "Bash",
    "Linux",
    "Git",
    "github",
    "GitHub Actions",
    "Docker",
    "docker",
    "Kubernetes",
    "k8s",
    "Terraform",
    "AWS",
    "Amazon Web Services",
    "GCP",
    "Google Cloud",
    "Azure",
    "SageMaker",
    "PyTorch",
    "pytorch",
    "torch",
    "TensorFlow",
    "TF",
    "tf.keras",
    "Keras",
    "keras tuner",
    "JAX",
    "scikit-learn",
    "sklearn",
    "sckit-learn",
    "Scikit\u2011learn",
    "pandas",
    "pandsa",
    "Pandas",
    "NumPy",
    "numpy",
    "NumPy/SciPy",
    "SciPy",
    "Matplotlib",
    "matplotlib/seaborn",
    "Seaborn",
    "Plotly",
    "Jupyter",
    "Jupyter notebooks",
    "Colab",
    "Hugging Face",
    "HF Transformers",
    "\uff30\uff59\uff34\uff4f\uff52\uff43\uff48",
    "Machine learning",
    "ML",
    "machine-learning",
    "Deep learning",
    "DL",
    "deep-learning",
    "NLP",
    "Natural language processing",
    "Computer vision",
    "CV",
    "Reinforcement learning",
    "RL",
    "GenAI",
    "Generative AI",
    "LLMs",
    "Large language models",
    "Transformers",
    "Attention mechanisms",
    "CNNs",
    "RNN",
    "Statistics",
    "stats",
    "Probability",
    "Probability theory",
    "Linear algebra",
    "linalg",
    "Calculus",
    "Optimization",
    "Bayesian statistics",
    "Hypothesis testing",
    "A/B testing",
    "Experimental design",
    "Feature engineering",
    "Data cleaning",
    "Data visualization",
    "data viz",
    "Data analysis",
    "ETL",
    "Apache Spark",
    "Spark",
    "PySpark",
    "Hadoop",
    "Kafka",
    "Airflow",
    "dbt",
    "MLflow",
    "Weights & Biases",
    "W&B",
    "TensorBoard",
    "MLOps",
    "CI/CD",
    "CI / CD",
    "Model deployment",
    "Model monitoring",
    "FastAPI",
    "Flask",
    "REST APIs",
    "Microservices",
    "System design",
    "Unit testing",
    "pytest",
    "Code review",
    "Agile",
    "Scrum",
    "Communication",
    "communication skills",
    "Teamwork",
    "Collaboration",
    "Leadership",
    "Mentoring",
    "Public speaking",
    "Presentation skills",
    "Technical writing",
    "Scientific writing",
    "LaTeX",
    "Research",
    "Literature review",
    "Academic publishing",
    "Critical thinking",
    "Problem solving",
    "problem-solving",
    "Creativity",
    "Time management",
    "AI ethics",
    "Responsible AI",
    "Fairness",
    "Explainable AI",
    "XAI",
    "Data privacy",
    "GDPR",
    "Excel",
    "Tableau",
    "Power BI",
    "Photoshop",
    "Figma",
    "Customer service",
    "Sales",
    "Project management",
    "Blockchain",
    "Unity",
    "React",
    "Node.js",
    "HTML/CSS",
    "Cooking",
    "Deep work",
    "Computer architecture",
    "Scalability",
]
LEVELS = [None, 0, 1, 2, 3, 4, 5, "beginner", "intermediate", "advanced", "expert", "Advanced", "awareness"]
TARGETS_IDS = [None, None, None, "ml-engineer", "research-scientist", "research-engineer", "ai-ml-researcher"]
FIRST = ["Ada", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kemal", "Lena", "Mo", "Nia"]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def respelt(rng: random.Random, skill: str) -> str:
    """A skill as one person writes it and nobody else: a slip of a letter, years, a version."""
    place = rng.randrange(len(skill))
    return rng.choice(
        [
            skill[:place] + rng.choice("aeiounrst") + skill[place + 1 :],
            f"{skill} ({rng.randint(1, 30)} yrs)",
            f"{skill} v{rng.randint(1, 99)}.{rng.randint(0, 99)}",
        ]
    )


def learner_yaml(rng: random.Random, number: int, written_once: float = 0.0) -> str:
    skills = rng.sample(SKILLS, rng.randint(8, 25))
    if written_once:  # (the plain cohort draws nothing more: it stays the cohort of every earlier figure)
        skills = [respelt(rng, skill) if rng.random() < written_once else skill for skill in skills]
    lines = [f"name: {_quote(rng.choice(FIRST) + ' ' + str(number))}"]
    target = rng.choice(TARGETS_IDS)
    if target:
        lines.append(f"target: {target}")
    style = rng.randrange(3)
    lines.append("skills:")
    for skill in skills:
        level = rng.choice(LEVELS)
        if style == 0:
            lines.append(f"  - {_quote(skill)}")
        elif style == 1:
            lines.append(f"  {_quote(skill)}: {'' if level is None else level}".rstrip())
        else:
            lines.append(f"  - name: {_quote(skill)}")
            if level is not None:
                lines.append(f"    level: {level}")
            if rng.random() < 0.2:
                lines.append(f"    years: {rng.randint(1, 10)}")
    return "\n".join(lines) + "\n"


def generate(folder: Path, learners: int, seed: int = 7, written_once: float = 0.0) -> None:
    rng = random.Random(seed)
    for number in range(learners):
        group = folder / f"group-{number // 500:03d}"
        group.mkdir(parents=True, exist_ok=True)
        text = learner_yaml(rng, number, written_once)
        (group / f"learner-{number:05d}.yaml").write_text(text, encoding="utf-8")


# A --compare run reads an earlier batch report as well: its floor parses that too.
EARLIER_FLOOR = """
import json
with open(sys.argv[2], "rb") as handle:
    json.loads(handle.read())
"""
FLOOR = """
import os, sys, yaml
files = []
for folder, dirs, names in os.walk(sys.argv[1]):
    files.extend(os.path.join(folder, n) for n in names if n.endswith(('.yaml', '.yml')))
for path in sorted(files):
    with open(path, encoding='utf-8') as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall time in seconds, peak resident memory in MB, and CPU seconds (user and system) of one command."""
    # stderr goes to a file, not a pipe: waiting on a process that fills a pipe
    # nobody reads yet (a cohort of bad files) would wait forever.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        stderr.seek(0)
        errors = stderr.read().decode()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{errors}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


# Reads every file a command names (a folder's, all of them), in a process of its own
# (reading in the benchmark's would grow it, and a run's peak memory counts what
# its process held when forked from it).
WARM = """
import os, sys
def read(path):
    with open(path, "rb") as handle:
        while handle.read(1 << 20):
            pass
for argument in sys.argv[1:]:
    if os.path.isdir(argument):
        for folder, _, names in os.walk(argument):
            for name in names:
                read(os.path.join(folder, name))
    elif os.path.isfile(argument):
        read(argument)
"""


def read_inputs(command: list[str]) -> None:
    """Read the files a command names, untimed: a shared machine drops files from its
    page cache at will, and a run that found its cohort dropped would time the
    disk, which the floor and rolefit share alike."""
    paths = [argument for argument in command if "\n" not in argument]  # not the floor's code
    subprocess.run([sys.executable, "-c", WARM, *paths], check=True)


def best_of(runs: int, commands: dict[str, list[str]]) -> dict[str, tuple[float, float, float]]:
    """Each command's best wall time, largest memory and best CPU time over `runs`
    rounds, each round running every command once, in turn, its files just read."""
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            read_inputs(command)
            results[name].append(run(command))
    return {
        name: (min(r[0] for r in rounds), max(r[1] for r in rounds), min(r[2] for r in rounds))
        for name, rounds in results.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="each timing is the best of this many rounds")
    parser.add_argument("--keep", type=Path, help="generate the cohorts here and keep them")
    args = parser.parse_args()

    rolefit = str(Path(sys.executable).with_name("rolefit"))
    work = args.keep or Path(tempfile.mkdtemp(prefix="rolefit-bench-"))
    small, large = work / f"cohort-{args.learners}", work / f"cohort-{2 * args.learners}"
    varied = work / f"cohort-{args.learners}-varied"
    for folder, size in ((small, args.learners), (large, 2 * args.learners)):
        if not folder.exists():
            generate(folder, size)
    if not varied.exists():
        generate(varied, args.learners, written_once=VARIED)
    out = work / "out"
    out.mkdir(exist_ok=True)

    def batch(folder: Path, jobs: int, fmt: str = "csv", *extra: str) -> list[str]:
        command = [rolefit, "batch", str(folder), "--jobs", str(jobs), "--format", fmt, "--quiet", *extra]
        return [*command, "-o", str(out / f"cohort.{fmt}")]

    def earlier(folder: Path) -> str:
        """An earlier run of the cohort to compare with (not timed), written by this
        install: one kept from another version could differ in what it holds."""
        path = out / f"earlier-{folder.name}.json"
        run([rolefit, "batch", str(folder), "--format", "json", "--quiet", "-o", str(path)])
        return str(path)

    try:
        # The figures against the floor, and their scaling, in rounds; the varied
        # cohort (several times slower, and without a target) in rounds of its own.
        earlier_small, earlier_large = earlier(small), earlier(large)
        timed = best_of(
            args.runs,
            {
                "floor": [sys.executable, "-c", FLOOR, str(small)],
                "jobs1": batch(small, 1),
                "jobs2": batch(small, 2),
                "jsonl": batch(small, 2, "jsonl"),
                "large1": batch(large, 1),
                "compare1": batch(small, 1, "csv", "--compare", earlier_small),
                "compare_floor": [sys.executable, "-c", FLOOR + EARLIER_FLOOR, str(small), earlier_small],
                "compare_large1": batch(large, 1, "csv", "--compare", earlier_large),
            },
        )
        timed |= best_of(
            args.runs,
            {"varied1": batch(varied, 1), "varied_floor": [sys.executable, "-c", FLOOR, str(varied)]},
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    floor, floor_mb, _ = timed["floor"]
    jobs1, jobs1_mb, jobs1_cpu = timed["jobs1"]
    jobs2, jobs2_mb, _ = timed["jobs2"]
    _, jsonl_mb, _ = timed["jsonl"]
    large1, _, large1_cpu = timed["large1"]
    compare1, compare1_mb, compare1_cpu = timed["compare1"]
    compare_floor = timed["compare_floor"][0]
    compare_large1, compare_large_mb, compare_large_cpu = timed["compare_large1"]
    varied1, varied_floor = timed["varied1"][0], timed["varied_floor"][0]

    figures = {
        "jobs1": jobs1 / floor,
        "jobs2": jobs2 / floor,
        "memory_mb": max(jobs1_mb, jobs2_mb, jsonl_mb),
        "scaling": large1 / jobs1,
        # What --compare adds, and how it scales, in CPU time: a shared machine disturbs it less than
        # wall time (another process's disk reads or CPU show up in wall time at random).
        "compare": compare1_cpu / jobs1_cpu,
        "compare_jobs1": compare1 / compare_floor,
        "compare_scaling": compare_large_cpu / compare1_cpu,
        "compare_memory_mb": max(compare1_mb, compare_large_mb),
    }
    print(
        f"learners: {args.learners:,} (and {2 * args.learners:,}); best of {args.runs} rounds (each command once a round); cores: {os.cpu_count()}"
    )
    print(f"parse floor (CSafeLoader)   {floor:6.2f} s   {floor_mb:6.0f} MB")
    print(
        f"rolefit batch --jobs 1      {jobs1:6.2f} s   {jobs1_mb:6.0f} MB   {figures['jobs1']:.2f}x floor (target <= {TARGETS['jobs1']}x)"
    )
    print(
        f"rolefit batch --jobs 2      {jobs2:6.2f} s   {jobs2_mb:6.0f} MB   {figures['jobs2']:.2f}x floor (target <= {TARGETS['jobs2']}x)"
    )
    print(f"rolefit batch --jobs 2 jsonl           {jsonl_mb:6.0f} MB")
    print(
        f"peak memory (csv, jsonl)    {figures['memory_mb']:6.0f} MB (target < {TARGETS['memory_mb']} MB; largest process)"
    )
    print(
        f"{2 * args.learners:,} learners, --jobs 1  {large1:6.2f} s   {figures['scaling']:.2f}x the time of {args.learners:,} (target <= {TARGETS['scaling']}x)"
    )
    print(
        f"--compare, --jobs 1          {compare1:6.2f} s   {compare1_mb:6.0f} MB   {figures['compare_jobs1']:.2f}x its floor "
        f"(target <= {TARGETS['jobs1']}x)"
    )
    print(
        f"  its floor, the cohort's and json.loads of the earlier report: {compare_floor:.2f} s "
        f"(against the cohort's alone: {compare1 / floor:.2f}x)"
    )
    print(
        f"  CPU {compare1_cpu:.2f} s against {jobs1_cpu:.2f} s without it: {figures['compare']:.2f}x "
        f"(target <= {TARGETS['compare']}x)"
    )
    print(
        f"--compare, {2 * args.learners:,} learners {compare_large1:6.2f} s   {compare_large_mb:6.0f} MB   "
        f"CPU {compare_large_cpu:.2f} s, {figures['compare_scaling']:.2f}x the CPU of {args.learners:,} "
        f"(target <= {TARGETS['scaling']}x; without --compare {large1_cpu / jobs1_cpu:.2f}x)"
    )
    print(
        f"varied cohort, --jobs 1     {varied1:6.2f} s            {varied1 / varied_floor:.2f}x its floor "
        f"(no target: {VARIED:.0%} of the entries written once, read the first time)"
    )
    met = figures["jobs1"] <= TARGETS["jobs1"] and figures["jobs2"] <= TARGETS["jobs2"]
    met = met and figures["memory_mb"] < TARGETS["memory_mb"] and figures["scaling"] <= TARGETS["scaling"]
    met = met and figures["compare"] <= TARGETS["compare"] and figures["compare_jobs1"] <= TARGETS["jobs1"]
    met = met and figures["compare_scaling"] <= TARGETS["scaling"]
    met = met and figures["compare_memory_mb"] < TARGETS["memory_mb"]
    print("all targets met" if met else "SOME TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
