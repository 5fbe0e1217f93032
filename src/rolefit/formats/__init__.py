"""The files people write, one set of rules each: skills files, role files, vocabulary
files, their checks, `rolefit validate`, and the JSON Schemas made from the same rules."""
