"""`python -m xorlab` is the `xorlab` command."""

import sys

from .cli import main

sys.exit(main())
