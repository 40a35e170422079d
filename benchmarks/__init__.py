"""The performance benchmark behind `make bench` (issue #9); see benchmarks/bench.py."""
