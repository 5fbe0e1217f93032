"""Matching round eleven: guards against reading a word in the wrong sense, and readings
of prose and typos that were missed. A person word and an English word are no typos
("Data Analysts", "closures"); a word with other senses counts alone or beside its field
only ("Spring 2024", "alpha-beta pruning", "Beam" among search algorithms); a purpose
names no skill ("experiments to test hypotheses"); brackets after a name may name its
maker ("Transformers (Hugging Face)"); a heading followed by what is done is claimed;
verbs in a row share their object; a typo inside a short entry is read word by word.
Each kind is a table of positive and trap cases; none is one string's special case."""

from __future__ import annotations

import pytest

from rolefit.matching.matcher import FuzzyPolicy, Matcher, _likely_substitutions, _stems, typo_distance

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a person word is no typo of an activity": [
        ("Data Analysts", set(), {"Data analysis"}),
        ("Data Analyst", set(), {"Data analysis"}),
        ("Collaborating with Data Engineers, Data Analysts, and product teams", {"Collaboration"}, {"Data analysis"}),
        ("Data analyis", {"Data analysis"}, set()),
    ],
    "a certification's person names its skill": [
        ("Microsoft Certified: Data Analyst Associate", {"Data analysis"}, set()),
        ("AWS Certified Data Engineer - Associate", {"AWS", "Data engineering"}, set()),
        ("Google Professional Machine Learning Engineer certification", {"Machine learning"}, set()),
        ("AWS ML Certification", {"AWS", "Machine learning"}, set()),
    ],
    "a typo's substitution is a likely slip": [
        ("closures", set(), {"Clojure"}),
        ("Closure", set(), {"Clojure"}),
        ("Tenserflow", {"TensorFlow"}, set()),
        ("kubernates", {"Kubernetes"}, set()),
        ("Pytorhc", {"PyTorch"}, set()),
    ],
    "an activity after 'to' only after what someone can do": [
        ("Designing and conducting experiments to test hypotheses", {"Experimental design"}, {"Hypothesis testing"}),
        ("ability to test hypotheses", {"Hypothesis testing"}, set()),
        ("Writing code to implement machine learning algorithms", {"Machine learning"}, set()),
        ("implementing research prototypes to try out ideas and to collect and analyze data", set(), {"Data analysis"}),
        ("ability to collect and analyze data", {"Data analysis"}, set()),
    ],
    "a word with other senses counts alone or beside its field": [
        ("Spring", {"Spring Framework"}, set()),
        ("Java, Spring, Hibernate", {"Java", "Spring Framework"}, set()),
        ("Teaching Assistant, Spring 2024", set(), {"Spring Framework"}),
        ("Beam", {"Apache Beam"}, set()),
        ("Spark, Beam, Flink", {"Apache Spark", "Apache Beam", "Apache Flink"}, set()),
        ("Informed Search: Greedy, A*, Beam", set(), {"Apache Beam"}),
        ("Pruning", {"Pruning"}, set()),
        ("quantization and pruning techniques", {"Quantization", "Pruning"}, set()),
        ("Apply minimax with alpha-beta pruning to two-player games", set(), {"Pruning"}),
        ("Building decision trees, Pruning techniques", {"Decision trees"}, {"Pruning"}),
        ("Lambda Functions", {"AWS Lambda"}, set()),
        ("AWS Lambda functions for serverless computing", {"AWS Lambda"}, set()),
        (
            "core Python concepts: generators, list comprehensions, lambda functions, and closures",
            set(),
            {"AWS Lambda"},
        ),
        ("segmentation", {"Image segmentation"}, set()),
        ("Segmentation and Simpson's paradox", set(), {"Image segmentation"}),
        ("OpenCV, segmentation", {"OpenCV", "Image segmentation"}, set()),
        ("labeling", {"Data labeling"}, set()),
        (
            "sequence segmentation, labeling and parsing, machine translation",
            {"Machine translation"},
            {"Data labeling"},
        ),
        ("Prunng", {"Pruning"}, set()),
    ],
    "a date names no skill; functions after a tool's own name": [
        ("Spring 2024", set(), {"Spring Framework"}),
        ("May 2023", set(), set()),
        ("Cloud Functions", set(), {"Cloud computing"}),
        ("Python functions", {"Python"}, set()),
    ],
    "brackets after a name may name its maker, a list in brackets its parts": [
        ("Transformers (Hugging Face)", {"Hugging Face Transformers"}, {"Hugging Face"}),
        ("Transformers Library (Hugging Face)", {"Hugging Face Transformers"}, {"Hugging Face"}),
        ("MLOps (CI/CD, containers, testing)", {"MLOps", "Continuous integration and delivery"}, set()),
        ("AWS (S3, Lambda)", {"AWS", "Amazon S3", "AWS Lambda"}, set()),
    ],
    "headings, platforms and product names": [
        ("Algorithms: K-Means, Hierarchical Clustering", {"k-means"}, {"Algorithms"}),
        ("Cloud ML platforms (AWS SageMaker, Azure AI)", {"Amazon SageMaker"}, {"Machine learning"}),
        ("Azure AI", {"Microsoft Azure"}, {"Artificial intelligence"}),
        ("Python ML", {"Python", "Machine learning"}, set()),
        ("Cloud platforms", {"Cloud computing"}, set()),
    ],
    "the skill before a colon, followed by what is done or by who does it": [
        (
            "Data Visualization: Build dashboards and charts (Power BI, Tableau)",
            {"Data visualization", "Power BI", "Tableau"},
            set(),
        ),
        ("Visualize your data: using the Matplotlib, Seaborn or Plotly libraries", {"Data visualization"}, set()),
        ("SLAM practitioner: ORB-SLAM3, LIO-SAM", {"SLAM"}, set()),
        ("Object detection authority: YOLO, PointPillars", {"Object detection", "YOLO"}, set()),
        ("SQL: Redshift, MySQL", {"Amazon Redshift", "MySQL"}, {"SQL"}),
        ("ML tools: MLflow", {"MLflow"}, {"Machine learning"}),
        ("Data pipeline and ETL specialist", {"Data pipelines", "ETL"}, set()),
    ],
    "what a verb is done to, past quantities and participles": [
        ("analyze large sets of data", {"Data analysis"}, set()),
        ("analyzing vast datasets generated by next-generation sequencing", {"Data analysis"}, set()),
        ("monitoring deployed models for drift", {"Model monitoring"}, {"Model deployment"}),
        ("Analyze, manipulate, or process large sets of data", {"Data analysis"}, set()),
        ("Clean and manipulate raw data", {"Data cleaning"}, set()),
    ],
    "lists: 'and/or', '&' between words, a list before a preposition": [
        ("machine learning and/or AI", {"Machine learning", "Artificial intelligence"}, set()),
        ("JAVA, PYTHON, SQL, HTML&CSS", {"Java", "Python", "SQL", "HTML", "CSS"}, set()),
        ("Best Employee in R&R", set(), {"R"}),
        ("R&D", {"R&D"}, {"R"}),
        ("Ruby, React.js, PostgresSql, Ruby on Rails", {"Ruby", "React", "PostgreSQL", "Ruby on Rails"}, set()),
        ("project and time management", {"Project management", "Time management"}, set()),
        ("image/instance segmentation", {"Image segmentation", "Instance segmentation"}, set()),
    ],
    "a typo inside a short entry, word by word": [
        ("IT-Machine Leaning", {"Machine learning"}, set()),
        ("Keras tenserflow", {"Keras", "TensorFlow"}, set()),
        ("Mathemactis & Machine Leaning Internship", {"Mathematics", "Machine learning"}, set()),
        ("Selg-supervised learnnig", set(), {"Supervised learning"}),
        ("Data modeling and schema design", {"Data modeling"}, {"Scheme"}),
        ("Managing structured data (e.g., SQL, JSON)", {"SQL", "JSON"}, {"Data wrangling"}),
    ],
    "words around a skill that say how well or in what form": [
        ("background in elementary calculus", {"Calculus"}, set()),
        ("Kaggle competition participation", {"Kaggle"}, set()),
        ("RandomForest Classifier", {"Random forests"}, set()),
        ("CUDA Toolkit", {"CUDA"}, set()),
        ("Sci-Kit", {"scikit-learn"}, set()),
        ("ongoing learning", {"Continuous learning"}, set()),
        ("Mastery of Python", {"Python"}, set()),
    ],
}


