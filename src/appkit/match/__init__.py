"""Matching a profile against a role: vocabulary, requirements, levels, gaps and the report."""
