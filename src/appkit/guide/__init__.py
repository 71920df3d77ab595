"""Role guides and job postings: the typed role model, guide and posting parsers, O*NET."""
