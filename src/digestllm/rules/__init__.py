"""The offline, rule-based extractor."""
