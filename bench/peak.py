"""This process's peak memory, its own alone.

On Linux a child's ru_maxrss starts from its parent's peak (it is kept across exec), so a
figure taken after the parent typeset a book would report the book; VmHWM belongs to the
address space exec made. Elsewhere ru_maxrss is the best there is (bytes on macOS).
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def children_peak_mb() -> float:
    """The largest peak among the children this process waited for (the Typst child that set
    a PDF). On Linux a child's figure starts from this process's size when it forked, never
    lower; the Typst child's own peak is far above it."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
