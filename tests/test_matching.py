"""The skill matcher: the precision/recall gate on the labelled pairs, one table of
cases per layer, the shipped vocabulary's consistency, and invariants (hypothesis)."""

from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.matching.matcher import FuzzyPolicy, Hit, Matcher, MatchMethod, Term, split_compound, typo_distance
from rolefit.matching.normalise import normalise
from rolefit.matching.vocabulary import Vocabulary, VocabularySkill, load_vocabulary, parse_vocabulary

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "matching_pairs.csv"
KINDS = {
    "exact", "case", "spacing", "alias", "abbreviation", "typo", "unicode", "version",
    "qualifier", "compound", "implied",
    "neg-substring", "neg-prefix", "neg-shared-word", "neg-short", "neg-symbol",
    "neg-never", "neg-implied", "neg-compound", "neg-abbreviation", "neg-unrelated",
}  # fmt: skip


def _pairs() -> list[tuple[str, str, bool, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        return [
            (row["user"], row["requirement"], row["expected"] == "1", row["kind"]) for row in csv.DictReader(handle)
        ]


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    """One matcher over every requirement named in the pairs, as a run over roles builds."""
    return Matcher(Term(name) for name in sorted({p[1] for p in _pairs()}))


def _match(user: str, requirement: str) -> Hit | None:
    return matcher().match(user, requirement)


# --- the gate ---------------------------------------------------------------------------


def test_labelled_pairs_are_well_formed() -> None:
    pairs = _pairs()
    assert len(pairs) >= 300
    assert sum(not expected for _, _, expected, _ in pairs) >= 100
    assert {kind for *_, kind in pairs} <= KINDS
    assert all(kind.startswith("neg-") != expected for _, _, expected, kind in pairs)
    assert len({(u, r) for u, r, _, _ in pairs}) == len(pairs)


def test_precision_and_recall_on_labelled_pairs() -> None:
    counts: Counter[str] = Counter()
    wrong = []
    for user, requirement, expected, kind in _pairs():
        got = _match(user, requirement) is not None
        counts[("t" if got == expected else "f") + ("p" if got else "n")] += 1
        if got != expected:
            wrong.append((user, requirement, kind))
    precision = counts["tp"] / (counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert precision >= 0.99, wrong
    assert recall >= 0.97, wrong


# --- normalisation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("\uff30\uff59\uff54\uff48\uff4f\uff4e", "python"),  # full-width "Python"
        ("scikit\u2011learn", "scikit-learn"),  # non-breaking hyphen
        ("scikit\u2013learn", "scikit-learn"),  # en dash
        ("  Deep\u00a0\u2003learning ", "deep learning"),  # NBSP, em space
        ("Python\u200b", "python"),  # zero-width space
        ("Naïve Bayes", "naive bayes"),
        ("Pyth\u03bfn", "python"),  # Greek omicron in a Latin word
        ("ﬁne-tuning", "fine-tuning"),  # ligature
        ("Microsoft Excel®", "microsoft excel"),
        ("\u2018SQL\u2019", "sql"),  # curly quotes
        ("• Python", "python"),
        ("Java 17", "java"),
        ("Python 3.11", "python"),
        ("python3", "python"),
        ("Python3.11", "python"),
        ("Java 8+", "java"),
        ("pandas 2.x", "pandas"),
        ("MATLAB R2023a", "matlab"),
        ("C++17", "c++"),
        ("C# 12", "c#"),
        ("C\uff03", "c#"),  # full-width number sign
        ("C♯", "c#"),
        ("C ++", "c++"),
        ("S3", "s3"),  # short names keep their digits
        ("TF2", "tf2"),
        ("3.11", "3.11"),  # nothing but a version: kept
        (".NET 6", ".net"),
        ("SQL (advanced)", "sql"),
        ("PyTorch [3 years]", "pytorch"),
        ("(NLP)", "nlp"),
        ("Python (expert", "python"),
        ("Probability & statistics", "probability and statistics"),
        ("R&D", "r&d"),
        ("CI / CD", "ci/cd"),
        ("C--", "c--"),
        ("", ""),
    ],
)
def test_normalise(written: str, normal: str) -> None:
    assert normalise(written) == normal


@pytest.mark.parametrize(
    ("entry", "parts"),
    [
        ("NumPy/SciPy", ("NumPy", "SciPy")),
        ("Python, R", ("Python", "R")),
        ("Python\uff0cR", ("Python", "R")),  # full-width comma
        ("pandas & NumPy", ("pandas", "NumPy")),
        ("Docker + Kubernetes", ("Docker", "Kubernetes")),
        ("SQL; Python", ("SQL", "Python")),
        ("PyTorch | JAX", ("PyTorch", "JAX")),
        ("Keras, PyTorch and JAX", ("Keras", "PyTorch", "JAX")),
        ("Languages: Python, Java", ("Languages", "Python", "Java")),
        ("Machine learning \u2013 advanced", ("Machine learning", "advanced")),  # en dash
        ("Python (pandas, NumPy)", ("Python (pandas, NumPy)",)),  # brackets do not split
        ("C++", ("C++",)),
        ("R&D", ("R&D",)),
        ("scikit-learn", ("scikit-learn",)),
        ("", ()),
    ],
)
def test_split_compound(entry: str, parts: tuple[str, ...]) -> None:
    assert split_compound(entry) == parts


# --- one table per layer ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "requirement", "method", "via", "part"),
    [
        ("PyTorch", "PyTorch", "exact", "", "PyTorch"),
        ("pytorch", "PyTorch", "exact", "", "pytorch"),
        ("scikitlearn", "scikit-learn", "exact", "", "scikitlearn"),
        ("torch", "PyTorch", "alias", "torch", "torch"),
        ("Postgres 15", "PostgreSQL", "alias", "Postgres", "Postgres 15"),
        ("k8s", "Kubernetes", "alias", "k8s", "k8s"),
        ("GenAI", "Generative AI", "alias", "GenAI", "GenAI"),
        ("CI/CD", "Continuous integration and delivery", "alias", "CI/CD", "CI/CD"),
        ("Keras Tuner", "Keras", "implied", "Keras Tuner", "Keras Tuner"),
        ("tf.keras", "Keras", "implied", "tf.keras", "tf.keras"),
        ("tf.keras", "TensorFlow", "implied", "tf.keras", "tf.keras"),
        ("PyTorch Lightning", "PyTorch", "implied", "PyTorch Lightning", "PyTorch Lightning"),
        ("Terraform", "Infrastructure as code", "implied", "Terraform", "Terraform"),
        ("NumPy/SciPy", "SciPy", "exact", "", "SciPy"),
        ("Python (pandas, NumPy)", "NumPy", "exact", "", "NumPy"),
        ("pandsa", "pandas", "fuzzy", "pandas", "pandsa"),
        ("sckit-learn", "scikit-learn", "fuzzy", "scikit-learn", "sckit-learn"),
        ("Probablity and statistics", "Statistics", "implied", "Probability and statistics",
         "Probablity and statistics"),
    ],
)  # fmt: skip
def test_hits_explain_themselves(user: str, requirement: str, method: MatchMethod, via: str, part: str) -> None:
    hit = _match(user, requirement)
    assert hit is not None
    assert (hit.method, hit.via, hit.part) == (method, via, part)
    assert 0 <= hit.score <= 100
    if hit.method in ("exact", "alias"):
        assert hit.score == 100
    elif hit.method == "fuzzy":
        assert hit.score < 100
    # an implied hit carries the score of the hit that implies it


