"""`python -m generator`: the same as the `modop` console script."""
import sys

from generator.cli import main

sys.exit(main())
