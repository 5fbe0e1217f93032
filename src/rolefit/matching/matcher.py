"""Matching the skills people write against skill names, in layers that each explain
themselves.

1. ``normalise``: Unicode NFKC, invisible characters and trademark signs dropped, dashes,
   quotes and spaces unified, case folded, accents and look-alike Greek/Cyrillic letters
   folded to ASCII, parenthesised qualifiers and versions removed. ``+``, ``#`` and ``.``
   are kept: ``C``, ``C++`` and ``C#`` stay three skills, ``.NET`` stays ``.net``.
2. exact and alias lookup of the whole string against every skill name and alias (the
   vocabulary, the user's vocabulary if any, and the terms), first as normalised,
   then with spaces, hyphens and dots inside words ignored (``scikit learn``,
   ``scikitlearn``, ``NodeJS``), then a verb read with what it is done to as the
   skill whose name says doing it to that (``Deploy models``: model deployment;
   ``tuning their hyperparameters``, ``detect anomalies``, ``Led a team``; only a name
   the vocabulary has counts, and no broad field is claimed for ``ML models``), then
   without the words around a skill, one at a time
   (``Advanced SQL``, ``Python programming``, ``technical leadership``, ``data leakage
   detection``), then with abbreviated words written out and British spellings made
   American (``eval metrics``, ``cloud cost mgmt``, ``stat. learning``,
   ``optimisation``), then with the last word in another form (``Benchmark
   design``, ``prompt templates``), then a two- or three-word name after one or two
   words that are no skill (``automated data pipelines``); then a skill with what
   it is for or where (``CI/CD for ML``, ``presenting at conferences``) or with what
   (``Deep learning with PyTorch``: both); an activity that is a one-word skill done to
   something (``mentor junior researchers``) or after words that are none (``demand
   forecasting``; names in -ing only); a past deed alone or before a number
   (``Mentored 5 engineers``: mentoring); a tool before what is made with it
   (``dbt tests``); a verb after up to three words that are no skill (``experience
   deploying models``, ``you will build data pipelines``); an activity before "with"
   and people (``Collaborate closely with analysts``); an infinitive after what
   someone can do (``ability to train models``, not the purpose in ``expertise to
   deploy ML``); one skill written whole after "in" (``a churn model in SQL``); the
   tools after the last "using" (``Extract data based on rules using PostgreSQL``); a
   tool written as a name before a word rolefit does not know (``TensorBoard
   Profiler``). People are no skill (``data engineers``), and a word of a skill's
   name is a noun, no instruction (``cluster management tools``).
3. a heading before a list (``Databases: MySQL``, ``Cloud: AWS``) is not itself
   credited, but a tool before a colon with what is done with it is (``Git: branching
   strategies``, each of ``Tableau / Power BI: dashboards``; a skill by its own name
   before its parts: ``Dimensionality reduction: PCA, t-SNE``), and services a heading
   lists without their platform are read with
   it (``AWS tools: Lambda, Glue``); a broad field (the vocabulary's ``fields``)
   before a word for tools names the tools only (``NLP libraries``); compound
   entries (``NumPy/SciPy``, ``Python, R``) are split and each part looked up; a
   whole-string hit always wins, so ``CI/CD``, ``A/B testing`` and ``R&D`` stay whole,
   also inside a list (``Docker, CI/CD``, ``Version control and CI/CD``). Examples
   after ``such as``, ``like``, ``e.g.`` are read as a list; a part that names nothing
   alone is read with the words the next part ends with or the previous one starts
   with (``project and time management``, ``model serving and monitoring``); a
   bracketed part with the name before the bracket (``AWS (S3, Lambda)``); and a short
   form too ambiguous alone (``CV``, ``DoE``, ``EQ``) as the skill the vocabulary's
   ``in_context`` gives it when another part names a skill of its field (``NLP, CV``),
   its own brackets first (``Transformers (BERT, GPT)``); two meanings equally in
   context credit nothing. In a skills file, such a form alone as an entry is read
   beside the file's other entries (``Matcher.resolve_file``). The words before two
   examples or more in brackets name their category (``Cloud data warehouses
   (Snowflake, BigQuery)``); a certification's title the skills it names
   (``Certified Kubernetes Administrator``; its person: ``Data Analyst Associate``). A
   guarded alias (``deployment``) credits its skill alone, but beside other skills only
   beside one of its field (not in ``testing and deployment``); a word with other senses
   (``Spring``, ``Beam``, ``Pruning``, ``segmentation``) credits its skill as a whole
   entry, in a longer one only beside its field (not in ``Spring 2024`` or ``alpha-beta
   pruning``). The one skill a name implies, in brackets after it, is its maker
   (``Transformers (Hugging Face)``). Verbs in a row share what the last is done to
   (``Analyze, manipulate, or process data``); a purpose joined by "and" stays a purpose
   (``to collect and analyze data``); a skill before a colon is claimed when what
   follows says what is done or who does it (``Data Visualization: Build dashboards``,
   ``SLAM practitioner:``).
   In an entry of four words or more, the names written whole inside it that the
   readings above left (``Matcher._named_inside``): ``Ability to program in R or in
   Python``, a keyword run without separators (``... test strategy selenium``), a long
   tool name with a typo (``tenserflow``), a verb that starts a phrase with what it is
   done to (or follows who did it: ``PI has led a team``); a name of several words, a
   short form written as the vocabulary writes it or a capitalised tool in mid-sentence
   before the noun it makes (``speech recognition pipeline``, ``a RAG chatbot``, ``set
   up Prometheus alerts``, ``the Airflow DAG``); a plain name a code qualifies (``INT8
   quantization``); a lower-case tool beside another (``with dbt and Airflow``); names
   joined by a slash (``in JAX/Flax``); not a purpose (which ends at a new clause or
   at the tools it is done with: ``SQL for ad-hoc analyses in Redshift``; a course's
   title and ``Responsible for`` are none), people, a field qualifying a noun (``ML
   models``), what is studied (``time series data``), a title's last word (``Data
   Communication``), a kind of a noun beside another (``Star schema, Snowflake
   schema``) or anything in a negated phrase. A role that starts an entry names its
   activity (``Reviewer for NeurIPS``: peer review; ``Speaker at PyCon``), and a verb
   said with how it is done its one-word skill (``communicates clearly``; not what a
   thing does: ``The map communicates clearly``). Two letters joined by a slash are
   an abbreviation (``R/C cars``).
   A shorter run of names without separators is read when every word is part of a
   name (``pandas numpy``), a maker or platform before its product left to
   implication (``Spark Structured Streaming``, ``GCP BigQuery``). "and" in other
   languages separates a list (``Docker und Kubernetes``, ``Java e C++``); ``w/`` and
   ``incl.`` are "with" and "including"; a package pin is a version (``pandas>=2.0``).
   A past deed with what it was done to reads as the activity in -ing (``Presented
   findings``). A certification's title may be in brackets after its short form
   (``CKAD (Certified ...)``). A broad field before a person is a job title (``ML
   Engineer``); ``Excel`` before "in" or "at" is the verb; a hobbies or interests
   heading lists no skills, nor does a ``Looking for:`` one. A clause that says a
   skill is lacking claims nothing (``No experience with Java``, ``but not Polars``),
   nor does a name declined after a colon or a dash (``Spark experience: none``,
   ``Kubernetes - no``), an issue tracker's key (``ML-88: Move the job``), a team's
   name (``Team: ML Toolchain``, ``a global MLOps Support team``), a Latin binomial in
   brackets, an event attended (``a SciPy conference``; ``Matcher._set_apart``) or
   what a method copes with (``Causal inference with missing data``); a field before
   "and tools" names the tools (``ML infrastructure and tools (Vertex AI)``).
   A past deed that starts an entry names its activity before what it was done to
   (``Containerised the pipelines``; a verb made of a tool's name: ``Dockerized``;
   dealing with people, whatever it was done to: ``Negotiated SLAs``; things counted
   or pointed at only when they are work: ``Scraped 2M pages``, not ``Cleaned 40 hotel
   rooms`` or ``Benchmarked our coffee prices``); shipping or
   productionising models is deploying them, and a classifier or network trained is
   a model trained (``Trained a small CNN``). A
   vendor's certification by its grade or exam code names its tool (``Terraform
   Associate (003)``); a tool hyphenated to another language's words is the tool
   (``Python-Kenntnisse``). A name before a colon with only names after it is a
   heading (``Web Development: FastAPI, Flask``); a rank no everyday word shares
   makes a job title without "of" (``VP Data Science``), and a job title in a list
   names nothing (``ML Engineer, Research Scientist``). An entry that names nothing
   and is a tag list a page glued together is read as its names
   (``PythonScikit-learnXGBoostPandas``; ``Matcher._glued_run``). A name that is also
   an everyday word, myth, place or person (the vocabulary's ``everyday``: ``Python``,
   ``Airflow``, ``Great Expectations``) counts in a longer entry only with a level, in a
   list of names, beside another skill or on a technical line ("the python at the zoo"
   is none; ``Matcher._everyday_senses``), and written as a name in mid-sentence (also
   a guarded one: "Upgraded Kafka to 3.6", "Kafka consumers in Go") only on such a line or
   beside its field (``Matcher._sensed_names``; not "a Kafka reading group", "Spring
   term"); a cloud platform alone before a colon and its own services is claimed
   (``AWS: S3, EC2``); a one-letter language before what is made with it ("legacy R
   scripts") or in lower case joined to another name ("r and ggplot2"); a one-word
   activity before the people it is done to ("mentorship to new hires"); a verb done to
   what it points at in a tool found (``cleaned them in pandas``: data cleaning;
   ``Matcher._deed_with_tool``); "training" models of a kind a name found says
   (``training neural networks``: model training); a name the vocabulary writes in
   lower case, capitalised before what is made with it (``Pandas code``); a short form the entry spells out in
   brackets as other words (``NLP practitioner (neuro-linguistic programming)``;
   ``Matcher._spelt_otherwise``), a short form written as a unit (``500 mL``) or
   worked as (``as a PCA on nights``), a tax named after an activity (``R&D tax
   relief``), a field inside a product's name (``Core ML``), what is made with a tool
   (``JAX backend``) and a name written only inside a longer name found (``storytelling
   with data``) credit nothing of their own (``Matcher._other_senses``).
   An entry that starts by leading work or a team names Leadership ("Lead the
   provisioning of ...", ``Matcher._led_work``); a cloud platform before a dash and its
   own services is claimed as before a colon (``AWS — Kinesis, Glue``); a tool's own
   file type names it (``Dockerfiles``); a skill after what says someone knows or works
   at it ("My background in econometrics", "work on speech synthesis", "shows great
   curiosity"), a one-word activity done now to a piece of work ("I'm debugging the
   model"), a test of a kind whose testing is a skill ("Ran a multivariate test":
   Multivariate testing), and, in a short entry that names nothing else, a tool before one word
   rolefit does not know (``Linux sysadmin``, ``Git LFS``; not an everyday word, a field
   or an activity: "Communication breakdown"). A negated clause before ", but" is
   dropped and the rest read ("I have no degree in CS, but I have shipped Django apps");
   what a job ad rewards ("Bonus points for Numba") is no purpose.
4. a guarded fuzzy layer for typos, used only when nothing matched exactly: see
   ``typo_distance`` for what counts as a typo (a substituted letter must be a likely
   slip: ``closures`` is no ``Clojure``). An everyday word a slip from a name
   (``payments``, ``sprint``, ``scalar``) is spelt as meant. A word that is a word of some skill's name, or
   that word inflected (``leaks``: leakage, ``managing``: management), or a person
   (``Data Analyst``), is never read as a typo of another (``Monitoring`` is not
   ``Mentoring``, ``data leaks`` not ``data lakes``), nor is a word inflected whose stem
   starts a longer name (``circled`` is no CircleCI), nor another language's word
   for an -ics field (``Statistik``). A typo in a list, or before or among the tools
   after "with", is read per piece (``Pyhton, Pandas``), and counts as the skill
   written, not as one another entry implies. In a short entry that names
   nothing, each unknown word may be read as the known word it is a typo of, when it
   then completes a name (``IT-Machine Leaning``) or is a long tool name (``Keras
   tenserflow``).
5. implication: a skill found by any layer also credits the skills the vocabulary says
   it implies (``Keras Tuner`` -> ``Keras``, ``Airflow`` -> ``Data pipelines``),
   reported as ``implied``.

A role file's own aliases sit in a second index, read after the first for every
string, and credit the role's requirement under a scoped key (``scoped_key``) that only
that role's index lists: a custom role never changes another role's scores.

Resolving a string never depends on which requirement is asked about, so a cohort
resolves each distinct string once (``Matcher.resolve`` is memoised); only an entry
that is a short form alone is read again with its file (``Matcher.resolve_file``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, NamedTuple

from rolefit.matching.normalise import _BRACKETED, _STRAY_BRACKETS, normalise

if TYPE_CHECKING:
    from rolefit.matching.vocabulary import Vocabulary

MatchMethod = Literal["exact", "alias", "implied", "fuzzy"]
# How a form of the vocabulary's in_context reads beyond its field (Matcher.context_readings):
# "context": only beside its field; "alone": an alias by itself, only beside its field in a
# longer entry; "entry": the same, where by itself means the whole entry of a file.
ContextKind = Literal["context", "alone", "entry"]


@dataclass(frozen=True)
class FuzzyPolicy:
    """What the typo layer accepts.

    Chosen by measurement: ``python benchmarks/matching.py`` moves one setting at a time
    and prints (a) precision/recall on tests/data/matching_pairs.csv, (b) look-alikes:
    pairs of different vocabulary skills the typo test would link if one were missing
    from the vocabulary, and (c) synthetic typos of every vocabulary name, one slip and
    two slips, recovered / linked to a wrong skill. The figures below are from that run
    (763 skills; at the defaults: pairs 0.996/0.998, 6 look-alikes, one slip 0.795/0.003,
    two slips 0.577/0.004). The labelled pairs barely separate the settings; (b) and (c)
    do. Beyond these settings, the Matcher refuses a candidate when a typed word that
    differs is itself a word of some skill's name or a person (see
    ``Matcher._typo_winner``), and ``typo_distance`` one whose substituted letters are no
    likely slip (``_likely_substitutions``).
    """

    # Strings shorter than this (spaces and hyphens ignored) never fuzzy match. 4 would
    # recover 4 more points of single-slip typos (0.831) with no new look-alike, but all
    # of that gain is four-letter strings read as five-letter names (Kers -> Keras), the
    # region where unknown short tool names live; 6 loses 6 points and pair recall
    # (0.991).
    min_length: int = 5
    # Words up to this length must be spelt exactly when they differ (Dask/Dash/Bash,
    # Ruby/Rust). 3 would gain 2 points of typos; 5 loses 5 points and pair recall.
    max_exact_word_length: int = 4
    # Up to this length a word may differ by one insertion, deletion or adjacent
    # transposition but not a substitution: at 4, look-alikes rise from 6 to 9 (SciPy/
    # Scapy, SymPy/SimPy, Scala/Scale); at 6 they fall to 5 for 4 points of typos.
    max_no_substitution_length: int = 5
    # Words this long or longer may carry two edits (Kubernetes, Optimization). At 7,
    # look-alikes rise from 6 to 7 for 8 more points of two-slip typos; at 6 to 9, with
    # more wrong links; at 9 two-slip recovery falls from 0.577 to 0.506.
    two_edit_word_length: int = 8
    # The edits a whole fuzzy match may carry, all words together. 1 recovers a tenth of
    # two-slip typos (0.129) instead of 0.577; 3 and more change nothing measured.
    max_total_edits: int = 2


_METHOD_RANK: dict[str, int] = {"exact": 0, "alias": 1, "implied": 2, "fuzzy": 3}
MEMO_SIZE = 100_000  # distinct strings a Matcher remembers; past that, new ones are worked out afresh


@dataclass(frozen=True)
class Term:
    """Something the user's skills are matched against (a requirement)."""

    name: str
    aliases: tuple[str, ...] = ()  # role-file aliases, added on top of the vocabulary's
    # The role whose file gave the aliases: they then credit the term in that role
    # only (under scoped_key(key, scope)). "" applies them to every role.
    scope: str = ""


SCOPE_SEPARATOR = "\x00"  # never in a key: YAML and JSON text cannot hold a NUL


def scoped_key(key: str, scope: str) -> str:
    """The key under which a role's own aliases credit ``key`` in role ``scope``."""
    return f"{key}{SCOPE_SEPARATOR}{scope}" if scope else key


def base_key(key: str) -> str:
    """The skill a key stands for, without the role a scoped key is limited to."""
    return key.partition(SCOPE_SEPARATOR)[0]


@dataclass(frozen=True)
class Hit:
    """How one user skill reached one term."""

    method: MatchMethod
    score: float  # 0-100; 100 for exact, alias and implied from those
    part: str  # the piece of the user's string that matched, as written
    via: str  # the alias, implying skill, or fuzzy candidate; "" for exact


# --- normalisation ------------------------------------------------------------------

_CLOUD = "cloud computing"  # the key of the skill every cloud platform implies
_INNER_SEPARATORS = re.compile(r"(?<=\w)[\s\-_.]+(?=\w)")


def _compact(normalised: str) -> str:
    """Spaces, hyphens, underscores and dots between letters ignored: scikit learn,
    scikit-learn and scikitlearn are one; C-- and .NET keep their symbols."""
    return _INNER_SEPARATORS.sub("", normalised)


_WORD_SPLIT = re.compile(r"[\s\-_/]+")
_WORD = re.compile(r"[^\s\-_/,;:&+|()\[\]{}]+")


def _words(normalised: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD_SPLIT.split(normalised) if w)


# --- compound entries -----------------------------------------------------------------

# "and" in the languages résumés are often written in, between two names: "Docker und
# Kubernetes", "Python y R", "Java e C++", "SQL et Python", "Python en Spark", "Python
# och R", "Python ve SQL", "React và Node.js", "Laravel dan MySQL", "Excel og SQL"
# (Danish, Norwegian), "Tableau ja Excel" (Finnish, Estonian), "Java și Angular",
# "Python és R", "Git oraz Jira", Greek "και", Russian "и". Not the Polish and Catalan
# "i", which English writes for "I", nor the Czech and Slovak "a".
_OTHER_ANDS = (
    "und", "sowie", "et", "y", "e", "en", "och", "ve", "v\u00e0", "dan", "og", "ja", "\u0219i", "\u015fi", "\u00e9s",
    "oraz", "\u03ba\u03b1\u03b9", "\u0438",
)  # fmt: skip
# "With" and "using" in other languages: "Visualización de datos con Matplotlib",
# "Experiência com Airflow", "Analisis data menggunakan Excel", "Dashboard với Power BI".
_OTHER_WITHS = ("con", "com", "avec", "dengan", "menggunakan", "v\u1edbi", "usando", "utilizando")
_SEPARATORS = re.compile(
    r"\s+and\s*/\s*or\s+"  # Python and/or R
    r"|\s*[,;]\s*(?:and|or|&)\s+"  # GitHub, Travis CI, and Docker
    r"|\s*[/,;|\n•·]\s*"  # NumPy/SciPy, Python, R
    r"|\s*(?:->|=>|[\u2192\u21d2\u279c])\s*"  # Fivetran → Snowflake → dbt: a flow lists its tools
    r"|(?<=[a-z]{2})&(?=[a-z]{2})"  # HTML&CSS; not R&R, Q&A (one letter each side)
    # Docker + Kubernetes, pandas & NumPy, R or Python, SQL - advanced, AI vs. Machine Learning,
    # Polars instead of pandas
    r"|\s+(?:\+|&|and|or|-|\u2013|\u2014|vs\.?|versus|instead of|rather than)\s+"
    rf"|\s+(?:{'|'.join(_OTHER_ANDS)})\s+"  # Docker und Kubernetes
    r"|:\s+",  # Languages: Python, Java
    re.IGNORECASE,
)
_OPENING = "([{"
_CLOSING = ")]}"


_FINE_SEPARATORS = frozenset(("/", "+", "&", "and", "or", "-", "\u2013", "\u2014", *_OTHER_ANDS))


@cache
def _letter_pair() -> re.Pattern[str]:
    """Two letters joined by a slash, inside a longer entry an abbreviation: "R/C cars",
    "A/C", "c/o" (matched from the character before the first letter; compiled on
    first use)."""
    return re.compile(r"(?:^|[^\w.+#])\w/\w(?![\w+#])")


def split_compound(text: str, *, fine: bool = True, slashes: bool = True) -> tuple[str, ...]:
    """The pieces of an entry that lists several skills, as written (after NFKC, so that
    full-width separators count). Separators inside brackets do not split; nor do the
    ones that also join names (/, &, and, +, or, dashes) unless ``fine``, nor slashes
    unless ``slashes``."""
    text = unicodedata.normalize("NFKC", text)
    depth_at: list[int] = []
    depth = 0
    for char in text:
        if char in _CLOSING:
            depth = max(0, depth - 1)
        depth_at.append(depth)
        if char in _OPENING:
            depth += 1
    pieces: list[str] = []
    start = 0
    for separator in _SEPARATORS.finditer(text):
        joiner = separator.group().strip().lower()
        if (not fine and joiner in _FINE_SEPARATORS) or (not slashes and joiner == "/"):
            continue
        if (
            separator.group() == "/"
            and _letter_pair().match(text, max(0, separator.start() - 2))
            and len(text.strip()) > 3
        ):
            continue
        if depth_at[separator.start()] == 0 and separator.end() > separator.start():
            pieces.append(text[start : separator.start()])
            start = separator.end()
    pieces.append(text[start:])
    return tuple(p for p in (piece.strip() for piece in pieces) if p)


def _rejoined(text: str, pieces: tuple[str, ...], index: _Index) -> list[str]:
    """``pieces`` of ``text``, two in a row joined again where, as written, they are one
    name: "MLflow or Weights & Biases" is MLflow and Weights & Biases."""
    if "&" not in text:
        return list(pieces)
    spans: list[tuple[int, int]] = []
    at = 0
    for piece in pieces:
        start = text.find(piece, at)
        spans.append((start, start + len(piece)))
        at = start + len(piece)
    joined: list[str] = []
    number = 0
    while number < len(pieces):
        if number + 1 < len(pieces) and index.lookup(normalise(whole := text[spans[number][0] : spans[number + 1][1]])):
            joined.append(whole)
            number += 2
        else:
            joined.append(pieces[number])
            number += 1
    return joined


def _bracketed_lists(text: str) -> tuple[str, ...]:
    """What brackets after the main skill hold: "Python (pandas, NumPy)"."""
    text = unicodedata.normalize("NFKC", text)
    return tuple(inner[1:-1] for inner in _BRACKETED.findall(text))


# --- proficiency words ----------------------------------------------------------------

# What someone does with a skill, as an activity, an instruction or a past deed:
# "building data pipelines", "Implement CI/CD", "Built MLflow pipelines".
_QUALIFYING_VERBS = frozenset(
    (
        "building", "designing", "developing", "implementing", "optimizing", "optimising",
        "maintaining", "automating", "applying", "leveraging", "using",
        "implement", "implemented", "build", "built", "design", "designed", "develop",
        "developed", "create", "created", "manage", "managed", "maintain", "maintained",
        "automate", "automated", "apply", "applied", "conduct", "conducted", "use", "used",
        "leverage", "leveraged", "perform", "performed", "deploy", "deployed",
    )
)  # fmt: skip

_LEADING_QUALIFIERS = (
    "advanced", "basic", "basics of", "beginner", "intermediate", "expert", "expert in",
    "expertise in", "proficient in", "proficient with", "proficiency in",
    "proficiency with", "strong", "solid", "good", "excellent", "deep knowledge of",
    "knowledge of", "working knowledge of", "familiarity with", "familiar with",
    "experience with", "experience in", "experienced in", "experienced with",
    "hands-on", "hands on", "skilled in", "fluent in", "fundamentals of",
    "foundations of", "understanding of", "deep understanding of", "background in",
    "some", "professional", "elementary", "introductory", "classic", "working experience in", "mastery of",
    "mastery in", "knows", "usage of", "comfort with", "comfortable with", "competence in", "competent in", "nvidia",
    # words around a skill that narrow or place it without making it another skill
    "technical", "operational", "executive", "handling", "handling of", "managing", "end-to-end",
    "end to end", "production", "production-grade", "large-scale", "large scale",
    "scalable", "modern", "practical", "core", "classical", "effective", "foundational",
    "a passion for", "passion for", "passionate about", "interest in", "exposure to",
    "tools like", "such as", "including", "cross-functional", "fine-tuned", "pretrained",
    "pre-trained",
    # hedges people write in their own skills files: "mostly aws, some gcp"
    "mostly", "mainly", "primarily", "largely", "a bit of", "a little",
    # what someone is learning: "🌱 Learning Rust", "currently learning Go"
    "learning", "currently learning", "now learning",
    *sorted(_QUALIFYING_VERBS),
    # an article before a tool: "using the Matplotlib, Seaborn or Plotly libraries"
    "the", "a", "an",
)  # fmt: skip
_TRAILING_QUALIFIERS = (
    "programming", "programming language", "language", "development", "framework",
    "library", "libraries", "skills", "experience", "basics", "basic knowledge", "fundamentals",
    "ecosystem", "expertise", "proficiency", "knowledge", "engineer", "engineering",
    "pipeline", "pipelines", "version control",
    "detection", "prevention", "strategy", "strategies", "concepts", "principles",
    "techniques", "practices", "best practices", "tools", "tooling", "governance",
    "infrastructure", "dag", "dags", "checks", "processes", "process", "guidelines",
    "optimization", "optimisation", "conversion", "cluster", "clusters", "architecture",
    "design", "frameworks", "implementation", "templates", "template", "workflows", "workflow",
    "architectures",
    # what a skill is used to make, or a plain word for having it
    "models", "model", "platforms", "platform", "solutions", "solution", "systems", "system",
    "stack", "abilities", "ability", "understanding", "usage", "patterns", "paradigms", "integration",
    # job-ad words, and the end of a list that says there is more
    "preferred", "required", "a plus", "is a plus", "nice to have", "etc", "toolkit",
    "classifier", "classifiers", "regressor", "regressors", "competition", "competitions", "participation",
    "classification", "regression",
    # a course's topic: "Python overview", "Decision tree construction", "probability review"
    "overview", "review", "refresher", "setup", "environment setup", "construction",
    # a task done with a tool: "Linux admin", "ONNX export", "zsh scripting", "vim keybindings"
    "admin", "administration", "export", "scripting", "keybindings",
    # who does it: "ETL specialist", "SLAM practitioner", a rank: "Kaggle Expert"
    "practitioner", "authority", "specialist", "enthusiast", "background", "expert", "master", "grandmaster",
    # where it was learnt: "Machine Learning Internship", "Data science course"
    "internship", "internships", "course", "courses", "bootcamp", "nanodegree",
    # the same hedges after it: "spark (pyspark mostly)", "bayesian stuff", "causal stuff"
    "mostly", "mainly", "primarily", "stuff", "things",
    # the person a trait describes: "Detail-oriented analyst", "Highly organised self-starter"
    "analyst", "self-starter", "self starter", "thinker", "learner", "individual", "person",
)  # fmt: skip