@pytest.mark.parametrize(
    ("user", "requirement"),
    [
        ("R", "React"),
        ("SQL", "NoSQL"),
        ("ML", "MLOps"),
        ("Scala", "Scalability"),
        ("Java", "JavaScript"),
        ("C", "C++"),
        ("C", "C#"),
        ("C++", "C#"),
        ("Computer architecture", "Computer vision"),
        ("Deep work", "Deep learning"),
        ("R&D", "R"),
        ("Excel (R)", "R"),
        ("Keras", "Keras Tuner"),
        ("Keras", "TensorFlow"),
        ("Scale", "Scala"),
        ("Scapy", "SciPy"),
        ("SimPy", "SymPy"),
        ("PyText", "pytest"),
        ("Dash", "Dask"),
        ("Supervised learning", "Unsupervised learning"),
        ("Unsupervised learning", "Supervised learning"),
    ],
)
def test_look_alikes_do_not_match(user: str, requirement: str) -> None:
    assert _match(user, requirement) is None


@pytest.mark.parametrize(
    ("typed", "known", "distance"),
    [
        ("pandsa", "pandas", 1),  # transposition
        ("pythn", "python", 1),  # deletion
        ("mathplotlib", "matplotlib", 1),  # insertion
        ("kears", "keras", 1),  # transposition in five letters
        ("calculas", "calculus", 1),  # substitution from six letters on
        ("kubernets", "kubernetes", 1),
        ("postgress", "postgres", 1),  # one letter added at the end
        ("ddatabases", "databases", 1),  # a doubled letter
        ("machine learnig", "machine learning", 1),
        ("tensorflwo", "tensorflow", 1),
        ("optimzation", "optimisation", 2),
        ("scale", "scala", None),  # substitution in five letters
        ("scapy", "scipy", None),
        ("dash", "dask", None),  # four letters: exact only
        ("mlops", "ml", None),
        ("nosql", "sql", None),  # a piece added in front
        ("scalability", "scala", None),
        ("unsupervised", "supervised", None),
        ("deep work", "deep learning", None),  # a different word
        ("computer architecture", "computer vision", None),
        ("thought leadership", "leadership", None),  # a word more
        ("jython", "python", None),  # first letter differs
    ],
)
def test_typo_distance(typed: str, known: str, distance: int | None) -> None:
    assert typo_distance(tuple(typed.split()), tuple(known.split()), FuzzyPolicy()) == distance


