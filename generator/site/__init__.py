"""The site as a whole: the stand-alone MkDocs project, its build and publication, the live preview."""
