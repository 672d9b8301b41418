"""Benchmarks: retrieval quality on BEIR SciFact, and speed and memory of the pipeline."""