def test_whole_string_beats_splitting() -> None:
    for entry, whole in [
        ("CI/CD", "Continuous integration and delivery"),
        ("TCP/IP", "TCP/IP"),
        ("A/B testing", "A/B testing"),
        ("R&D", "R&D"),
        ("Weights & Biases", "Weights & Biases"),
        ("Probability and statistics", "Probability and statistics"),
    ]:
        hits = matcher().resolve(entry)
        assert matcher().key(whole) in hits
        assert all(hit.part == entry for hit in hits.values()), hits


def test_resolve_is_memoised_and_read_only() -> None:
    first = matcher().resolve("NumPy/SciPy")
    assert matcher().resolve("NumPy/SciPy") is first
    with pytest.raises(TypeError):
        first["x"] = Hit("exact", 100.0, "x", "")  # type: ignore[index]


def test_term_names_share_their_vocabulary_key() -> None:
    built = Matcher([Term("Postgres"), Term("PostgreSQL"), Term("Stakeholder care")])
    assert built.key("Postgres") == built.key("PostgreSQL") == built.key("postgresql")
    assert built.key("Stakeholder care") == "stakeholder care"
    assert built.display_name(built.key("Postgres")) == "PostgreSQL"
    assert built.match("Postgres", "Postgres") == Hit("alias", 100.0, "Postgres", "Postgres")
    assert built.match("postgresql", "Postgres") == Hit("exact", 100.0, "postgresql", "")


