"""Matching round twenty (recall): the kinds of missed credits the spent parts showed,
counted by kind (a skill's name written whole and still not credited, or an activity
said in other words), each a table of positive and trap cases written for the kind
(none copied from the parts): a name inside a phrase before the noun it makes, a
purpose that ends at the tools it is done with, a course's title, a deed after who did
it, a model shipped or trained in other words, a role that names its activity, a plain
name a code qualifies, a lower-case tool beside another, names joined by a slash, a verb
with how it is done."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a name of several words before the noun it makes": [
        ("Shipped an object detection service for the warehouse robots", {"Object detection"}, set()),
        ("maintains the feature store tables nightly", {"Feature stores"}, set()),
        ("wrote a sentiment analysis module in Go", {"Sentiment analysis", "Go"}, set()),
        # what it is applied to is studied, not made: no time series analysis
        ("cleaned the time series data before the audit", set(), {"Time series analysis"}),
        # a question about it claims nothing
        ("Which vector databases have you tried?", set(), {"Vector databases"}),
        # a person named after it is a job title
        ("Data Protection Officer for a school trust", set(), {"Data privacy"}),
    ],
    "a short form written as the vocabulary writes it, before a noun": [
        ("Built an LLM evaluation harness and a RAG prototype for support", {"Retrieval-augmented generation"}, set()),
        ("Rightsized our EC2 fleet and cut idle spend", {"Amazon EC2"}, set()),
        ("Collected IoT telemetry from the factory floor", {"Internet of Things"}, set()),
        # before a capitalised word it is part of another name
        ("Moved the notebooks to GCP AI Platform last year", set(), {"Google Cloud"}),
        # after a job title it is one of the titles
        ("We want the best Data Analyst / BI there", set(), {"Business intelligence"}),
    ],
    "a capitalised tool name in mid-sentence before a word rolefit does not know": [
        ("We set up Grafana alerts for the ingestion lag", {"Grafana"}, set()),
        ("Helped the analysts with Tableau extracts every week", {"Tableau"}, set()),
        ("Added Redis caching in front of the scoring API", {"Redis"}, set()),
        # first after a separator it may name a kind of the noun: a snowflake schema
        ("Modelling styles (Galaxy schema, Snowflake schema)", set(), {"Snowflake"}),
        # before a capitalised word it is one word of another name
        ("Dinner near Oracle Park with the team", set(), {"Oracle Database"}),
    ],
    "a tool's name without its maker, in mid-sentence before a noun; a plus joins a list": [
        ("We rewrote the Airflow sensors last sprint", {"Apache Airflow"}, set()),
        ("Partitioned the Hive tables by tenant id", {"Apache Hive"}, set()),
        ("mostly Python + duckdb, some Polars", {"Python", "DuckDB", "Polars"}, set()),
        # a colour, and a club's name after "The", are no tools
        ("Walls in sage and Azure blue paint", set(), {"Microsoft Azure"}),
        ("The Spark youth club summer fair", set(), {"Apache Spark"}),
    ],
    "a purpose ends at the tools it is done with, or at a new clause": [
        ("Built dashboards for the finance team in Looker", {"Looker"}, set()),
        ("Automated checks for the billing tables with Great Expectations", {"Great Expectations"}, set()),
        ("Tuned queries for month-end reporting; Airflow for scheduling", {"Apache Airflow"}, set()),
        # the purpose itself is still no claim
        ("Used scikit-learn for customer churn analysis", {"scikit-learn"}, {"Data analysis"}),
        # "with" and a number says what a thing has, not what it is done with
        ("Wrote a plugin for the editor with 3K+ stars on GitHub", set(), {"GitHub"}),
    ],
    "'to' before a name is where something goes, not a purpose": [
        ("Moved the nightly batch from cron to Dagster", {"Dagster"}, set()),
        ("Migrated reporting from Excel to Power BI", {"Power BI"}, set()),
        # "to" before a verb is still a purpose
        ("Wrote Python to clean messy survey data", {"Python"}, {"Data cleaning"}),
    ],
    "a course's title, and what someone is responsible or a teacher for": [
        ("Lab instructor: Statistics for Data Science (Autumn term)", {"Data science"}, set()),
        ("Teaching assistant for Deep Learning, two semesters", {"Deep learning"}, set()),
        ("Responsible for data governance across three markets", {"Data governance"}, set()),
        # after a tool's name written as one, "for" is its purpose, even in a title
        ("PyTorch for Image Classification", {"PyTorch"}, {"Image classification"}),
    ],
    "a deed after who did it or when": [
        ("She has led a team of six analysts since 2021", {"Leadership"}, set()),
        ("Previously led the search relevance team at a retailer", {"Leadership"}, set()),
        # an auxiliary after a thing is no deed
        ("The models have led to fewer returns", set(), {"Leadership"}),
    ],
    "shipping a model is deploying it; a classifier or network is a model": [
        ("Shipped two fraud models to production last quarter", {"Model deployment"}, set()),
        ("Productionised the pricing models on Kubernetes", {"Model deployment", "Kubernetes"}, set()),
        ("Trained a gradient-boosted classifier on claims data", {"Model training"}, set()),
        ("Trained a small CNN to spot cracked tiles", {"Model training", "Convolutional neural networks"}, set()),
        # shipping something else is no deployment of a model
        ("Shipped the new onboarding flow to all users", set(), {"Model deployment"}),
    ],
    "a role that names its activity": [
        ("Reviewer for KDD and AAAI", {"Peer review"}, set()),
        ("Invited speaker at SciPy 2022", {"Presentation skills"}, set()),
        ("Maintainer of a popular open source plotting library", {"Open-source contribution"}, set()),
        ("Contributor to scikit-learn and NumPy", {"Open-source contribution", "scikit-learn", "NumPy"}, set()),
        # at a private event, or to a newspaper: no such activity
        ("Speaker at my cousin's wedding", set(), {"Presentation skills"}),
        ("Contributor to The Times crossword page", set(), {"Open-source contribution"}),
        ("Reviewer for restaurants on weekends", set(), {"Peer review"}),
    ],
    "a plain name after a short form or code that qualifies it": [
        ("Cut memory use in half with FP8 quantization", {"Quantization"}, set()),
        ("Wrote the SQL documentation for the warehouse team", {"Technical documentation", "SQL"}, set()),
        # an unknown short form from another trade qualifies nothing
        ("Studio work: MIDI quantization and mixing", set(), {"Quantization"}),
        # a tool's part is no skill of its own
        ("Django backend, Vue frontend", {"Django", "Vue.js"}, {"Backend development", "Frontend development"}),
    ],
    "a tool the vocabulary writes in lower case, beside another tool": [
        ("Modelled the marts with dbt and Snowflake", {"dbt", "Snowflake"}, set()),
        ("Tests run with pytest on GitHub Actions", {"pytest", "GitHub Actions"}, set()),
        # alone, one no word could be (no vowel) is the tool
        ("Refactored the dbt macros for the finance marts", {"dbt"}, set()),
        # alone among everyday words it is the animals
        ("Saw two red pandas at the zoo on Sunday", set(), {"Pandas"}),
    ],
    "names joined by a slash inside a phrase": [
        ("Prototyped the model in PyTorch/JAX before porting it", {"PyTorch", "JAX"}, set()),
        ("Comfortable in Python/R for day-to-day analysis", {"Python", "R"}, set()),
        # a slash between words that are no names
        ("Available for on-site/remote work in Berlin", set(), {"Remote work"}),
    ],
    "a name with a sign in it written with a capital": [
        ("Implemented Scikit-learn pipelines for the scoring team", {"scikit-learn"}, set()),
    ],
    "a verb with how it is done": [
        ("communicates well with stakeholders", {"Communication"}, set()),
        ("Collaborates closely with the platform team", {"Collaboration"}, set()),
        # no skill in the activity
        ("The API scales well under load", set(), {"Scalability"}),
    ],
    "a past deed whose activity ends one skill's name, done to things counted": [
        ("Scraped 40k job ads with Playwright", {"Web scraping"}, set()),
        ("Cleaned and deduplicated 3M customer records", {"Data cleaning"}, set()),
        # an everyday deed by an alias of a skill's activity
        ("Summarized the quarterly numbers for the board", set(), {"Text summarization"}),
        # an everyday deed to a thing pointed at
        ("Scraped the old varnish off the stairs", set(), {"Web scraping"}),
        ("Cleaned the office fridge every Friday", set(), {"Data cleaning"}),
    ],
    "a verb inside a phrase whose activity is a one-word skill": [
        ("Halved the latency by quantizing the ranking model to 4 bits", {"Quantization"}, set()),
        ("Last month I debugged a memory leak in the scheduler", {"Debugging"}, set()),
        # before a noun it qualifies
        ("Worked on quantized model serving for phones", set(), {"Quantization"}),
    ],
    "a skill by its own name before a colon and its parts": [
        ("Time series analysis: ARIMA, seasonal decomposition", {"Time series analysis"}, set()),
        ("Bayesian statistics: priors, posteriors, PyMC", {"Bayesian statistics", "PyMC"}, set()),
        # a heading by a looser word, or of several, claims nothing
        ("Cloud: Azure (Functions, Cosmos DB)", {"Microsoft Azure"}, {"Cloud computing"}),
        ("Cloud & MLOps: AWS (SageMaker), MLflow", {"AWS", "MLflow"}, {"Cloud computing", "MLOps"}),
    ],
    "a run of capitalised skills without separators is a list, not a title": [
        ("Leadership Negotiation Teamwork Public Speaking", {"Negotiation", "Collaboration"}, set()),
    ],
    "more words around a skill that only say how much of it": [
        ("Docker basic knowledge", {"Docker"}, set()),
        ("Usage of Jupyter", {"Jupyter"}, set()),
    ],
    "a hyphenated verb, or a plain verb starting a phrase, whose activity is a skill": [
        ("Fine-tuned a DistilBERT checkpoint on support tickets", {"Fine-tuning"}, set()),
        ("Fine-tune the reranker on click logs", {"Fine-tuning"}, set()),
        # a participle before a noun qualifies it
        ("Served fine-tuned models behind a gateway", set(), {"Fine-tuning"}),
    ],
    "a verb made of its activity, or of dealing with people, whatever it is done to": [
        ("Containerize the batch jobs and ship them to ECS", {"Containerization"}, set()),
        ("Helps the team communicate risks and dependencies", {"Communication"}, set()),
        # an everyday verb in -ize names nothing
        ("We organized a bake sale for the school", set(), {"Organizational skills"}),
    ],
    "a past deed of dealing with people, whatever it was done to": [
        ("Negotiated cloud credits with two vendors", {"Negotiation"}, set()),
        ("Mentored new hires through their first on-call week", {"Mentoring"}, set()),
        # done by someone else to the writer
        ("Mentored by a senior staff engineer", set(), {"Mentoring"}),
    ],
}


@each_case(CASES)
def test_round_20r_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
