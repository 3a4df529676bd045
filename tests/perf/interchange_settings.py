"""Settings for `make bench` subprocesses that must share one media folder between processes."""

import os
from pathlib import Path

from library.settings.test import *  # noqa: F401,F403

MEDIA_ROOT = Path(os.environ["BENCH_MEDIA_ROOT"])
