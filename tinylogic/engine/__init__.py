"""Sampling engines: prompts -> n samples each. `load_engine` picks a backend by name."""

from tinylogic.engine.base import Engine, Sample, SamplingParams, load_engine

__all__ = ["Engine", "Sample", "SamplingParams", "load_engine"]
