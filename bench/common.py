"""What the benchmark scripts share: timing one page or call, with its number of queries."""

import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure(call: Callable[[], Any], requests: int) -> tuple[int, float, Any]:
    """The SQL queries of one ``call()``, the median of ``requests`` more in milliseconds,
    and what the first call returned (a warm-up: templates, translations, caches)."""
    first = call()
    with CaptureQueriesContext(connection) as queries:
        call()
    count = len(queries)  # now: the next call clears the connection's query log
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(timings), first
