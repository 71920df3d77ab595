"""Tokenising, stemming, acronyms and synonyms: the shared vocabulary of guide and profile."""

from __future__ import annotations

from appkit.match.terms import base_lexicon, declared_acronyms, expansion_in, stem


def keys(text: str) -> tuple[str, ...]:
    return base_lexicon().keys(text)


def test_word_forms_share_a_stem() -> None:
    assert stem("scheduling") == stem("scheduled") == stem("schedule")
    assert stem("verified") == stem("verification")
    assert stem("referral") == stem("referred")


def test_line_wrap_hyphen_is_rejoined() -> None:
    assert keys("sched-\nuling") == keys("scheduling")
    assert keys("Sched-  \n  uling") == keys("SCHEDULING")


def test_token_level_not_substring() -> None:
    assert "ehr" not in keys("an ethereal glow")
    assert "epic" not in keys("during the epidemic")
    assert "ehr" in keys("EHR") and "epic" in keys("Epic")


def test_acronym_and_expansion_meet() -> None:
    assert keys("EHR") == keys("electronic health records") == keys("EMR") == ("ehr",)
    assert keys("Bachelor of Science in Nursing") == keys("BSN")


def test_synonyms_meet() -> None:
    assert keys("prior authorization") == keys("pre-authorization") == keys("Preauthorizations")
    assert keys("detail-oriented") == keys("attention to detail")


def test_merged_token_keeps_surface_and_parts() -> None:
    text = "Updated electronic health records daily"
    token = next(t for t in base_lexicon().tokens(text) if t.key == "ehr")
    assert text[token.start : token.end] == "electronic health records"
    assert {"record", "health"} <= token.parts


def test_declared_acronyms() -> None:
    found = dict(declared_acronyms("Certified Associate in Project Management (CAPM) and more"))
    assert found == {"CAPM": "Certified Associate in Project Management"}
    assert expansion_in("EHR", "Electronic Health Records Systems Management") == (
        "Electronic Health Records"
    )


def test_punctuation_and_case_do_not_matter() -> None:
    assert keys("H.I.P.A.A.") != keys("HIPAA")  # dotted acronyms are out of scope
    assert keys("Patient-Scheduling!") == keys("patient scheduling")


def test_tables_are_reexported_from_terms() -> None:
    import appkit.match.tables as tables
    import appkit.match.terms as terms

    names = [
        "ACRONYMS",
        "GENERIC_WORDS",
        "HEAD_WORDS",
        "SOFT_SKILL_INDICATORS",
        "STOP_WORDS",
        "SYNONYMS",
        "soft_skill_indicators",
    ]
    for name in names:
        assert getattr(terms, name) is getattr(tables, name), name
        assert name in terms.__all__
    assert all(hasattr(terms, name) for name in terms.__all__)
    assert "resolved" in terms.soft_skill_indicators("Problem-solving")


def test_a_copy_learns_phrases_the_original_does_not() -> None:
    """Guide-declared acronyms go into a copy; phrases start anywhere in a text, also mid-phrase."""
    base = base_lexicon()
    lex = base.copy()
    key = lex.add_acronym("CQM", "clinical quality measures")
    text = "Reported clinical quality measures and CQM results weekly"
    assert [t.key for t in lex.tokens(text)].count(key) == 2
    assert "qualit" in base.keys(text) and "qualit" not in lex.keys(text)  # merged in the copy only
    assert base.keys(text) == base_lexicon().keys(text)  # the original is unchanged
    # a longer phrase wins over a shorter one starting at the same word
    lex.add("qualmeas", ["quality measures"])
    assert key in lex.keys("clinical quality measures")
    assert "qualmeas" in lex.keys("quality measures")
