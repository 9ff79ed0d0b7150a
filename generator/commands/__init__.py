"""One module per command of `modop`: its options and what it runs."""
