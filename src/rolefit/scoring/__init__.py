"""The numbers: credit, fit at each level, readiness, the learning plan, what became of
each entry, and how a figure is shown (docs/fit.md is the specification)."""
