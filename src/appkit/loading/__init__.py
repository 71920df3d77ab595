"""Reading input files safely (YAML/JSON, size and character checks) and validating them."""
