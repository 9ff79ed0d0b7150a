"""The test suite. A package, so that every test imports its helpers as
`tests.support.<module>` from the repository's root, whichever tests run."""