_QUALIFIER_WORDS = frozenset(w for q in (*_LEADING_QUALIFIERS, *_TRAILING_QUALIFIERS) for w in q.split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- abbreviations and spelling -------------------------------------------------------

# Shortened words of skills lists, each with one reading there: "eval metrics",
# "hyperparam tuning", "cloud cost mgmt", "stat. learning", "data eng".
_ABBREVIATIONS = {
    "algo": "algorithm", "algos": "algorithms", "config": "configuration", "db": "database",
    "dbs": "databases", "dev": "development", "dist": "distributed", "distrib": "distributed",
    "eng": "engineering", "eval": "evaluation", "evals": "evaluation", "expt": "experiment",
    "hyperparam": "hyperparameter", "hyperparams": "hyperparameter", "img": "image",
    "infra": "infrastructure", "mgmt": "management", "mgt": "management", "optim": "optimization",
    "perf": "performance", "prog": "programming", "stat": "statistical", "viz": "visualization",
    "comms": "communication", "govt": "governance", "prob": "probability",
    "engg": "engineering", "mngmt": "management", "mgnt": "management", "sw": "software",
    "nets": "networks",
}  # fmt: skip
_ABBREVIATED_WORD = re.compile(rf"\b({_alternation(_ABBREVIATIONS)})\b\.?")
# British spellings to the vocabulary's: optimisation, visualising, tokeniser, modelling.
_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})is(ation|ations|e|ed|er|ers|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3}e)ll(ing|ed|er)\b"), r"l\1"),
)


def _expanded(normalised: str) -> str:
    """Abbreviated words written out and British spellings made American."""
    text = _ABBREVIATED_WORD.sub(lambda m: _ABBREVIATIONS[m.group(1)], normalised)
    for pattern, replacement in _BRITISH:
        text = pattern.sub(replacement, text)
    return text


# "4+ years software development experience", "3 years of Python": how long, before it.
_YEARS = re.compile(r"^\d+(?:\.\d+)?\+?\s*(?:years?|yrs?)(?:\s+of)?\s+")
# Looked up a phrase at a time, not as one regex alternation: compiling that cost more
# of the start-up than all the lookups of a run.
_LEADING = frozenset(_LEADING_QUALIFIERS)
_TRAILING = frozenset(_TRAILING_QUALIFIERS)
_QUALIFIER_LENGTH = max(q.count(" ") for q in (*_LEADING_QUALIFIERS, *_TRAILING_QUALIFIERS)) + 1  # in words


def _without_leading(form: str) -> str:
    """``form`` without how long or the longest qualifier it starts with."""
    years = _YEARS.match(form)
    if years is not None:
        return form[years.end() :].strip()
    words = form.split(" ", _QUALIFIER_LENGTH)
    for size in range(min(_QUALIFIER_LENGTH, len(words) - 1), 0, -1):
        if (qualifier := " ".join(words[:size])) in _LEADING:
            return form[len(qualifier) :].strip()
    return form


def _without_trailing(form: str) -> str:
    """``form`` without the longest qualifier it ends with."""
    words = form.rsplit(" ", _QUALIFIER_LENGTH)
    for size in range(min(_QUALIFIER_LENGTH, len(words) - 1), 0, -1):
        if (qualifier := " ".join(words[-size:])) in _TRAILING:
            return form[: -len(qualifier)].strip()
    return form


def _peel(form: str, shorter: Callable[[str], str]) -> list[str]:
    """``form``, then without one qualifier, then without two, ..."""
    peeled = [form]
    while (next_form := shorter(peeled[-1])) and next_form != peeled[-1]:
        peeled.append(next_form)
    return peeled


def _unqualified(form: str) -> Iterator[str]:
    """``form`` without qualifier words around it, one word at a time, fewest leading
    words first: "machine learning pipeline development" is ML pipelines before
    Machine learning, "end-to-end ML pipelines" ML pipelines before ML."""
    seen = {form}
    for lead in _peel(form, _without_leading):
        for bare in _peel(lead, _without_trailing):
            if bare not in seen:
                seen.add(bare)
                yield bare


# People who do a skill, not the skill: "collaborate with data engineers" claims no
# data engineering ("Data Engineer", a title, does).
_PEOPLE = frozenset(
    (
        "engineers", "scientists", "developers", "analysts", "architects", "researchers",
        "specialists", "practitioners", "administrators", "managers", "designers",
        "consultants", "experts", "programmers", "statisticians", "teams",
    )
)  # fmt: skip
# The same, one person: a word the typo layer never reads as another ("Data Analyst"
# is a job title, not a typo of Data analysis).
_PERSON = frozenset(word[:-1] for word in _PEOPLE)
# A person's job title last in a part of a list (not "ETL specialist", "SLAM practitioner":
# what someone says they are good at).
_TITLES = frozenset(
    (
        "engineer",
        "scientist",
        "developer",
        "analyst",
        "architect",
        "researcher",
        "manager",
        "consultant",
        "programmer",
        "intern",
    )
)


def _titled(part: str) -> bool:
    """Whether ``part`` ends with a job title's person: "Research Scientist"."""
    words = part.split()
    return len(words) > 1 and words[-1].strip(".,;:").lower() in _TITLES


# A rank before "of" makes a job title of what follows: "Head of Data Science", "Director
# of Data Engineering", "VP of Machine Learning".
_RANKS = frozenset(("head", "heads", "director", "directors", "vp", "svp", "evp", "chief", "dean"))
_RANK_OF = re.compile(r"^(?:\w+\s+)?(?:head|director|s?vp|evp|vice president|chief|dean)s?\s+of\s", re.IGNORECASE)
# A rank no everyday word shares makes a job title of what follows without "of" too: "VP
# Data Science & Research at Acme", "Director, Machine Learning" (not "Head pose estimation").
_RANK_BEFORE = re.compile(r"(?:senior\s+|executive\s+)?(?:s?vp|evp|vice president|director)s?\b,?\s", re.IGNORECASE)


def _word_forms(form: str) -> Iterator[str]:
    """``form`` with its last word in another form: plural or singular, the activity
    or the thing (Embedding/Embeddings, Benchmark/Benchmarking, prompt/prompting)."""
    head, _, last = form.rpartition(" ")
    if len(last) < 4 or not last.isalpha() or last in _PEOPLE:
        return
    if last.endswith("s") and head.rpartition(" ")[2] in ("team", "group", "department"):
        return  # a verb after a group, not a plural: "The team works on the third floor"
    prefix = f"{head} " if head else ""
    # Data models -> Data modeling: a plural's activity too
    stems = [last[:-1], last[:-1] + "ing"] if last.endswith("s") and not last.endswith("ss") else [last + "s"]
    if last.endswith("ies"):
        stems.append(last[:-3] + "y")  # model registries -> model registry
    if last.endswith("ing") and len(last) > 6:
        stems += [last[:-3], last[:-3] + "e"]
    else:
        stems.append((last[:-1] if last.endswith("e") else last) + "ing")
    if last.endswith("er") and len(last) > 5:
        stems.append(last[:-2] + "ing")  # a tool for the activity: web scraper, experiment tracker
    for stem in stems:
        yield prefix + stem


# Words that turn what follows into its opposite: "non linear regression" is not
# linear regression.
_NEGATIONS = frozenset(("non", "not", "no", "un", "anti", "without"))


def _named_suffixes(form: str) -> Iterator[tuple[str, str]]:
    """(the words before, the last two or three words) of a longer name, when one or
    two words come before them: "automated data pipelines", "data-driven decision
    making"."""
    words = form.split(" ")
    for size in (3, 2):
        lead = words[: len(words) - size]
        if len(words) > size and len(lead) <= 2 and not _NEGATIONS & set(lead) and lead[-1] not in _PLACING_WORDS:
            yield " ".join(lead), " ".join(words[len(words) - size :])


# Words that make a phrase of what follows an activity rather than its object:
# "present the results using dashboards" is about dashboards.
_LINKING_WORDS = frozenset(
    ("the", "a", "an", "using", "with", "via", "in", "on", "for", "to", "of", "and", "or", "at", "by", "from", "into")
)


# Words that end what a verb is done to: "deploy models to production" is read as
# "deploy models" and a place.
_OBJECT_ENDS = _LINKING_WORDS - {"the", "a", "an"}


def _activity_object(form: str) -> Iterator[tuple[str, str]]:
    """(the activity, what it is done to) when ``form`` starts with a verb or its -ing
    form and one to four words follow (two at least after a bare verb): "mentor junior researchers", "debugging
    others' code", "publish research papers". The activity is read as a skill only
    when its -ing form is a one-word skill name (see ``Matcher._lookup_variants``)."""
    words = form.split(" ")
    if not 2 <= len(words) <= 5 or not words[0].isalpha() or (_NEGATIONS | _LINKING_WORDS) & set(words):
        return
    verb, rest = words[0], " ".join(words[1:])
    if verb.endswith("ing"):
        yield verb, rest
        return
    if len(words) < 3:
        return  # "cluster management", "forecast accuracy": a noun before a noun
    for gerund in (verb + "ing", verb[:-1] + "ing" if verb.endswith("e") else "", verb + verb[-1] + "ing"):
        if gerund:
            yield gerund, rest


# What a deed done to things counted may be done to at work, besides technical words and
# people: "Published 2 papers", "Reviewed 15 papers", "Scraped 300 pages".
_COUNTED_WORK = frozenset(
    (
        "papers", "articles", "talks", "posters", "pages", "records", "rows", "documents", "files", "images",
        "reports", "studies", "experiments", "projects", "features", "products", "listings", "tweets", "posts",
        "websites", "sites", "ads", "reviews", "samples", "labels", "annotations", "vendors", "contracts", "deals",
    )
)  # fmt: skip


@cache
def _data_sized() -> re.Pattern[str]:
    """A number data comes in: "2M", "40k", "12,000" (compiled on first use)."""
    return re.compile(r"\d[\d,.]*\s?[kmb]\b|\d{1,3}(?:,\d{3})+|\d{4,}", re.IGNORECASE)


def _counted_work(after: Sequence[str], known: frozenset[str]) -> bool:
    """Whether the words after a deed's verb count things done at work, not everyday
    things: a number data comes in ("2M", "40k", "12,000"), a technical word or a code
    after it ("12 messy sources into one analytics table", "to INT8"), or, before the
    next preposition, a person, a work product or a word of a skill's name ("Mentored 5
    engineers", "Benchmarked three vector databases"); not "Cleaned 40 hotel rooms",
    "Presented 12 awards", "Scraped 300 barnacles off the hull"."""
    if after and _data_sized().match(after[0]):
        return True
    words = [w.lower().strip(".,;:()") for w in after[1:]]
    if not _TECHNICAL_WORDS.isdisjoint(words) or not _TOOL_PRODUCTS.isdisjoint((*words, *(w + "s" for w in words))):
        return True  # (a thing made, one or more: "into one reporting table")
    for word in words:
        if word in _PREPOSITIONS or word in _LINKING_WORDS:
            break
        if word in _PEOPLE or word in _COUNTED_WORK or (word in known and word not in _FUNCTION_WORDS):
            return True
    # a code of letters and digits: "Quantized the detector to INT8"
    return any(w.isalnum() and not w.isalpha() and not w.isdigit() for w in after[1:])


def _deed_forms(form: str) -> Iterator[str]:
    """The activity a past deed names, in its -ing and noun forms, when the deed stands
    alone or before a number: "Mentored 5 junior engineers" (mentoring), "Published 2
    papers" (publishing), "Collaborated" (collaboration). Not before other words:
    "Optimized model inference" and "Augmented reality" are no Optimization and no Data
    augmentation."""
    words = form.split(" ")
    verb = words[0]
    if len(verb) < 6 or not verb.endswith("ed") or not verb.isalpha():
        return
    if len(words) > 1 and not words[1][:1].isdigit():
        return
    stem = verb[:-2]  # mentor, publish, collaborat, visualiz
    yield stem + "ing"
    yield stem + "ion"  # collaborat-ion, communicat-ion
    yield stem + "ation"  # visualiz-ation
    if stem[-1] == stem[-2]:
        yield stem[:-1] + "ing"  # planned -> planning


def _doing_forms(form: str) -> Iterator[str]:
    """``form`` with its first word, a past or a present deed, as the activity in -ing:
    "presented findings" -> "presenting findings", "led teams" -> "leading teams",
    "mentors junior engineers" -> "mentoring junior engineers"."""
    verb, _, rest = form.partition(" ")
    deed = verb.endswith(("ed", "s")) and not verb.endswith("ss") and len(verb) > 4 and verb.isalpha()
    if rest and (deed or verb in _IRREGULAR_PAST):
        bases = (base[:-1] if base.endswith("e") and len(base) > 3 else base for base in _verb_bases(verb)[1:])
        yield from dict.fromkeys(f"{base}ing {rest}" for base in bases)


# Past forms that are not the verb and -ed: "Led a team", "Built pipelines".
# Who did a deed, or when, before its verb inside an entry: "I have led", "PI has led",
# "Previously led" (an auxiliary counts after a subject only: "models have trained" is no deed).
_SUBJECTS = frozenset(("i", "we", "you", "he", "she", "they", "pi"))
_AUXILIARIES = frozenset(("have", "has", "had"))
_DOER_WORDS = _SUBJECTS | _AUXILIARIES | {"previously", "also", "successfully", "then"}
# Verbs that say deploying a model, in other words: "shipped ML models to production".
_VERB_MEANS = {
    "ship": "deploy", "productionise": "deploy", "productionize": "deploy", "industrialise": "deploy",
    "industrialize": "deploy",
}  # fmt: skip
# Kinds of model a verb is done to as to a model: "Train a simple MLP classifier".
_MODEL_KINDS = frozenset(
    ("classifier", "classifiers", "regressor", "regressors", "network", "networks", "cnn", "cnns", "gpt", "llm", "llms")
)
_IRREGULAR_PAST = {"led": "lead", "built": "build", "ran": "run", "wrote": "write", "made": "make", "taught": "teach"}


def _verb_bases(word: str) -> tuple[str, ...]:
    """The plain verbs ``word`` may be a form of: deploying, deployed and deploys are
    deploy; labelled is label; led is lead. Every guess is checked against the
    vocabulary by the caller, so a wrong one costs nothing."""
    if word in _IRREGULAR_PAST:
        return (_IRREGULAR_PAST[word],)
    bases = [word]
    stem = ""
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        bases += [stem, stem + "e"]
    elif word.endswith("ed") and len(word) > 4:
        stem = word[:-2]
        bases += [stem, word[:-1]]
    elif word.endswith("es") and len(word) > 4:
        bases += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        bases.append(word[:-1])
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        bases.append(stem[:-1])  # planned, labelling
    return tuple(bases)


# Verbs whose activity is the same word: "design systems" (system design), "review code".
_SAME_NOUN_VERBS = frozenset(("design", "review"))
_NOUN_VERBS = _SAME_NOUN_VERBS | {"test"}


def _activity_nouns(base: str) -> Iterator[str]:
    """Nouns for doing ``base``: deploy -> deployment, detect -> detection, optimize ->
    optimization, analyze -> analysis, classify -> classification, review -> review."""
    if base in _SAME_NOUN_VERBS:
        yield base
    yield from (base + "ing", base + "ment", base + "ion", base + "ation", base + "ance", base + "ership")
    if base.endswith("e"):
        yield from (base[:-1] + "ing", base[:-1] + "ion", base[:-1] + "ation")  # tune, evaluate, optimize
    elif base[-1] not in "aeiouwy":
        yield base + base[-1] + "ing"  # plan -> planning, label -> labelling
    if base.endswith(("yze", "yse")):
        yield base[:-2] + "sis"  # analyze -> analysis
    elif base.endswith("ize"):
        yield base[:-3] + "ition"  # recognize -> recognition
    elif base.endswith("y"):
        yield base[:-1] + "ication"  # classify -> classification
    elif base.endswith("ve"):
        yield base[:-2] + "ution"  # resolve -> resolution
    elif base.endswith("de"):
        yield base[:-2] + "sion"  # decide -> decision


# How much of something: "analyze large sets of data" analyzes data.
_QUANTITY_OF = re.compile(r"\b(?:sets?|amounts?|volumes?|quantities|lots|bodies|pieces) of\s+", re.IGNORECASE)
# Words before what a verb is done to that say nothing of it: "tuning their
# hyperparameters", "Led a team".
_DETERMINERS = frozenset(("the", "a", "an", "their", "its", "our", "your", "his", "her", "this", "these", "those"))
# What is measured of a thing: "optimize ML model performance" optimizes the model.
# One word that names a thing, not an activity or a field: "Oracle", not "Presentation",
# "Optimization", "Analysis" or "Statistics".
_THING = re.compile(r"[a-z]+(?<!ion)(?<!ing)(?<!ment)(?<!sis)(?<!ics)(?<!ity)(?<!ance)")
# A name, a hyphen and one or two words: "Python-Kenntnisse", "Linux-palvelinten ylläpito".
_COMPOUND = re.compile(r"^([^\W\d_][\w.+#]*)-([^\W\d_]+(?:\s[^\W\d_]+)?)$")
_NUMBER_WORDS = frozenset(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "several", "multiple", "many")
)
# A machine's task that is also what people do every day: read from its name, not from a
# deed ("Answered questions at the help desk" is no question answering).
_EVERYDAY_DEEDS = frozenset(("question answering",))
# Nouns with no plural that a verb is done to as they are: "clean data", "review code".
_MASS_NOUNS = frozenset(
    ("data", "code", "software", "text", "infrastructure", "content", "speech", "information", "feedback", "team")
)
_PREPOSITIONS = frozenset(
    (
        "about", "above", "across", "after", "against", "along", "alongside", "among", "around", "before", "behind",
        "below", "beside", "besides", "between", "beyond", "during", "except", "inside", "into", "near", "onto",
        "outside", "over", "past", "per", "since", "than", "throughout", "toward", "towards", "under", "until",
        "upon", "versus", "while", "whilst", "when", "where", "which", "who", "that", "then", "so", "as",
        "at", "by", "for", "from", "in", "of", "off", "on", "out", "through", "to", "up", "via", "with", "within",
        "without", "using", "daily", "weekly",
    )
)  # fmt: skip
_MEASURES = frozenset(("performance", "quality", "accuracy", "latency", "efficiency", "health"))


def _object_forms(words: Sequence[str]) -> Iterator[tuple[str, str]]:
    """What a verb is done to, as written before the noun of the activity, with the
    words in front dropped to get it (dropped one at a time): "ML models" -> "ml model"
    (nothing dropped), then "model" ("ml" dropped); "datasets" -> "data"; "their
    hyperparameters" -> "hyperparameter"; "ML model performance" -> "ml model" too."""
    ends = [words]
    if len(words) > 1 and words[-1] in _MEASURES:
        ends.append(words[:-1])
    for start in range(len(words)):
        for end in ends:
            kept = end[start:]
            if not kept:
                continue
            last = kept[-1]
            lasts = [last]
            if last in ("dataset", "datasets"):
                lasts.append("data")
            elif last.endswith("ies"):
                lasts.append(last[:-3] + "y")  # anomalies
            elif last.endswith("eses"):
                lasts.append(last[:-4] + "esis")  # hypotheses
            elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
                lasts.append(last[:-1])
            if last in _MODEL_KINDS:
                lasts.append("model")
            head = " ".join(kept[:-1])
            for word in lasts:
                yield f"{head} {word}" if head else word, " ".join(words[:start])


# Things made with a tool, written after its name: "dbt tests", "Spark jobs", "SQL queries",
# "Chef cookbooks", "Ansible playbooks", "Terraform modules", "Celery workers".
_TOOL_PRODUCTS = frozenset(
    (
        "tests", "macros", "jobs", "scripts", "notebooks", "queries", "dashboards", "reports", "operators", "functions",
        "cookbooks", "playbooks", "manifests", "modules", "packages", "workers", "consumers", "producers", "images",
        "topics", "connectors", "kernels", "charts", "plugins", "collectors", "tables", "endpoints", "suites", "traces",
        "dags", "frontend", "backend", "services",
    )
)  # fmt: skip
# Of those, the ones an everyday word may make too: "pruning jobs", "beam tests".
_EVERYDAY_PRODUCTS = frozenset(
    ("tests", "jobs", "reports", "functions", "images", "packages", "operators", "kernels", "charts", "suites", "traces")
)  # fmt: skip


# Words and marks of a line about software, data or other technical work, beside a name
# that is also an everyday word (see Matcher._everyday_senses).
_TECHNICAL_WORDS = frozenset(
    (
        "code", "coding", "coded", "codebase", "program", "programming", "programmer", "programmers", "developer",
        "developers", "software", "script", "scripts", "scripting", "library", "libraries", "framework",
        "frameworks", "package", "packages", "module", "modules", "api", "apis", "sdk", "app", "apps",
        "application", "applications", "deploy", "deployed", "deploying", "deployment", "pipeline", "pipelines",
        "server", "servers", "data", "dataset", "datasets", "database", "databases", "model", "models", "cluster",
        "clusters", "query", "queries", "backend", "frontend", "stack", "tool", "tools", "tooling", "container",
        "containers", "notebook", "notebooks", "repo", "repository", "commit", "install", "import", "version",
        "versions", "automation", "ml", "ai", "analytics", "gpu", "gpus", "cpu", "infrastructure",
        "etl", "web", "cloud", "devops", "workflow", "workflows", "dag", "dags", "algorithm", "algorithms",
        "function", "functions", "experience", "experienced", "proficient", "proficiency", "skills", "skill",
        "expertise", "knowledge", "familiar", "fluent", "certified", "certification", "engine",
        "engines", "inference", "embedded", "firmware", "hardware", "compiler", "training", "trained", "debugging",
        "distributed", "hyperparameter", "hyperparameters", "warehouse", "migrated", "migration", "downtime",
        "llm", "llms", "microservice", "microservices", "github", "linux", "tokenization",
        "tokenizer", "tokenizers", "attention", "neural", "network", "networks", "vector", "vectors", "tensor",
        "tensors", "semantic", "computing", "classification", "correlation", "regularization", "statistics",
        "statistical", "variance", "lasso", "ridge", "linear", "logistic", "prediction", "predictive", "forecasting",
        "alerts", "alerting", "dashboard", "dashboards", "monolith", "scheduler",
    )
)  # fmt: skip
# What people do with a language or a tool, as a line of their own says it: "I use Python
# every day", "Taught myself Rust", "Wrote the ingestion layer in Java" (not travel or
# meeting words: "Went to Java", "Jenkins from accounts").
_WORKING_WORDS = frozenset(
    (
        "use", "uses", "used", "write", "writes", "wrote", "writing", "written", "rewrote", "rewrite",
        "build", "builds", "built", "learn", "learns", "learned", "learnt", "learning", "taught", "self-taught",
        "picked", "picking", "run", "runs", "ran", "running", "maintain", "maintains", "maintained",
        "maintaining", "configure", "configured", "configuring", "upgrade", "upgraded", "upgrading", "installed",
        "switched", "migrate", "migrating", "language", "languages", "teach", "teaches", "teaching", "tutor",
        "tutoring", "comfortable",
    )
)  # fmt: skip
_OTHER_LANGUAGE_WORDS = frozenset((*_OTHER_ANDS, *_OTHER_WITHS))


@cache
def _deed_with() -> re.Pattern[str]:
    """A verb that starts a phrase, what it points at, and the tool it is done with:
    "... and cleaned them in ", "clean the output with " (compiled on first use)."""
    return re.compile(
        r"(?:^|\band\s+|[,;]\s*)([A-Za-z]{4,})\s+(?:them|it|(?:the|their|our|this|these|those)(?:\s+[a-z]+){1,2})"
        r"\s+(?:in|with|using)\s+"
    )


@cache
def _training_models() -> re.Pattern[str]:
    """ "train" or "training", then up to five words that are no small word, then models
    of a kind ("training machine learning and deep learning models", "training neural
    networks"; compiled on first use)."""
    return re.compile(
        r"\btrain(?:s|ing)?\s+(?!(?:and|or|the|a|an|on|for|of|in|with|data)\b)"
        r"(?:(?!(?:the|a|an|on|for|of|in|with|to|data)\b)[\w-]+\s+){0,5}?"
        r"(?:models?|networks?|nets|classifiers?|cnns?|llms?|transformers?)\b",
        re.IGNORECASE,
    )


@cache
def _leading_work() -> re.Pattern[str]:
    """An entry that starts by leading something: "Lead the migration of ...", "Led a
    platform team", "Leading our rollout" (compiled on first use)."""
    return re.compile(r"^\s*(?:I\s+)?(?:lead|leads|led|leading)\s+(?:the|a|an|our|their|its)\s+", re.IGNORECASE)


@cache
def _dashed_head() -> re.Pattern[str]:
    """A short name, a dash between spaces and what follows: "AWS \u2014 Kinesis, Glue"
    (compiled on first use)."""
    return re.compile(r"^\s*([^\s\-\u2013\u2014:,;()][^\-\u2013\u2014:,;()]{0,30}?)\s+[-\u2013\u2014]\s+(\S.*)$")


@cache
def _file_type() -> re.Pattern[str]:
    """A word a tool's name makes a file type of: "Dockerfiles", "Jenkinsfile"
    (compiled on first use)."""
    return re.compile(r"\b([A-Z][a-z]{3,})files?\b")


@cache
def _negated_then_but() -> re.Pattern[str]:
    """A negated clause before a contrast that goes on: "I have no degree in X, but "
    (compiled on first use)."""
    return re.compile(
        r"^[^,;]*\b(?:no|not(?!\s(?:limited|only|just|necessarily|exclusively)\b)|never|without|"
        r"(?:do|does|did|have|has|can)(?: not|n't|n\u2019t)|cannot)\s[^,;]*[,;]\s*but\s+",
        re.IGNORECASE,
    )


_KNOWN_IN_WORDS = ("ground", "expertise", "research", "work", "show", "demonstrat", "display")