@each_case(CASES)
def test_each_kind_is_read(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


@pytest.mark.parametrize(
    ("typed", "known", "likely"),
    [
        ("tenserflow", "tensorflow", True),  # vowels
        ("kubernates", "kubernetes", True),
        ("pandss", "pandas", True),  # keyboard neighbours (a, s)
        ("closures", "clojure", False),  # s and j are far apart
        ("pyhton", "python", True),  # a swap is judged as a swap
    ],
)
def test_likely_substitutions(typed: str, known: str, likely: bool) -> None:
    assert _likely_substitutions(typed, known) is likely


def test_an_unlikely_substitution_is_no_typo() -> None:
    policy = FuzzyPolicy()
    assert typo_distance(("closure",), ("clojure",), policy) is None
    assert typo_distance(("tenserflow",), ("tensorflow",), policy) == 1


def test_stems_put_back_a_dropped_e() -> None:
    assert "manage" in _stems("managing")
    assert "leak" in _stems("leaks")


def test_a_guarded_form_in_a_user_vocabulary_shape_is_checked() -> None:
    from rolefit.matching.vocabulary import parse_vocabulary

    item = {"form": "a", "skill": "A", "beside": ["A"], "alone": "entry"}
    vocabulary = parse_vocabulary({"skills": [{"name": "A", "aliases": ["a"]}], "in_context": [item]})
    assert vocabulary.whole_entries == ("a",)
    assert vocabulary.guarded == (("a", "A", ("A",)),)


def test_word_typos_are_remembered_per_word() -> None:
    m = Matcher([])
    m.resolve("Keras tenserflow")
    assert m._word_fixes["tenserflow"] == "tensorflow"
    before = len(m._word_fixes)
    m.resolve("PyTorch tenserflow")
    assert len(m._word_fixes) == before
