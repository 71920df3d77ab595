"""Paraphrased duties (issue 14): a bullet that does the duty's work in its own words covers it,
and one that only shares a word or does a different part of the work does not."""

from __future__ import annotations

import pytest

from appkit.match.senses import duty_frame, shows_frame
from appkit.match.terms import base_lexicon

COVERS = [
    ("Resolve escalated customer complaints.", "Handled guest complaints in person and online."),
    (
        "Prepare correspondence, reports and presentations for managers.",
        "Drafted meeting minutes and memos for the program director.",
    ),
    (
        "Prepare correspondence, reports and presentations for managers.",
        "Preparation of engagement letters and monthly billing summaries in Word and Excel.",
    ),
    (
        "Manage executive calendars, schedule meetings and arrange travel.",
        "Calendar management for four partners; booking of flights and hotels.",
    ),
    (
        "Maintain filing systems and confidential records, both paper and electronic.",
        "Kept attendance and grade records and filed permission slips.",
    ),
    (
        "Drive store sales to meet or exceed monthly targets.",
        "Grew annual sales 14%, beating plan in 10 of 12 months.",
    ),
    (
        "Design, build and maintain web applications and REST APIs.",
        "Built REST APIs in Node.js and Express backed by PostgreSQL.",
    ),
    (
        "Manage inventory, receiving and stock replenishment, keeping shrink within budget.",
        "Ordering and inventory of food and bar stock with weekly counts.",
    ),
]

DOES_NOT = [
    # one of four listed activities is part of the duty, not the duty
    (
        "Recruit, hire, train and coach store associates and shift supervisors.",
        "Trained five new associates on the POS and returns policy.",
    ),
    # a classroom supply budget is not ordering office supplies
    (
        "Order office supplies and manage relationships with vendors.",
        "Managed the grade-level supply budget and placed orders through the district.",
    ),
    # a later part of the duty ("updating demographic information") is not its core
    (
        "Maintain accurate and confidential patient records, updating demographic information.",
        "Check-in of 60+ patients a day and updates to demographics.",
    ),
    # doing it once is not managing it
    ("Manage patient scheduling and appointment logistics.", "Scheduled follow-up appointments."),
    # the object without the work: a shared noun is not enough
    ("Resolve escalated customer complaints.", "Logged complaints in a spreadsheet."),
    ("Oversee the ordering of supplies.", "Placed the order in order to save time."),
    # a product that stands for records (an EHR) is not the bullet's own words
    (
        "Maintain filing systems and confidential records.",
        "Training of new hires on WebPT scheduling.",
    ),
]


def _shows(duty: str, bullet: str) -> bool:
    lex = base_lexicon()
    words = tuple(t.key for t in lex.tokens(bullet))
    return bool(shows_frame(duty_frame(lex, duty), words))


@pytest.mark.parametrize(("duty", "bullet"), COVERS)
def test_a_paraphrase_of_the_duty_covers_it(duty: str, bullet: str) -> None:
    assert _shows(duty, bullet)


@pytest.mark.parametrize(("duty", "bullet"), DOES_NOT)
def test_a_shared_word_or_another_part_of_the_duty_does_not(duty: str, bullet: str) -> None:
    assert not _shows(duty, bullet)
