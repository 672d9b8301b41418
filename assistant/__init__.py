"""Answers questions over the index with verbatim citations; CLI and HTTP service."""
