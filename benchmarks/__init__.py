"""Benchmarks of the whole pipeline on synthetic national data (see benchmarks/README.md)."""
