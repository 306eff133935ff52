"""Process-wide settings the app and the command line start with."""

from __future__ import annotations

import gc

# Python collects its youngest objects every 700 allocations. Unlocking a vault decodes
# tens of thousands of small records in one go, and the collector walking them again and
# again cost almost as much as decoding them. Records are plain acyclic data, freed by
# reference counting; the collector still runs, only less often.
GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
