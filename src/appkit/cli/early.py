"""Start the PDF helper before the command line is even parsed, when it will likely be needed.

The helper (`appkit.render.pdfservice`) spends ~0.5 s importing WeasyPrint while the command
loads and matches; it is the longer of the two, so every millisecond it starts earlier comes off
the command's time. Parsing the options imports pydantic for their defaults (~80 ms), so `main`
guesses from the raw arguments instead. The guess never decides anything: `_pdf_service` in
`appkit.cli.commands` keeps the helper if the parsed options need a PDF from the built-in
templates, closes it if not, and starts one itself if the guess missed.
"""

from __future__ import annotations

from typing import Any

PDF_COMMANDS = frozenset({"resume", "cover", "prep", "packet"})


def wants_pdf(args: list[str]) -> bool:
    """Whether ``args`` (without the program name) look like a command that writes a PDF with
    the built-in templates: a document command, pdf among its formats (the default has it), no
    --templates, --watch or --help."""
    if not args or args[0] not in PDF_COMMANDS:
        return False
    formats = "pdf"  # Options' default formats include pdf
    for index, arg in enumerate(args[1:], start=1):
        if arg in ("--watch", "--help", "-h") or arg.startswith(("--templates", "-t")):
            return False
        if arg in ("-f", "--format") and index + 1 < len(args):
            formats = args[index + 1]
        elif arg.startswith("--format="):
            formats = arg.partition("=")[2]
        elif arg.startswith("-f") and len(arg) > 2:
            formats = arg[2:]
    return "pdf" in formats.lower()


def early_service(args: list[str]) -> Any:
    """A started `PdfService` when `wants_pdf`, else None."""
    if not wants_pdf(args):
        return None
    from appkit.render.pdfservice import PdfService

    return PdfService.start()
