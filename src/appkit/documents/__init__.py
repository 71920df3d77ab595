"""Document facts: tailored evidence, cover-letter and interview-prep content, file names."""
