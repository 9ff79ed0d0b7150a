"""The data as the rest of modop sees it: the checked catalog, each procedure compiled
for the rules engine, what changed between two years, what still looks suspect."""
