"""Matching round sixteen: the kinds of misses and wrong credits the sixteenth held-aside
part showed when it was measured blind, each a table of positive and trap cases written
for the kind (none copied from the part): tag lists a page glued together, a name before
a colon with only names after it, a course topic's word after a skill, ranks and job
titles, a deployment pipeline, "vs.", textbook names of methods, and a name with "&"
inside a list."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a tag list a page glued together is read as its names": [
        ("PyTorchTensorFlowKerasOpenCV", {"PyTorch", "TensorFlow", "Keras", "OpenCV"}, set()),
        ("DockerKubernetesTerraformGCP", {"Docker", "Kubernetes", "Terraform", "Google Cloud"}, set()),
        ("ExcelSQLPower BIJira", {"Excel", "SQL", "Power BI", "Jira"}, set()),
        # names of a company or a product, too few names in them
        ("SparkNetworks", set(), {"Apache Spark"}),
        ("GoldmanSachsJPMorgan", set(), set()),
        ("PythonAnywhere", set(), set()),
    ],
    "a name before a colon with only names after it is a heading": [
        ("Web Development: React, Django, Node.js", {"React", "Django", "Node.js"}, {"Web development"}),
        ("DevOps: Jenkins, Terraform", {"Jenkins", "Terraform"}, {"DevOps"}),
        ("Project Management: Jira, Confluence", {"Jira", "Confluence"}, {"Project management"}),
        # the person's own words, or what is done with it, still claim it
        ("DevOps stuff: Jenkins, Helm", {"DevOps", "Jenkins", "Helm"}, set()),
        ("Git: branching strategies, code review", {"Git", "Code review"}, set()),
    ],
    "a course topic's word or a task after a skill qualifies it": [
        ("SQL refresher", {"SQL"}, set()),
        ("Linear algebra review", {"Linear algebra"}, set()),
        ("Python environment setup", {"Python"}, set()),
        ("Random forest classification", {"Random forests"}, set()),
        ("kNN regression", {"k-nearest neighbors"}, set()),
        # a skill whose own name ends so stays itself
        ("Code review", {"Code review"}, set()),
        ("Peer review", {"Peer review"}, set()),
        ("Logistic regression", {"Logistic regression"}, set()),
    ],
    "a rank or a job title names nothing": [
        ("VP Machine Learning at Acme", set(), {"Machine learning"}),
        ("Director, Data Engineering", set(), {"Data engineering"}),
        ("Data Engineer, Data Scientist or ML Engineer", set(), {"Data engineering", "Machine learning"}),
        ("Prompt Engineer, Acme Labs", set(), {"Prompt engineering"}),
        # a title, then the employer or team
        ("Software Engineer, AWS", set(), {"AWS"}),
        ("Intern, Snowflake", set(), {"Snowflake"}),
        # a rank that is an everyday word, and a title alone (a claim in a skills file)
        ("Head pose estimation", {"Pose estimation"}, set()),
        ("Data Engineer", {"Data engineering"}, set()),
    ],
    "a deployment pipeline is CI/CD": [
        (
            "Built a deployment pipeline with GitHub Actions",
            {"Continuous integration and delivery", "GitHub Actions"},
            {"Model deployment"},
        ),
        ("deployment pipelines", {"Continuous integration and delivery"}, set()),
    ],
    "'vs.' separates a comparison": [
        ("PyTorch vs. TensorFlow", {"PyTorch", "TensorFlow"}, set()),
        ("Python versus R", {"Python", "R"}, set()),
    ],
    "a textbook's name for a method a skill covers": [
        ("Lasso and elastic net", {"Regularization"}, set()),
        ("L2 regularization", {"Regularization"}, set()),
        ("multilayer perceptron", {"Neural networks"}, set()),
        # a ridge on a map and a cowboy's rope are none
        ("Ridge hiking", set(), {"Regularization"}),
    ],
    "a name written with '&' stays whole inside a list": [
        ("Tracked runs in MLflow or Weights & Biases", {"MLflow", "Weights & Biases"}, set()),
        ("Neptune.ai or Weights & Biases", {"Neptune.ai", "Weights & Biases"}, set()),
    ],
}


@each_case(CASES)
def test_round_sixteen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
