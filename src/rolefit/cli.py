"""The command line: options in, a core call, a renderer, an exit code. Nothing else.

Exit codes: 0 success; 1 a --fail-under threshold was not met; 2 bad usage or
bad input (the message names the file, the place and the problem); 141 the
reader of stdout went away (`rolefit batch ... | head`), as for any program
stopped by SIGPIPE. SIGTERM and SIGHUP stop a run as Ctrl-C does (partial
output removed, workers stopped), then end the process by that signal.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer
from typer.main import get_command_name

from rolefit import __version__
from rolefit.errors import RolefitError
from rolefit.options import (
    DEFAULT_STEPS,
    SUMMARY_STEPS,
    BatchFormat,
    ColorOption,
    DiffFormat,
    DraftFormat,
    LevelChoice,
    ListFormat,
    ReportFormat,
    SchemaKind,
)

if TYPE_CHECKING:
    from typer.models import CommandInfo

    from rolefit.model import Role, Seniority
    from rolefit.render import Style
    from rolefit.texts.documents import Document

T = TypeVar("T")
EXIT_OK = 0
EXIT_BELOW_THRESHOLD = 1
EXIT_BAD_INPUT = 2
EXIT_PIPE_CLOSED = 128 + 13  # SIGPIPE
PROGRESS_MIN_FILES = 200

app = typer.Typer(
    name="rolefit",
    help="Skills gap analysis for AI/ML roles: match your skills to role profiles, see the gaps, get a plan.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
roles_app = typer.Typer(help="Browse the role profiles.", pretty_exceptions_enable=False)
app.add_typer(roles_app, name="roles")


RolesDir = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option("--roles-dir", help="A folder of extra role files (*.yaml).", show_default=False),
]
Format = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
RoleNames = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--role", "-r", help="A role id or role file; repeat for several. Default: every role."),
]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write to this file instead of stdout, never half-written (- is stdout)."),
]
PostingFile = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--posting",
        help="A job posting (.txt, .md, .docx, .pdf): a role is built from its text and assessed (see `rolefit posting`).",
        metavar="FILE",
        show_default=False,
    ),
]
VocabularyFile = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--vocabulary",
        help="Your own vocabulary file (YAML or JSON, the shape of the shipped one): more skills, aliases and"
        " implications for every role. Default: `vocabulary` under \\[tool.rolefit] in a pyproject.toml, or in a"
        " rolefit.toml, found upward from the current folder.",
        dir_okay=False,
        show_default=False,
    ),
]
DocumentFormat = Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")]
Color = Annotated[ColorOption, typer.Option("--color", help="Colour in the table output.")]
Level = Annotated[
    Optional[LevelChoice],  # noqa: UP045
    typer.Option(
        "--level",
        "-l",
        help="Assess at this seniority (over the file's `seniority`). Default: mid.",
        show_default=False,
    ),
]


def _seniority(level: LevelChoice | None) -> Seniority | None:
    return None if level is None else level.value


NoPager = Annotated[
    bool, typer.Option("--no-pager", help="Never page; by default output taller than the terminal is paged.")
]


def _finite(value: float | None) -> float | None:
    """click's FloatRange lets nan through (every comparison with it is false),
    and nan would switch the --fail-under gate off."""
    import math

    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number from 0 to 100")
    return value


def _say(message: str) -> None:
    """A message on stderr; what it echoes from files and arguments is shown, never run by the terminal."""
    from rolefit.render.safe_terminal import visible

    print(visible(message), file=sys.stderr)


def _print_error(exc: RolefitError) -> None:
    for problem in exc.problems:
        _say(f"error: {problem}")


@contextmanager
def _expected_errors() -> Iterator[None]:
    """Expected failures become a message on stderr and exit code 2, never a
    traceback; a reader of stdout that went away ends the run quietly."""
    try:
        yield
        sys.stdout.flush()
    except RolefitError as exc:
        _print_error(exc)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except BrokenPipeError:
        _drop_stdout()
        raise typer.Exit(EXIT_PIPE_CLOSED) from None


# Commands that load data they keep to the end of the run (roles, vocabulary,
# matcher, indexes: hundreds of thousands of objects). main() turns the garbage
# collector off for them from the start, as start-up makes next to no garbage
# and the collector would walk what is loaded again and again; _keep_prepared
# turns it back on once that is loaded (`benchmarks/tricks.py` measures it).
PREPARING_COMMANDS = ("assess", "batch", "explain")


def _keep_prepared() -> None:
    """What the run loaded so far lives as long as the run: frozen, no later
    collection walks it; in `batch`, done before the workers fork, that also
    keeps them from touching, and so copying, the memory they share with this
    process. Then the collector is back on. A command's business, not the
    library's: the command owns the process."""
    import gc

    gc.freeze()
    gc.enable()