def test_role_file_aliases_extend_the_vocabulary() -> None:
    built = Matcher([Term("Stakeholder care", ("talking to stakeholders",))])
    hit = built.match("Talking to  stakeholders", "Stakeholder care")
    assert hit == Hit("alias", 100.0, "Talking to  stakeholders", "talking to stakeholders")
    fuzzy = built.match("Stakeholder cair", "Stakeholder care")
    assert fuzzy is None or fuzzy.method == "fuzzy"
    assert built.match("Stakeholder caer", "Stakeholder care") is None  # four letters


def test_never_match_blocks_role_file_aliases() -> None:
    built = Matcher([Term("Scalability", ("scala",))])
    assert built.match("Scala", "Scalability") is None


def test_a_term_the_matcher_was_not_built_with_matches_exactly_only() -> None:
    assert matcher().match("Frobnication", "frobnication") is not None
    assert matcher().match("Frobnicaton", "frobnication") is None


def test_custom_vocabulary() -> None:
    vocabulary = Vocabulary(
        skills=(
            VocabularySkill("Widgetry", ("widgets",)),
            VocabularySkill("Advanced widgetry", (), ("Widgetry",)),
        ),
        never_match=(("Gadgetry", "Widgetry"),),
    )
    built = Matcher([Term("Gadgetry")], vocabulary)
    assert built.match("widgets", "Widgetry") == Hit("alias", 100.0, "widgets", "widgets")
    assert built.match("Advanced widgetry", "Widgetry") == Hit(
        "implied", 100.0, "Advanced widgetry", "Advanced widgetry"
    )
    assert built.match("Python", "Python") is not None  # terms still match exactly
    assert built.match("Gadgetry", "Widgetry") is None


# --- the shipped vocabulary -------------------------------------------------------------


