"""Guarded YAML reading: size, encoding, depth, aliases and duplicate keys checked, every
value marked with its place (`safe`), PyYAML only for what the subset reader leaves (`full`)."""
