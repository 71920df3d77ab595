"""`--verbose`: the library's INFO log records (page fitting and its cost) as lines on stderr."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

__all__ = ["verbose_log"]


@contextmanager
def verbose_log(verbose: bool, logger: str = "appkit.fit") -> Iterator[None]:
    """With --verbose, show the INFO records of ``logger`` (page fitting) while the block runs."""
    if not verbose:
        yield
        return
    import logging  # only with --verbose: a one-off `appkit match` saves its import

    class _EchoHandler(logging.Handler):
        """Log records as lines on stderr, through click (so CliRunner captures them)."""

        def emit(self, record: logging.LogRecord) -> None:
            click.echo(self.format(record), err=True)

    log = logging.getLogger(logger)
    handler, level = _EchoHandler(logging.INFO), log.level
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