def test_no_written_form_belongs_to_two_skills() -> None:
    owners: dict[str, set[str]] = {}
    for skill in load_vocabulary().skills:
        for text in (skill.name, *skill.aliases):
            assert normalise(text), text
            owners.setdefault(normalise(text), set()).add(skill.name)
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_implications_have_no_cycles() -> None:
    implies = {s.name: s.implies for s in load_vocabulary().skills}

    def reaches(start: str, target: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(n == target or (n not in seen and reaches(n, target, seen | {n})) for n in implies[start])

    assert [name for name in implies if reaches(name, name)] == []


def test_never_match_pairs_contradict_nothing() -> None:
    built = Matcher([])
    unfiltered = Matcher([], Vocabulary(load_vocabulary().skills))
    for a, b in load_vocabulary().never_match:
        assert built.key(a) != built.key(b), (a, b)
        assert built.key(b) not in unfiltered.resolve(a), (a, b)
        assert built.key(a) not in unfiltered.resolve(b), (a, b)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_every_role_skill_is_in_the_vocabulary() -> None:
    vocabulary_keys = {normalise(skill.name) for skill in load_vocabulary().skills}
    built = Matcher([])
    missing = []
    for path in sorted((ROOT / "roles").glob("*.yaml")):
        role = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        for category in role.get("categories", []):
            for skill in category.get("skills", []):
                # a one-of's label is never matched; its options are
                for name in skill.get("one_of", [skill["name"]]):
                    if built.key(name) not in vocabulary_keys:
                        missing.append(f"{path.name}: {name}")
    assert missing == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], '"skills" list'),
        ({"skills": [{"aliases": []}]}, '"name" string'),
        ({"skills": [{"name": "A", "alias": ["a"]}]}, "unknown field(s) alias"),
        ({"skills": [{"name": "A", "aliases": "a"}]}, "list of non-empty strings"),
        ({"skills": [{"name": "A"}, {"name": "A"}]}, "unique"),
        ({"skills": [{"name": "A", "implies": ["B"]}]}, "implies unknown skill(s) B"),
        ({"skills": [], "never_match": [["A"]]}, "expected two names"),
        ({"skills": [{"name": "A"}], "in_context": [{"form": "a"}]}, '"form", "skill" and "beside"'),
        (
            {"skills": [{"name": "A"}], "in_context": [{"form": "a", "skill": "B", "beside": ["A"]}]},
            "unknown skill(s) B",
        ),
    ],
)
def test_bad_vocabulary_data(data: object, message: str) -> None:
    with pytest.raises(RolefitError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_vocabulary(data)


# --- invariants -------------------------------------------------------------------------

_NAMES = sorted({s.name for s in load_vocabulary().skills} | {p[0] for p in _pairs()})


@st.composite
def _respelt(draw: st.DrawFn) -> tuple[str, str]:
    """A skill name with its case scrambled and its spaces varied."""
    name = draw(st.sampled_from(_NAMES))
    flips = draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    cased = "".join(c.swapcase() if flip else c for c, flip in zip(name, flips, strict=True))
    space = st.text(alphabet=" \t\u00a0\u2003", min_size=1, max_size=3)
    inner = "".join(draw(space) if c == " " else c for c in cased)
    return name, draw(space) + inner + draw(space)


@settings(max_examples=150, deadline=None)
@given(_respelt())
def test_matching_ignores_case_and_spacing(pair: tuple[str, str]) -> None:
    original, respelt = pair
    assert set(matcher().resolve(respelt)) == set(matcher().resolve(original))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_resolve_never_raises(text: str) -> None:
    for hit in matcher().resolve(text).values():
        assert 0 <= hit.score <= 100


def _every_name() -> list[str]:
    from rolefit.formats.roles import load_catalogue
    from rolefit.matching.vocabulary import load_vocabulary

    names = [n for s in load_vocabulary().skills for n in (s.name, *s.aliases)]
    names += [n for role in load_catalogue() for r in role.requirements for n in (r.name, *r.aliases)]
    return names


def test_plain_word_shortcut_agrees_with_the_rules_on_every_known_name() -> None:
    from rolefit.matching.normalise import _apply_rules

    for name in _every_name():
        assert normalise(name) == _apply_rules(name), name


@given(st.from_regex(r"[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,3}", fullmatch=True))
def test_plain_word_shortcut_agrees_with_the_rules(text: str) -> None:
    from rolefit.matching.normalise import _apply_rules, _normalise_once

    assert normalise(text) == _apply_rules(text)
    # plain words are where the rules stop (_apply_rules stops there after one pass)
    if not text.lower().endswith(" lts"):
        assert _normalise_once(text.lower()) == text.lower()


def _rules_to_the_end(text: str) -> str:
    """normalise._apply_rules without its stop at plain words: every pass until none changes anything."""
    from rolefit.matching.normalise import _normalise_once

    for _ in range(10):
        again = _normalise_once(text)
        if again == text:
            break
        text = again
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.from_regex(r"[A-Za-z ()\-.0-9+#/]{1,40}", fullmatch=True))
def test_the_rules_stop_where_running_them_to_the_end_would(text: str) -> None:
    from rolefit.matching.normalise import _apply_rules

    assert _apply_rules(text) == _rules_to_the_end(text)


