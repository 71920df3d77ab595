"""Templates to bytes: the sandboxed Jinja context and themes, isolation, PDF and DOCX writers."""
