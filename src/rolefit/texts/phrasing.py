"""Skills said in everyday words: the phrase tables the text reader adds to names.

A résumé says "designed and ran online experiments", a posting "ship models to
production"; neither names the skill (A/B testing, Model deployment) a reader
hears. These tables say which everyday phrasings mean which skill, as *kinds* of
phrasing (a verb on a thing, a qualifier on a noun, a word in a context), never
as the wording of one text. Two tables:

- ``OTHER_NAMES``: extra ways of writing a skill's name, read exactly like the
  vocabulary's own names and aliases (token lookup, the same context rules):
  "gradient-boosted" is Gradient boosting, "t-tests" Hypothesis testing. They
  live here rather than in the vocabulary because they are ways a *text* says
  the skill, not names a skills file would use.
- ``PHRASINGS``: regular expressions for phrasings that are not a fixed run of
  words ("deploy them to production", "mentor a group of researchers"). Each
  row: the pattern, the skills it means, a ``needle`` (a lower-case substring the
  line must hold before the pattern is tried, so that a long text costs one
  substring test per row and line) and an optional ``context``: a pattern that
  must also match somewhere on the same line ("detection" is Object detection
  only on a line about images, cameras or perception). Rows are tried in order
  and the words one row reads are not read again by a later one, so the more
  specific row comes first ("fine-tune LLMs" before "fine-tune").

Both only add findings: a skill named outright is always read by name first,
and a phrasing never reads words that a named skill already covers.
"""

from __future__ import annotations

from dataclasses import dataclass

# (how a text writes it, the skill's vocabulary name)
OTHER_NAMES: tuple[tuple[str, str], ...] = (
    ("gradient-boosted", "Gradient boosting"),
    ("gradient boosted", "Gradient boosting"),
    ("t-tests", "Hypothesis testing"),
    ("t-test", "Hypothesis testing"),
    ("hypothesis tests", "Hypothesis testing"),
    ("significance testing", "Hypothesis testing"),
    ("ANOVA", "Hypothesis testing"),
    ("neural architecture search", "AutoML"),
    ("nvidia triton", "NVIDIA Triton Inference Server"),
    ("triton inference", "NVIDIA Triton Inference Server"),
    ("online experiments", "A/B testing"),
    ("online experiment", "A/B testing"),
    ("self-supervised", "Self-supervised learning"),
    ("SFT", "LLM fine-tuning"),
    ("on-device", "Edge AI"),
    ("edge devices", "Edge AI"),
    ("3d perception", "3D computer vision"),
    ("3d vision", "3D computer vision"),
    ("point clouds", "3D computer vision"),
    ("lidar", "3D computer vision"),
    ("design docs", "Technical documentation"),
    ("design doc", "Technical documentation"),
    ("runbooks", "Technical documentation"),
    ("design reviews", "System design"),
    ("line manager", "Leadership"),
    ("feature platform", "Feature stores"),
    ("large-scale data processing", "Big data processing"),
    ("data processing at scale", "Big data processing"),
    ("retrieval systems", "Information retrieval"),
    ("retrieval models", "Information retrieval"),
    ("two-tower retrieval", "Information retrieval"),
    ("dense retrieval", "Information retrieval"),
    ("literature review", "Literature review"),
    ("read the literature", "Literature review"),
    ("probabilistic forecasting", "Probabilistic modeling"),
    ("probabilistic forecasts", "Probabilistic modeling"),
    ("human evaluation", "LLM evaluation"),
    ("evaluation harness", "LLM evaluation"),
    ("debug", "Debugging"),
    ("debugged", "Debugging"),
    ("debugging", "Debugging"),
    ("research prototypes", "Research prototyping"),
    ("research prototype", "Research prototyping"),
    ("sim-to-real", "Domain adaptation"),
    ("data checks", "Data validation"),
    ("CI", "Continuous integration and delivery"),
)


@dataclass(frozen=True)
class Phrasing:
    pattern: str
    skills: tuple[str, ...]
    needle: str | tuple[str, ...]  # the line (lower case) must hold one of these; "" for any line
    context: str | None = None

    @property
    def needles(self) -> tuple[str, ...]:
        return (self.needle,) if isinstance(self.needle, str) else self.needle


_N = r"(?:[\w'\u2019/-]+\s+)"  # one word and the space after it
_VISION = r"\b(?:image|images|camera|cameras|video|vision|visual|perception|pixels?|yolo|lidar|robots?|photos?)\b"