# A batch makes and drops each learner's objects by the thousand, nearly all freed
# by reference counting as it goes; collecting the youngest generation every
# BATCH_COLLECT_EVERY allocations instead of Python's 700 walks them far less often
# (`benchmarks/tricks.py` measures it).
BATCH_COLLECT_EVERY = 20_000


def _keep_batch_prepared() -> None:
    """_keep_prepared, then the collector set for a batch's scoring loop."""
    import gc

    _keep_prepared()
    gc.set_threshold(BATCH_COLLECT_EVERY, *gc.get_threshold()[1:])


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail again."""
    import contextlib
    import io
    import os

    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _role_inputs(roles: Sequence[str] | None, roles_dir: Path | None) -> list[str | Path]:
    """The role files a run reads, for check_not_input."""
    from rolefit.formats.roles import role_files

    named: list[str | Path] = [r for r in roles or [] if Path(r).is_file()]
    return named + (role_files(roles_dir) if roles_dir is not None and roles_dir.is_dir() else [])


def _style(color: ColorOption, output: Path | None, details: bool = False, compared: bool = False) -> Style:
    """Colour and width by the conventions, for stdout (never colour into a file
    unless asked)."""
    import os

    from rolefit.render import Style
    from rolefit.render.console import output_width, use_color

    to_terminal = output is None and sys.stdout.isatty()
    return Style(
        color=use_color(color.value, to_terminal, os.environ),
        width=output_width(to_terminal, os.environ),
        details=details,
        compared=compared,
    )


def _version(value: bool) -> None:
    if value:
        print(f"rolefit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Skills gap analysis for AI/ML roles."""


@roles_app.callback(invoke_without_command=True)
def roles(ctx: typer.Context, format: Format = ListFormat.table, roles_dir: RolesDir = None) -> None:
    """List the roles: built-in ones, plus those in --roles-dir."""
    if ctx.invoked_subcommand is not None:  # `show` takes the options given here (see _from_group)
        ctx.obj = {name: value for name, value in (("format", format), ("roles_dir", roles_dir)) if _given(ctx, name)}
        return
    from rolefit.formats.roles import load_catalogue

    with _expected_errors():
        catalogue = load_catalogue(roles_dir)
        if format is ListFormat.json:
            from rolefit.render.json import roles_document

            sys.stdout.write(roles_document(catalogue))
        else:
            from rolefit.render.console import make_console
            from rolefit.render.table import roles_table

            roles_table(catalogue, make_console(sys.stdout, _style(ColorOption.auto, None)))


@roles_app.command("show")
def roles_show(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="A role id (see `rolefit roles`) or a path to a role file.")],
    format: Format = ListFormat.table,
    roles_dir: RolesDir = None,
    no_pager: NoPager = False,
) -> None:
    """Show one role in full: context, categories, skills, target levels, first steps."""
    from rolefit.formats.roles import find_role, load_catalogue

    format = _from_group(ctx, "format", format)
    roles_dir = _from_group(ctx, "roles_dir", roles_dir)

    with _expected_errors():
        found = find_role(role, load_catalogue(roles_dir))
        if format is ListFormat.json:
            from rolefit.render.json import role_document

            sys.stdout.write(role_document(found))
        else:
            from io import StringIO

            from rolefit.output import emit
            from rolefit.render.console import make_console
            from rolefit.render.table import role_detail

            buffer = StringIO()
            role_detail(found, make_console(buffer, _style(ColorOption.auto, None)))
            emit(buffer.getvalue(), None, pager=not no_pager)


