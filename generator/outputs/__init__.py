"""The files beside the pages: the checker's runtime and data, calendars, open data, the
security policy of the built pages."""