PHRASINGS: tuple[Phrasing, ...] = (
    # Each pattern must hold the thing done, not a word that merely touches the skill
    # ("mentorship" offered as a perk is not mentoring).
    # Experiments
    Phrasing(
        rf"\b(?:design|run|ran|running|analy[sz])\w*\s+(?:and\s+\w+\s+)?{_N}{{0,3}}?experiments\b",
        ("Experimental design",),
        "experiment",
    ),
    Phrasing(r"\bmulti-?(?:gpu|node)\s+(?:training|clusters?|jobs)\b", ("Distributed training",), "multi"),
    Phrasing(r"\bevaluat\w*\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:llms?|language models)\b", ("LLM evaluation",), "evaluat"),
    Phrasing(r"\bback-?test\w*\b", ("Model evaluation",), "test"),
    Phrasing(
        r"\bdesign\w*\s+(?:\w+\s+){0,2}?(?:trials|studies)\b|\bexperiment(?:ation)? guidelines\b",
        ("Experimental design",),
        ("design", "guideline"),
    ),
    Phrasing(
        rf"\b(?:design|run|ran|running|analy[sz])\w*\s+(?:and\s+\w+\s+)?{_N}{{0,3}}?online\s+experiments?\b",
        ("A/B testing",),
        "online",
    ),
    # Regression named bare: "distributions, hypothesis tests, regression"
    Phrasing(r"\b(?:regulari[sz]ed|penali[sz]ed)\s+(?:regression|models?)\b", ("Regularization",), "ed "),
    Phrasing(r"\bregression\b(?! tests?\b| testing\b)", ("Regression analysis",), "regression"),
    # Fine-tuning a language model, then any fine-tuning
    Phrasing(
        rf"\bfine-?tun\w*\s+(?:and\s+\w+\s+)?{_N}{{0,3}}?(?:llms?|language models?|gpt\w*|llama\w*)\b",
        ("LLM fine-tuning",),
        "tun",
    ),
    # Deploying and serving models
    Phrasing(
        r"\b(?:deploy|ship)\w*\s+(?:them|it)\b|\bcanary (?:deploy\w*|rollouts?|releases?)\b"
        rf"|(?<!\ba )(?<!\bthe )\bship(?:s|ped|ping)?\s+(?:\d+\+?\s+)?{_N}{{0,2}}?models?\b",
        ("Model deployment",),
        ("deploy", "ship", "canary"),
        r"\b(?:models?|ml|production|platform|inference)\b",
    ),
    Phrasing(
        r"\b(?:online|real-time|low-latency)\s+(?:serving|inference)\b|\bmodels?\s+behind\b|\bserving\b",
        ("Model serving",),
        ("serving", "inference", "behind"),
        r"\b(?:models?|ml|inference|training|latency|apis?)\b",
    ),
    Phrasing(
        r"\bmonitor\w*\b|\b(?:detect|track|watch|catch|notice|alert)\w*\b[^.;]{0,40}?\bdrift\b",
        ("Model monitoring",),
        ("monitor", "drift"),
        r"\b(?:models?|ml|drift|inference|serving)\b",
    ),
    # Costs of compute
    Phrasing(
        r"\b(?:gpu|cloud|compute|infrastructure|aws|training)\s+(?:capacity and\s+)?(?:spend|bill|costs?)\b"
        r"|\beye on (?:the )?costs?\b|\b(?:cut|cutting|reduc\w+|lower\w*)\s+(?:\w+\s+){0,2}?(?:spend|bill)\b",
        ("Cloud cost optimization",),
        ("spend", "bill", "cost"),
    ),
    # Research practice
    Phrasing(
        r"\breproduc\w+\s+(?:\d+\+?\s+)?(?:\w+\s+){0,2}?(?:papers|results)\b",
        ("Implementing research papers", "Reproducible research"),
        "reproduc",
    ),
    Phrasing(r"\breproducib\w+\b", ("Reproducible research",), "reproducib"),
    Phrasing(r"\bimplement\w*\b[^.;]{0,80}?\bpapers\b", ("Implementing research papers",), "paper"),
    Phrasing(
        r"\bco-?authors?\b|\bco-?authored\b|\bpapers?\s+(?:at|in)\s+[A-Z]|\b\d+\s+(?:\w+\s+)?papers\b",
        ("Academic publishing",),
        ("author", "paper"),
    ),
    Phrasing(
        r"\b(?:contribut\w+|released|maintain\w*|authored)\b[^.;]{0,60}?\bopen[- ]source\b"
        r"|\bopen[- ]source (?:toolkits?|projects?|libraries|contributions?)\b",
        ("Open-source contribution",),
        "open",
    ),
    Phrasing(
        r"\bform(?:ing)?\s+hypothes[ie]s\b|\bhypothesis to (?:a )?paper\b|\bresearch experience\b",
        ("Research methodology",),
        ("hypothes", "research experience"),
    ),
    Phrasing(
        r"\b(?:review\w*\s+for\s+(?:them|conferences|journals|venues))\b|\breviewer\b", ("Peer review",), "review"
    ),
    Phrasing(r"\bwrite\s+up\s+(?:\w+\s+)?(?:findings|results|work)\b", ("Scientific writing",), "write up"),
    # People
    Phrasing(
        r"\bmentor(?:ed|ing|s)?\s+(?:\w+\s+){0,4}?(?:engineers?|students?|juniors?|interns?|scientists?|"
        r"researchers?|analysts?|members?|people|others|them|group|team)\b"
        r"|\b(?:co-?)?supervis(?:e|ed|es|ing)\s+(?:\w+\s+){0,3}?(?:students?|theses|interns?|researchers?)\b"
        r"|\bcoach(?:ed|ing|es)?\b(?:\s+and\s+\w+)?\s+(?:them|engineers|scientists|the team)\b",
        ("Mentoring",),
        ("mentor", "supervis", "coach"),
    ),
    Phrasing(
        r"\b(?:set|sets|setting)\s+(?:the\s+)?(?:technical|engineering)\s+direction\b"
        r"|\blead(?:s|ing)?\s+the\s+(?:science|research|technical|engineering)\b"
        r"|\bleading\s+(?:[\w-]+\s+){1,6}?(?:work|efforts?|initiatives?|projects?)\b",
        ("Leadership",),
        ("direction", "lead"),
    ),
    Phrasing(
        r"\b(?:set|sets|setting)\s+(?:the\s+)?(?:scientific|research)\s+(?:direction|agenda)\b",
        ("Research agenda setting",),
        ("direction", "agenda"),
    ),
    Phrasing(
        r"\bpresent\s+(?:\w+\s+){0,3}?(?:results|findings|work|roadmap|them|it|analyses|research)\b"
        r"|\b(?:conference|invited|keynote)\s+talks?\b|\b(?:give|gave|giving|deliver\w*)\s+(?:\w+\s+)?talks\b"
        r"|\btalks(?:,| and) (?:workshops|posters|papers)\b",
        ("Presentation skills",),
        ("present", "talk"),
    ),
    Phrasing(r"\bexplain\w*\s+(?:\w+\s+){0,4}?to\b", ("Communication",), "explain"),
    Phrasing(r"\bcan act on\b|\bnon-(?:scientists|technical|experts)\b", ("Data storytelling",), ("act on", "non-")),
    Phrasing(
        r"\badvis(?:e|ed|ing)\s+(?:\w+\s+){0,3}?(?:teams?|leaders?|leadership|executives|stakeholders)\b"
        r"|\bpartner\w*\s+with\s+(?:\w+\s+){0,4}?(?:leaders|executives|stakeholders)\b",
        ("Stakeholder management",),
        ("advis", "partner"),
    ),
    Phrasing(
        r"\bcollaborations?\b|\bin partnership with\b|\bwork(?:ing)?\s+closely\s+with\b",
        ("Collaboration",),
        ("collaboration", "partnership", "closely"),
    ),
    Phrasing(r"\binto\s+(?:\w+\s+)?decisions\b", ("Decision making",), "decision"),
    # Documentation and code
    Phrasing(
        r"\b(?:writ\w*|wrote)\s+(?:\w+\s+){0,3}?(?:documentation|guides?|reports?|docs|runbooks?)\b"
        r"|\bdocumented\b",
        ("Technical documentation",),
        ("writ", "wrote", "documented"),
    ),
    Phrasing(r"\bcode\s+reviewed\b|\breview\w*\s+(?:[\w'\u2019]+\s+){0,3}?code\b", ("Code review",), "review"),
    Phrasing(
        r"\btested\s+(?:\w+\s+){0,2}?(?:code|package|software|library)\b"
        r"|\b(?:add|added|adding|write|wrote|writing)\s+(?:\w+\s+){0,2}?tests\b|(?<![\w-])testing\b(?=\s*[,)]|\s+and\b)",
        ("Automated testing",),
        "test",
        r"\b(?:code|ci|engineering|software|repos?|repositories|review)\b",
    ),
    Phrasing(
        r"\bperformance-critical\b|\bprofil(?:e|er|ing)\b|\bkeep\s+it\s+fast\b"
        r"|\boptimi[sz]\w*\s+(?:\w+\s+){0,2}?(?:kernels?|latency|throughput|inference)\b",
        ("Performance optimization",),
        ("performance", "profil", "fast", "optimi"),
    ),
    Phrasing(
        r"\bdefin\w*\s+(?:the\s+)?(?:\w+\s+)?architecture\b|\b(?:long-term|overall)\s+architecture\b",
        ("Software architecture",),
        "architecture",
    ),
    # Data
    Phrasing(
        r"\b(?:data|feature|etl|sql|ingestion|loading|streaming|nightly|batch)\s+pipelines?\b"
        r"|\b(?:into|in)\s+the\s+(?:nightly\s+|daily\s+)?pipeline\b",
        ("Data pipelines",),
        "pipeline",
    ),
    Phrasing(
        r"\b(?:ml|training|model|inference)\s+pipelines?\b|\bpipelines\s+for\s+training\b",
        ("ML pipelines",),
        "pipeline",
    ),
    Phrasing(r"\binto\s+features\b|\bengineer\w*\s+(?:new\s+)?features\b", ("Feature engineering",), "feature"),
    Phrasing(
        r"\bclean\w*\s+(?:and\s+\w+\s+)?(?:\w+\s+){0,3}?(?:data|records|extracts|datasets|logs|it|them)\b",
        ("Data cleaning",),
        "clean",
    ),
    Phrasing(
        r"\blabell?(?:ed|ing)\s+(?:[\d,]+\s+)?(?:\w+\s+){0,2}?(?:images|data|examples|records)\b"
        r"|\blabell?ing\s+(?:workflows?|tools?|pipelines?)\b",
        ("Data labeling",),
        "label",
    ),
    Phrasing(r"\bscrap(?:ed|ing|e)\s+(?:\w+\s+){0,2}?(?:data|websites?|pages|sites)\b", ("Web scraping",), "scrap"),
    Phrasing(r"\bvisuali[sz](?:ed|ing|e|ations?)\b", ("Data visualization",), "visuali"),
    # Models and methods said by their task
    Phrasing(
        r"\b(?:time[- ]series)\b[^.;]{0,40}?\bforecast\w*|\bforecast\w*\b[^.;]{0,40}?\btime[- ]series\b",
        ("Time series forecasting",),
        "forecast",
    ),
    Phrasing(
        r"\b(?:document|text|email|ticket|intent)\s+classif\w+|\bclassif\w+\s+(?:\w+\s+){0,2}?(?:documents|emails|tickets)\b",
        ("Text classification",),
        "classif",
    ),
    Phrasing(r"\bsentiment\s+(?:classif\w+|models?|detection)\b", ("Sentiment analysis",), "sentiment"),
    Phrasing(
        r"\b(?:image|photo|picture)s?\s+classif\w+\b|\bclassif\w+\s+(?:\w+\s+){0,3}?(?:images|photos)\b",
        ("Image classification",),
        "classif",
    ),
    Phrasing(r"\bdetection\b", ("Object detection",), "detection", _VISION),
    Phrasing(r"\bsegmentation\b", ("Image segmentation",), "segmentation", _VISION),
    Phrasing(r"\btracking\b", ("Object tracking",), "tracking", _VISION),
    Phrasing(
        r"\battention\s+(?:kernels?|layers?|heads?)\b|\bself-attention\b|\bfused attention\b",
        ("Attention mechanisms",),
        "attention",
    ),
    Phrasing(r"\bhyper-?parameter[- ](?:sweeps?|search(?:es)?)\b", ("Hyperparameter tuning",), "parameter"),
    Phrasing(
        r"\b(?:bleu|rouge|ndcg|mrr|chrf|perplexity|auc|f1)\b",
        ("Evaluation metrics",),
        ("bleu", "rouge", "ndcg", "mrr", "chrf", "perplexity", "auc", "f1"),
    ),
    Phrasing(
        r"\bsmall and fast\b|\bcompress\w*\s+(?:\w+\s+)?models?\b",
        ("Model compression",),
        ("small and fast", "compress"),
    ),
    Phrasing(
        r"\b(?:train|trained|training)\b[^.;]{0,60}?\bon\s+(?:\d[\d,]*|hundreds of|thousands of|multi-?gpu|multi-?node)"
        r"\s*(?:gpus?|tpus?|nodes|clusters?)\b",
        ("Distributed training",),
        "train",
    ),
    # The world a job is in
    Phrasing(
        r"\bregulat(?:ed|ors?|ory)\b|\b(?:pci|hipaa|gdpr|fda|sox)\b|\bcompliance\b",
        ("Regulatory compliance",),
        ("regulat", "pci", "hipaa", "gdpr", "fda", "sox", "compliance"),
    ),
    Phrasing(
        r"\b(?:experience|background|familiarity|interest|knowledge|worked)\s+(?:in|with|of|on)\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:markets?|marketplaces?|industry|industries|domains?|advertising|finance|healthcare|"
        r"law|retail|logistics|biotech|insurance|pricing)\b",
        ("Domain knowledge",),
        ("experience", "background", "familiarity", "interest", "knowledge", "worked"),
    ),
    # The first table of these, kept as it was written (specific rows come first,
    # above: a row here does not read words a row above has read as a narrower skill).
    Phrasing(
        r"\bdeploy(?:ed|ing|s)?\b[\w\s,/-]{0,40}?\bmodels?\b|\bmodels?\b[\w\s,/-]{0,25}?\b(?:into|to|in) production\b",
        ("Model deployment",),
        ("deploy", "production"),
    ),
    Phrasing(
        r"\bmentor(?:ed|ing|s)?\b(?=\s+(?:\w+\s+){0,3}(?:engineers?|students?|juniors?|interns?|scientists?|"
        r"researchers?|analysts?|members?|people|others|team))",
        ("Mentoring",),
        "mentor",
    ),
    Phrasing(
        r"\b(?:presented|presenting|gave (?:a |an )?(?:talks?|presentations?)|invited talks?|spoke at)\b",
        ("Presentation skills",),
        ("present", "talk", "spoke"),
    ),
    Phrasing(
        r"\b(?:published|publishing|first-author|co-authored|authored)\b[\w\s,-]{0,40}?\b(?:papers?|at|in)\b"
        r"|\bpublications?\b",
        ("Academic publishing",),
        ("publi", "author"),
    ),
    Phrasing(
        r"\b(?:reviewer for|reviewed for|reviewing for|program committee)\b", ("Peer review",), ("review", "committee")
    ),
    Phrasing(
        r"\b(?:led|lead|leads|leading)(?:\s+and\s+\w+)?\s+(?:a|the|our)?\s*(?:\w+\s+)?(?:team|group|squad)s?\b"
        r"|\b(?:tech|team) lead\b",
        ("Leadership",),
        ("lead", "led"),
    ),
    Phrasing(
        r"\b(?:wrote|writing|write)\s+(?:the\s+)?(?:design docs?|documentation|runbooks?|technical docs?)\b",
        ("Technical documentation",),
        ("writ", "wrote"),
    ),
    Phrasing(r"\bcode reviews?\b|\breview(?:ed|ing)? (?:pull requests|code|prs)\b", ("Code review",), "review"),
    Phrasing(
        r"\b(?:on|across|with)\s+(?:\d+\s+|multiple\s+|many\s+)?gpus?\b|\bgpu (?:clusters?|training|kernels?)\b",
        ("GPU computing",),
        "gpu",
    ),
    Phrasing(
        r"\bdistributed (?:training|pre-?training)\b|\btrain(?:ed|ing)? on \d+ gpus\b",
        ("Distributed training",),
        ("distributed", "gpu"),
    ),
    Phrasing(
        r"\bimplement(?:ed|ing)? (?:research )?papers\b|\breproduc(?:ed|ing|e) (?:papers|results)\b",
        ("Implementing research papers",),
        ("paper", "reproduc"),
    ),
    Phrasing(r"\bfine-?tun(?:ed|ing|e)\b", ("Fine-tuning",), "tun"),
    Phrasing(r"\bcollaborat(?:e|ed|es|ing|ively)\b|\bcross-functional\b", ("Collaboration",), ("collaborat", "cross")),
    Phrasing(r"\bcommunicat(?:e|ed|es|ing)\b", ("Communication",), "communicat"),
)