def test_the_rules_stop_where_running_them_to_the_end_would_on_every_wild_string() -> None:
    from rolefit.matching.normalise import _apply_rules

    data = Path(__file__).parent / "data"
    for path in sorted(data.glob("matching_wild_*.csv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        for row in csv.reader(lines):
            if row:
                assert _apply_rules(row[0]) == _rules_to_the_end(row[0]), row[0]


def test_each_normalised_form_is_searched_for_typos_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strings written differently but normalising alike share one typo search;
    each hit still reports the part as its learner wrote it."""
    fresh = Matcher([Term("Probability")])
    searched: list[str] = []
    real = Matcher._typo_winner

    def counting(self: Matcher, form: str) -> object:
        searched.append(form)
        return real(self, form)

    monkeypatch.setattr(Matcher, "_typo_winner", counting)
    written = ["Probabilty", "probabilty", "PROBABILTY ", "Probabilty 2"]
    hits = [fresh.match(text, "Probability") for text in written]
    assert all(hit is not None and hit.method == "fuzzy" for hit in hits)
    assert [hit.part for hit in hits if hit] == ["Probabilty", "probabilty", "PROBABILTY", "Probabilty 2"]
    assert searched.count(normalise("Probabilty")) == 1


def test_the_typo_search_by_length_finds_what_a_search_of_every_form_finds() -> None:
    """The typo layer compares a query only with the forms of a length it can
    reach (Matcher._typo_candidates): typos of names of every length, one and two
    slips, found and refused alike, agree with a search of the whole vocabulary."""
    import random

    from rolefit.formats.roles import builtin_roles
    from rolefit.scoring.assess import index_roles

    windowed, _ = index_roles(builtin_roles())
    everything, _ = index_roles(builtin_roles())
    forms = everything._fuzzy_forms
    everything._typo_candidates = lambda length: (forms, list(range(len(forms))))  # type: ignore[method-assign]
    rng = random.Random(5)

    def slip(text: str) -> str:
        place = rng.randrange(len(text))
        return rng.choice(
            [
                text[:place] + text[place + 1 :],  # a letter left out
                text[:place] + rng.choice("aeiourstn") + text[place:],  # one added
                text[:place] + rng.choice("aeiourstn") + text[place + 1 :],  # one changed
                text[:place] + text[place + 1 : place + 2] + text[place] + text[place + 2 :],  # two swapped
            ]
        )

    queries = [slip(form) for form in forms] + [slip(slip(form)) for form in rng.sample(forms, 300)]
    found = 0
    for query in queries:
        answer = windowed._typo_winner(query)
        assert answer == everything._typo_winner(query), query
        found += answer is not None
    assert found > len(forms) // 3  # typos are found, not only refused alike


def _likely_substitutions_everywhere(a: str, b: str) -> bool:
    """matcher._likely_substitutions worked out over the whole table (its reference)."""
    from rolefit.matching.matcher import _confusable, _osa_distance

    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            step = 0 if a[i - 1] == b[j - 1] else 1 if _confusable(a[i - 1], b[j - 1]) else 2
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + step)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cost = min(cost, previous2[j - 2] + 1)
            current[j] = cost
        previous2, previous = previous, current
    return previous[-1] == _osa_distance(a, b)


@given(st.text("abcdeilmnopqrstuvz-1", max_size=12), st.data())
def test_likely_substitutions_in_a_band_agrees_with_the_whole_table(word: str, data: st.DataObject) -> None:
    from rolefit.matching.matcher import _likely_substitutions

    # the other word: unrelated, or the first with one or two random edits (the case that matters)
    other = data.draw(st.text("abcdeilmnopqrstuvz-1", max_size=12))
    for _ in range(data.draw(st.integers(0, 3))):
        place = data.draw(st.integers(0, len(other)))
        letter = data.draw(st.sampled_from("aeiosxz1"))
        other = data.draw(st.sampled_from([other[:place] + letter + other[place:], other[:place] + other[place + 1 :]]))
    for pair in ((word, other), (word, word[::-1]), (word, _edited(word, data))):
        assert _likely_substitutions(*pair) == _likely_substitutions_everywhere(*pair), pair


def _edited(word: str, data: st.DataObject) -> str:
    for _ in range(data.draw(st.integers(1, 2))):
        place = data.draw(st.integers(0, max(0, len(word) - 1)))
        letter = data.draw(st.sampled_from("aeiouwqzxsdkcp"))
        word = data.draw(
            st.sampled_from(
                [
                    word[:place] + letter + word[place + 1 :],
                    word[:place] + letter + word[place:],
                    word[:place] + word[place + 1 :],
                    word[:place] + word[place + 1 : place + 2] + word[place : place + 1] + word[place + 2 :],
                ]
            )
        )
    return word