def _from_group(ctx: typer.Context, name: str, value: T) -> T:
    """An option given to the group (`rolefit roles --format json show ID`) applies
    to the command; given to both with different values, it is refused."""
    given: dict[str, object] = ctx.obj or {}
    if name not in given:
        return value
    inherited: T = given[name]  # type: ignore[assignment]
    if _given(ctx, name) and value != inherited:
        option = "--" + name.replace("_", "-")
        print(f"error: {option} given to `roles` and to `show` with different values; give it once", file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT)
    return inherited


def _given(ctx: typer.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)  # click's enum; some typer releases vendor click
    return source is not None and source.name != "DEFAULT"


@app.command()
def assess(
    file: Annotated[
        str,
        typer.Argument(help="Your skills file (YAML), or - to read it from stdin.", metavar="FILE", show_default=False),
    ],
    role: RoleNames = None,
    roles_dir: RolesDir = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    output: Output = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--fail-under", min=0, max=100, callback=_finite, help="Exit 1 when the detailed role's fit is below this."
        ),
    ] = None,
    steps: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--steps",
            min=0,
            help=f"Length of the learning plan; 0 shows every gap. Default: {SUMMARY_STEPS} in the table, "
            f"{DEFAULT_STEPS} with --details and in the other formats.",
            show_default=False,
        ),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(
            "--details", "-d", help="Table: everything the report knows (what counted, every gap and learning item)."
        ),
    ] = False,
    level: Level = None,
    vocabulary: VocabularyFile = None,
    color: Color = ColorOption.auto,
    posting: PostingFile = None,
    no_pager: NoPager = False,
) -> None:
    """Match a skills file against the roles: fit, coverage per category, gaps, and a learning plan.

    With no --role every role is ranked, and the file's `target` role (or else the
    best fit) is shown in detail. With --posting, the role built from the posting
    is assessed (beside any --role given) and shown in detail.
    """

    from rolefit import api
    from rolefit.formats.profiles import load_profile, parse_profile
    from rolefit.formats.roles import select_roles
    from rolefit.matching.vocabulary import user_vocabulary
    from rolefit.output import check_not_input, emit, target
    from rolefit.render import render_report
    from rolefit.scoring.assess import check_target
    from rolefit.scoring.figures import below, decided

    output = target(output)
    with _expected_errors():
        check_not_input(output, [*_named_inputs(file, posting), *_role_inputs(role, roles_dir)])
        if file == "-":
            from rolefit.output import read_stdin
            from rolefit.yaml.safe import MAX_BYTES, decode

            profile = parse_profile(decode(read_stdin(MAX_BYTES), "<stdin>"), "<stdin>")
        else:
            profile = load_profile(Path(file))
        for warning in profile.warnings:
            _say(f"warning: {warning}")
        catalogue, roles = select_roles(role or [], roles_dir)
        check_target(profile, [r.id for r in catalogue])
        if posting is not None:
            import dataclasses

            built = _posting_role(posting)
            roles = [built, *roles] if role else [built]
            profile = dataclasses.replace(profile, target=built.id)
        if steps is None:
            steps = SUMMARY_STEPS if format is ReportFormat.table and not details else DEFAULT_STEPS
        assessment = api.assess(
            profile,
            roles,
            level=_seniority(level),
            steps=steps or None,
            vocabulary=user_vocabulary(vocabulary),
            known_roles=[r.id for r in (*catalogue, *roles)],
        )
        _keep_prepared()
        style = _style(color, output, details)
        emit(render_report(format, assessment, style), output, pager=not no_pager)
    if fail_under is not None and below(assessment.detailed.fit, fail_under):
        fit = decided(assessment.detailed.fit)
        _say(f"rolefit: {assessment.detailed.role.title} fit {fit:.1f} is below --fail-under {fail_under:g}")
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


