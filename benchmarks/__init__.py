"""Benchmarks on the shared corpora (see BENCHMARKS.md). Not part of the installed package."""
