"""What the tests share, one module a concern: the checkout's paths, running the
command line and `modop serve`, the checker's contract, the data the tests copy
and break, Pyodide under Node.js, Debian's Chromium, a static server and what
the trust tests look at in a page. Imported as `tests.support.<module>`."""
