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
from contextlib import closing, contextmanager
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.main import get_command_name

from rolefit import __version__
from rolefit.errors import RolefitError
from rolefit.options import DEFAULT_STEPS, BatchFormat, ColorOption, ListFormat, ReportFormat, SchemaKind

if TYPE_CHECKING:
    from typer.models import CommandInfo

    from rolefit.render import Style

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
Color = Annotated[ColorOption, typer.Option("--color", help="Colour in the table output.")]


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
    from rolefit.roles import role_files

    named: list[str | Path] = [r for r in roles or [] if Path(r).is_file()]
    return named + (role_files(roles_dir) if roles_dir is not None and roles_dir.is_dir() else [])


def _style(color: ColorOption, output: Path | None) -> Style:
    """Colour and width by the conventions, for stdout (never colour into a file
    unless asked)."""
    import os

    from rolefit.render import Style
    from rolefit.render.console import output_width, use_color

    to_terminal = output is None and sys.stdout.isatty()
    return Style(color=use_color(color.value, to_terminal, os.environ), width=output_width(to_terminal, os.environ))


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
    if ctx.invoked_subcommand is not None:
        return
    from rolefit.roles import load_catalogue

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
    role: Annotated[str, typer.Argument(help="A role id (see `rolefit roles`) or a path to a role file.")],
    format: Format = ListFormat.table,
    roles_dir: RolesDir = None,
) -> None:
    """Show one role in full: context, categories, skills, target levels, first steps."""
    from rolefit.roles import find_role, load_catalogue

    with _expected_errors():
        found = find_role(role, load_catalogue(roles_dir))
        if format is ListFormat.json:
            from rolefit.render.json import role_document

            sys.stdout.write(role_document(found))
        else:
            from rolefit.render.console import make_console
            from rolefit.render.table import role_detail

            role_detail(found, make_console(sys.stdout, _style(ColorOption.auto, None)))


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
        int, typer.Option("--steps", min=0, help="Length of the learning plan; 0 shows every gap.")
    ] = DEFAULT_STEPS,
    color: Color = ColorOption.auto,
) -> None:
    """Match a skills file against the roles: fit, coverage per category, gaps, and a learning plan.

    With no --role every role is ranked, and the file's `target` role (or else the
    best fit) is shown in detail.
    """

    from rolefit.assess import assess as run_assessment
    from rolefit.assess import check_target, index_roles
    from rolefit.output import check_not_input, emit, target
    from rolefit.profiles import load_profile, parse_profile
    from rolefit.render import render_report
    from rolefit.roles import select_roles

    output = target(output)
    with _expected_errors():
        check_not_input(output, [*([] if file == "-" else [file]), *_role_inputs(role, roles_dir)])
        if file == "-":
            from rolefit.output import read_stdin
            from rolefit.yamlsafe import MAX_BYTES, decode

            profile = parse_profile(decode(read_stdin(MAX_BYTES), "<stdin>"), "<stdin>")
        else:
            profile = load_profile(Path(file))
        catalogue, roles = select_roles(role or [], roles_dir)
        check_target(profile, [r.id for r in catalogue])
        matcher, indexes = index_roles(roles)
        assessment = run_assessment(profile, indexes, matcher, steps or None)
        style = _style(color, output)
        emit(render_report(format, assessment, style), output)
    if fail_under is not None and assessment.detailed.fit < fail_under:
        _say(
            f"rolefit: {assessment.detailed.role.title} fit {assessment.detailed.fit:.1f} is below --fail-under {fail_under:g}"
        )
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
    color: Color = ColorOption.auto,
) -> None:
    """Score a whole cohort: every learner's fit and top gaps, and the gaps most common across the cohort.

    Bad files never stop the run: every good file is scored, every bad one is
    listed on stderr (and in json/jsonl/csv output), and the exit code is 2.
    """
    from rolefit.assess import index_roles
    from rolefit.batch import CohortBuilder, FileError, discover, score_files, worker_count
    from rolefit.output import check_not_input, open_output, target
    from rolefit.render import batch_writer
    from rolefit.roles import select_roles

    output = target(output)
    with _expected_errors():
        catalogue, roles = select_roles(role or [], roles_dir)
        files, missing = discover(paths)
        check_not_input(output, [*files, *_role_inputs(role, roles_dir)])
        prepared = index_roles(roles)
        indexes = prepared[1]
        style = _style(color, output)
        scored = failed = below = 0
        with _progress(len(files), quiet) as advance, open_output(output) as out:
            writer = batch_writer(format, out, indexes, style)
            builder = CohortBuilder(indexes) if writer.shows_cohort else None
            workers = worker_count(jobs, len(files))
            ids = [r.id for r in catalogue]
            # closed on the way out, error or signal: the workers are stopped, not left behind
            with closing(score_files(files, prepared, ids, workers, advance)) as outcomes:
                for outcome in chain(missing, outcomes):  # streamed: csv and jsonl rows go out as they come
                    if builder is not None:
                        builder.add(outcome)
                    writer.add(outcome)
                    if isinstance(outcome, FileError):
                        failed += 1
                        for problem in outcome.problems:
                            _say(f"error: {problem}")
                    else:
                        scored += 1
                        if fail_under is not None and outcome.fits[outcome.detailed] < fail_under:
                            below += 1
            writer.finish(builder.build() if builder is not None else None)
    if not quiet:
        print(f"rolefit: {scored} learners scored, {failed} files could not be read", file=sys.stderr)
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)
    if below:
        print(f"rolefit: {below} learners have a fit below --fail-under {fail_under:g}", file=sys.stderr)
        raise typer.Exit(EXIT_BELOW_THRESHOLD)


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
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Skills files and role files; the kind is detected.", metavar="FILE...")
    ],
) -> None:
    """Check files and print each problem as file:line:col: message. Exit 0 if all are valid, 2 otherwise."""
    from rolefit.errors import shown_path
    from rolefit.render.safe_terminal import visible
    from rolefit.validation import validate_file

    bad = 0
    with _expected_errors():
        for path in files:
            kind, problems = validate_file(path)
            for problem in problems:
                print(visible(str(problem)))
            if problems:
                bad += 1
            else:
                _say(f"{shown_path(path)}: valid {kind} file")
    if bad:
        print(f"{bad} of {len(files)} file(s) invalid", file=sys.stderr)
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command()
def schema(kind: Annotated[SchemaKind, typer.Argument(help="Which format.")]) -> None:
    """Print the JSON Schema of a file format (for editors and the YAML language server)."""
    from rolefit.render.json import dumps
    from rolefit.schemas import SCHEMAS

    builder: Callable[[], object] = SCHEMAS[kind.value]
    with _expected_errors():
        sys.stdout.write(dumps(builder()))


def command_app(args: Sequence[str]) -> typer.Typer:
    """The app to run `args` with. Typer builds every command's options from its
    signature before it runs one (~3 ms for ours, a tenth of a run's own
    start-up), so when the first argument names a command or group, only that
    one is built. Anything else (no arguments, --help, --version, a mistyped
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
