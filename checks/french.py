"""The French words generator/french.py still imports from here; they live in checks.wording.fr.

Goes with generator/french.py, whose functions checks.wording.fr replaces.
"""
from checks.wording.fr import MONTHS, WEEKDAYS, day_text

__all__ = ["MONTHS", "WEEKDAYS", "day_text"]
