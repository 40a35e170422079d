"""dlqa: the build, checks and contributor tools of the deep-learning interview encyclopedia."""

__version__ = "0.1.0"