@cache
def _kind_of_test() -> re.Pattern[str]:
    """A word before "test" or "tests": "a multivariate test", "A/B tests" (compiled on
    first use)."""
    return re.compile(r"(?<![\w/-])([a-z][a-z/]*)\s+tests?\b", re.IGNORECASE)


@cache
def _known_in() -> re.Pattern[str]:
    """What says a person knows or works at what follows: "background in ", "work on ",
    "research is on ", "shows great " (compiled on first use)."""
    return re.compile(
        r"\b(?:(?:background|grounding|expertise|research|work)(?:\s+is)?\s+(?:in|on)"
        r"|(?:shows?|showed|showing|demonstrates?|demonstrated|displays?)"
        r"(?:\s+(?:great|real|genuine|strong|remarkable|exceptional|excellent|much|a\s+lot\s+of))?)\s+",
        re.IGNORECASE,
    )


@cache
def _doing_now() -> re.Pattern[str]:
    """An activity in -ing someone is doing, before what it is done to: "I'm debugging
    the ...", "Today: profiling our ..." (compiled on first use)."""
    return re.compile(
        r"(?:^|[,;:]\s*|\b(?:i'm|i\u2019m|i am|we're|we are|was|were|been|is|are)\s+)([a-z]{5,}ing)\s+"
        r"(?=(?:the|a|an|our|their|this|these|those|my)\s)",
        re.IGNORECASE,
    )


@cache
def _when_after() -> re.Pattern[str]:
    """A name that is a season or a time, before a year or a word for a time: "Spring
    2024", "Spring term" (see Matcher._sensed_names; compiled on first use)."""
    return re.compile(r"\S+\s+(?:'?\d|(?:term|semester|quarter|break|season|session)\b)", re.IGNORECASE)


# Products whose name holds a broad field's short form, as they are written: Apple's Core
# ML, Google's ML Kit (see Matcher._other_senses).
_FIELD_PRODUCTS = ("Core ML", "ML Kit")


@cache
def _name_then_level() -> re.Pattern[str]:
    """A name, then a level or a number: "Python: expert", "Go | 3", "Python \u2014 99+
    endorsements" (compiled on first use)."""
    return re.compile(
        r"^\s*([^:|\u2013\u2014]+?)\s*(?:[:|\u2013\u2014]|\s-\s)\s*"
        r"(?:\d|expert|advanced|intermediate|beginner|basic|novice|proficient|fluent|strong|good|working)",
        re.IGNORECASE,
    )


def _in_product(via: str, written: str) -> bool:
    """Whether ``via``, a field's short form, is written only inside a product's name
    that holds it ("ML" in "a Core ML model")."""
    if not via or "ML" not in written:
        return False
    inside = sum(written.count(product) * product.count(via) for product in _FIELD_PRODUCTS)
    return inside > 0 and written.count(via) <= inside


def _written_within(form: str, longer: str, text: str) -> bool:
    """Whether ``form`` is written in ``text`` only inside ``longer``, a longer name
    that holds it ("storytelling" in "storytelling with data"), not on its own too
    ("R / R Markdown")."""
    if form == longer or f" {form} " not in f" {longer} ":
        return False
    inside = len(re.findall(rf"(?<!\w){re.escape(longer)}(?!\w)", text))
    alone = len(re.findall(rf"(?<!\w){re.escape(form)}(?!\w)", text))
    return inside > 0 and alone <= inside * f" {longer} ".count(f" {form} ")


def _written_as_name(piece: str) -> bool:
    """Whether ``piece`` is one word, or every word of it capitalised, as names in a
    list are ("Twingate", "cron", "Apache Pinot")."""
    words = piece.split()
    return len(words) == 1 or all(word[:1].isupper() or not word[:1].isalpha() for word in words)


@cache
def _code_marks() -> re.Pattern[str]:
    """Marks of code or a versioned tool (compiled on first use: most lines never ask)."""
    return re.compile(
        r"`|\bimport\s+\w|\w\.(?:py|ipynb|js|ts|java|sql|sh|ya?ml|json|scala|go|rs|cpp|jar)\b|\(\)|==|[<>]="
        r"|\d\.[\dx]|\w_\w|(?<!\w)--\w|\b(?:pip|conda|npm|brew)\s+install\b"
        # a version after a name, not a year ("Java 21", not "in 2019")
        r"|[a-z]\s+v?(?!(?:19|20)\d\d\b)\d+\b(?!\s*[-\u2013])"
        # a URL, a word of letters and digits ("STM32", "T4", "GPT-4"), letters of another script
        r"|://|\b[a-z]+-?\d+[a-z\d]*\b|\b\d+[a-z]+\d*\b|[^\x00-\u024f\u2000-\u2bff]",
        re.IGNORECASE,
    )


@cache
def _years_of() -> re.Pattern[str]:
    """Years of doing something, as a skill's experience is said ("5 years of Java",
    "Rust: 3 yrs"), not years served or spent as someone ("Three years as a CNN
    producer", "for eight years"), nor a year of study ("first-year"); compiled on
    first use."""
    return re.compile(r"\d\+?\s*(?:years?|yrs?)\b|\b(?:years?|yrs?)\s+(?:of|experience)\b")


def _unit_cased(part: str, via: str, written: str) -> bool:
    """Whether ``part`` is the short form ``via`` (written in capitals) written with a
    small letter first and a capital after, after a number, as a unit is ("500 mL" of
    "ML"; not "iOS", nor a whole entry in any case)."""
    if not (part[:1].islower() and part != via and part.lower() == via.lower() and via.isupper()) or part.islower():
        return False
    words = written.split()
    return any(
        w.strip(".,;()") == part and words[at - 1].replace(",", "").isdigit() for at, w in enumerate(words) if at
    )


def _technical(written: str, whole: str) -> bool:
    """Whether a line is about software, data or other technical work: a technical
    word, or a mark of code or of a version ("Python 3", "pandas==2.0", "main.py")."""
    words = set(_WORD.findall(whole))
    return (
        not _TECHNICAL_WORDS.isdisjoint(words)
        or _years_of().search(whole) is not None
        or not _WORKING_WORDS.isdisjoint(words)
        or not _OTHER_LANGUAGE_WORDS.isdisjoint(words)  # a line in another language: not judged
        or not _TOOL_PRODUCTS.isdisjoint(words)
        or _code_marks().search(written) is not None
    )


def _without_article(form: str) -> str:
    """``form`` without an article before it: "flask" of "a flask"."""
    first, _, rest = form.partition(" ")
    return rest if rest and first in ("a", "an", "the") else form


def _made_with(form: str) -> str:
    """The tool ``form`` names code made with ("celery" of "celery workers"), else "";
    not things an everyday word may make too ("pruning jobs", "beam tests")."""
    tool, _, made = form.rpartition(" ")
    return tool if made in _TOOL_PRODUCTS - _EVERYDAY_PRODUCTS else ""


# A date names no skill: "Spring 2024", "May '23", "Fall semester 2022".
_DATE = re.compile(
    r"^(?:spring|summer|fall|autumn|winter|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+(?:term|semester|quarter))?"
    r"\s*['\u2019]?(?:19|20)?\d\d$",
    re.IGNORECASE,
)

# When a deed was done, before it: "In 2022, containerised ...", "Q3 2023: benchmarked ...",
# "2019-2021: led ...".
_WHEN_FIRST = re.compile(
    r"^\s*(?:(?:in|since|during|from|by)\s+)?(?:(?:q[1-4]|h[12])\s+)?(?:19|20)\d\d"
    r"(?:\s*[-\u2013/]\s*(?:(?:19|20)?\d\d|present|now|today))?\s*[,:\-\u2013\u2014]\s+",
    re.IGNORECASE,
)

# "Certified Kubernetes Administrator", "AWS Certified Machine Learning - Specialty",
# "TensorFlow Developer Certificate", "Deep Learning Specialization": the words of a certification's title around the
# skills it certifies.
_CERTIFICATION = re.compile(
    r"\b(?:certified|certificate|certification|speciali[sz]ation|nanodegree)s?(?:\s+(?:in|of|for)\b)?", re.IGNORECASE
)
_CERTIFICATION_TITLE = re.compile(
    r"\b(?:solutions architect|architect|administrator|(?:application )?developer|engineer|associate|professional|"
    r"specialty|speciality|specialist|practitioner|expert|foundational|fundamentals)\b",
    re.IGNORECASE,
)
# The person a certification is for, as the skill it certifies: "Data Analyst
# Associate" (data analysis), "Data Engineer" (data engineering).
_CERTIFIED_PERSON = re.compile(r"\b(analy|scien|engineer|scrum)(?:st|tist|\s?master)?s?\b", re.IGNORECASE)
_CERTIFIED_SKILL = {"analy": "analysis", "scien": "science", "engineer": "engineering", "scrum": "scrum"}


# A clause that says a skill is lacking, from its start (or "but") to the next comma,
# semicolon or bracket: "No experience with Java", "Never used Kubernetes", "Unfamiliar
# with Airflow", "Lacks experience with cloud platforms", "(not Azure)", "but not Polars". Not "No-code", "zero-shot" nor "but
# not limited to".
_NEGATED = re.compile(
    r"(?:^(?:\s*[-*\u2022\u00b7](?=\s))?|(?<=[,;(])|\bbut\s)\s*(?:no|not(?!\s(?:limited|only|just|necessarily|exclusively)\b)|never|without|unfamiliar|lacks|lacking|lack of|"
    r"zero (?:experience|knowledge|exposure)|(?:i )?(?:do|does|did|have|has|can)(?: not|n't|n\u2019t)|cannot)"
    r"\s[^,;()]*",
    re.IGNORECASE,
)


@cache
def _bracketed_words() -> re.Pattern[str]:
    """Words in brackets (compiled on first use)."""
    return re.compile(r"\(([^()]{3,60})\)")


_EMPTY_BRACKETS = re.compile(r"\s*\(\s*\)")
# A name, then what is made on it: "LLM-powered", "Numba-accelerated", "React-based".
_MADE_ON = re.compile(r"(?<![\w-])([\w.+#]+)-(?:based|powered|accelerated)\b", re.IGNORECASE)
# Slugs a space apart, after a heading or none: "topics: machine-learning deep-learning pytorch".
_SLUG = r"[a-z0-9][a-z0-9.+#]*(?:-[a-z0-9.+#]+)*"
_SLUG_RUN = re.compile(rf"^((?:[^:]{{1,40}}:\s*)?)({_SLUG}(?:\s+{_SLUG})+)\s*$")
# A form's answer: to a question ("? Yes - daily", "? No"), or a rating out of a scale
# ("(1-5): 0, never used it").
_ANSWERED = re.compile(r"(?:\?|\(1-\d+\):)\s*(?:(yes|yeah|yep|[1-9]\d*)|no|nope|none|0)\b[^?]*$", re.IGNORECASE)
# A name declined after a colon or a dash: "Spark experience: none", "Terraform: never
# touched it", "Kubernetes - no", "Docker: not yet" (the name read, then its answer).
_DECLINED = (
    r"(?:^|(?<=[,;]))[^,;:?()]{1,60}?(?::|\s[-\u2013\u2014])\s*"
    r"(?:(?:none|nope|nil|n/a|no|zero|not yet|not really|not at all)\s*(?:[.!]|(?=[,;(])|$)|never\s+[a-z]"
    r"|no\s+(?:experience|exposure|knowledge|idea)\b|not\s+(?:yet|familiar|used)\b)[^,;]*"
)
# An issue tracker's key, or a project's code, before a colon: "ML-88: Move the job ...",
# "[DS-12] Fix ...": a ticket's number, no field.
_TICKET_KEY = r"^\s*(?:\[([A-Z][A-Z0-9]{1,9}-\d{2,6})\]:?|([A-Z][A-Z0-9]{1,9}-\d{2,6}):)\s+"
# A genus and species in brackets ("Red kites (Milvus milvus)"): Latin, no names.
_BINOMIAL = r"\(\s*[A-Z][a-z]+(?:us|a|um|is|es|ae|i|ii|on|x)\s+[a-z]+(?:us|a|um|is|ae|i|ii|ensis|oides|ata|atus)\s*\)"
# An event named after a tool, attended: "attending a SciPy conference", "went to a
# Kubernetes meetup"; what one attends is no skill (speaking or organising there is).
_ATTENDED = (
    r"\b(?:attend(?:ed|ing|s)?|went to|visited|going to)\s+(?:(?:a|an|the|my|our|this year's|last year's)\s+)?"
    r"(?:[\w.+#-]+\s+){1,2}(?:conference|conf|summit|meetup|meet-up|user group|days|expo)s?\b"
)
# Heads of a line that name a team or squad: "Team: ML Toolchain" (a team names no skill).
_TEAM_HEADS = frozenset(("team", "squad", "tribe", "team name", "our team"))


@cache
def _apart(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """One of the patterns ``Matcher._set_apart`` drops (compiled on first use)."""
    return re.compile(pattern, flags)


# Emoji and pictographs around names in profiles: "Python 🐍", "🌱 Learning Rust"; not the
# music signs (♭ ♮ ♯), which write "C♯".
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u266c\u2670-\u27bf\u2b00-\u2bff\ufe0f\u200d]+")
# A person named with a title: "Reference: Dr. Sarah Jenkins", "Prof. Stan Lee". A
# surname that is a tool's name names no tool.
_TITLED_PERSON = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Professor)\.?\s+(?:[A-Z][\w'\-]*\.?\s+){0,2}[A-Z][\w'\-]*")
# A university course's code: "Intro to Probability (STAT 110)", "MATH 221". Its letters
# cut a subject's name short ("STAT", "MATH"); a code is no course title, and names no
# skill (a skill's own name or short form before a number still does: "SQL 101", "ML 101").
_COURSE_CODE = re.compile(r"\b([A-Z]{2,5})\s?\d{3}[A-Za-z]?\b")
# A company named before "Certified" is who certifies ("Oracle Certified Professional, Java
# SE 11 Developer"): where the company's name is only an alias of its product (Oracle, for
# Oracle Database), it names no skill. A product's own name still does ("AWS Certified ...").
_CERTIFYING_COMPANIES = frozenset(("oracle", "ibm", "microsoft", "google", "amazon", "cisco", "sap", "salesforce"))
_ISSUER = re.compile(r"^\s*(\w+)\s+(?=certified\s+\w)", re.IGNORECASE)
# Words after a name that make an organisation of it: "Linux Foundation", "Python Software
# Foundation", "Java User Group".
_ORGANISATIONS = frozenset(("foundation", "institute", "society", "association", "consortium", "academy"))

# A vendor's certification named by its grade or exam code alone, after the tool:
# "Terraform Associate (003)", "MongoDB Associate Developer", "Azure AZ-900
# (Fundamentals)". A person word alone makes no certification ("Python Developer").
_UNWRAPPED = re.compile(r"[()\[\]]")
_EXAM_CODE = re.compile(r"[a-z]{1,4}-[a-z]?\d{2,3}|\d{3}")
_VENDOR_GRADES = frozenset(("associate", "professional", "fundamentals", "foundational", "specialist", "practitioner"))
_VENDOR_PEOPLE = frozenset(("expert", "developer", "engineer", "administrator", "architect"))


def _vendor_tool(written: str) -> str | None:
    """The tool a vendor's certification written as its grade or exam code names, if
    ``written`` is one: "Terraform" of "Terraform Associate (003)"."""
    last = written.rstrip(" )]").rpartition(" ")[2].lstrip("([").lower()
    if last not in _VENDOR_GRADES and last not in _VENDOR_PEOPLE and not _EXAM_CODE.fullmatch(last):
        return None  # most entries: no certification's last word
    words = _UNWRAPPED.sub(" ", written).split()
    cut = len(words)
    while cut > 1 and (
        words[cut - 1].lower() in _VENDOR_GRADES | _VENDOR_PEOPLE or _EXAM_CODE.fullmatch(words[cut - 1].lower())
    ):
        cut -= 1
    title = [w.lower() for w in words[cut:]]
    if not any(w in _VENDOR_GRADES or _EXAM_CODE.fullmatch(w) for w in title):
        return None
    head = " ".join(words[:cut])
    return head if len(head) <= 30 and not any(c in head for c in ",:;") else None


# Lists written in Chinese, Japanese or Korean: their punctuation as the plain one, and a
# break where a Latin name meets their script ("Pythonでのデータ分析(pandas、NumPy)" with fullwidth brackets,
# "掌握 Linux 常用命令"): the names are read as a list's pieces.
_CJK_PUNCTUATION = str.maketrans(
    {"\u3001": ", ", "\uff0c": ", ", "\u30fb": ", ", "\uff08": " (", "\uff09": ") ", "\uff0f": "/",
     "\uff1a": ": ", "\uff1b": "; ", "\u3002": ". ", "\u3010": " [", "\u3011": "] "}
)  # fmt: skip
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"


@cache
def _script_edge() -> re.Pattern[str]:
    """Where a Latin name meets another script (compiled when first needed: its classes
    are costly to build, and most entries are Latin only)."""
    return re.compile(rf"(?<=[A-Za-z0-9+#)\]])\s*(?=[{_CJK}])|(?<=[{_CJK}])\s*(?=[A-Za-z0-9(\[])")


# A Turkish case ending after a name: "Docker'da deneyim", "Kubernetes'e giriş".
_CASE_ENDING = re.compile(
    r"(?<=[A-Za-z0-9+#])['\u2019](?:d[ae]n?|t[ae]n?|y?[ae]|y?[\u0131iu\u00fc]|l[ae]|yl[ae]|n?[\u0131i]n|[dt][ae]ki)\b"
)


def _other_scripts(text: str) -> str:
    """``text`` with another script's punctuation and word breaks as a list's, and a
    Turkish case ending cut from a name."""
    if "'" in text or "\u2019" in text:
        text = _CASE_ENDING.sub("", text)
    if text.isascii() or not any("\u3001" <= c <= "\ud7af" for c in text):
        return text  # fullwidth Latin letters are left to normalising
    return _script_edge().sub(", ", text.translate(_CJK_PUNCTUATION)).strip(" ,")


# Short forms of the words that join a skill to its tools or examples, written out:
# "unit testing w/ pytest", "Excel incl. Power Query".
_LIST_WORDS = re.compile(r"(?<!\w)(w/|incl\.|inc\.)(?=\s)", re.IGNORECASE)
_LIST_WORDS_MEANT = {"w/": "with", "incl.": "including", "inc.": "including"}
# A comma or semicolon of a list before a preposition: what follows it is no tail of the whole.
_LIST_BEFORE = re.compile(r"[,;|\u00b7\u2022\u2192]\s")  # "Docker | 3 | on EKS" is a row
# A list or a pair ("Python, SQL", "R / R markdown"): its pieces are read one by one.
_LISTED = re.compile(rf"[,;/&+|]|\s(?:and|or|{'|'.join(_OTHER_ANDS)})\s", re.IGNORECASE)


def _variants(form: str) -> Iterator[tuple[str, bool]]:
    """Other readings of a normalised name, most literal first, each with whether it
    may be looked up with its inner spaces ignored: a word in another form may not
    ("data flows" is not Dataflow)."""
    readings = [*_unqualified(form)]
    expanded = _expanded(form)
    if expanded != form:
        readings += [expanded, *_unqualified(expanded)]
    for reading in readings:
        yield reading, True
    if _LISTED.search(form):
        return
    for reading in (form, *readings):
        for other in _word_forms(reading):
            yield other, False


# "tools such as NLTK and spaCy", "frameworks like PyTorch", "(e.g. Hydra)": examples.
_EXAMPLES_FIRST = re.compile(r"^\s*(?:such as|like|including|e\.g\.,?|for example,?|for instance,?)\s+", re.IGNORECASE)
_EXAMPLES = re.compile(r"[\s,]+(?:such as|like|including|e\.g\.,?|for example,?|for instance,?)\s+", re.IGNORECASE)


def _balanced(text: str) -> bool:
    """Whether every bracket opened in ``text`` is closed."""
    return sum(text.count(c) for c in _OPENING) == sum(text.count(c) for c in _CLOSING)


# "Databases: MySQL", "Tools: Google Colab": a heading before the skills it lists.
_GROUP_MARK = re.compile(r"[;|\u00b7\u2022]")
_HEADING = re.compile(r"^\s*([^:()\[\]{}]{1,40}):\s+(\S.*)$", re.DOTALL)
# "CI/CD for ML", "presenting at conferences", "Deep learning with PyTorch": a skill
# with what it is for, where, or with what. The words after "for", "at", "on",
# "across", "within" and "through" place the skill; after "with", "using", "via" and
# "in" they may name a skill too.
# Headings of a résumé's sections that list no skills.
_PASTIMES = frozenset(
    (
        "interests", "hobbies", "hobbies and interests", "interests and hobbies", "personal interests",
        "hobbies/interests", "leisure", "pastimes", "outside work", "references", "referees",
        # what someone wants next: "Looking for: ML infra or data platform roles"
        "looking for", "seeking", "open to",
    )
)  # fmt: skip
_TAIL = re.compile(
    rf"^(.+?)\s+(for|at|on|across|within|through|with|using|via|in|of|to|into|from|{'|'.join(_OTHER_WITHS)})\s+(.+)$",
    re.IGNORECASE,
)
# What a course or a talk's title starts with, before "to", "of" or "in" and its subject.
_COURSE_OPENINGS = frozenset(
    ("intro", "introduction", "gentle introduction", "foundations", "fundamentals", "basics", "primer")
)
# A name that is also a verb, and the prepositions after which it is that verb.
_VERB_SENSES = {"excel": frozenset(("in", "at", "through"))}
_TAIL_NAMES_SKILLS = frozenset(("with", "using", "via", "in"))
_LAST_TOOLS = re.compile(r"^(.+)\s+(using|via)\s+(.+)$", re.IGNORECASE)
# Plural words that make a heading of the name before a colon: "Databases: MySQL".
_GROUP_WORDS = frozenset(
    ("languages", "databases", "platforms", "services", "technologies", "skills", "stack", "algorithms")
)
# Who does a skill, written after it before a colon: "SLAM practitioner: ORB-SLAM3".
_SELF_WORDS = frozenset(("practitioner", "authority", "specialist", "expert", "enthusiast", "background"))
# Verbs an instruction or a description of doing starts with, after a colon: "Data
# Visualization: Build dashboards", "Business Reporting: Present insights".
_DOING = frozenset(
    (
        "build", "fix", "find", "present", "gather", "explain", "learn", "write", "identify", "understand",
        "communicate", "handle", "clean", "transform", "collect", "extract", "prepare", "train", "evaluate",
        "monitor", "carry", "run", "make", "turn", "work", "ensure", "define", "select", "choose", "measure",
        "track", "report", "using", "creating", "building", "writing", "working", "applying",
    )
)  # fmt: skip
# Words for a field's tools: "NLP libraries", "ML frameworks", "packages".
_TOOL_WORDS = frozenset(
    (
        "framework", "frameworks", "library", "libraries", "package", "packages", "toolkit", "toolkits", "tools",
        "tooling", "platform", "platforms",
    )
)  # fmt: skip
# A word before which what follows is a purpose or a place: "packages for machine learning".
_FIELD_BEFORE = _TOOL_WORDS | _PEOPLE | _PERSON  # what a broad field before it does not name
_PLACING_WORDS = frozenset(("for", "at", "on", "across", "within", "through", "to"))
_TAIL_TOOLS = frozenset(("with", "using", "via", *_OTHER_WITHS))
_USED_BEFORE = _TAIL_TOOLS | {"in", "on"}  # what a sentence's last tool was used for, before it
# Words before "to" that make what follows something the person can do: "ability to
# train models", "know how to use R".
_ABLE_WORDS = frozenset(("how", "able", "ability", "abilities", "capable", "capability", "capacity", "you"))
# Whom an activity is done with: "collaborate closely with business analysts".
_COUNTERPARTS = _PEOPLE | {
    "stakeholders", "teammates", "team", "colleagues", "peers", "partners", "clients", "customers", "users", "others",
}  # fmt: skip
# "output cleaned data to Redshift", "import data into R or Python": after these a
# skill written whole is one the person works with.
_TAIL_PLACES = frozenset(("to", "into", "on", "from"))
# "a retention model in SQL", "experience in Linux": after these, one skill written
# whole is one the person works with.
_TAIL_MEDIA = frozenset(("in", "within"))
# A piece that ends with a purpose, "... prototypes to try out ideas and to collect":
# the word before "to", and the verb after it.
_PURPOSE_END = re.compile(r"(?:^|(\S+)\s+)to\s+[a-z]+$", re.IGNORECASE)
# Where a page that lost its separators glued one name to the next: "...PandasNumPyApache
# Spark", "Power BIStatistics" (a lower-case letter or digit before a capital, or a capital
# before a capitalised word).
_GLUED = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_GLUED_NAMES = 3  # names a glued run must hold to be read as one
_GLUED_LENGTH = 12  # letters of its longest word, at least ("NumPyApache")
# "Created data pipeline that ingested ... to Redshift": clauses read one by one,
# and what came of it: "Built a deployment pipeline reducing deployment time".
_CLAUSES = re.compile(
    r"\s+(?:that|which|while|whereby|reducing|improving|increasing|saving|resulting in|achieving|enabling|cutting)\s+",
    re.IGNORECASE,
)

# Names written whole inside a longer phrase (see Matcher._named_inside): its words, what
# parts it, the heading it may start with, and the words around a name that say the name
# is not a skill the writer claims.
_PHRASE_WORD = re.compile(r"[^\W_][\w+#.&'/\-]*[\w+#]|[^\W_]")
_PHRASE_BREAK = re.compile(rf"[,;:()\[\]{{}}|]|\.\s|\s(?:and|or|&|\+|{'|'.join(_OTHER_ANDS)})\s", re.IGNORECASE)
_PHRASE_HEADING = re.compile(r"^[^:()\[\]{}]{1,40}:\s")
_FUNCTION_WORDS = frozenset(
    (
        "the", "a", "an", "of", "to", "in", "for", "with", "and", "or", "on", "is", "are", "we", "you", "your",
        "our", "at", "by", "as", "from", "into", "using", "via", "be", "will", "this", "that", "it", "its",
        "under", "over", "about", "between", "across", "through", "within", "per", "than", "but",
    )
)  # fmt: skip
_GROUPS = _PEOPLE | _PERSON | {"team", "group", "department", "lead", "role", "officer", "officers"}
# Words before a name that ask about it: "Which cloud platforms have you used?"
_ASKING = frozenset(("which", "what"))
# What data a method is studied under: "Causal inference with missing data".
_DATA_CONDITIONS = frozenset(
    (
        "missing",
        "noisy",
        "incomplete",
        "imbalanced",
        "censored",
        "limited",
        "sparse",
        "scarce",
        "unlabeled",
        "unlabelled",
    )
)
# An employer's name, then when or where in brackets: " Databricks (summer 2023)".
_EMPLOYER = r"\s*[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?\s*(?:\((?![^()]*\b(?:years?|yrs?)\b)[^()]*\))?\s*$"
_TEAMS = frozenset(("team", "teams", "squad", "group", "department", "guild"))
# What a name is applied to rather than made of: "time series data", "image datasets".
_STUDIED = frozenset(("data", "dataset", "datasets"))
# Words before "for" that say what someone is known or there for, no purpose:
# "Responsible for data quality", "TA for Linear Algebra", "Reviewer for NeurIPS".
_FOR_WHOM = frozenset(
    (
        "responsible", "accountable", "known", "endorsed", "praised", "recognised", "recognized", "looking",
        "assistant", "ta", "tutor", "instructor", "lecturer", "teacher", "reviewer", "me", "us",
        # what a job ad rewards: "Bonus points for Numba experience", "a plus for dbt"
        "points", "bonus", "plus", "credit",
    )
)  # fmt: skip
# The endings of a skill's name that is an activity or a quality, no tool:
# "Communication", "Leadership" (see Matcher._tool_kind).
_ACTIVITY_ENDINGS = ("ion", "ing", "ment", "sis", "ics", "ity", "ance", "ship", "ness", "ence")
_CLAUSE_END = re.compile(r"[;:]|\.\s")  # between two words: a new clause
# A role that names its activity, first in an entry and before where or what for:
# "Reviewer for NeurIPS", "Speaker at PyCon", "Core contributor to Polars".
_ROLE_SKILLS = {
    "reviewer": "Peer review", "referee": "Peer review", "speaker": "Presentation skills",
    "presenter": "Presentation skills", "panelist": "Presentation skills", "maintainer": "Open-source contribution",
    "contributor": "Open-source contribution", "committer": "Open-source contribution",
}  # fmt: skip
_ROLE_ADJECTIVES = frozenset(("core", "active", "invited", "regular", "guest", "lead"))
_ROLE_PLACES = frozenset(("for", "at", "of", "to", "on"))
_VOWELS = frozenset("aeiouy")
_LIST_JOINS = frozenset(("and", "or", "&", "+", *_OTHER_ANDS))
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "clearly", "closely"; not "only"
# Past deeds of dealing with people, read as their activity whatever they were done to.
_DEALINGS = frozenset(("negotiated", "mentored", "coached", "facilitated", "persuaded"))
_DEALT = frozenset(("negotiate", "mentor", "communicate", "collaborate"))  # any form, inside a phrase
# How a verb is done, after it: "communicates clearly", "collaborates closely".
_MANNERS = frozenset(
    ("clearly", "effectively", "well", "openly", "persuasively", "concisely", "closely", "constructively")
)
_OPEN_SOURCE = re.compile(r"\bopen[- ]source\b", re.IGNORECASE)
_KINDS_OF_TEST = frozenset(("testing", "test", "tests"))  # "regression testing" is software QA
# An adjective in -al before a plain name makes it a narrower idea: "sequential decision
# making" is a topic of reinforcement learning, no Decision making.
_NARROWING = re.compile(r"[a-z]+[^u]al")
# What is made or done with a tool, after its name in a sentence: "Python code", "Spark
# jobs", "Excel sheets" (a tool's name before another noun is often another sense: a
# "Snowflake schema").
_WORK_WITH = _TOOL_PRODUCTS | {
    "code", "codebase", "job", "script", "notebook", "query", "dashboard", "report", "sheets", "workbooks",
    "ui", "api", "apis", "sdk", "cluster", "clusters", "project", "projects", "pipeline", "pipelines",
    "application", "applications", "apps", "services", "environment", "environments", "workflows", "models",
    "skills", "experience", "knowledge", "expertise", "proficiency", "basics", "fundamentals", "programming",
    "development", "internship", "internships", "course", "courses", "certification", "internals", "ecosystem",
    "chart", "table", "endpoint", "suite", "dag", "app",
    # work done to code made with it: "the Polars rewrite", "our Flink upgrade"
    "rewrite", "migration", "upgrade", "refactor", "port",
}  # fmt: skip
# What an activity done now is done to, as work (see Matcher._doing_to).
_DONE_TO_WORK = _WORK_WITH | _COUNTED_WORK | _TECHNICAL_WORDS | {"model", "logic", "databases", "query"}
# Nouns for the parts or the practice of a skill, after its name: "computer vision
# projects", "vector database operations", "model registry management" name the skill
# ("ML models", "AI systems" and "time series data" name things made or studied).
_ASPECTS = frozenset(
    (
        "project", "projects", "algorithms", "techniques", "methods", "methodologies", "concepts",
        "principles", "fundamentals", "basics", "experience", "knowledge", "expertise", "skills", "background",
        "course", "courses", "coursework", "operations", "management", "components", "architecture", "practices",
        "approaches", "strategies", "paradigms",
    )
)  # fmt: skip
# What may follow a name that ends there: a small word, a word for its parts, another
# language's "and" ("Django y React").
_ENDING_WORDS = _FUNCTION_WORDS | _ASPECTS | frozenset(_OTHER_ANDS)
# What may follow an everyday word's name in mid-sentence, beyond a word that ends a
# name: what is made with it, or when ("Writes Go every day", "write Go these days").
_THEN_WORDS = _WORK_WITH | _DETERMINERS | {"every", "since", "until", "during", "when", "professionally"}
_TO_PEOPLE = frozenset(("of", "to", "with", "for", "across"))
_PEOPLE_DONE_TO = _COUNTERPARTS | {"juniors", "hires", "interns", "students", "mentees", "leadership", "executives"}


def _done_to_people(lower: Sequence[str], end: int) -> bool:
    """Whether the words from ``end`` say who something is done to or with: "of
    juniors", "to junior engineers", "with the product team"."""
    return end < len(lower) and lower[end] in _TO_PEOPLE and not _PEOPLE_DONE_TO.isdisjoint(lower[end + 1 : end + 4])


_CLAUSE_START = re.compile(r"[,;:.()]")  # between two words: the second starts a phrase
_LONGEST_NAME = 5  # words in the longest name looked for inside a phrase


def _written_proper(name: str) -> bool:
    """Whether a vocabulary name is written as a proper name: a capital after its first
    letter or a sign in it ("PyTorch", "Apache Airflow", "AWS", "C++", "Node.js"), not
    "Python" or "Decision making", which a sentence may start with."""
    return name[1:] != name[1:].lower() or any(not c.isalpha() and c not in " -" for c in name)


# --- the typo test ----------------------------------------------------------------------


def _is_slip(shorter: str, longer: str, policy: FuzzyPolicy) -> bool:
    """Whether ``longer`` is ``shorter`` with one letter doubled (ddatabases) or, on a word
    of ``min_length`` or more, one letter added at the end (Postgress, Seaborne), rather
    than ``shorter`` plus a piece (NoSQL, MLOps, Scalability)."""
    if len(longer) != len(shorter) + 1:
        return False
    if longer.startswith(shorter) and len(shorter) >= policy.min_length:
        return True
    return any(longer[i] == longer[i + 1] and longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer) - 1))


