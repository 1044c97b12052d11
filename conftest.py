"""Make ``plugins.<name>`` and ``desk.<name>`` importable in every test, as pelicanconf.py does for builds."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
