"""Property-based posting fuzzer (issue 12): scraped text of any shape never reaches pydantic.

Generated postings (text, Markdown, one row of a CSV) mix real heading words, bullets, glued
sentences, runs with no line breaks, control and bidi characters and very long lines. The
property: the posting loads, or it is refused with an AppkitError naming the file; no other
exception, no pydantic wording, no traceback. Derandomized, so CI runs the same cases every time.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appkit import AppkitError, load_posting

pytestmark = pytest.mark.hostile

FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PYDANTIC_WORDS = re.compile(
    r"validation error|Value should|Input should|String should|List should|pydantic|Traceback", re.I
)
PIECES = [
    "Responsibilities",
    "RESPONSIBILITIES:",
    "What You Will Be Doing",
    "Requirements",
    "Qualifications:",
    "Nice to have",
    "Benefits",
    "About Us",
    "Equal Opportunity Employer",
    "Job Title: ",
    "Company: ",
    "Acme Health · Denver, CO",
    "Acme is seeking a Nurse.",
    "• ",
    "- ",
    "* ",
    "1. ",
    "Schedule patient appointments in Epic.",
    "Experience with Java, C++ or AWS is a plus.",
    "Verify insurance eligibility and benefits",
    "$52,000 - $64,000 per year",
    "preferred",
    " or similar",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    " ",
    ".",
    ":",
    "\u202e",
    "\u200b",
    "\x07",
    "\ufeff",
    "😀",
    "Ω",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)),
    min_size=0,
    max_size=60,
).map("".join)


def _check(path: Path, **kwargs: str) -> None:
    try:
        posting = load_posting(path, **kwargs)
    except AppkitError as exc:
        message = str(exc)
        assert message.strip(), "an error with no message"
        assert not PYDANTIC_WORDS.search(message), message
        for line in message.splitlines():
            assert str(path) in line or line.startswith(" "), line
        return
    assert posting.title.strip()


@FUZZ
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md"]), long=st.booleans())
def test_text_postings(
    tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str, long: bool
) -> None:
    folder = tmp_path_factory.mktemp("posting")
    path = folder / f"posting{suffix}"
    # One huge unbroken run: the scrape that once gave "at most 300 items ... not 4655".
    body = (text.replace("\n", " ") * 40) if long else text
    path.write_text(body, encoding="utf-8", errors="surrogatepass")
    _check(path)
    _check(path, title="Registered Nurse", company="Acme")


@FUZZ
@given(description=TEXT, title=TEXT, company=TEXT, job_id=st.sampled_from(["1", "42", " 7 "]))
def test_csv_postings(
    tmp_path_factory: pytest.TempPathFactory,
    description: str,
    title: str,
    company: str,
    job_id: str,
) -> None:
    folder = tmp_path_factory.mktemp("csv")
    path = folder / "postings.csv"
    with path.open("w", newline="", encoding="utf-8", errors="surrogatepass") as handle:
        writer = csv.writer(handle)
        writer.writerow(["job_id", "title", "company_name", "description", "skills_desc"])
        writer.writerow([job_id, title, company, description, "Java, SQL"])
    _check(path, posting_id=job_id.strip())
    _check(path, posting_id="does-not-exist")
