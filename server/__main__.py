"""`python -m server`: the same as the `rust-ast` console script."""

import sys

from .cli import main

sys.exit(main())
