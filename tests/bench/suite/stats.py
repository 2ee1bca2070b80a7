"""Medians and percentiles for the benchmark report."""


def median(values):
    v = sorted(values)
    if not v:
        return float("nan")
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100)."""
    v = sorted(values)
    if not v:
        return float("nan")
    rank = max(1, -(-len(v) * p // 100))  # ceil(len * p / 100)
    return v[int(rank) - 1]
