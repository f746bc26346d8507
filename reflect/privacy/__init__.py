"""Encryption at rest, redaction lists and the research team's key file."""
