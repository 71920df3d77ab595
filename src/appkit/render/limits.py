"""The default limits on one document, in a module of their own: the options and the CLI read
them without importing the isolation machinery (os.fork, multiprocessing's pipes)."""

MIB = 1024**2
TEMPLATE_SECONDS = 20.0
TEMPLATE_MEMORY = 2048 * MIB
TEMPLATE_PAGES = 30
PARAGRAPHS_PER_PAGE = 100  # a DOCX has no pages: the page limit caps its paragraphs instead