def _osa_distance(a: str, b: str) -> int:
    # rapidfuzz is imported on first use: most runs resolve every skill exactly.
    from rapidfuzz.distance import OSA

    distance: int = OSA.distance(a, b)
    return distance


def _moved_letter(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter moved by two places (Phyton/Python): a
    common slip that edit distance counts as two."""
    if len(a) != len(b) or sorted(a) != sorted(b):
        return False
    for i, letter in enumerate(a):
        rest = a[:i] + a[i + 1 :]
        for j in range(max(0, i - 2), min(len(b), i + 3)):
            if b[j] == letter and b[:j] + b[j + 1 :] == rest:
                return True
    return False


# Letters a hand or an ear confuses: keyboard neighbours (QWERTY, rows above and below
# too), vowels, and letters that sound alike. A typo's substitution is one of these:
# "closures" is no typo of "Clojure" (s and j are far apart), "Tenserflow" is of
# "TensorFlow".
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEAR: dict[str, set[str]] = {}
for _row, _line in enumerate(_KEYBOARD):
    for _at, _key in enumerate(_line):
        for _other_row in range(max(0, _row - 1), min(len(_KEYBOARD), _row + 2)):
            _other = _KEYBOARD[_other_row]
            # A key touches the keys beside it and, on the next row, the one or two it sits between.
            shift = _row - _other_row  # rows are staggered by half a key
            lo, hi = (_at - 1, _at + 1) if shift == 0 else ((_at - 1, _at) if shift < 0 else (_at, _at + 1))
            _NEAR.setdefault(_key, set()).update(c for c in _other[max(0, lo) : hi + 1] if c != _key)
for _group in ("aeiouy", "ck", "cs", "sz", "kq", "gj", "fv", "bp", "dt", "gk", "mn"):
    for _key in _group:
        _NEAR.setdefault(_key, set()).update(c for c in _group if c != _key)


def _confusable(a: str, b: str) -> bool:
    """Whether typing ``b`` for ``a`` (one letter for another) is a likely slip."""
    return a == b or b in _NEAR.get(a, ()) or not (a.isalpha() and b.isalpha())


def _likely_substitutions(a: str, b: str) -> bool:
    """Whether ``b`` is as few edits from ``a`` when every letter written in place of
    another is a likely slip (see ``_NEAR``): the edit distance with an unlikely
    substitution costing two (a letter dropped and another added).

    That distance is never below the plain one (``target``), and a way from the start
    that strays k letters off the diagonal has cost k already: only the band of
    ``target`` letters either side is worked out, the rest stands at ``target + 1``."""
    target = _osa_distance(a, b)
    far = target + 1
    previous2: list[int] = []
    previous = [j if j <= target else far for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i if i <= target else far] + [far] * len(b)
        typed, before = a[i - 1], a[i - 2] if i > 1 else ""
        for j in range(max(1, i - target), min(len(b), i + target) + 1):
            written = b[j - 1]
            step = 0 if typed == written else 1 if _confusable(typed, written) else 2
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + step)
            if j > 1 and typed == b[j - 2] and before == written:
                cost = min(cost, previous2[j - 2] + 1)
            current[j] = cost
        previous2, previous = previous, current
    return previous[-1] == target


# Everyday words a slip away from a name, spelt as meant: "Payments" is no patents,
# "sprint planning" no Spring, "scalar" no Scala ("Jupiter" is Jupyter on a technical line:
# see the vocabulary's everyday).
_NO_TYPOS = frozenset(
    (
        "payment", "payments", "parent", "parents", "espresso", "docket", "dockets", "pesto",
        "sprint", "sprints", "scalar", "scalars",
    )
)  # fmt: skip

_INFLECTIONS = ("ing", "ers", "er", "ed", "es", "s")
_DERIVATIONS = ("ation", "ment", "ion", "age", *_INFLECTIONS)


def _stems(word: str, endings: tuple[str, ...] = _INFLECTIONS) -> set[str]:
    """``word`` and what it is left with without one of ``endings`` (leaks: leak), when
    four letters or more are left; a dropped "e" put back (managing: manage)."""
    stems = {word[: -len(end)] for end in endings if word.endswith(end) and len(word) - len(end) >= 4}
    return {word} | stems | {stem + "e" for stem in stems if not stem.endswith("e")}


# How other languages end the words English ends in -ics: German and Swedish Statistik,
# Dutch statistiek, Italian statistica, Polish statystyka, French statistique.
_COGNATE_ICS = ("ik", "iek", "ika", "ica", "ique", "iques", "ikk", "yka")


def typo_distance(typed: tuple[str, ...], known: tuple[str, ...], policy: FuzzyPolicy) -> int | None:
    """Edits between two word sequences if ``typed`` reads as a typo of ``known``, else None.

    A typo is a small edit inside words, not a different word: the same number of words;
    words that differ must start alike (or swap their first two letters), be longer than
    four letters, differ by one edit (two from eight letters on; no substitution up to
    five letters), and neither may be the other plus a piece (ML/MLOps, SQL/NoSQL,
    Scala/Scalability, supervised/unsupervised), except one trailing letter on a word of
    five or more (Postgres/Postgress, Seaborn/Seaborne). A letter moved by two places
    (Phyton) counts as one edit.
    """
    if len(typed) != len(known):
        return None
    total = 0
    for a, b in zip(typed, known, strict=True):
        if a == b:
            continue
        if b.endswith("ics") and a in {b[:-3] + ending for ending in _COGNATE_ICS}:
            return None  # another language's word: Statistik, Statistica, Mathematik
        shorter, longer = sorted((a, b), key=len)
        if len(longer) <= policy.max_exact_word_length:
            return None
        if a[0] != b[0] and not (len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0]):
            return None
        if shorter in longer and not _is_slip(shorter, longer, policy):
            return None
        distance = _osa_distance(a, b)
        if distance == 2 and _moved_letter(a, b):
            distance = 1
        if distance > (2 if len(longer) >= policy.two_edit_word_length else 1):
            return None
        if len(longer) <= policy.max_no_substitution_length and len(a) == len(b) and sorted(a) != sorted(b):
            return None
        if not _likely_substitutions(a, b):
            return None
        total += distance
    return total if 0 < total <= policy.max_total_edits else None


# --- the matcher ------------------------------------------------------------------------


class _Surface(NamedTuple):  # named tuples: internal, and many times cheaper to define than a dataclass
    """One way of writing a skill that the index knows."""

    text: str  # as written in the vocabulary or role file
    key: str
    is_name: bool  # a skill's own name rather than an alias


class _Index:
    """Written forms -> the skills they name: as normalised, and with inner spaces,
    hyphens and dots ignored (a compact form two skills share says nothing)."""

    def __init__(self) -> None:
        self.exact: dict[str, list[_Surface]] = {}
        self.compact: dict[str, list[_Surface]] = {}

    def add(self, surface: _Surface) -> None:
        form = normalise(surface.text)
        if not form:
            return
        known = self.exact.setdefault(form, [])
        if surface not in known:
            known.append(surface)

    def build(self) -> None:
        compact: dict[str, list[_Surface]] = {}
        for form, surfaces in self.exact.items():
            compact.setdefault(_compact(form), []).extend(surfaces)
        self.compact = {c: s for c, s in compact.items() if len({base_key(x.key) for x in s}) == 1}

    def lookup(self, form: str) -> list[_Surface]:
        if not form:
            return []
        return self.exact.get(form) or self.compact.get(_compact(form)) or []


class _Found(NamedTuple):
    key: str
    hit: Hit
    origin: frozenset[str]  # normalised part and the key it resolved to, for never_match


def _better(a: Hit, b: Hit) -> bool:
    return (_METHOD_RANK[a.method], -a.score) < (_METHOD_RANK[b.method], -b.score)


def _named_first(hit: Hit) -> tuple[bool, int, float]:
    """The order of two hits for one skill in one entry: any reading of the skill as
    written before its implication by another skill, then as ``_better``."""
    return hit.method == "implied", _METHOD_RANK[hit.method], -hit.score


class Matcher:
    """Resolves user skill strings to canonical skill keys.

    The index holds every vocabulary skill and every term given; a term whose name is a
    vocabulary name or alias shares that skill's key (a role asking for "Postgres" and
    one asking for "PostgreSQL" ask for the same thing). A term's aliases with a scope
    (a role's own aliases) sit in a second index, read after the first, and credit
    ``scoped_key(key, scope)``: the role's index lists those keys, no other role does.
    """

    def __init__(
        self,
        terms: Iterable[Term],
        vocabulary: Vocabulary | None = None,
        *,
        policy: FuzzyPolicy | None = None,
    ) -> None:
        if vocabulary is None:
            # Imported here: a run that loads the prepared matcher never builds one.
            from rolefit.matching.vocabulary import load_vocabulary

            vocabulary = load_vocabulary()
        self._policy = policy = FuzzyPolicy() if policy is None else policy
        self._index = _Index()
        self._scoped = _Index()
        self._keys: dict[str, str] = {}
        self._display: dict[str, str] = {}
        implies: dict[str, list[str]] = {}
        # Too ambiguous to be anyone's alias (CV, EQ): alone they credit nothing.
        ambiguous = frozenset(normalise(a) for a in vocabulary.ambiguous)
        for skill in vocabulary.skills:
            key = normalise(skill.name)
            self._display.setdefault(key, skill.name)
            self._index.add(_Surface(skill.name, key, True))
            for alias in skill.aliases:
                if normalise(alias) not in ambiguous:
                    self._index.add(_Surface(alias, key, False))
            implies.setdefault(key, []).extend(normalise(n) for n in skill.implies)
        self._index.build()
        self._ambiguous = ambiguous
        scoped: list[tuple[str, str, str]] = []  # alias, key, scope
        for term in terms:
            key = self.key(term.name)
            self._display.setdefault(key, term.name)
            # A term named by another skill's alias ("Postgres") is an alias of that
            # skill: another role may call it "PostgreSQL", and the hit must read true
            # for both.
            self._index.add(_Surface(term.name, key, normalise(term.name) == key))
            for alias in term.aliases:
                if normalise(alias) in ambiguous:
                    continue
                if term.scope:
                    scoped.append((alias, key, term.scope))
                else:
                    self._index.add(_Surface(alias, key, False))
        self._index.build()
        scopes: set[str] = set()
        for alias, key, scope in scoped:
            # An alias the vocabulary already gives this skill adds nothing.
            if {s.key for s in self._index.lookup(normalise(alias))} != {key}:
                self._scoped.add(_Surface(alias, scoped_key(key, scope), False))
                scopes.add(scope)
        self._scoped.build()
        self._scopes = frozenset(scopes)
        # Words of the role-scoped aliases: a string with none of them skips that index.
        self._scoped_words = frozenset(w for form in self._scoped.exact for w in (*_words(form), _compact(form)))
        self._implies = {key: self._closure(key, implies) for key in implies}
        # Short forms too ambiguous to be aliases, read as one skill beside its field.
        # A form may have several ("Transformers": the library beside PyTorch, the
        # architecture beside BERT).
        self._in_context: dict[str, list[tuple[str, frozenset[str]]]] = {}
        # The same, as the vocabulary writes them, for `rolefit explain`.
        # How each such form is read, for `explain` (see ContextKind).
        self._context_shown: dict[str, list[tuple[str, tuple[str, ...], ContextKind]]] = {}
        for form, meant, beside in vocabulary.in_context:
            meaning = (self.key(meant), frozenset(self.key(n) for n in beside))
            self._in_context.setdefault(normalise(form), []).append(meaning)
            self._context_shown.setdefault(normalise(form), []).append((meant, beside, "context"))
        whole_entries = {normalise(form) for form in vocabulary.whole_entries}
        for form, meant, beside in vocabulary.guarded:
            kind: ContextKind = "entry" if normalise(form) in whole_entries else "alone"
            self._context_shown.setdefault(normalise(form), []).append((meant, beside, kind))
        # Aliases that, beside other skills, count only beside one of their field:
        # "deployment" is Model deployment alone, software in "testing and deployment".
        self._guarded = {
            normalise(form): (self.key(meant), frozenset(self.key(n) for n in beside))
            for form, meant, beside in vocabulary.guarded
        }
        self._whole_entries = frozenset(normalise(form) for form in vocabulary.whole_entries)
        # Names that are also everyday words ("Python", "Airflow"): in a longer entry,
        # only on a technical line (see _everyday_senses).
        self._everyday = frozenset(normalise(form) for form in vocabulary.everyday)
        # Broad fields: "NLP libraries", "ML frameworks" name tools, not the field.
        self._fields = frozenset(self.key(name) for name in vocabulary.fields)
        self._never = self._build_never(vocabulary.never_match)
        self._known_words = frozenset(word for form in self._index.exact for word in _words(form))
        # Known words by stem: a word inflected from the stem of a known word ("leaks":
        # "leakage") is spelt as meant, no typo of a third ("lakes").
        self._known_stems: dict[str, set[str]] = {}
        for word in self._known_words:
            for stem in _stems(word, _DERIVATIONS):
                self._known_stems.setdefault(stem, set()).add(word)
        # Names of two words or more by their last word, for a verb read with what it is
        # done to ("deploy models": model deployment); see _verb_object.
        self._by_last_word: dict[str, set[str]] = {}
        for form in self._index.exact:
            head, _, last = form.rpartition(" ")
            if head:
                self._by_last_word.setdefault(last, set()).add(form)
        self._activities: dict[str, tuple[str, ...]] = {}  # word -> its activity nouns that end names
        self._fuzzy_forms: list[str] = []
        self._fuzzy_words: list[tuple[str, ...]] = []
        self._fuzzy_surfaces: list[list[_Surface]] = []
        for form, surfaces in self._index.exact.items():
            words = _words(form)
            if len(_compact(form)) >= policy.min_length:
                self._fuzzy_forms.append(" ".join(words))
                self._fuzzy_words.append(words)
                self._fuzzy_surfaces.append(surfaces)
        # By the length of a query: the typo layer's candidates of a length it can reach
        # (see _typo_candidates), made on first use.
        self._fuzzy_windows: dict[int, tuple[list[str], list[int]]] = {}
        self._keys.clear()  # keys asked for while the index was incomplete
        # Bounded (see MEMO_SIZE): a cohort repeats a few hundred strings, but may hold millions.
        self._resolved: dict[str, Mapping[str, Hit]] = {}
        self._fuzzy_found: dict[str, tuple[_Surface, float] | None] = {}  # by normalised form
        self._word_fixes: dict[str, str] = {}  # a word -> the known word it is a typo of (itself if none)
        self._long_words: dict[str, list[str]] | None = None  # known words by first letter, built on first use
        self._names_of: dict[str, list[str]] | None = None  # key -> its written forms
        # The strings resolved so far that are a short form alone ("CV", "transformers"):
        # a skills file that holds none of them needs no second look (see resolve_file).
        self._context_names: set[str] = set()
        self._in_file: dict[tuple[str, str, str], Mapping[str, Hit]] = {}

    # -- building

    @staticmethod
    def _closure(key: str, implies: Mapping[str, list[str]]) -> tuple[str, ...]:
        seen: list[str] = []
        stack = list(implies.get(key, ()))
        while stack:
            implied = stack.pop()
            if implied != key and implied not in seen:
                seen.append(implied)
                stack.extend(implies.get(implied, ()))
        return tuple(seen)

    def _identities(self, name: str) -> set[str]:
        form = normalise(name)
        return {form, *(s.key for s in self._index.lookup(form))}

    def _build_never(self, pairs: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
        never: set[frozenset[str]] = set()
        for a, b in pairs:
            for x in self._identities(a):
                for y in self._identities(b):
                    if x != y:
                        never.add(frozenset((x, y)))
        return never

    # -- lookups

    def _lookup_variants(self, form: str, index: _Index) -> list[_Surface]:
        found = index.lookup(form)
        if found or form in self._ambiguous:
            return found  # "Transformers" is no other form of "transformer"
        found = self._verb_object(form, index)
        if found:
            # Before the words around a skill are peeled: "deploying ML models" is Model
            # deployment (and ML), not ML alone.
            return found
        done_to = form.split(" ")[1:]
        # (things counted, or one's own, only as work: not "Presented 12 awards", "Presented
        # my passport")
        everyday = bool(done_to) and (done_to[0][:1].isdigit() or done_to[0] in _NUMBER_WORDS or done_to[0] == "my")
        for doing in () if everyday and not _counted_work(done_to, self._known_words) else _doing_forms(form):
            # A past deed as the activity it names: "Presented findings" as "presenting
            # findings", "Led teams" as "leading teams".
            if found := self._lookup_variants(doing, index):
                return found
        for variant, compact in _variants(form):
            found = index.lookup(variant) if compact else index.exact.get(variant, [])
            if found:
                return found
        if _LISTED.search(form):
            return []
        for reading in (form, *_unqualified(form)):
            for lead, suffix in _named_suffixes(reading):
                # "debugging ML systems": the words before are the skill, not a qualifier.
                if not self._index.lookup(lead) and (found := index.lookup(suffix)):
                    return found
        words = form.split(" ")
        if 2 <= len(words) <= 3 and not _NEGATIONS & set(words) and not self._index.lookup(" ".join(words[:-1])):
            # "demand forecasting", "numerical debugging": a one-word activity that is a
            # skill, after words that are none ("memory optimization" is not Optimization:
            # only activities in -ing are read so).
            # Skill names only: "sequence labeling" is not Data labeling.
            activity = words[-1]
            found = [s for s in index.exact.get(activity, []) if s.is_name]
            if len(activity) > 6 and activity.endswith("ing") and found:
                return found
        counted = len(words) == 1 or _counted_work(words[1:], self._known_words)
        for activity in _deed_forms(form) if counted else ():
            found = [s for s in index.exact.get(activity, []) if len(activity) > 6]
            if found:
                return found
        if len(words) in (2, 3) and words[-1] in _TOOL_PRODUCTS:
            # "dbt tests", "AWS Lambda functions": tests and functions after a skill's own
            # name only, as kinds of tests are often aliases of other skills ("regression
            # tests" is no Regression analysis), and "cloud" is a word ("Cloud Functions").
            tool = index.lookup(" ".join(words[:-1]))
            if tool and (words[-1] not in ("tests", "functions", "services") or all(s.is_name for s in tool)):
                return tool
            if len(words) == 3 and (tool := index.lookup(words[0])) and all(_written_proper(s.text) for s in tool):
                return tool  # "SageMaker training jobs", "Airflow ETL operators": a proper name's kind of work
        for activity, rest in _activity_object(form):
            # "mentor junior researchers": an activity that is a skill, done to something
            # that is none ("clustering algorithms" names two things, and is left alone).
            # A plain word of a skill's name is a noun there, not an instruction: "cluster
            # management tools" manages clusters.
            if (
                len(activity) > 6
                and (activity == words[0] or words[0] not in self._known_words)
                and (found := index.exact.get(activity, []))
                and not self._index.lookup(rest)
                and not any(self._index.lookup(w) for w in rest.split(" "))
            ):
                return found
        return self._after_subject(words, index)

    def _activities_of(self, word: str) -> tuple[str, ...]:
        """The nouns for doing ``word`` read as a verb that end some skill's name of two
        words or more (deploying: deployment; detect: detection). Remembered per word."""
        nouns = self._activities.get(word)
        if nouns is None:
            nouns = ()
            if word.isalpha() and len(word) > 2:
                spellings = dict.fromkeys((word, _expanded(word)))  # optimise -> optimize
                bases = (_VERB_MEANS.get(base, base) for w in spellings for base in _verb_bases(w))
                guesses = (n for base in bases for n in _activity_nouns(base))
                nouns = tuple(dict.fromkeys(n for n in guesses if n in self._by_last_word))
            if len(self._activities) < MEMO_SIZE:
                self._activities[word] = nouns
        return nouns

    def _verb_object(self, form: str, index: _Index) -> list[_Surface]:
        """A verb and what it is done to, read as the skill whose name says doing it to
        that: "deploy models" (model deployment), "tuning their hyperparameters",
        "detect anomalies", "Led a team" (team leadership). Only a name the vocabulary
        has counts, so a noun before a noun stays one ("cluster management" is no
        management of clustering). What it is done to is read too ("train CNN models":
        model training and CNNs). Words in front of what it is done to are dropped only
        when they say no more with it than alone: "data models" are no models ("optimize
        data models" is no model optimization), "CNN models" are CNNs."""
        # "analyzing datasets generated by sequencing": what follows "by" says how it came about
        words = (_QUANTITY_OF.sub("", form) if " of " in form else form).split(" by ", 1)[0].split(" ")
        if not 2 <= len(words) <= 5 or _NEGATIONS & set(words) or _OBJECT_ENDS & set(words):
            return []
        verb, thing = words[0], words[1:]
        if verb in _NOUN_VERBS and len(thing) == 1 and not thing[0].endswith("s") and thing[0] not in _MASS_NOUNS:
            # A verb that is its own noun, before one noun that is no plural: a noun
            # before a noun ("train/test split" tests no splits; "test data" is tested).
            return []
        if len(thing) > 1 and thing[-1].endswith("ed"):
            thing = thing[:-1]  # "datasets generated (by ...)": what describes it after it
        bases = _verb_bases(verb)
        for noun in self._activities_of(verb):
            names = self._by_last_word[noun]
            for written, dropped in _object_forms(thing):
                phrase = f"{written} {noun}"
                if phrase not in names or phrase in _EVERYDAY_DEEDS or not (found := index.lookup(phrase)):
                    continue
                # A verb that is its own noun ("design", "review") may be a noun: only an
                # article or a possessive may come before what follows it.
                # A participle says what state it is in: "deployed models" are models.
                participles = bool(dropped) and all(w.endswith("ed") for w in dropped.split(" "))
                if (
                    dropped
                    and not participles
                    and (
                        not _DETERMINERS.issuperset(dropped.split(" "))
                        if noun in bases
                        else not self._says_no_more(dropped, thing, index)
                    )
                ):
                    continue
                # What it is done to, but no broad field: "deploying ML models" are
                # models, and claim no ML.
                kept = " ".join(thing[len(dropped.split(" ")) :]) if dropped else ""
                named = self._lookup_variants(kept if participles else " ".join(thing), index)
                if not named and kept:
                    named = self._lookup_variants(kept, index)  # "trained a small CNN": CNNs
                return found + [s for s in named if base_key(s.key) not in self._fields]
        return []

    def _says_no_more(self, dropped: str, thing: Sequence[str], index: _Index) -> bool:
        """Whether ``thing`` names no skill that its first words, ``dropped``, do not:
        "CNN models" (CNNs, as "CNN"), "large datasets" (nothing); not "data models"
        (data modeling)."""
        whole = {s.key for s in self._lookup_variants(" ".join(thing), index)}
        return whole <= {s.key for s in self._lookup_variants(dropped, index)}

    def _after_subject(self, words: Sequence[str], index: _Index) -> list[_Surface]:
        """A verb after up to three words that are no skill, read with what follows it:
        "you will build data pipelines", "experience deploying models", "ability to
        train models". The verb is an activity (-ing), an instruction or an infinitive,
        not a participle ("transferring trained models" trains none); never after a
        negation or a list."""
        for at in range(1, min(4, len(words) - 1)):
            verb, before, rest = words[at], words[:at], words[at + 1 :]
            if verb.endswith("ed") or (_OBJECT_ENDS - {"to"}) & set(before) or _OBJECT_ENDS & set(rest):
                continue
            if not all(w.isalpha() for w in before) or _NEGATIONS & set(before):
                return []
            # After "to", an activity only after what someone can do ("ability to train
            # models"), not as a purpose: "experiments to test hypotheses" test none (a
            # skill named whole still counts: "code to implement machine learning").
            purpose = "to" in before and (before[-1] != "to" or len(before) < 2 or before[-2] not in _ABLE_WORDS)
            if verb in _QUALIFYING_VERBS and len(rest) > 1:
                # "build data pipelines": a name of two words or more, written whole (one
                # word may be a plain noun: "optimizing algorithms for CUDA").
                found = index.lookup(" ".join(rest))
            elif not purpose and self._activities_of(verb):
                found = self._verb_object(" ".join(words[at:]), index)
            else:
                continue
            if found and not self._index.lookup(" ".join(before)):
                return found
        return []

    def key(self, name: str) -> str:
        """The canonical key of a term name (its vocabulary skill's, if it has one)."""
        cached = self._keys.get(name)
        if cached is None:
            form = normalise(name)
            surfaces = self._index.lookup(form)
            named = [s for s in surfaces if s.is_name] or surfaces
            cached = named[0].key if named else form
            self._keys[name] = cached
        return cached

    def forms(self) -> list[tuple[str, str, str]]:
        """Every normalised way of writing a skill that the vocabulary index knows,
        with its key and how it is written; a form two skills share, and role-scoped
        aliases, are left out (text extraction reads these)."""
        found = []
        for form, surfaces in self._index.exact.items():
            keys = {s.key for s in surfaces}
            if len(keys) == 1 and SCOPE_SEPARATOR not in surfaces[0].key:
                found.append((form, surfaces[0].key, surfaces[0].text))
        return found

    # -- read-only views, for suggestions and `rolefit explain`

    @property
    def policy(self) -> FuzzyPolicy:
        return self._policy

    def known_forms(self) -> dict[str, tuple[str, ...]]:
        """Every normalised name and alias the vocabulary index knows -> the skills it
        names (role-scoped aliases are left out: they name a skill in one role only)."""
        return {
            form: tuple(dict.fromkeys(self.display_name(s.key) for s in surfaces))
            for form, surfaces in self._index.exact.items()
        }

    def display_name(self, key: str) -> str:
        """How a key is written: its vocabulary name, or the first term name for it."""
        key = base_key(key)
        return self._display.get(key, key)

    def has_scope(self, scope: str) -> bool:
        """Whether some term of role ``scope`` brought aliases of its own."""
        return scope in self._scopes

    def context_readings(self, form: str) -> list[tuple[str, tuple[str, ...], ContextKind]]:
        """How a normalised form too ambiguous to be an alias is read in context (the
        vocabulary's ``in_context``): (skill, the skills beside which it is read so,
        how it reads otherwise: see ContextKind), by display name."""
        return list(self._context_shown.get(form, ()))

    def knows(self, word: str) -> bool:
        """Whether ``word`` (normalised) is a word of some skill name or alias."""
        return word in self._known_words

    # -- resolving

    def _direct(self, part: str, index: _Index) -> list[_Found]:
        if part[-1:].isdigit() and _DATE.match(part.strip()):
            return []
        if " of " in part and _RANK_OF.match(part.strip()):
            return []  # a job title: "Head of Data Science"
        if " of " in part:
            part = _QUANTITY_OF.sub("", part)  # "large sets of data": large data
        form = normalise(part)
        surfaces = self._lookup_variants(form, index)
        if surfaces and _FIELD_BEFORE.intersection(form.split(" ")) and not index.lookup(form):
            # "NLP libraries", "ML frameworks": a broad field before a word for its
            # tools names the tools, not the field ("Python libraries" names Python);
            # before a person it is a job title ("ML Engineer", "AI researchers").
            surfaces = [s for s in surfaces if base_key(s.key) not in self._fields]
        found = [
            _Found(
                s.key,
                Hit("exact" if s.is_name else "alias", 100.0, part, "" if s.is_name else s.text),
                frozenset((form, base_key(s.key))),
            )
            for s in surfaces
        ]
        if found:
            return found
        tail = _TAIL.match(part.strip())
        if tail is None:
            return self._run_together(part, index)
        if tail.group(2).lower() in _VERB_SENSES.get(normalise(tail.group(1)), ()):
            return []  # a name that is a verb there: "Excel in fast-paced teams"
        if _balanced(tail.group(1)) and _LIST_BEFORE.search(_BRACKETED.sub(" ", tail.group(1))):
            # "Ruby, React.js, PostgresSql, Ruby on Rails": a list, read piece by piece.
            return []
        preposition, rest = tail.group(2).lower(), tail.group(3)
        if preposition in ("for", "on") and re.search(rf",\s[^,]+\s{preposition}\s", rest):
            return []  # "Mongo for user profiles, Neo4j for the social graph": a list, read piece by piece
        if preposition in ("to", "of", "in") and _without_article(normalise(tail.group(1))) in _COURSE_OPENINGS:
            return self._direct(rest, index)  # "Intro to Deep Learning with PyTorch": a course's subject
        found = self._direct(tail.group(1), index)
        if preposition == "of" and found and _THING.fullmatch(_without_article(normalise(tail.group(1)))):
            # A tool's one-word name is "of" nothing: "Oracle of Delphi", "Elixir of
            # youth", "Confluence of the Rhine", "A flask of tea" (an activity is:
            # "Presentation of insights").
            return []
        if not found and preposition == "with" and _COUNTERPARTS.intersection(normalise(rest).split(" ")[:4]):
            found = self._activity_with(tail.group(1), index)
        # "Deep learning with PyTorch": both; "Automate data flows with CI/CD": CI/CD.
        if preposition in _TAIL_TOOLS or (found and preposition in _TAIL_NAMES_SKILLS):
            pieces = self._pieces(rest, index)
            for piece, following in zip(pieces, (*pieces[1:], ""), strict=True):
                if found and preposition == "with" and normalise(piece).partition(" ")[0] in _DATA_CONDITIONS:
                    continue  # "Causal inference with missing data": what the method copes with, a topic
                found += self._without_fields(self._direct(piece, index), following)
        elif (
            preposition == "to"
            and normalise(tail.group(1)).rsplit(" ", 1)[-1] in _ABLE_WORDS
            and self._is_verb(rest.split(" ", 1)[0].lower())
        ):
            # "ability to deploy models", "know how to use R or Python": what someone can
            # do (not what a skill is for: "CI/CD expertise to deploy ML at scale").
            for piece in self._pieces(rest, index):
                found += self._direct(piece, index)
        elif preposition in _TAIL_PLACES:
            found += self._named_whole(rest, index)
        elif preposition in _TAIL_MEDIA and index.lookup(normalise(rest)):
            found += self._direct(rest, index)
        if not found and preposition not in _TAIL_TOOLS and (last := _LAST_TOOLS.match(part.strip())) is not None:
            # "Extract data based on different conditions using PostgreSQL": the tools
            # after the last "using", when the first preposition led nowhere.
            found = self._direct(last.group(1), index)
            for piece in self._pieces(last.group(3), index):
                found += self._direct(piece, index)
        return found

    def _without_fields(self, found: list[_Found], following: str) -> list[_Found]:
        """``found`` without broad fields when the next piece of the list is a word for
        tools: "ML infrastructure and tools (Vertex AI, Ray)" names the tools, not the
        field, as "ML tools" does."""
        if normalise(following) not in _TOOL_WORDS:
            return found
        return [f for f in found if base_key(f.key) not in self._fields]

    def _is_verb(self, word: str) -> bool:
        """Whether ``word`` reads as a verb rolefit knows: one of the words for what
        someone does with a skill, or one whose activity ends a skill's name."""
        return word in _QUALIFYING_VERBS or bool(self._activities_of(word))

    def _activity_with(self, head: str, index: _Index) -> list[_Found]:
        """An activity that is a one-word skill, written as its verb before "with"
        and people (and perhaps an adverb): "Collaborate closely with business
        analysts", "communicate with stakeholders"."""
        words = normalise(head).split(" ")
        if len(words) > 2 or (len(words) == 2 and not words[1].endswith("ly")):
            return []
        for base in _verb_bases(words[0]):
            for noun in _activity_nouns(base):
                surfaces = [s for s in index.exact.get(noun, []) if s.is_name]
                if len(noun) > 8 and surfaces:
                    hit = Hit("exact", 100.0, head, "")
                    return [_Found(s.key, hit, frozenset((noun, base_key(s.key)))) for s in surfaces]
        return []

    def _named_whole(self, text: str, index: _Index) -> list[_Found]:
        """The skills ``text`` lists, each written whole (no qualifier, no reading of a
        longer phrase), through more places: "flat files into R or Python"."""
        found: list[_Found] = []
        for piece in self._pieces(text, index):
            if index.lookup(normalise(piece)):
                found += self._direct(piece, index)
            elif (tail := _TAIL.match(piece.strip())) is not None and tail.group(2).lower() in _TAIL_PLACES:
                found += self._named_whole(tail.group(3), index)
        return found

    @staticmethod
    def _proper_name(text: str, index: _Index) -> bool:
        """Whether ``text`` is a skill's name or alias as the vocabulary writes a proper
        name (not all lower case: "cloud" is a word, "Cloud" in "Cloud ETL" too)."""
        return any(not s.text.islower() for s in index.exact.get(normalise(text), []))

    def _glued_run(self, written: str, index: _Index) -> list[_Found]:
        """A tag list a page printed without separators, read as the names it is glued
        from: "PythonScikit-learnXGBoostPandasNumPyApache SparkAirflowAWSGCPSQL". The
        pieces between capitals are joined again where that makes a name ("Num" "Py");
        a run of capitals may hold several ("AWSGCPSQL"); a piece no name takes is
        passed over ("Google Analytics"). Three names or more, and more names than
        pieces passed over, or the run is left unread ("SparkNetworks")."""
        if _LISTED.search(written):
            return []
        units: list[tuple[str, bool]] = []  # a piece, lower-cased, and whether it stands alone
        for word in written.split():
            for piece in _GLUED.split(word):
                if len(piece) > 3 and piece.isupper():
                    units += [(letter.lower(), False) for letter in piece]
                else:
                    units.append((piece.lower(), True))
        # Per position: (pieces passed over, names) of the best reading up to it, and its names.
        best: list[tuple[int, int, tuple[str, ...]] | None] = [(0, 0, ()), *([None] * len(units))]
        for end in range(1, len(units) + 1):
            for start in range(max(0, end - 12), end):
                before = best[start]
                if before is None:
                    continue
                joined = "".join(unit for unit, _ in units[start:end])
                surfaces = index.compact.get(_compact(joined), ()) if len(joined) > 1 else ()
                if any(s.is_name or not s.text.islower() for s in surfaces):
                    reading = (before[0], before[1] + 1, (*before[2], joined))
                elif end - start == 1 and units[start][1]:
                    reading = (before[0] + 1, before[1], before[2])
                else:
                    continue
                current = best[end]
                if current is None or reading[:2] < current[:2]:
                    best[end] = reading
        result = best[-1]
        if result is None or len(result[2]) < max(_GLUED_NAMES, result[0] + 1):
            return []
        return [item for name in result[2] for item in self._direct(name, index)]

    def _run_together(self, part: str, index: _Index) -> list[_Found]:
        """Two names written as one, each a proper name as written: "Snowflake SQL",
        "GCP BigQuery" (a platform before what it implies is left to implication); else
        a keyword run (``_keyword_run``)."""
        words = part.split()
        if _LISTED.search(part) or _STRAY_BRACKETS.search(part):
            return []
        compound = _COMPOUND.match(part.strip())
        if compound is not None and (found := self._compound_head(compound.group(1), compound.group(2))):
            return found
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            return self._keyword_run(part, index)
        for cut in range(1, len(words)):
            left, right = " ".join(words[:cut]), " ".join(words[cut:])
            if self._proper_name(left, index) and self._proper_name(right, index):
                found = self._direct(left, index) + self._direct(right, index)
                implied = {i for f in found for i in self._implies.get(base_key(f.key), ())}
                if not any(_CLOUD in self._implies.get(base_key(f.key), ()) for f in found[:1]):
                    # No platform first: "Pandas NumPy" names both.
                    return self._without_makers((left, right), [self._direct(left, index), self._direct(right, index)])
                # A broad field after a cloud platform is part of a product's name: "Azure AI".
                implied.update(base_key(f.key) for f in found[-1:] if base_key(f.key) in self._fields)
                return [f for f in found if base_key(f.key) not in implied]
        tool, word = words[0], normalise(words[-1])
        if (
            len(words) == 2
            and (tool[1:] != tool[1:].lower() or tool.isupper())
            and word.isalpha()
            and word not in self._known_words
            and word not in _PEOPLE
            and word not in _PERSON  # "ML Engineer" is a job title
            and self._proper_name(tool, index)
            and not self._fuzzy(part)  # "PyTorch Lightnng" is a typo of one name
        ):
            # A tool written as a name (TensorFlow, GCP) and a part of it rolefit does not
            # know: "TensorBoard Profiler", "TensorFlow MLIR".
            return self._direct(tool, index)
        return self._keyword_run(part, index)

    def _compound_head(self, head: str, rest: str) -> list[_Found]:
        """A tool's name joined by a hyphen to words rolefit does not know, as other
        languages compound them ("Python-Kenntnisse", "Python-ohjelmointi",
        "Linux-palvelinten ylläpito") and English does ("Kafka-compatible"): the tool.
        Its name is written as the vocabulary writes it (a package, "kubernetes-client",
        is another product) with three letters or more, and the word after it has six
        ("Go-getter", "Spark-plug" and "R-squared" name none)."""
        words = rest.split()
        if len(head) < 3 or len(words[0]) < 6:
            return []
        if any(w in self._known_words or w in _PEOPLE or w in _PERSON for w in map(normalise, words)):
            return []
        return [
            _Found(s.key, Hit("exact", 100.0, head, ""), frozenset((normalise(head), base_key(s.key))))
            for s in self._index.exact.get(normalise(head), ())
            if s.is_name and s.text == head
        ]

    def _keyword_run(self, part: str, index: _Index) -> list[_Found]:
        """A run of names a parser or a writer left without separators, every word a
        part of one name, two names or more: "pandas numpy", "machine learning deep
        learning nlp computer vision pytorch". Fewest names first, so that a name of
        several words reads as one; a word that is no name's leaves the run unread. Each
        name is one the vocabulary writes as a name ("cloud" and "transformer models" are
        words), a letter as written in Latin script (not a Cyrillic letter that looks like one)."""
        form = normalise(part)
        words = form.split(" ")
        if not 2 <= len(words) <= 12 or not all(w in self._known_words or w in index.compact for w in _words(form)):
            return []
        latin = set(part.lower().split())
        runs: list[tuple[str, ...] | None] = [(), *([None] * len(words))]  # fewest names up to each word
        for end in range(1, len(words) + 1):
            for start in range(max(0, end - _LONGEST_NAME), end):
                before, best = runs[start], runs[end]
                if before is None or (best is not None and len(best) <= len(before) + 1):
                    continue
                name = " ".join(words[start:end])
                if (len(name) > 1 or name in latin) and (
                    any(s.is_name or not s.text.islower() for s in index.lookup(name))
                    or self._kind_after(before, name, index)
                ):
                    runs[end] = (*before, name)
        names = runs[-1]
        if names is None or len(names) < 2:
            return []
        # A one-word activity is done to what follows ("debugging ML systems") and a field
        # before it says what to ("ML debugging"): neither is a run.
        activities = [number for number, name in enumerate(names) if name.endswith("ing") and " " not in name]
        if activities and (
            activities[0] < len(names) - 1
            or any(base_key(s.key) in self._fields for s in index.lookup(names[activities[0] - 1]))
        ):
            return []
        return self._without_makers(names, [self._direct(name, index) for name in names])

    def _kind_after(self, before: Sequence[str], name: str, index: _Index) -> bool:
        """Whether ``name`` is, in other words, what the name before it is a kind of:
        "Feast feature store", "Pinecone vector database"."""
        if not before:
            return False
        kinds = {i for s in index.lookup(before[-1]) for i in self._implies.get(base_key(s.key), ())}
        return any(base_key(s.key) in kinds for s in index.lookup(name))

    def _without_makers(self, names: Sequence[str], found: list[list[_Found]]) -> list[_Found]:
        """What names written in a row credit: each, but a maker before its product's
        other name, which implies it ("Spark Structured Streaming": Spark Streaming)."""
        for number in range(len(names) - 1):
            product = found[number + 1]
            words = {w for item in product for w in self.display_name(item.key).lower().split(" ")}
            implied = {i for item in product for i in self._implies.get(base_key(item.key), ())}
            if normalise(names[number]) in words and {base_key(item.key) for item in found[number]} <= implied:
                found[number] = []
        return [item for items in found for item in items]

    def _bracketed(self, text: str, index: _Index) -> list[_Found]:
        found: list[_Found] = []
        main = unicodedata.normalize("NFKC", text).split("(", 1)[0].strip()
        inners = (_EXAMPLES_FIRST.sub("", inner) for inner in _bracketed_lists(text))  # "(incl. PostGIS)"
        for piece in (p for inner in inners for p in self._pieces(inner, index)):
            # One letter in brackets is a trademark or a grade, not a skill: "Excel (R)".
            if len(_compact(normalise(piece))) > 1:
                hits = self._direct(piece, index)
                if not hits and main and index.lookup(normalise(f"{main} {piece}")):
                    # "AWS (S3, Lambda)": a service named without its platform.
                    hits = self._direct(f"{main} {piece}", index)
                found.extend(hits)
        return found

    def _fuzzy(self, part: str) -> list[_Found]:
        form = normalise(part)
        # The typo search is the costly layer, and its answer depends only on the
        # normalised form: each distinct form is searched once.
        if form in self._fuzzy_found:
            winner = self._fuzzy_found[form]
        else:
            winner = self._typo_winner(form)
            if len(self._fuzzy_found) < MEMO_SIZE:
                self._fuzzy_found[form] = winner
        if winner is None:
            return self._typo_words(part, form)
        surface, score = winner
        return [_Found(surface.key, Hit("fuzzy", score, part, surface.text), frozenset((form,)))]

    def _typo_words(self, part: str, form: str) -> list[_Found]:
        """A short entry read with each word rolefit does not know spelt as the one known
        word it is a typo of, when one of its words is known as written. A corrected
        word counts when it completes a name of several words with a known word beside
        it ("IT-Machine Leaning": machine learning), or when it is a tool's name of eight
        letters or more ("Keras tenserflow"); a shorter word may be a word rolefit does
        not know ("schema design" is no Scheme, "managing data" no data munging)."""
        words = _words(form)
        if not 2 <= len(words) <= 4 or not any(w in self._known_words for w in words):
            return []
        tokens = [piece for token in part.split() for piece in token.split("-") if piece]
        changed: set[str] = set()
        for number, token in enumerate(tokens):
            word = normalise(token)
            if not word.isalpha() or word in self._known_words or word in _QUALIFIER_WORDS:
                continue
            fix = self._typo_word(word)
            if fix == word:
                if len(word) > 3 and word not in _QUALIFIER_WORDS:
                    return []  # a word neither known nor a typo: "Selg-supervised learnnig"
                continue
            changed.add(fix)
            # As the vocabulary writes it, so that a name reads as one ("TensorFlow").
            tokens[number] = next((s.text for s in self._index.exact.get(fix, ()) if " " not in s.text), fix)
        if not changed:
            return []
        kept = set(words)
        found: list[_Found] = []
        fixed = False
        for item in self._find(" ".join(tokens), self._index, False):
            name = set(_words(normalise(item.hit.via) if item.hit.via else base_key(item.key)))
            if not name & changed:
                found.append(item)  # named as written: "Keras" in "Keras tenserflow"
            elif (len(name) > 1 and name & kept) or any(
                len(w) >= 8 and self._proper_name(w, self._index) for w in name & changed
            ):
                via = item.hit.via or self.display_name(item.key)
                found.append(_Found(item.key, Hit("fuzzy", 90.0, part, via), item.origin | {form}))
                fixed = True
        return found if fixed else []

    def _typo_word(self, word: str) -> str:
        """The one known word ``word`` is a typo of (see ``typo_distance``), else ``word``."""
        fixed = self._word_fixes.get(word)
        if fixed is None:
            fixed = word
            if len(word) >= self._policy.min_length and word.isalpha():
                from rapidfuzz import process
                from rapidfuzz.distance import OSA

                if self._long_words is None:
                    self._long_words = {}
                    for known in self._known_words:
                        if len(known) >= self._policy.min_length and known.isalpha():
                            self._long_words.setdefault(known[0], []).append(known)
                # A typo keeps the first letter, or swaps the first two (see typo_distance).
                swapped = [w for w in self._long_words.get(word[1], ()) if w[1] == word[0]]
                close = {
                    known
                    for known, _, _ in process.extract(
                        word,
                        self._long_words.get(word[0], []) + swapped,
                        scorer=OSA.distance,
                        score_cutoff=self._policy.max_total_edits,
                        limit=None,
                    )
                    if not self._spelt_as_meant(word, known)
                    and typo_distance((word,), (known,), self._policy) is not None
                }
                if len(close) == 1:
                    fixed = close.pop()
            if len(self._word_fixes) < MEMO_SIZE:
                self._word_fixes[word] = fixed
        return fixed

    def _typo_winner(self, form: str) -> tuple[_Surface, float] | None:
        """The one skill `form` is a typo of, with its similarity, or None.

        A word that is itself a word of some skill's name is spelt as meant, never a
        typo of another word: "Monitoring" (Model monitoring) is not "Mentoring"."""
        words = _words(form)
        query = " ".join(words)
        if len(_compact(form)) < self._policy.min_length:
            return None
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        best: tuple[int, float] | None = None
        winners: list[tuple[_Surface, float]] = []
        forms, indexes = self._typo_candidates(len(query))
        for _, _, place in process.extract(
            query,
            forms,
            scorer=OSA.distance,
            score_cutoff=self._policy.max_total_edits,
            limit=None,
        ):
            index = indexes[place]
            known = self._fuzzy_words[index]
            if any(a != b and self._spelt_as_meant(a, b) for a, b in zip(words, known, strict=False)):
                continue
            distance = typo_distance(words, known, self._policy)
            if distance is None:
                continue
            score = float(fuzz.ratio(query, self._fuzzy_forms[index]))
            rank = (distance, -score)
            if best is None or rank < best:
                best, winners = rank, []
            if rank == best:
                winners.extend((s, score) for s in self._fuzzy_surfaces[index])
        if len({s.key for s, _ in winners}) != 1:
            return None  # nothing close, or two different skills equally close
        return winners[0]

    def _typo_candidates(self, length: int) -> tuple[list[str], list[int]]:
        """The typo layer's forms a query of `length` characters can be within
        max_total_edits of, in their order, with their places among all of them: an
        edit changes the length by one at most, so the others are too far whatever
        they hold, and a query is compared with a fraction of the vocabulary."""
        window = self._fuzzy_windows.get(length)
        if window is None:
            reach = self._policy.max_total_edits
            places = [i for i, form in enumerate(self._fuzzy_forms) if abs(len(form) - length) <= reach]
            window = self._fuzzy_windows[length] = ([self._fuzzy_forms[i] for i in places], places)
        return window

    def _spelt_as_meant(self, typed: str, known: str) -> bool:
        """Whether ``typed`` is a word of some skill's name, or another form of one
        ("leaks": leakage), rather than a typo of ``known`` ("lakes"); or a word
        inflected whose stem starts ``known`` and stops short of it ("circled" is no
        CircleCI: the verb "circle", not the name with its end mistyped)."""
        if typed in self._known_words or typed in _PEOPLE or typed in _PERSON or typed in _NO_TYPOS:
            return True
        return any(
            typed.endswith(ending)
            and len(stem) >= 4
            and known.startswith(stem)
            and len(rest := known[len(stem) :]) >= 2
            and not set(rest) & set(ending)
            for ending, stems in (("ing", (3,)), ("ed", (1, 2)), ("s", (1,)))
            for stem in (typed[:-cut] for cut in stems)
        ) or self._inflected_known(typed, known)

    def _inflected_known(self, typed: str, known: str) -> bool:
        """Whether ``typed`` is another form of a word of some skill's name ("leaks":
        leakage) rather than a typo of ``known``."""
        shorter, longer = sorted((typed, known), key=len)
        if _is_slip(shorter, longer, self._policy):
            return False  # a letter doubled or added at the end: "modells", "Tuneer"
        own = _stems(known, _DERIVATIONS)
        return any(
            not _stems(word, _DERIVATIONS) & own for stem in _stems(typed) for word in self._known_stems.get(stem, ())
        )

    def _pieces(self, text: str, index: _Index) -> tuple[str, ...]:
        """The pieces of a list; a piece that names one skill whole though a slash, "&"
        or "and" joins it stays whole: "Docker, Terraform, CI/CD", "Git, Weights & Biases"."""
        pieces: list[str] = []
        for coarse in split_compound(text, fine=False):
            if len(split_compound(coarse)) == 1 or self._direct(coarse, index):
                pieces.append(coarse)
                continue
            # "Version control and CI/CD": the words that join names split first, and a
            # piece that is a name with a slash in it stays whole.
            for medium in _rejoined(coarse, split_compound(coarse, slashes=False), index):
                fine = split_compound(medium)
                pieces.extend((medium,) if len(fine) == 1 or self._direct(medium, index) else fine)
        return tuple(pieces)

    def _shared_tail(self, part: str, following: str, index: _Index) -> list[_Found]:
        """``part`` read with the words the next part ends with, when it names nothing
        alone: "project and time management" -> project management, "image/instance
        segmentation" -> image segmentation, "data and model versioning"; a part of more
        words by its last ("Strong written and verbal communication", "Wrote unit and
        integration tests": written communication, unit testing)."""
        words = following.split()
        own = part.strip().rpartition(" ")[2]
        if len(words) < 2 or own.lower() in _NEGATIONS:
            return []
        joined = f"{own} {' '.join(words[1:])}"
        found = self._direct(joined, index)
        if " " in part.strip():
            # Of a part of more words, a plain word last ("unit", not "MLOps") and only
            # a name of two words or more it is a word of: "Wrote unit and integration
            # tests", not "Tableau y Power BI" (business intelligence), "Head prefect, Year 13".
            if not own.isalpha() or not own.islower():
                return []
            names = ((f, _words(normalise(f.hit.via or self.display_name(base_key(f.key))))) for f in found)
            return [f for f, words_of in names if own in words_of and len(words_of) > 1]
        # Only what the two read together name, not a tail of the shared words alone:
        # "PostgresSql, Ruby on Rails" is no "PostgresSql on Rails".
        return found if any(own.lower() in f.hit.part.lower() for f in found) else []

    def _read_in_context(self, direct: dict[str, list[_Found]], index: _Index) -> None:
        """Fill in the parts of one list that are short forms read in context ("NLP,
        CV": computer vision) when another part names a skill of their field, itself
        or by what it implies. What the part's own brackets name decides first
        ("Transformers (BERT, GPT)"); two meanings equally in context credit nothing."""
        if not self._in_context or index is not self._index:
            return
        near: dict[str, set[str]] = {}
        for part, hits in direct.items():
            named = near.setdefault(part, set())
            for item in hits:
                skill = base_key(item.key)
                named.update((skill, *self._implies.get(skill, ())))
        beside = set().union(*near.values())
        for part, hits in direct.items():
            meanings = self._in_context.get(normalise(part), [])
            chosen: dict[str, list[str]] = {}
            for context in (near[part], beside) if meanings else ():
                chosen = {key: sorted(field & context) for key, field in meanings if field & context}
                if chosen:
                    break
            if len(chosen) == 1:
                key, field = next(iter(chosen.items()))
                # The via says why: "CV beside Natural language processing".
                via = f"{normalise(part)} beside {self.display_name(field[0])}"
                read = _Found(key, Hit("alias", 100.0, part, via), frozenset((normalise(part), key)))
                direct[part] = [read, *hits]

    def _shared_head(self, part: str, preceding: str, index: _Index) -> list[_Found]:
        """``part`` read with the words the previous part starts with, when it names
        nothing alone: "model serving and monitoring" -> model monitoring."""
        words = preceding.split()
        if " " in part.strip() or len(words) < 2 or _NEGATIONS & set(words):
            return []
        return self._direct(f"{' '.join(words[:-1])} {part.strip()}", index)

    def _find(self, written: str, index: _Index, typos: bool) -> list[_Found]:
        """What ``written`` names in ``index``: the whole string, else the skills after
        a heading, else each piece of a list; typos only when ``typos``."""
        clauses = _CLAUSES.split(written)
        if len(clauses) > 1 and all(map(_balanced, clauses)):
            return [item for clause in clauses for item in self._find(clause, index, typos)]
        if _GROUP_MARK.search(written):
            # Groups, each under its own heading: "Programming: Python, R; ML: XGBoost"
            # ("ML" heads the second group; "Python, R" are no heading), "Python: advanced
            # · pandas: advanced" (each name with its level).
            groups = _GROUP_MARK.split(written)
            if any(_HEADING.match(group) for group in groups[1:]) and all(map(_balanced, groups)):
                return [item for group in groups for item in self._find(group, index, typos)]
        examples = _EXAMPLES.search(written)
        if examples is not None and _balanced(written[: examples.start()]) and not index.lookup(normalise(written)):
            # "tools such as NLTK and spaCy": the examples, and what they are examples of
            # (before "with" or "in" can split the sentence elsewhere).
            before, after = written[: examples.start()], written[examples.end() :]
            found = self._find(after, index, typos)
            if found:
                return self._find(before, index, typos) + found
            if examples.group().strip(" ,").lower() == "including":
                # Examples the vocabulary does not know leave a tool they are of ("MS
                # Excel including Power Query"), not a field qualifying a noun ("ML
                # infrastructure including ...").
                found = [f for f in self._find(before, index, typos) if base_key(f.key) not in self._fields]
                if found:
                    return found
        if _CERTIFICATION.search(written) and not index.lookup(normalise(written)):
            # "Certified Kubernetes Administrator (CKA)": the skills the title names.
            titled = _BRACKETED.sub(" ", written)
            if not _CERTIFICATION.search(titled):
                # "CKAD (Certified Kubernetes Application Developer)": the title in brackets.
                titled = ", ".join(_bracketed_lists(written))
            titled = _CERTIFIED_PERSON.sub(lambda m: _CERTIFIED_SKILL[m.group(1).lower()], titled)
            titled = _CERTIFICATION_TITLE.sub(",", _CERTIFICATION.sub(",", titled))
            named = [p for p in (piece.strip(" -\u2013\u2014:") for piece in titled.split(",")) if p]
            # Not who issues it: "... Associate - Linux Foundation".
            named = [p for p in named if p.rpartition(" ")[2].lower() not in _ORGANISATIONS]
            named = [
                part for piece in named for sub in self._pieces(piece, index) for part in self._vendor_apart(sub, index)
            ]
            return self._find(", ".join(named), index, typos) if named else []
        vendor = _vendor_tool(written)
        if vendor is not None and not index.lookup(normalise(written)):
            # "Terraform Associate (003)", "MongoDB Associate Developer", "Azure AZ-900
            # (Fundamentals)": a vendor's certification, without the word, names its
            # tool; not a field ("Data Science Professional" is a person).
            found = self._direct(vendor, index)
            if found and not any(base_key(f.key) in self._fields for f in found):
                return found
        heading = _HEADING.match(written)
        if heading is not None and not index.lookup(normalise(written)):
            # Before the whole is read as one phrase: "Kubernetes: container
            # orchestration" is no qualified "container orchestration".
            head, listed = heading.group(1).strip(), heading.group(2).strip()
            found = self._find(listed, index, typos) + self._under_platform(head, listed, index)
            found += self._under_head(head, listed, index)
            if found:
                return self._claimed_head(head, listed, found, index) + found
        found = self._direct(written, index)
        if found:
            tail = _TAIL.match(written.strip()) if typos else None
            if tail is not None and tail.group(2).lower() in _TAIL_TOOLS:
                # A typo before the tools or among them: "Reinforcment learning with
                # Stable-Baselines3", "experience with AWS Sagemaker, Lamda and S3".
                pieces = (tail.group(1), *self._pieces(tail.group(3), index))
                found += [item for piece in pieces if not self._direct(piece, index) for item in self._fuzzy(piece)]
            return found + self._beside(found, self._bracketed(written, index))
        parts = self._pieces(written, index)
        if len(parts) == 2 and "," in written and parts[0].split()[-1].lower() in _TITLES:
            return []  # a job title, then where: "Software Engineer, AWS", "Intern, Acme"
        if len(parts) > 1:
            # A person in a list is a job title: "ML Engineer, Research Scientist or
            # Algorithm Engineer" (alone, "Data Engineer" claims data engineering).
            direct = {p: [] if _titled(p) else self._with_brackets(p, index) for p in parts}
            for part, following in pairwise(parts):
                if (
                    (purpose := _PURPOSE_END.search(part)) is not None
                    and (purpose.group(1) or "").lower() not in _ABLE_WORDS
                    and (verb := following.split(" ", 1))[0].isalpha()
                    and self._is_verb(verb[0].lower())
                ):
                    # "to collect and analyze data": one purpose, as "to analyze data" is.
                    direct[following] = self._with_brackets(verb[1], index) if len(verb) > 1 else []
            for number, (part, following) in enumerate(pairwise(parts)):
                if not direct[part]:
                    # "Analyze, manipulate, or process large sets of data": verbs in a row
                    # share what the last one is done to.
                    shared = next((p for p in parts[number + 1 :] if " " in p.strip()), following)
                    direct[part] = self._shared_tail(part, shared, index)
                if not direct[following]:
                    direct[following] = self._shared_head(following, part, index)
            for part, following in pairwise(parts):
                direct[part] = self._without_fields(direct[part], following)
            self._read_in_context(direct, index)
            # A part that is nobody's name may be a typo inside one multi-word skill
            # ("Probablity and statistics") before it is a list with a typo in it; not
            # when that reading only names what the other parts name ("Pyhton, Pandas").
            if not all(direct.values()) and typos and (found := self._fuzzy(written)):
                listed = {item.key for part_hits in direct.values() for item in part_hits}
                if not {item.key for item in found} <= listed:
                    # With the parts it leaves: "Kubernets and Dockers" names Docker too.
                    spelt = {w for item in found for w in _words(normalise(item.hit.via))}
                    return found + [
                        item
                        for part, part_hits in direct.items()
                        if not set(_words(normalise(part))) <= spelt
                        for item in part_hits
                    ]
                found = []
            for part, part_hits in direct.items():
                found += part_hits or (self._fuzzy(part) if typos else [])
            return found
        bracketed = self._bracketed(written, index)
        if bracketed:
            # "Transformers (Hugging Face)": a short form read beside what the brackets name.
            beside = {written: bracketed}
            self._read_in_context(beside, index)
            if beside[written] is not bracketed:
                read = beside[written][: -len(bracketed)]
                return read + self._beside(read, bracketed)
            # Two examples or more: one may be the name's own short form ("Data
            # Version Control (DVC)").
            category = self._category(written, index) if len({f.key for f in bracketed}) > 1 else []
            if category:
                return category + bracketed
        return (self._fuzzy(written) if typos else []) + bracketed

    def _with_brackets(self, part: str, index: _Index) -> list[_Found]:
        found = self._direct(part, index)
        return found + self._beside(found, self._bracketed(part, index))

    def _beside(self, main: list[_Found], bracketed: list[_Found]) -> list[_Found]:
        """What brackets after a name add to it: not the one skill the name implies,
        which is its maker or platform there ("Transformers (Hugging Face)" names the
        library only); a list in brackets may name its parts ("MLOps (CI/CD,
        containers)")."""
        if not main or len(bracketed) != 1:
            return bracketed
        implied = {i for item in main for i in self._implies.get(base_key(item.key), ())}
        return [item for item in bracketed if base_key(item.key) not in implied]

    def _vendor_apart(self, title: str, index: _Index) -> tuple[str, ...]:
        """A certification's vendor apart from its subject: "AWS ML" certifies ML; a tool
        before a subject rolefit does not know is certified ("dbt Analytics Engineering"),
        and so is a tool after a maker it does not know ("DeepLearning.AI TensorFlow")."""
        head, _, rest = title.partition(" ")
        if not rest:
            return (title,)
        if self._direct(head, index):
            if self._direct(rest, index) or not self._direct(title, index):
                return head, rest
        elif not self._direct(title, index) and self._direct(rest, index):
            return (rest,)
        return (title,)

    def _category(self, written: str, index: _Index) -> list[_Found]:
        """What the words before examples in brackets name, without the words in
        front of it, when the whole names nothing: "Cloud data warehouses (Snowflake,
        BigQuery)" is Data warehousing ("cloud" says where, the examples what)."""
        main = unicodedata.normalize("NFKC", written).split("(", 1)[0].strip()
        words = main.split()
        for start in range(1, len(words)):
            if _NEGATIONS & {w.lower() for w in words[:start]}:
                return []
            found = self._direct(" ".join(words[start:]), index)
            if found:
                # A guarded alias ("deployment") says too little to be a category.
                return [f for f in found if not (f.hit.method == "alias" and f.hit.via.lower() in self._guarded)]
        return []

    def _deed_inside(
        self,
        written: str,
        spans: Sequence[tuple[str, int, int]],
        at: int,
        parted: Callable[[int, int], bool],
        named: list[_Found],
    ) -> int:
        """A verb inside a phrase read with what it is done to, as ``_verb_object``
        reads a short entry: "... and ship them, deploying models to production": model
        deployment. Adds what it names to ``named``; the number of words read. An -ing
        form, or a verb before an article, is read so only with all of the noun phrase
        after it ("Learning deep work habits" is no deep learning, "Build a web booking
        form" no web development; "Managed project timelines" is project management)."""
        gerund = spans[at][0].lower().endswith("ing")
        for size in range(min(_LONGEST_NAME, len(spans) - at), 1, -1):
            if parted(at, at + size - 1):
                continue
            end = at + size
            following = spans[end][0].lower() if end < len(spans) else ""
            # an -ing, or a verb and an article, before a longer noun phrase: "learning deep
            # work habits", "Develop a web support page" (no web development)
            pointed = gerund or spans[at + 1][0].lower() in _DETERMINERS
            if pointed and following.isalpha() and not parted(end - 1, end) and self._goes_on(following):
                continue
            text = written[spans[at][1] : spans[end - 1][2]]
            surfaces = self._verb_object(normalise(text), self._index)
            if surfaces:
                named += [
                    _Found(
                        s.key,
                        Hit("exact" if s.is_name else "alias", 100.0, text, "" if s.is_name else s.text),
                        frozenset((normalise(text), base_key(s.key))),
                    )
                    for s in surfaces
                ]
                return size
        return 1

    def _goes_on(self, following: str) -> bool:
        """Whether ``following``, after a verb and what it is done to, goes on with the
        noun phrase (a noun: "learning deep work habits") rather than ending it (a small
        word, a preposition, a time: "clean data before reporting", "versioning
        datasets alongside code")."""
        return following not in _ENDING_WORDS and following not in _PREPOSITIONS and not following.endswith("ly")

    def _typo_name(self, words: Sequence[str]) -> list[_Surface]:
        """The name ``words`` spell with each long word rolefit does not know read as the
        known word it is a typo of (see ``_typo_word``): a name of several words with one
        of them known as written ("Machine Leaning"), or a tool's name of eight letters or
        more ("tenserflow", "Kubernets"); else nothing."""
        fixes = [
            self._typo_word(w)
            if len(w) >= 6 and w.isalpha() and w not in self._known_words and w not in _PEOPLE | _PERSON
            else w
            for w in words
        ]
        # A name with an "s" added is its plural, a word in another sense, not a slip:
        # "Price markdowns", "spark plugs and sparks".
        fixes = [w if w == f"{fix}s" else fix for fix, w in zip(fixes, words, strict=True)]
        if fixes == list(words):
            return []
        surfaces = self._index.exact.get(normalise(" ".join(fixes)), [])
        if len(words) > 1:
            as_written = any(f == w and w in self._known_words for f, w in zip(fixes, words, strict=True))
            return surfaces if as_written else []
        return surfaces if len(fixes[0]) >= 8 and self._proper_name(fixes[0], self._index) else []

    def _narrows(self, word: str) -> bool:
        """Whether ``word`` before a plain name makes it part of another idea: an
        adjective in -al ("sequential decision making" is no Decision making)."""
        if word in _FUNCTION_WORDS:
            return False
        return bool(_NARROWING.fullmatch(word))

    def _forms_of(self, key: str) -> list[str]:
        """A skill's written forms in the vocabulary's index (built on first use)."""
        if self._names_of is None:
            self._names_of = {}
            for form, surfaces in self._index.exact.items():
                for each in {s.key for s in surfaces}:
                    self._names_of.setdefault(each, []).append(form)
        return self._names_of.get(key, [])

    def _under_head(self, head: str, listed: str, index: _Index) -> list[_Found]:
        """Names a heading starts, each finished by a piece of its list: "Data:
        wrangling, cleaning, validation" (data wrangling, data cleaning, data
        validation); two such names at least, else none ("Cloud: AWS, storage")."""
        if len(head) > 20:
            return []
        whole = [normalise(f"{head} {piece}") for piece in self._pieces(listed, index)]
        named = [form for form in whole if index.exact.get(form)]
        if len(named) < 2:
            return []
        return [item for form in named for item in self._direct(form, index)]

    def _under_platform(self, head: str, listed: str, index: _Index) -> list[_Found]:
        """Services a heading lists without their platform: "AWS tools: Lambda, Glue"."""
        platforms = {base_key(f.key) for f in self._direct(head, index)}
        if not platforms:
            return []
        if index is not self._index:
            return []
        names = [form for key in sorted(platforms) for form in self._forms_of(key)]
        found: list[_Found] = []
        for piece in self._pieces(listed, index):
            if not self._direct(piece, index):
                for name in names:
                    if index.exact.get(normalise(f"{name} {piece}")):
                        found += self._direct(f"{name} {piece}", index)
                        break
        return found

    def _claimed_head(self, head: str, listed: str, found: list[_Found], index: _Index) -> list[_Found]:
        """The skill before a colon when it is a tool the person uses, not a heading:
        "Git: branching strategies, code review" claims Git; "SQL: Redshift, MySQL",
        "Cloud: AWS" and "ML tools: MLflow" are headings (what follows is a kind of it,
        or it names a field or a group of tools). What follows may say what is done
        ("Data Visualization: Build dashboards (Power BI, Tableau)") or who does it
        ("SLAM practitioner: ORB-SLAM3"): then the skill before the colon is claimed,
        a broad field too."""
        words = normalise(head).split(" ")
        first = normalise(listed).split(" ", 1)[0]
        described = words[-1] in _SELF_WORDS or (first.isalpha() and (first in _DOING or self._is_verb(first)))
        if not described and (_TOOL_WORDS.intersection(words) or words[-1] in _GROUP_WORDS):
            return []
        # Each tool of a list before the colon: "Tableau / Power BI: dashboards".
        named = [f for piece in self._pieces(head, index) for f in self._direct(piece, index)]
        if described:
            return named
        pieces = split_compound(listed) if index.lookup(normalise(head)) else ()
        if len(pieces) > 1 and all(index.lookup(normalise(piece)) for piece in pieces):
            # A name, then names and nothing else: a heading ("Web Development: FastAPI,
            # Flask"), not a claim of the person's own ("DevOps stuff: Docker, k8s"); but
            # a cloud platform alone before its own services is the platform used ("AWS:
            # S3, EC2", "Azure: Data Factory, Synapse").
            return self._platform_head(named, found)
        claimed = [f for f in named if base_key(f.key) not in self._fields]
        kinds: set[str] = set()
        for item in found:
            skill = base_key(item.key)
            kinds.update((skill, *self._implies.get(skill, ())))
        if any(base_key(f.key) in kinds for f in claimed) and not self._topic_head(head, claimed, index):
            return self._platform_head(named, found)
        return claimed

    def _platform_head(self, named: list[_Found], found: list[_Found]) -> list[_Found]:
        """``named``, one cloud platform before a colon, when what follows holds its
        own services ("GCP: BigQuery, Vertex"); else nothing."""
        platforms = {base_key(f.key) for f in named if _CLOUD in self._implies.get(base_key(f.key), ())}
        if len(platforms) != 1:
            return []
        services = {i for item in found for i in self._implies.get(base_key(item.key), ())}
        return [f for f in named if base_key(f.key) in platforms & services]

    def _topic_head(self, head: str, claimed: list[_Found], index: _Index) -> bool:
        """Whether ``head``, before a colon and its kinds, is one skill by its own name, a
        topic the person lists the parts of ("Dimensionality reduction: PCA, t-SNE",
        "AWS: S3, EC2"), not a heading by a looser word ("Cloud: GCP", "Big Data:
        Apache Spark") or of several ("Cloud & DevOps: ...")."""
        if len(claimed) != 1 or len(self._pieces(head, index)) != 1:
            return False
        return any(s.is_name and s.key == claimed[0].key for s in index.exact.get(normalise(head), ()))

    def _may_name_scoped(self, written: str) -> bool:
        """Whether ``written`` shares a word with some role's own alias (as written,
        abbreviations written out, or run together)."""
        form = normalise(written)
        words = {_compact(form), *_WORD.findall(form), *_WORD.findall(_expanded(form))}
        return not words.isdisjoint(self._scoped_words)

    def _resolve_uncached(self, text: str, senses: bool = True) -> dict[str, Hit]:
        """What ``text`` credits; with ``senses`` false, names read in an everyday sense
        too (see ``everyday_senses``)."""
        text = _PICTOGRAPHS.sub(" ", text)
        answered = _ANSWERED.search(text)
        if answered is not None:
            # A form's question and its answer: "Any experience with Docker? Yes - daily"
            # claims what it asks about; "... Tableau? No" claims nothing, nor does a
            # rating of nought ("Rate your experience with Kubernetes (1-5): 0").
            if answered.group(1) is None:
                return {}
            text = text[: answered.start()]
        written = _LIST_WORDS.sub(lambda m: _LIST_WORDS_MEANT[m.group(1).lower()], _other_scripts(text.strip()))
        if (", but" in written or "; but" in written) and (contrast := _negated_then_but().match(written)):
            # "I have no degree in CS, but I have shipped three Django apps": the negated
            # clause is dropped, what the contrast goes on to say is claimed.
            written = written[contrast.end() :]
        if _NEGATED.search(written):
            # "No experience with Java", "Knows pandas but not Polars": what a clause says
            # someone lacks is no claim; the rest of the entry still is.
            written = _EMPTY_BRACKETS.sub("", _NEGATED.sub("", written)).strip(" ,;")
        written = self._unnamed(written)
        written = self._slugs_listed(written)
        written = self._set_apart(written)
        if not written:
            return {}
        heading = _HEADING.match(written)
        if heading is not None and normalise(heading.group(1)) in _TEAM_HEADS:
            return {}  # "Team: ML Toolchain": a team's name
        if heading is not None and normalise(heading.group(1)) in _PASTIMES:
            return {}  # "Interests: Kafka, Borges, chess": what someone reads or does for fun
        if _RANK_BEFORE.match(written):
            return {}  # a job title: "VP Data Science & Research at Acme"
        found = self._find(written, self._index, True)
        found = self._guard(found + self._leading_deed(written, found), written)
        found += self._named_inside(written, found)
        found += self._role_deed(written, found)
        found += self._deed_done_so(written, found)
        found += self._made_on(written, found)
        found += self._deed_with_tool(written, found)
        found += self._models_trained(written, found)
        found += self._led_work(written, found)
        found += self._platform_dashed(written, found)
        found += self._file_types(written, found)
        found += self._known_inside(written, found)
        found += self._doing_to(written, found)
        found += self._tests_run(written, found)
        if not found:
            found = self._tool_kind(written)
        if (
            not found
            and max(map(len, written.split()), default=0) >= _GLUED_LENGTH
            and len(_GLUED.findall(written)) > 1
        ):
            found = self._glued_run(written, self._index)
        found = self._other_senses(found, written, senses)
        if self._scoped_words and self._may_name_scoped(written):
            found += self._guard(self._find(written, self._scoped, False), written)
        return self._credit(found)

    def _set_apart(self, written: str) -> str:
        """``written`` without what names no skill of its own: a name declined after a
        colon or a dash ("Spark experience: none"), an issue tracker's key ("ML-88:"),
        a Latin binomial in brackets, an event attended ("a SciPy conference")."""
        if ":" in written or " - " in written or "\u2013" in written or "\u2014" in written:
            written = _apart(_DECLINED, re.IGNORECASE).sub("", written).strip(" ,;")
        if "-" in written and (written.lstrip()[:1] == "[" or ":" in written):
            key = _apart(_TICKET_KEY).match(written)
            if key is not None and self._index.lookup(normalise((key.group(1) or key.group(2)).partition("-")[0])):
                # "ML-88:", not "DATA-412:" (a key that is no name does no harm)
                written = written[key.end() :]
        if "(" in written:
            written = _apart(_BINOMIAL).sub("", written)
        lower = written.lower()
        if "attend" in lower or "went to" in lower or "visited" in lower or "going to" in lower:
            written = _apart(_ATTENDED, re.IGNORECASE).sub("", written)
        return written

    def _sense_form(self, item: _Found) -> str:
        """The form ``item`` was read through: its alias, or its skill's own name."""
        return normalise(item.hit.via) if item.hit.method == "alias" else base_key(item.key)

    def _other_senses(self, found: list[_Found], written: str, everyday: bool = True) -> list[_Found]:
        """``found`` without names read in another sense: a tax named after an activity
        ("R&D tax credit"), a broad field inside a product's name ("a Core ML model",
        "ML Kit"), a name inside a longer name found in the same words ("storytelling"
        of "storytelling with data": Data storytelling), what is made with a tool
        ("JAX backend"), and an everyday word's sense (see ``_everyday_senses``)."""
        if len(found) > 1 or " tax" in written or "ML" in written:
            lowered = written.lower()
            forms = [(item, self._sense_form(item)) for item in found]
            found = [
                item
                for item, form in forms
                if f"{form} tax" not in lowered
                and not (base_key(item.key) in self._fields and _in_product(item.hit.via, written))
                and not any(
                    base_key(other.key) != base_key(item.key)
                    and (
                        _written_within(form, longer, lowered)
                        # what is made with a tool: "JAX backend" is no Backend development
                        or (form in _TOOL_PRODUCTS and normalise(other.hit.part) == f"{longer} {form}")
                    )
                    for other, longer in forms
                )
            ]
        if "(" in written and found:
            found = self._spelt_otherwise(found, written)
        # a short form written in a case it is never written in, as a unit is: "500 mL";
        # one someone works as, a job: "Worked as a PCA on the night shift"
        found = [
            item
            for item in found
            if not _unit_cased(item.hit.part, item.hit.via, written)
            and not (" as a" in written and self._worked_as(item.hit.part, written))
        ]
        return self._everyday_senses(found, written) if everyday else found

    @staticmethod
    def _worked_as(part: str, written: str) -> bool:
        """Whether ``part``, a short form in capitals, is what someone is or works as:
        "as a PCA on nights", "as an SRE" (a job, as people are no skill); not "as a CNN
        backbone", where it qualifies a noun."""
        if not (2 <= len(part) <= 5 and part.isupper() and part.isalpha()):
            return False
        for at in re.finditer(rf"\bas an?\s+{part}\b", written):
            following = written[at.end() :].split(maxsplit=1)
            if not following or following[0].lower().strip(".,;") in _PREPOSITIONS or not following[0][:1].isalpha():
                return True
        return False

    def _spelt_otherwise(self, found: list[_Found], written: str) -> list[_Found]:
        """``found`` without a short form the entry spells out in brackets as other words:
        "NLP practitioner (neuro-linguistic programming)", "a PCA (patient care
        assistant)", "GCP (Good Clinical Practice)"; not "NLP (natural language
        processing)", nor a title that names the skill ("CKAD (Certified Kubernetes
        Application Developer)")."""
        spelt = {}
        for inside in _bracketed_words().findall(written):
            words = _WORD_SPLIT.split(inside.strip().lower())
            if len(words) > 1 and all(w[:1].isalpha() for w in words):
                spelt["".join(w[0] for w in words)] = inside
        if not spelt:
            return found
        return [
            item
            for item in found
            if (inside := spelt.get(self._sense_form(item))) is None
            or base_key(item.key) in {base_key(key) for key in self.resolve(inside)}
        ]

    def _everyday_senses(self, found: list[_Found], written: str) -> list[_Found]:
        """``found`` without the names that are also everyday words, myths, places or
        people (the vocabulary's ``everyday``: "python", "Java", "Airflow", "Great
        Expectations") read in a longer entry on a line about no technical work: "The
        python at the zoo", "Backpacking through Java and Bali", "Airflow through the
        ducts". Such a name counts as the whole entry or one word of it
        ("Python-Kenntnisse"), with only words around it that qualify it ("Strong
        Python skills") or a level ("Python: expert", "Go | 3"), as the tool a sentence
        ends with ("first time using Flutter"), in a list of names ("Docker, Twingate"),
        beside a skill no everyday word names ("Airflow on Kubernetes"), or on a line
        with a technical word or mark (``_technical``: "Kafka consumers in Java")."""
        if not self._everyday:
            return found
        if not found or any(self._sense_form(item) not in self._everyday for item in found):
            return found  # no such name, or a skill read another way beside it
        whole = normalise(written)
        if " " not in whole or _technical(written, whole):
            return found
        forms = {self._sense_form(item) for item in found}
        forms.update(normalise(item.hit.part) for item in found if item.hit.method == "fuzzy")
        heading = _HEADING.match(written)
        rest = normalise(heading.group(2)) if heading is not None else whole
        if not forms.isdisjoint((whole, *_unqualified(whole), *_unqualified(rest))):
            return found
        level = _name_then_level().match(written)
        if level is not None and normalise(level.group(1)) in forms:
            return found
        if any(whole.endswith(f" {f}") and whole[: -len(f) - 1].rpartition(" ")[2] in _TAIL_TOOLS for f in forms):
            return found  # the tool a sentence says was used: "our first time using Flutter"
        if "(" in written and any(f"({f})" in written.lower().replace("( ", "(").replace(" )", ")") for f in forms):
            return found  # a name alone in brackets, as its short form: "Redes neuronales convolucionales (CNN)"
        pieces = split_compound(written)
        if len(pieces) > 1 and all(_written_as_name(p) or self._direct(p, self._index) for p in pieces):
            return found  # a list of names: "Docker, Twingate", "Equinox, Flax, or Pax"
        return []

    def _deed_with_tool(self, written: str, found: list[_Found]) -> list[_Found]:
        """A verb whose activity ends one skill's name only, done to what it points at,
        then with or in a tool found: "cleaned them in pandas", "clean the output with
        SQL" (data cleaning); not "Cleaned the office fridge", where no tool is named."""
        if not found or (" in " not in written and " with " not in written and " using " not in written):
            return []
        have = {base_key(item.key) for item in found}
        tools = [item.hit.part for item in found if base_key(item.key) not in self._fields and item.hit.part]
        deeds: list[_Found] = []
        for match in _deed_with().finditer(written):
            if not any(written.find(tool, match.end()) == match.end() for tool in tools):
                continue
            verb = match.group(1).lower()
            for base in _verb_bases(verb):
                ends = {e for noun in _activity_nouns(base) if len(noun) > 6 for e in self._by_last_word.get(noun, ())}
                if len(ends) == 1:
                    deeds += [
                        _Found(s.key, Hit("exact", 100.0, match.group(1), ""), frozenset((verb, base_key(s.key))))
                        for s in self._index.exact.get(next(iter(ends)), ())
                        if s.is_name and base_key(s.key) not in have
                    ]
                    break
        return deeds

    def _models_trained(self, written: str, found: list[_Found]) -> list[_Found]:
        """Model training, where "train" or "training" is done to models of a kind a name
        found says: "training neural networks", "Building and training machine learning
        and statistical models", "train deep CNNs"; not a participle ("trained models"),
        nor the noun before something else ("training data for models", "a training on
        AI models")."""
        if "rain" not in written or not found:
            return []
        match = _training_models().search(written)
        if match is None:
            return []
        part = written[match.start() : match.end()]
        if not any(item.hit.part and (item.hit.part in part or part in item.hit.part) for item in found):
            return []  # models of a kind a name found says
        have = {base_key(item.key) for item in found}
        return [
            _Found(s.key, Hit("exact", 100.0, part, ""), frozenset((normalise(part), s.key)))
            for s in self._index.exact.get("model training", ())
            if s.is_name and s.key not in have
        ]

    def _named(self, name: str, part: str, found: list[_Found]) -> list[_Found]:
        """The skill whose own name is ``name`` (a key), read in ``part``, unless found."""
        have = {base_key(item.key) for item in found}
        return [
            _Found(s.key, Hit("exact", 100.0, part, ""), frozenset((normalise(part), s.key)))
            for s in self._index.exact.get(name, ())
            if s.is_name and s.key not in have
        ]

    def _led_work(self, written: str, found: list[_Found]) -> list[_Found]:
        """Leadership, where an entry starts by leading a piece of work or a team: "Lead
        the provisioning of GCP projects", "Led the Spark 2 to Spark 3 upgrade", "Lead a
        global MLOps team" (what is led is work by ``_counted_work``: a skill's word, a
        work product, a group); not "Led the league in assists", "Lead the way"."""
        if not written.lstrip().lower().startswith(("lead", "led ", "i lead", "i led")):
            return []
        match = _leading_work().match(written)
        if match is None:
            return []
        after = ["the", *written[match.end() :].split()]
        groups = {w.lower().strip(".,;:()") for w in after[1:4]} & (_GROUPS | {"teams", "groups"})
        if not groups and not _counted_work(after, self._known_words):
            return []
        return self._named("leadership", written[: match.end()].strip(), found)

    def _platform_dashed(self, written: str, found: list[_Found]) -> list[_Found]:
        """A cloud platform before a dash and its own services, as before a colon ("AWS \u2014
        Kinesis, Glue, Athena"): the platform used (see ``_platform_head``)."""
        if not found or not any(dash in written for dash in (" - ", " \u2013 ", " \u2014 ")):
            return []
        dashed = _dashed_head().match(written)
        if dashed is None:
            return []
        named = self._direct(dashed.group(1).strip(), self._index)
        have = {base_key(item.key) for item in found}
        return [f for f in self._platform_head(named, found) if base_key(f.key) not in have]

    def _file_types(self, written: str, found: list[_Found]) -> list[_Found]:
        """A tool's own file type names the tool: "writing Dockerfiles", "a Jenkinsfile"
        (the tool's name as the vocabulary writes it, a capital first)."""
        if "file" not in written:
            return []
        named: list[_Found] = []
        for match in _file_type().finditer(written):
            tool = match.group(1)
            if any(s.is_name and s.text == tool for s in self._index.exact.get(normalise(tool), ())):
                named += self._named(normalise(tool), match.group(), found + named)
        return named

    def _known_inside(self, written: str, found: list[_Found]) -> list[_Found]:
        """A skill written whole after what says someone knows or works at it, in a
        sentence: "My background in econometrics makes me ...", "work on speech
        synthesis for ...", "shows great curiosity" (the longest name of up to four words
        that ends the phrase or comes before a word of no skill's name: not "work on
        machine learning models", where a field qualifies a noun); no everyday word."""
        lower = written.lower()
        if len(written) < 20 or not any(w in lower for w in _KNOWN_IN_WORDS):
            return []
        have = {base_key(item.key) for item in found}
        named: list[_Found] = []
        for match in _known_in().finditer(written):
            words = list(islice(_PHRASE_WORD.finditer(written, match.end()), 5))
            for size in range(min(4, len(words)), 0, -1):
                end = words[size - 1].end()
                if _PHRASE_BREAK.search(written, match.end(), end):
                    continue
                form = normalise(written[match.end() : end])
                nxt = words[size].group().lower() if size < len(words) else ""
                if (
                    form in self._everyday
                    or form in self._ambiguous
                    or (
                        nxt
                        and not _PHRASE_BREAK.match(written, end)
                        and nxt not in _FUNCTION_WORDS
                        and nxt not in _PREPOSITIONS
                        and nxt in self._known_words
                    )
                ):
                    continue
                surfaces = [s for s in self._index.exact.get(form, ()) if base_key(s.key) not in have]
                if surfaces:
                    named += [
                        _Found(s.key, Hit("exact", 100.0, form, ""), frozenset((form, base_key(s.key))))
                        for s in surfaces
                    ]
                    break
        return named

    def _doing_to(self, written: str, found: list[_Found]) -> list[_Found]:
        """A one-word activity that is a skill's name, in -ing, that someone is doing to a
        piece of work: "I'm debugging the incremental model", "Today: profiling the
        slow query" (what it is done to is a piece of software, data or a work product,
        in the next four words: not "I'm debugging the garden hose")."""
        lower = written.lower()
        if "ing " not in lower or not any(f"ing {d} " in lower for d in _DETERMINERS):
            return []
        have = {base_key(item.key) for item in found}
        named: list[_Found] = []
        for match in _doing_now().finditer(written):
            activity = match.group(1).lower()
            if len(activity) <= 6 or activity in _QUALIFIER_WORDS or activity in self._everyday:
                continue
            after = [w.lower().strip(".,;:()") for w in written[match.end() :].split()[1:5]]
            if not any(w in _DONE_TO_WORK or w + "s" in _DONE_TO_WORK for w in after):
                continue
            named += [
                _Found(s.key, Hit("exact", 100.0, match.group(1), ""), frozenset((activity, base_key(s.key))))
                for s in self._index.exact.get(activity, ())
                if s.is_name and base_key(s.key) not in have
            ]
        return named

    def _tests_run(self, written: str, found: list[_Found]) -> list[_Found]:
        """A test of a kind whose testing is a skill's own name, in a sentence: "Ran a
        6-week multivariate test", "wrote integration tests for ..." (not "a blood test":
        "blood testing" is no skill)."""
        if " test" not in written.lower():
            return []
        have = {base_key(item.key) for item in found}
        named: list[_Found] = []
        for match in _kind_of_test().finditer(written):
            form = normalise(match.group(1)) + " testing"
            named += [
                _Found(s.key, Hit("exact", 100.0, match.group(), ""), frozenset((form, base_key(s.key))))
                for s in self._index.exact.get(form, ())
                if s.is_name and base_key(s.key) not in have
            ]
        return named

    def _tool_kind(self, written: str) -> list[_Found]:
        """A tool's name, capitalised, then one word rolefit does not know and no person,
        in a short entry that names nothing else: "Linux sysadmin (Debian, Arch)", "Git
        LFS", "Weights and Biases sweeps" (a part or a use of the tool); not a name that
        is also an everyday word ("Spark plugs", "Ruby Tuesday"), a broad field, or an
        activity or quality ("Communication breakdown", "Leadership retreat")."""
        words = _BRACKETED.sub(" ", written).split()
        if not 2 <= len(words) <= 5 or not words[0][:1].isupper():
            return []
        word, tool = normalise(words[-1]), " ".join(words[:-1])
        if not word.isalpha() or word in self._known_words or word in _PEOPLE or word in _PERSON or word in _GROUPS:
            return []
        form = normalise(tool)
        if form in self._everyday or form in self._fields or form.endswith(_ACTIVITY_ENDINGS):
            return []
        surfaces = [s for s in self._index.exact.get(form, ()) if s.is_name]
        return [_Found(s.key, Hit("exact", 100.0, tool, ""), frozenset((form, base_key(s.key)))) for s in surfaces]

    def _made_on(self, written: str, found: list[_Found]) -> list[_Found]:
        """A name before "-based", "-powered" or "-accelerated": what the thing is made
        on ("LLM-powered features", "Numba-accelerated simulations", "React-based
        dashboard"); not the cloud, which says where ("cloud-based tools"), nor a broad
        field, which says what kind of product it is ("our AI-powered platform")."""
        if "-" not in written:
            return []
        have = {base_key(item.key) for item in found}
        made: list[_Found] = []
        for match in _MADE_ON.finditer(written):
            made += [
                item
                for item in self._direct(match.group(1), self._index)
                if base_key(item.key) not in have | self._fields and base_key(item.key) != _CLOUD
            ]
        return made

    def _slugs_listed(self, written: str) -> str:
        """A repository's topics, slugs a space apart ("topics: machine-learning
        deep-learning pytorch"), as the list they are, when every slug is a name and two
        of them at least are joined with hyphens."""
        run = _SLUG_RUN.match(written)
        if run is None:
            return written
        slugs = run.group(2).split()
        if sum("-" in slug for slug in slugs) < 2 or not all(self._direct(slug, self._index) for slug in slugs):
            return written
        return run.group(1) + ", ".join(slugs)

    def _unnamed(self, written: str) -> str:
        """``written`` without what looks like a skill's name and is none: a person named
        with a title, a course's code, a company before "Certified" (see ``_ISSUER``)."""
        # not a name someone's title starts ("MS Azure", however it is cased)
        written = _TITLED_PERSON.sub(lambda m: m.group() if normalise(m.group()) in self._index.exact else "", written)
        for code in reversed(list(_COURSE_CODE.finditer(written))):
            letters = code.group(1).lower()
            surfaces = self._lookup_variants(letters, self._index)
            # a subject's name cut short ("STAT", "MATH"), not a short form ("ML 101")
            if surfaces and all(not s.is_name and base_key(s.key).startswith(letters) for s in surfaces):
                written = _EMPTY_BRACKETS.sub("", written[: code.start()] + written[code.end() :])
        issuer = _ISSUER.match(written)
        if issuer is not None:
            company = issuer.group(1).lower()
            surfaces = self._index.exact.get(company, [])
            # a company that certifies more than its namesake, the first word of that
            # product's name: Oracle (Database), not PMP, Spring or Android
            if (
                company in _CERTIFYING_COMPANIES
                and surfaces
                and all(not s.is_name and base_key(s.key).startswith(f"{company} ") for s in surfaces)
            ):
                written = written[issuer.end() :]
        return written.strip()

    def _leading_deed(self, written: str, found: list[_Found]) -> list[_Found]:
        """The skill a past deed that starts the entry names whatever it was done to,
        besides what that names: a verb made of a tool's name ("Dockerized our Flask
        services": Docker), or one whose activity is a skill's own name of one word
        ("Containerised the data pipelines", "Benchmarked three vector databases",
        "Negotiated a discount"), also after when it was done ("In 2022, containerised ..."). Not an activity that is also a plain word around
        skills ("Optimized model inference" is no Optimization), nor another form of an
        alias ("Augmented reality" is no Data augmentation)."""
        if written[:1].isdigit() or written[:1] in "IiSsDdFfBbQqHh":
            written = _WHEN_FIRST.sub("", written, count=1)
        first = _PHRASE_WORD.match(written)
        if first is None or first.group()[-2:].lower() != "ed" or " " not in written.strip():
            return []
        verb = _expanded(first.group().lower())
        if len(verb) < 6 or not verb.endswith("ed") or not verb.isalpha():
            return []
        have = {base_key(item.key) for item in found}
        made_of = verb[:-4] if verb.endswith("ized") else ""  # dockerized: docker
        surfaces = [s for s in self._index.exact.get(made_of, ()) if s.is_name and len(made_of) > 3]
        # What it was done to follows as a thing counted or pointed at ("the", "our",
        # "three", "2M"), not as a participle's noun ("Simulated annealing", "Clustered
        # index").
        after = written[first.end() :].split()
        while len(after) > 2 and after[0].lower() == "and" and after[1].lower().endswith("ed"):
            after = after[2:]  # verbs in a row: "Scraped and cleaned 2M tweets"
        following = after[0].lower()
        # or as things of a kind ("Negotiated SLAs", "Negotiated vendor contracts"), for an
        # activity people do with people (no "Clustered indexes")
        # (only as work: not "Cleaned 40 hotel rooms", "Benchmarked our coffee prices")
        counted = (
            following in _DETERMINERS or following in _NUMBER_WORDS or following[:1].isdigit()
        ) and _counted_work(after, self._known_words)
        if counted or (verb in _DEALINGS and following not in _PREPOSITIONS):  # not "Mentored by"
            for activity in _deed_forms(verb):
                if len(activity) > 6 and activity not in _QUALIFIER_WORDS:
                    surfaces += [s for s in self._index.exact.get(activity, ()) if s.is_name]
                    # an activity that ends one skill's name only, done to things counted:
                    # "Scraped 2M pages" (web scraping), not "Scraped the paint off"
                    ends = self._by_last_word.get(activity, ())
                    if following not in _DETERMINERS and counted and len(ends) == 1 and not surfaces:
                        surfaces += [s for s in self._index.exact.get(next(iter(ends)), ()) if s.is_name]
        part = written[: first.end()]
        return [
            _Found(s.key, Hit("exact", 100.0, part, ""), frozenset((verb, base_key(s.key))))
            for s in surfaces
            if base_key(s.key) not in have
        ]

    def _one_word_deed(self, verb: str, following: str, starts: bool, written: str) -> list[_Found]:
        """A verb in -ed or -ing inside a phrase whose activity is a skill's one-word name,
        before what it was done to as a thing pointed at, counted or named: "by quantizing
        BERT" (quantization), "I once debugged a race condition" (debugging); not before a
        noun it qualifies ("Optimized model inference"). A verb made of its activity
        ("Containerize ML apps") or of dealing with people ("communicate risks") counts
        whatever it is done to; its participle only where it ``starts`` a phrase; one in
        -ize before a plain noun only on a technical line (not "Containerized cargo")."""
        lower = _expanded(verb.lower())
        if len(lower) < 7 or not lower.replace("-", "").isalpha():  # "Fine-tuned a ViT"
            return []
        thing = following.lower()
        # A verb made of its activity, or one of dealing with people, whatever it is done
        # to: "Containerize ML applications", "communicate risks early".
        bases = _verb_bases(lower)
        # (a participle inside a phrase qualifies a noun: "quantized model serving")
        made = lower.endswith(("ize", "izing")) or (starts and lower.endswith("ized"))
        made = made and _technical(written, normalise(written))
        made = made or any(base in _DEALT for base in bases)
        if not made and not lower.endswith(("ed", "ing")) and not starts:
            return []  # a plain verb only where it starts a phrase: "Fine-tune a model"
        if thing in _PREPOSITIONS:
            return []  # "Mentored by", "containerized in 2020"
        if not (
            made
            or thing in _DETERMINERS
            or thing[:1].isdigit()
            or (following[:1].isupper() and any(s.is_name for s in self._index.exact.get(thing, ())))
        ):
            return []
        for noun in (n for base in bases for n in _activity_nouns(base)):
            if len(noun) > 6 and noun not in _QUALIFIER_WORDS and noun not in self._guarded:
                surfaces = [s for s in self._index.exact.get(noun, ()) if s.is_name]
                if surfaces:
                    return [
                        _Found(s.key, Hit("exact", 100.0, verb, ""), frozenset((lower, base_key(s.key))))
                        for s in surfaces
                    ]
        return []

    def _maker_less(self, surface: _Surface) -> bool:
        """Whether ``surface`` is its skill's name without the maker before it:
        "Airflow" of Apache Airflow, "Redshift" of Amazon Redshift."""
        return self.display_name(surface.key).endswith(f" {surface.text}")

    def _slashed(self, piece: str) -> list[_Surface]:
        """The names ``piece`` of a slash-joined word is, when it is one written whole
        and no word with other senses; else nothing."""
        surfaces = self._index.exact.get(piece, [])
        if piece in self._ambiguous or piece in self._guarded or piece in self._in_context:
            return []
        return [s for s in surfaces if s.is_name]

    def _deed_done_so(self, written: str, found: list[_Found]) -> list[_Found]:
        """A verb said with how it is done, whose activity is a skill's one-word name:
        "communicates clearly" (communication), "collaborates closely", "negotiates
        effectively"; not what a thing does ("The map communicates clearly")."""
        have = {base_key(item.key) for item in found}
        done: list[_Found] = []
        words = written.lower().split()
        for at, (verb, manner) in enumerate(pairwise(words)):
            if manner.rstrip(".,;") not in _MANNERS or len(verb) < 5 or not verb.isalpha():
                continue
            if at > 1 and words[at - 2] in _DETERMINERS and words[at - 1] not in _GROUPS:
                continue  # a thing's doing: "The map communicates clearly"
            for noun in (n for base in _verb_bases(verb) for n in _activity_nouns(base)):
                surfaces = [s for s in self._index.exact.get(noun, ()) if s.is_name and base_key(s.key) not in have]
                if surfaces:
                    part = f"{verb} {manner.rstrip('.,;')}"
                    done += [
                        _Found(s.key, Hit("exact", 100.0, part, ""), frozenset((verb, base_key(s.key))))
                        for s in surfaces
                    ]
                    break
        return done

    def _role_deed(self, written: str, found: list[_Found]) -> list[_Found]:
        """The activity a role that starts the entry names, before where or what it is
        done for: "Reviewer for NeurIPS and ICML" (peer review), "Speaker at PyCon"
        (presentation skills), "Core contributor to Polars", "Maintainer of a small
        open-source library" (open-source contribution). Where must be a name (capital),
        and what is contributed to a tool rolefit knows or open source: not "Speaker at
        my sister's wedding", nor "Contributor to The Guardian"."""
        words = written.split()
        start = 1 if words and words[0].lower() in _ROLE_ADJECTIVES else 0
        if len(words) < start + 3 or words[start + 1].lower() not in _ROLE_PLACES:
            return []
        noun = words[start].lower()
        skill = _ROLE_SKILLS.get(noun.removesuffix("s"))
        if skill is None:
            return []
        part, rest = " ".join(words[: start + 2]), " ".join(words[start + 2 :])
        if skill == "Open-source contribution":
            if not (_OPEN_SOURCE.search(rest) or self._direct(rest.split(" and ")[0].split(",")[0], self._index)):
                return []
        elif not rest[:1].isupper():
            return []
        key = self.key(skill)
        if key in {base_key(item.key) for item in found}:
            return []
        return [_Found(key, Hit("alias", 100.0, part, noun), frozenset((normalise(part), key)))]

    def _named_inside(self, written: str, found: list[_Found]) -> list[_Found]:
        """Skill names written whole inside a longer phrase that the layers above read no
        further: "Ability to program in R (preferred) or in Python", "push that model into
        production via an AWS endpoint", a keyword run a parser left without separators
        ("... test strategy selenium"). The longest name at each word counts, as a name
        only: not a word with other senses or too short to say (``_guarded``,
        ``ambiguous``, ``in_context``), not before a heading's colon (the layers above
        read headings), not after "for" or "to" (a purpose: "scikit-learn for data
        analysis"; see ``_purpose_starts`` and ``_purpose_ends``), not a question's
        subject ("Which cloud platforms"), not before people ("Data Science team"), not a
        field before its tools ("NLP libraries"), not a kind of test ("regression
        testing"), not inside the name of a skill found ("semi supervised learning"),
        and nothing in a phrase that negates ("no", "without"). Out of a keyword run, a
        name not written as a proper one (``_written_proper``: "Python", "time series",
        "ML", unlike "PyTorch" or "Apache Airflow") counts only where a separator or a
        small word or a word for its parts or practice ends it ("computer vision
        projects"; "time series data" names data), or, a name of several words or a
        short form as the vocabulary writes it, before a noun ("speech recognition
        pipeline", "a RAG chatbot"), or one word named as written in mid-sentence, before
        what is made with it ("Write Python code", "a Databricks job") or any lower-case
        noun ("set up Prometheus alerts", "the Airflow DAG"), not first after a separator
        or "and" ("Star schema, Snowflake schema"). A plain name of one word counts after
        a code that qualifies it ("INT8 quantization"), a name with a sign written with a
        capital ("Scikit-learn algorithms"), a lower-case tool's name beside another
        tool ("with dbt and Airflow"), and names joined by a slash ("in JAX/Flax"). A
        broad field counts only so, and
        not after a capitalised word ("Guild AI"); no plain name counts after an
        adjective in -al ("sequential decision making") or as the end of a title
        ("Data Communication", "Advanced ML Algorithms"). A long word rolefit does not
        know may be a typo of a name (``_typo_name``), and a verb that starts a phrase is
        read with what it is done to (``_deed_inside``). A platform a name found
        implies is left to implication ("AWS S3")."""
        heading = _PHRASE_HEADING.match(written)
        start = heading.end() if heading is not None else 0
        spans = [(m.group(), m.start() + start, m.end() + start) for m in _PHRASE_WORD.finditer(written[start:])]
        if len(spans) < 4:
            return []
        job, comma, where = written.partition(",")
        if comma and job.split()[-1:] and job.split()[-1].lower() in _TITLES and _apart(_EMPLOYER).match(where):
            return []  # a job title, then where and when: "Intern, Databricks (summer 2023)"
        words = [w for w, _, _ in spans]
        lower = [w.lower().removesuffix("'s") for w in words]
        if _NEGATIONS.intersection(lower) or "lack" in lower:
            return []
        # A run of names no parser separated: "python sql tableau excel power bi".
        run = len(words) >= 5 and not _FUNCTION_WORDS.intersection(lower) and not _PHRASE_BREAK.search(written)

        def parted(before: int, after: int) -> bool:  # a separator between two words
            return bool(_PHRASE_BREAK.search(written[spans[before][2] : spans[after][1] + 1]))

        # Words between separators written as a title ("Advanced ML Algorithms"), not a
        # sentence that starts with a capital ("Writing Python for custom jobs").
        titles: list[bool] = []
        first = 0
        for at in range(1, len(words) + 1):
            if at == len(words) or parted(at - 1, at):
                capitals = [w for w in words[first:at] if w[:1].isupper()]
                title = len(capitals) > 1 and all(
                    w[:1].isupper() or w.lower() in _FUNCTION_WORDS for w in words[first:at]
                )
                titles += [title] * (at - first)
                first = at
        index = self._index
        named: list[_Found] = []
        lowered: list[tuple[str, str, list[_Surface]]] = []
        sensed: list[tuple[str, _Found]] = []  # everyday words' names, kept by the line's sense
        letters: list[tuple[str, str, list[_Surface]]] = []  # "r" in "r and ggplot2"
        purpose = False
        at = 0
        while at < len(words):
            if self._purpose_starts(words, lower, at, titles):
                purpose = True
            elif purpose and self._purpose_ends(written, spans, lower, at):
                purpose = False
            taken = 1
            for size in range(min(_LONGEST_NAME, len(words) - at), 0, -1):
                end = at + size
                if size > 1 and parted(at, end - 1):
                    continue
                text = written[spans[at][1] : spans[end - 1][2]]
                form = normalise(text)
                surfaces = index.exact.get(form)
                if not surfaces and size == 1 and "/" in text and not purpose and len(form) > 3:
                    # Names joined by a slash: "in JAX/Flax", "Python/R" (each a name; two
                    # letters so joined are an abbreviation: "R/C cars").
                    joined = [self._slashed(piece) for piece in form.split("/")]
                    if all(joined) and len(joined) > 1:
                        named += [
                            _Found(s.key, Hit("exact", 100.0, s.text, ""), frozenset((s.text, base_key(s.key))))
                            for piece in joined
                            for s in piece
                        ]
                        break
                typo = not surfaces and (surfaces := self._typo_name(lower[at:end])) != []
                if not surfaces or form in self._ambiguous or form in self._in_context:
                    continue
                # An everyday word's name written as a name in mid-sentence, not beside
                # another capitalised word ("Ran Kafka in production", not "American
                # Express", "Kafka Streams"): its sense is judged with the line below.
                everyday = (
                    size == 1
                    and form in self._everyday
                    and len(form) > 1
                    # (first, only before what no everyday word makes: "Celery workers")
                    and (at > 0 or (end < len(words) and lower[end] in _TOOL_PRODUCTS - _EVERYDAY_PRODUCTS))
                    and words[at][:1].isupper()
                    and words[at][1:].islower()
                    and not titles[at]
                    and not (at == 1 and lower[0] == "the")
                    # (a kind of a noun beside another: "Star schema, Snowflake schema")
                    and not (end < len(words) and lower[end] == lower[at - 1])
                    # (a deed that starts the line is no name: "Upgraded Kafka to 3.6")
                    and not (
                        not parted(at - 1, at)
                        and words[at - 1][:1].isupper()
                        and not (at == 1 and (lower[0].endswith("ed") or lower[0] in _WORKING_WORDS))
                    )
                    and not (end < len(words) and not parted(end - 1, end) and words[end][:1].isupper())
                )
                if form in self._guarded and not everyday:
                    continue
                following = lower[end] if end < len(words) else ""
                # (an adverb ends a noun phrase too: "explained overfitting clearly")
                ended = (
                    not following or following in _ENDING_WORDS or parted(end - 1, end) or _ADVERB.fullmatch(following)
                )
                keys = {base_key(s.key) for s in surfaces}
                # A proper name as the vocabulary writes it: "PyTorch", "Apache Airflow",
                # "C++"; not "Python" or "Decision making", which a sentence may start with.
                proper = any(s.is_name and _written_proper(s.text) for s in surfaces)
                # A name of several words, or a short form written as the vocabulary writes
                # it ("RAG", "IoT", "EC2"), before a noun that names what is made with it
                # or part of it: "speech recognition pipeline", "a RAG chatbot", "EC2
                # instances" (not "time series data": data, what is studied).
                named_before = (
                    following not in _STUDIED
                    and (end == len(words) or words[end][:1].islower())
                    and (size > 1 or any(_written_proper(s.text) and s.text == text for s in surfaces))
                    and not (at > 0 and lower[at - 1] in _TITLES)  # a job title's: "Data Analyst / BI"
                )
                after_capital = at > 0 and not parted(at - 1, at) and words[at - 1][:1].isupper()
                # One word written as a name in a sentence: "Write maintainable Python
                # code", "Spark jobs" (not the first word: "Excel in fast-paced teams").
                word = words[at]
                capital = (
                    size == 1
                    and (at > 0 or following in _WORK_WITH)  # "Python basics (functions, ...)"
                    and (word[1:].islower() or (word.isupper() and following in _WORK_WITH and not after_capital))
                    and not titles[at]
                    and any(s.is_name or self._maker_less(s) for s in surfaces)
                    and (
                        following in _WORK_WITH
                        or (
                            following.isalpha()
                            and words[end - 1 + (end < len(words))][:1].islower()
                            # not first after a separator or "and" ("Star schema, Snowflake
                            # schema", "green and Azure blue"), nor a title's "The Hive"
                            and not parted(at - 1, at)
                            and lower[at - 1] not in _LIST_JOINS
                            and not (at == 1 and lower[0] == "the")
                        )
                    )
                )
                if (
                    following in _GROUPS
                    # a team's name of two words: "a global MLOps Support team"
                    or (end + 1 < len(lower) and lower[end + 1] in _TEAMS and words[end][:1].isupper())
                    # a method's condition after it: "Causal inference with missing data"
                    or (found and at > 0 and lower[at - 1] == "with" and lower[at] in _DATA_CONDITIONS)
                    or (at > 1 and lower[at - 1] == "of" and lower[at - 2] in _RANKS)  # "Head of Data Science"
                    # One word of another proper name, before a capitalised word rolefit does
                    # not know: "Oracle Park", "Spark Networks".
                    or (
                        size == 1
                        and not ended
                        and words[end][:1].isupper()
                        and following not in self._known_words
                        and following not in _QUALIFIER_WORDS
                        and not titles[at]
                    )
                    or following in _KINDS_OF_TEST
                    or following in _ORGANISATIONS  # "Linux Foundation"
                    # a heading further on: "...; ML: scikit-learn" (the layers above read it)
                    or (written.startswith(":", spans[end - 1][2]) and end < len(words))
                    or (following in _TOOL_WORDS and keys & self._fields)
                    or (
                        not ended
                        and (
                            keys & self._fields
                            or not (proper or run or capital or named_before or everyday)
                            # a guarded name before any noun may be a person's: "a Kafka reading group"
                            or (form in self._guarded and following not in _THEN_WORDS)
                        )
                    )
                    or (at > 0 and lower[at - 1] in _ASKING)  # "Which cloud platforms have you used?"
                    or (after_capital and keys & self._fields)  # "Guild AI", "Azure AI"
                    or (after_capital and titles[at] and lower[at - 1] in self._known_words and not run)
                    or (at > 0 and not (proper or run) and not parted(at - 1, at) and self._narrows(lower[at - 1]))
                ):
                    break
                # One word counts as written as a name: "PyTorch", "AWS", "C++", or
                # capitalised after the first word where the vocabulary writes it so.
                as_name = (
                    word[1:] != word[1:].lower() or not word.isalpha() or ((at > 0 or capital) and word[:1].isupper())
                )
                # A plain name after a short form or a code that qualifies it: "INT8
                # quantization", "a RAG chatbot", "API documentation".
                qualified = (
                    at > 0
                    and not parted(at - 1, at)
                    and _written_proper(words[at - 1])
                    and (any(c.isdigit() for c in words[at - 1][1:]) or lower[at - 1] in index.exact)
                    and lower[at] not in _TOOL_PRODUCTS  # "FastAPI backend" is its part
                )
                # A name with a sign in it written with a capital ("Scikit-learn") is one.
                signed = as_name and not word.isalpha() and word[:1].isupper()
                # A name the vocabulary writes in lower case, capitalised in mid-sentence
                # before what is made with it or after the word for using it: "Sped up
                # Pandas code", "EDA using Pandas" (not "red Pandas at the zoo").
                cased = (
                    at > 0
                    and word[:1].isupper()
                    and word[1:].islower()
                    and any(s.is_name and s.text == lower[at] for s in surfaces)
                    and (following in _WORK_WITH or (lower[at - 1] in _TAIL_TOOLS and ended))
                )
                if size == 1 and not (
                    typo
                    or run
                    or qualified
                    or signed
                    or cased
                    or (as_name and any(not s.text.islower() for s in surfaces))
                ):
                    if word in {s.text for s in surfaces if s.is_name and s.text.islower()}:
                        lowered += [(text, form, surfaces)]  # "with dbt and Airflow" (see below)
                    elif len(word) == 1 and word.islower() and self._joined_to_name(lower, at):
                        letters += [(text, form, surfaces)]  # "answers about r and ggplot2"
                    elif not purpose and word.islower() and _done_to_people(lower, end):
                        # An activity before the people it is done to or with: "mentorship of
                        # juniors", "presentations to stakeholders".
                        named += [
                            _Found(
                                s.key,
                                Hit("exact" if s.is_name else "alias", 100.0, text, "" if s.is_name else s.text),
                                frozenset((form, base_key(s.key))),
                            )
                            for s in surfaces
                            if base_key(s.key) not in self._fields
                        ]
                    break
                taken = size
                if not purpose and everyday:
                    sensed += [
                        (
                            form,
                            _Found(
                                s.key,
                                Hit("exact" if s.is_name else "alias", 100.0, text, "" if s.is_name else s.text),
                                frozenset((form, base_key(s.key))),
                            ),
                        )
                        for s in surfaces
                    ]
                elif not purpose:
                    named += [
                        _Found(
                            s.key,
                            Hit("fuzzy", 90.0, text, s.text)
                            if typo
                            else Hit("exact" if s.is_name else "alias", 100.0, text, "" if s.is_name else s.text),
                            frozenset((form, base_key(s.key))),
                        )
                        for s in surfaces
                    ]
                break
            else:
                # A verb that starts a phrase or a clause: "..., clean data before
                # reporting", "Led team projects ..." (inside one, a verb is often a
                # participle, "output cleaned data", or shares a longer structure).
                starts = at == 0 or bool(_CLAUSE_START.search(written[spans[at - 1][2] : spans[at][1]]))
                # or after who did it or when: "PI has led a team", "I have led small teams",
                # "Previously led the data platform team"
                starts = starts or (lower[at - 1] in _DOER_WORDS and (at == 1 or lower[at - 1] not in _AUXILIARIES))
                starts = starts or (at > 1 and lower[at - 1] in _AUXILIARIES and lower[at - 2] in _SUBJECTS)
                if starts and not (run or purpose) and self._activities_of(lower[at]):
                    taken = self._deed_inside(written, spans, at, parted, named)
                elif not (run or purpose) and at + 1 < len(words):
                    # (not a thing's doing: "The map communicates clearly")
                    thing = at > 1 and lower[at - 2] in _DETERMINERS and lower[at - 1] not in _GROUPS
                    if not (thing and lower[at].endswith("s")):
                        named += self._one_word_deed(words[at], words[at + 1], starts, written)
            at += taken
        if letters and any(base_key(item.key) not in self._fields for item in (*found, *named)):
            lowered += letters  # a one-letter name written in lower case, beside the name found
        if lowered:
            # A tool's name the vocabulary writes in lower case, written so beside another
            # tool: "with dbt and Airflow", "Polars support alongside pandas" (alone, "pandas"
            # may be the animals); alone, one no word could be, without a vowel ("Write dbt
            # tests", "zsh").
            beside = any(base_key(item.key) not in self._fields for item in (*found, *named))
            named += [
                _Found(s.key, Hit("exact", 100.0, text, ""), frozenset((form, base_key(s.key))))
                for text, form, surfaces in lowered
                if beside or not _VOWELS.intersection(form)
                for s in surfaces
                if s.is_name
            ]
        if sensed:
            named += self._sensed_names(sensed, written, [*found, *named])
        if named and found:
            # Not a name inside the name of a skill found: "semi supervised learning".
            within = {" ".join(_words(form)) for item in found for form in self._forms_of(base_key(item.key))}
            named = [
                item
                for item in named
                if not any(f" {' '.join(_words(normalise(item.hit.part)))} " in f" {w} " for w in within)
            ]
        have = {base_key(item.key) for item in (*found, *named)}
        # A platform another name implies is left to implication ("AWS S3"); a language
        # is not ("Python (pandas)" names both).
        implied = {i for key in have for i in self._implies.get(key, ()) if _CLOUD in self._implies.get(i, ())}
        known = {base_key(item.key) for item in found}
        return [item for item in named if base_key(item.key) not in known | implied]

    def _joined_to_name(self, lower: Sequence[str], at: int) -> bool:
        """Whether the word at ``at`` is joined by "and", "or" or "&" to a name of more
        than one letter: a one-letter language written in lower case in a list ("r and
        ggplot2", "pandas or r"), not the letter ("plan a or b")."""
        return any(
            0 <= at + 2 * step < len(lower)
            and lower[at + step] in _LIST_JOINS
            and len(lower[at + 2 * step]) > 1
            and self._direct(lower[at + 2 * step], self._index) != []
            for step in (-1, 1)
        )

    def _sensed_names(self, sensed: list[tuple[str, _Found]], written: str, others: list[_Found]) -> list[_Found]:
        """Of the everyday words' names ``_named_inside`` found written as names in
        mid-sentence ("Upgraded Kafka to 3.6", "Writes Scala and Java every day"), those
        on a technical line (``_technical``) or beside a skill no everyday word names; a
        guarded one (the vocabulary's ``in_context`` with ``alone``: "Kafka", "Go") only
        on such a line or beside a skill of its field. "Went to Java for my honeymoon",
        "Our dog Luigi loves the beach" and "Stan and Julia came to dinner" name nothing."""
        technical = _technical(written, normalise(written))
        keys = {base_key(item.key) for item in others} | {base_key(item.key) for _, item in sensed}
        return [
            item
            for form, item in sensed
            if (
                not _when_after().match(written, written.index(item.hit.part))
                and (technical or not (keys - {base_key(item.key)}).isdisjoint(self._guarded[form][1]))
                if form in self._guarded
                else technical or any(self._sense_form(other) not in self._everyday for other in others)
            )
        ]

    @staticmethod
    def _purpose_starts(words: Sequence[str], lower: Sequence[str], at: int, titles: Sequence[bool]) -> bool:
        """Whether "for" or "to" at ``at`` starts a purpose ("scikit-learn for data
        analysis", "expertise to deploy ML"): not a word of a course's or a book's title
        ("Mathematics for Machine Learning", "Intro to Algorithms"), not what someone is
        known, responsible or a teacher for ("Responsible for data quality", "TA for
        Linear Algebra") or what a job ad rewards ("Bonus points for Numba"), not "to" before a name or a thing pointed at, where something
        goes ("deployment to Kubernetes", "from Redshift to BigQuery"), nor after what
        someone can do ("ability to")."""
        word = lower[at]
        if word not in ("for", "to"):
            return False
        before = lower[at - 1] if at > 0 else ""
        if titles[at] and not (at > 0 and _written_proper(words[at - 1])):
            return False  # not after a tool's name: "Flask/FastAPI for REST APIs", "CI/CD for ML"
        if word == "for":
            return before not in _FOR_WHOM
        following = words[at + 1] if at + 1 < len(words) else ""
        return before not in _ABLE_WORDS and not following[:1].isupper() and following.lower() not in _DETERMINERS

    @staticmethod
    def _purpose_ends(written: str, spans: Sequence[tuple[str, int, int]], lower: Sequence[str], at: int) -> bool:
        """Whether a purpose ends before word ``at``: at a new clause (";", ":", a full
        stop) or at the tools it is done with ("SQL for ad-hoc analyses in Redshift",
        "CI/CD for ML models with GitHub Actions")."""
        if at > 0 and _CLAUSE_END.search(written[spans[at - 1][2] : spans[at][1]]):
            return True
        following = spans[at + 1][0] if at + 1 < len(spans) else ""
        if lower[at] in _TAIL_TOOLS:
            return not following[:1].isdigit()  # not what a thing has: "with 2K+ stars"
        return lower[at] == "in" and following[:1].isupper()

    def _credit(self, found: list[_Found]) -> dict[str, Hit]:
        """What ``found`` credits: each skill found and what it implies, best hit first."""
        hits: dict[str, Hit] = {}
        for item in found:
            candidates = [(item.key, item.hit, item.origin)]
            skill, _, scope = item.key.partition(SCOPE_SEPARATOR)
            for implied in self._implies.get(skill, ()):
                via = self.display_name(skill)
                hit = Hit("implied", item.hit.score, item.hit.part, via)
                candidates.append((scoped_key(implied, scope), hit, item.origin | {skill}))
            for key, hit, origin in candidates:
                skill = base_key(key)
                if any(frozenset((o, skill)) in self._never for o in origin if o != skill):
                    continue
                current = hits.get(key)
                # A skill written, even with a typo ("Pyhton, Pandas"), is named, not
                # implied by another entry: it counts at the entry's own level.
                if current is None or _named_first(hit) < _named_first(current):
                    hits[key] = hit
        return hits

    def _guarded_form(self, item: _Found) -> str | None:
        """The guarded form (see ``_guard``) ``item`` was read through, if any: an alias
        ("deployment") or a skill's own name ("Pruning")."""
        form = item.hit.via.lower() if item.hit.method == "alias" else base_key(item.key)
        return form if form in self._guarded else None

    def _guard(self, found: list[_Found], written: str) -> list[_Found]:
        """``found`` without a guarded form (a word with other senses: "deployment",
        "segmentation", "Spring", "Pruning") read in a longer entry beside no skill of
        its field: "Automated testing and deployment", "Segmentation and Simpson's
        paradox", "Teaching Assistant, Spring 2024", "alpha-beta pruning". Alone, with
        only words around it that qualify it, it counts."""
        guarded = [form for form in map(self._guarded_form, found) if form is not None]
        if not guarded:
            return found
        whole = normalise(written)
        only = len({base_key(f.key) for f in found}) < 2  # the one skill the entry names
        # A typo of the form is the form: "Prunng" alone is Pruning.
        typed = {base_key(f.key) for f in found if f.hit.method == "fuzzy" and normalise(f.hit.part) == whole}
        # The entry's one skill before a colon and what the person says of it: "Go: 3 yrs".
        heading = _HEADING.match(written) if only else None
        headed = normalise(heading.group(1)) if heading is not None else ""
        alone = {
            form
            for form in guarded
            if (only and form not in self._whole_entries)
            or form == whole
            or form in typed
            or form in _unqualified(whole)
            or form == headed
            # The entry's one skill, what a sentence says was used: "Event streaming with Kafka"
            or (only and whole.endswith(f" {form}") and whole[: -len(form) - 1].rpartition(" ")[2] in _USED_BEFORE)
            # "Celery workers", "Kafka topics" (Apache Kafka, by its maker), not "Spring jobs"
            or (_made_with(whole) == form and self._guarded[form][0] in (form, f"apache {form}"))
        }
        if len(alone) == len(guarded):
            return found
        beside: dict[str, set[str]] = {}
        for item in found:
            skill = base_key(item.key)
            beside.setdefault(skill, set()).update((skill, *self._implies.get(skill, ())))
        kept = []
        for item in found:
            form = self._guarded_form(item)
            if form is not None and form not in alone:
                field = self._guarded[form][1]
                skill = base_key(item.key)
                if not any(field & near for other, near in beside.items() if other != skill):
                    continue
            kept.append(item)
        return kept

    def resolve(self, user_skill: str) -> Mapping[str, Hit]:
        """Canonical key -> the best Hit for every skill this string credits. A key
        credited through a role's own alias is scoped (see ``scoped_key``)."""
        resolved = self._resolved.get(user_skill)
        if resolved is None:
            resolved = MappingProxyType(self._resolve_uncached(user_skill))
            if self._in_context and normalise(user_skill) in self._in_context and len(self._context_names) < MEMO_SIZE:
                self._context_names.add(user_skill)
            if len(self._resolved) < MEMO_SIZE:
                self._resolved[user_skill] = resolved
        return resolved

    def everyday_senses(self, text: str) -> list[tuple[str, str]]:
        """(the words, the skill's key) of each name ``text`` holds that it reads in an
        everyday sense, on a line about no technical work ("The python at the zoo"),
        for ``rolefit explain`` to say so."""
        credited = self.resolve(text)
        return [
            (hit.part, key)
            for key, hit in self._resolve_uncached(text, senses=False).items()
            if hit.method != "implied" and key not in credited
        ]

    # -- a skills file: the other entries as context

    def _file_meanings(self, name: str) -> list[tuple[str, frozenset[str]]]:
        """The in-context meanings of an entry that is a short form alone ("CV",
        "Transformers"); [] for every other entry."""
        return self._in_context.get(normalise(name), []) if name in self._context_names else []

    def file_readings(self, name: str, others: Iterable[Mapping[str, Hit]]) -> list[tuple[str, str]]:
        """The skills an entry that is a short form alone may mean in a skills file
        whose other entries resolved to ``others``: (skill key, the skill beside which,
        by display name) for each meaning a skill of its field elsewhere in the file
        supports. One reading decides; two or more, or none, credit nothing."""
        meanings = self._file_meanings(name)
        if not meanings:
            return []
        context: set[str] = set().union(*others)
        context.update([base_key(key) for key in context if SCOPE_SEPARATOR in key])
        return [(key, self.display_name(sorted(field & context)[0])) for key, field in meanings if field & context]

    def choices_in_file(self, name: str, others: Iterable[Mapping[str, Hit]]) -> tuple[str, ...]:
        """What to write instead of an entry that is a short form alone and credited
        nothing: the skills its file points to (two or more: entries point both
        ways), else every skill it may mean; () for any other entry. Display names."""
        readings = self.file_readings(name, others)
        keys = [key for key, _ in readings] or [key for key, _ in self._file_meanings(name)]
        return tuple(dict.fromkeys(self.display_name(key) for key in keys))

    def resolve_file(self, names: Sequence[str]) -> list[Mapping[str, Hit]]:
        """Each entry of one skills file resolved, in order: as ``resolve`` does, but
        an entry that is a short form too ambiguous alone ("CV: 4", "Transformers: 4")
        is read as the one skill its other entries point to (NLP and Deep learning
        beside "CV": Computer vision). Entries pointing both ways credit nothing.
        Every string's own reading stays memoised; only such entries are read again."""
        memo, resolve = self._resolved.get, self.resolve  # a cohort calls this per learner: kept lean
        resolved = [memo(name) or resolve(name) for name in names]
        if self._context_names.isdisjoint(names):
            return resolved  # most files: no short form alone
        short = self._context_names.intersection(names)
        for number, name in enumerate(names):
            if name not in short:
                continue
            meanings = self._file_meanings(name)
            if not meanings or any(key in resolved[number] for key, _ in meanings):
                continue
            readings = self.file_readings(name, resolved[:number] + resolved[number + 1 :])
            if len(readings) == 1:
                resolved[number] = self._read_in_file(name, resolved[number], *readings[0])
        return resolved

    def _read_in_file(self, name: str, alone: Mapping[str, Hit], key: str, beside: str) -> Mapping[str, Hit]:
        """``name``'s own hits (``alone``) with ``key`` read beside ``beside``."""
        memo = (name, key, beside)
        read = self._in_file.get(memo)
        if read is None:
            form = normalise(name)
            # The via says why: "transformers beside Large language models in this file".
            hit = Hit("alias", 100.0, name.strip(), f"{form} beside {beside} in this file")
            merged = dict(alone)
            for credited, better in self._credit([_Found(key, hit, frozenset((form, key)))]).items():
                if credited not in merged or _better(better, merged[credited]):
                    merged[credited] = better
            read = MappingProxyType(merged)
            if len(self._in_file) < MEMO_SIZE:
                self._in_file[memo] = read
        return read

    def match(self, user_skill: str, term_name: str, scope: str = "") -> Hit | None:
        """How ``user_skill`` reaches ``term_name`` (in role ``scope``), or None."""
        key = self.key(term_name)
        resolved = self.resolve(user_skill)
        hit = resolved.get(key) or (resolved.get(scoped_key(key, scope)) if scope else None)
        if hit is None and key not in self._display:
            # A term the matcher was not built with: only the exact layer applies.
            written = user_skill.strip()
            if _compact(normalise(written)) == _compact(key) and key:
                hit = Hit("exact", 100.0, written, "")
        return hit
