"""The catalog in words and pages: the Markdown docs tree for MkDocs and the PDF notices."""