@app.command()
def batch(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Folders (searched recursively for *.yaml, *.yml) and files.", metavar="PATH...", show_default=False
        ),
    ],
    role: RoleNames = None,
    roles_dir: RolesDir = None,
    format: Annotated[BatchFormat, typer.Option("--format", "-f", help="Output format.")] = BatchFormat.table,
    output: Output = None,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes. Default and maximum: the CPUs this process may use "
            "(its CPU affinity and cgroup quota, not every core of the machine).",
            show_default=False,
        ),
    ] = None,
    fail_under: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--fail-under", min=0, max=100, callback=_finite, help="Exit 1 when any learner's fit is below this."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr.")] = False,
    level: Level = None,
    vocabulary: VocabularyFile = None,
    color: Color = ColorOption.auto,
    posting: PostingFile = None,
    compare: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--compare",
            help="An earlier run's `--format json` output: each learner's fit change and gaps closed, and the cohort's.",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Score a whole cohort: every learner's fit and top gaps, and what to teach the cohort next.

    Bad files never stop the run: every good file is scored, every bad one is
    listed on stderr (and in json/jsonl/csv output), and the exit code is 2.
    """
    from rolefit.cohort.batch import discover, worker_count
    from rolefit.cohort.run import run_batch
    from rolefit.errors import shown_path
    from rolefit.formats.roles import select_roles
    from rolefit.matching.vocabulary import user_vocabulary
    from rolefit.output import check_not_input, open_output, target
    from rolefit.render import batch_writer
    from rolefit.scoring.assess import index_roles
    from rolefit.scoring.figures import count

    output = target(output)
    with _expected_errors():
        catalogue, roles = select_roles(role or [], roles_dir)
        if posting is not None:
            built = _posting_role(posting)
            roles = [built, *roles] if role else [built]
            catalogue = [*catalogue, built]
        files, missing, identities = discover(paths)
        check_not_input(output, [*_role_inputs(role, roles_dir), *([compare] if compare else [])], identities)
        earlier = None
        if compare is not None:
            from rolefit.cohort.progress import load_earlier

            earlier = load_earlier(compare)
        prepared = index_roles(roles, user_vocabulary(vocabulary))
        _keep_batch_prepared()
        style = _style(color, output, compared=earlier is not None)
        with _progress(len(files), quiet) as advance, open_output(output) as out:
            totals = run_batch(
                files,
                missing,
                prepared,
                [r.id for r in catalogue],
                batch_writer(format, out, prepared[1], style),
                roots=[shown_path(p) for p in paths if p.is_dir()],
                jobs=worker_count(jobs, len(files)),
                level=_seniority(level),
                fail_under=fail_under,
                earlier=earlier,
                on_done=advance,
                on_problem=lambda problem: _say(f"error: {problem}"),
                on_warning=None if quiet else lambda warning: _say(f"warning: {warning}"),
                worker_start=_keep_batch_prepared,
            )
    scored, failed, below = totals.scored, totals.failed, totals.below
    if not quiet:
        unread = f", {count(failed, 'file')} could not be read" if failed else ""
        print(f"rolefit: {count(scored, 'learner')} scored{unread}", file=sys.stderr)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)
    if below:
        have = "has" if below == 1 else "have"
        print(f"rolefit: {count(below, 'learner')} {have} a fit below --fail-under {fail_under:g}", file=sys.stderr)
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


@app.command()
def diff(
    old: Annotated[
        Path,
        typer.Argument(
            help="The earlier run: an `assess --format json` report, or a skills file.",
            metavar="OLD",
            show_default=False,
        ),
    ],
    new: Annotated[
        Path,
        typer.Argument(
            help="The later run: a report or a skills file (assessed now).", metavar="NEW", show_default=False
        ),
    ],
    role: RoleNames = None,
    roles_dir: RolesDir = None,
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
    output: Output = None,
    level: Level = None,
    vocabulary: VocabularyFile = None,
    color: Color = ColorOption.auto,
) -> None:
    """What changed for one person between two runs: fit, readiness, gaps closed.

    Per role and level: the fit and readiness, the requirements newly met or
    below target, the plan steps done, the skills added or levelled.

    A skills file is assessed on the spot with the roles given here; a saved
    report keeps the roles of its day, and when a role changed since, the diff
    says so first.
    """
    from rolefit.cohort.diff import diff_reports, report_of
    from rolefit.errors import shown_path
    from rolefit.formats.roles import select_roles
    from rolefit.matching.vocabulary import user_vocabulary
    from rolefit.output import check_not_input, emit, target
    from rolefit.render.diff import render_diff
    from rolefit.scoring.assess import index_roles

    output = target(output)
    with _expected_errors():
        check_not_input(output, [old, new, *_role_inputs(role, roles_dir)])
        catalogue, roles = select_roles(role or [], roles_dir)
        prepared = index_roles(roles, user_vocabulary(vocabulary))
        ids = [r.id for r in catalogue]
        sides = [report_of(path, prepared, ids, _seniority(level)) for path in (old, new)]
        result = diff_reports(sides[0], sides[1], shown_path(old), shown_path(new))
        emit(render_diff(format, result, _style(color, output)), output)


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr, only when a person is watching and the wait is long enough."""
    if quiet or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    from rolefit.render.console import stderr_console

    # redirect_stdout=False: by default Rich sends whatever is printed to stdout while
    # the bar is live through its own console, here stderr: the report would vanish.
    with Progress(console=stderr_console(), transient=True, redirect_stdout=False, redirect_stderr=False) as progress:
        task = progress.add_task("scoring", total=total)
        yield lambda n: progress.advance(task, n)


