"""The only place paths are resolved and files written: atomic writes and packet folders."""
