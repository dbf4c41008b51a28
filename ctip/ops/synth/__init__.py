"""`ctip synth`: a synthetic national dataset for load and performance tests.

Activities, victim cases, criminal cases and watchlist entries across the provinces chosen by a
seed, before and after the 2025 reform, written with bulk inserts under one audit row
(`synth.load`). See ctip/core/README.md.
"""

from ctip.ops.synth.load import ACTION, Result, loaded_batch, synth_load
from ctip.ops.synth.run import MARK, Options
from ctip.ops.synth.world import SynthError

__all__ = ["ACTION", "MARK", "Options", "Result", "SynthError", "loaded_batch", "synth_load"]
