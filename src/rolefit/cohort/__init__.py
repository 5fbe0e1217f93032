"""A cohort over time and what to teach it: the batch run (count, collect
errors, sum up), the teaching view, and the comparison with an earlier run.
Pure: data in, data out; the CLI prints, the renderers show."""