@app.command()
def draft(
    file: Annotated[
        str,
        typer.Argument(
            help="A résumé or CV: .txt, .md, .docx or .pdf (PDF needs rolefit\\[pdf]), or - for stdin.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    format: DocumentFormat = DraftFormat.yaml,
    output: Output = None,
) -> None:
    """Draft a skills file from a résumé: every skill found, with the line it came from.

    Levels are written only where the text states one ("5 years of Python",
    "expert in", "familiar with"); check the draft, then run `rolefit assess` on it.
    """
    import datetime

    from rolefit.output import check_not_input, emit, target
    from rolefit.texts.draft import draft as make_draft
    from rolefit.texts.draft import to_json_data, to_yaml
    from rolefit.texts.extract import text_tools

    output = target(output)
    with _expected_errors():
        check_not_input(output, _named_inputs(file))
        document = _read_document(file)
        tools = text_tools()
        result = make_draft(document, tools.index, tools.categories)
        if format is DraftFormat.json:
            from rolefit.render.json import dumps

            text = dumps(to_json_data(result))
        else:
            text = to_yaml(result, datetime.date.today().isoformat())
        emit(text, output)
    for note in result.notes:
        _say(f"rolefit: {file}: {note}")
    _say(f"rolefit: {len(result.skills)} skills found; check them before you assess")


@app.command()
def posting(
    file: Annotated[
        str,
        typer.Argument(
            help="A job posting: .txt, .md, .html text, .docx or .pdf, or - for stdin.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    format: DocumentFormat = DraftFormat.yaml,
    output: Output = None,
) -> None:
    """Build a role from a job posting and print it as a role file, to reuse with --role.

    Each requirement keeps the line it came from (its `why`). To compare yourself
    with the posting directly: rolefit assess me.yaml --posting FILE.
    """
    from rolefit.output import check_not_input, emit, target
    from rolefit.texts.posting import role_yaml

    output = target(output)
    with _expected_errors():
        check_not_input(output, _named_inputs(file))
        data, notes = _posting_role_data(file)
        if format is DraftFormat.json:
            from rolefit.render.json import dumps

            text = dumps(data)
        else:
            text = role_yaml(data)
        emit(text, output)
    for note in notes:
        _say(f"rolefit: {file}: {note}")


def _posting_role_data(file: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    from rolefit.texts.extract import text_tools
    from rolefit.texts.posting import read_posting, role_data

    document = _read_document(file)
    tools = text_tools()
    found = read_posting(document, tools.index, tools.categories)
    return role_data(found, tools.learn), found.notes


def _posting_role(file: str) -> Role:
    from rolefit.formats.roles import role_from_data

    data, notes = _posting_role_data(file)
    for note in notes:
        _say(f"rolefit: {file}: {note}")
    return role_from_data(data, file)


def _named_inputs(*files: str | None) -> list[str]:
    """The files given by name (not `-`, stdin), for check_not_input."""
    return [f for f in files if f is not None and f != "-"]


def _read_document(file: str) -> Document:
    from rolefit.texts.documents import read_document, read_stdin_document

    return read_stdin_document() if file == "-" else read_document(file)


@app.command()
def validate(
    files: Annotated[
        list[Path],
        typer.Argument(help="Skills files, role files and vocabulary files; the kind is detected.", metavar="FILE..."),
    ],
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Skills files: only the plain shapes, the six level words and known fields; warnings are errors.",
        ),
    ] = False,
    roles_dir: RolesDir = None,
) -> None:
    """Check files and print each problem as file:line:col: message. Exit 0 if all are valid, 2 otherwise.

    Warnings (fields rolefit does not use) are printed as `warning: file:line:col: message`.
    """
    from rolefit.errors import shown_path
    from rolefit.formats.validation import validate_file
    from rolefit.render.safe_terminal import visible

    bad = 0
    with _expected_errors():
        role_ids = None
        if roles_dir is not None:  # a skills file's target may name one of its roles
            from rolefit.formats.roles import load_catalogue

            role_ids = [r.id for r in load_catalogue(roles_dir)]
        for path in files:
            kind, problems, warnings = validate_file(path, strict=strict, role_ids=role_ids)
            for problem in problems:
                print(visible(str(problem)))
            for warning in warnings:
                print(visible(f"warning: {warning}"))
            if problems:
                bad += 1
            else:
                noted = f" ({len(warnings)} warning{'s' * (len(warnings) > 1)})" if warnings else ""
                _say(f"{shown_path(path)}: valid {kind} file{noted}")
    if bad:
        from rolefit.scoring.figures import count

        print(f"{bad} of {count(len(files), 'file')} invalid", file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def explain(
    texts: Annotated[
        list[str],
        typer.Argument(help="Skills as you would write them, e.g. 'Python (expert)' 'k8s'.", metavar="TEXT..."),
    ],
    role: RoleNames = None,
    roles_dir: RolesDir = None,
    format: Format = ListFormat.table,
    vocabulary: VocabularyFile = None,
) -> None:
    """Show how rolefit reads each TEXT: the skills it counts as, and why.

    For each TEXT: its level, its normalised form, the skills it counts as and
    how, the close names it was not read as and why, and which roles ask for it."""
    from rolefit.formats.roles import select_roles
    from rolefit.matching.explain import explain as explain_texts
    from rolefit.matching.vocabulary import user_vocabulary
    from rolefit.scoring.assess import index_roles

    with _expected_errors():
        _, roles = select_roles(role or [], roles_dir)
        matcher, indexes = index_roles(roles, user_vocabulary(vocabulary))
        _keep_prepared()
        explanations = explain_texts(texts, matcher, indexes)
    if format is ListFormat.json:
        from rolefit.render.json import explanations_document

        sys.stdout.write(explanations_document(explanations))
    else:
        from rolefit.render.console import make_console
        from rolefit.render.table import explanations_table

        explanations_table(explanations, make_console(sys.stdout, _style(ColorOption.auto, None)))


@app.command()
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which format.")]) -> None:
    """Print the JSON Schema of a file format (for editors and the YAML language server)."""
    from rolefit.formats.schemas import SCHEMAS
    from rolefit.render.json import dumps

    builder: Callable[[], object] = SCHEMAS[kind.value]
    with _expected_errors():
        sys.stdout.write(dumps(builder()))


def command_app(args: Sequence[str]) -> typer.Typer:
    """The app to run `args` with. Typer builds every command's options from its
    signature before it runs one (`benchmarks/tricks.py` prints the cost), so
    when the first argument names a command or group, only that one is built. Anything else (no arguments, --help, --version, a mistyped
    command) gets the whole app, which lists and suggests every command."""
    if args:
        commands = [c for c in app.registered_commands if _command_name(c) == args[0]]
        groups = [g for g in app.registered_groups if g.name == args[0]]
        if commands or groups:
            narrowed = copy.copy(app)
            narrowed.registered_commands = commands
            narrowed.registered_groups = groups
            return narrowed
    return app


def _command_name(info: CommandInfo) -> str | None:
    if info.name:
        return info.name
    return get_command_name(info.callback.__name__) if info.callback else None


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program stands, so that what is under
    way cleans up (a temporary -o file, worker processes) as for Ctrl-C. A
    BaseException, like KeyboardInterrupt: no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated(signum)


def main() -> None:
    import signal

    if sys.argv[1:2] and sys.argv[1] in PREPARING_COMMANDS:
        import gc

        gc.disable()  # until _keep_prepared

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    try:
        command_app(sys.argv[1:])(prog_name="rolefit")
    except _Terminated as stopped:
        # Die by the signal itself, after the clean-up: the caller sees what stopped us.
        import os

        signal.signal(stopped.signum, signal.SIG_DFL)
        os.kill(os.getpid(), stopped.signum)
