"""Data in, text or bytes out: terminal tables, JSON, CSV, Markdown, HTML, xlsx, and the files they are written to."""
