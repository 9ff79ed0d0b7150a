"""The edge: reading the files under procedures/ and mkdocs.yml, and checking them with
every mistake named by file, line and column. Nothing above it reads those files."""
