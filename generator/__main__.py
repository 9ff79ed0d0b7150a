"""`python -m generator`: the same as the `modop` console script."""
import sys

from generator.cli import main

if __name__ == "__main__":  # not when a PDF worker process imports this module again
    sys.exit(main())
