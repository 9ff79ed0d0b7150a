"""What the tests share, one module a concern, imported as `tests.support.<module>`:
the checkout's paths, running the command line and `modop serve`, the checker's
contract, data roots to copy and break, hand-written compiled procedures,
Pyodide under Node.js, Debian's Chromium, a static server, what the trust tests
look at in a page, and small readers (folder digests, HTML, PDF text, instants)."""
