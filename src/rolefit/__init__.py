"""rolefit: skills gap analysis for AI/ML roles."""

__version__ = "0.1.0"
