"""Reading the skills people write: the matcher's layers, the vocabulary, `rolefit explain`."""
