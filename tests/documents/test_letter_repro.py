"""Issue 14's letter repros as minimal profiles: an empty topic, a third-person summary,
noun-first bullets, a company ending in a full stop, a Spanish profile; and the locale option."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from appkit.documents.language import language_warning, profile_language
from appkit.documents.locale import foreign_spellings, localize, spell
from appkit.documents.voice import duty_topic, voiced
from appkit.engine import Engine
from appkit.guide.library import load_guide
from appkit.guide.model import Guide
from appkit.options import Options
from appkit.packet import Inputs, build_packet
from appkit.profile.model import Profile
from tests.documents import lint


@cache
def guide() -> Guide:
    return load_guide("clinical-coordinator")


ENGINE = Engine()


def make(
    summary: str | None, bullets: list[str], org: str = "Valley Clinic", **extra: Any
) -> Profile:
    return Profile.model_validate(
        {
            "basics": {"name": "Ron Test", "email": "ron@example.com"},
            "summary": summary,
            "experience": [
                {
                    "title": "Front Desk Coordinator",
                    "organization": org,
                    "start": "2019-01",
                    "highlights": bullets,
                }
            ],
            "education": [
                {"degree": "Certificate in Medical Office", "institution": "City College"}
            ],
            **extra,
        }
    )


def letter(profile: Profile, locale: str = "en-US", company: str | None = None) -> str:
    options = Options(formats=("txt",), date="2026-01-15", locale=locale, company=company)
    files = build_packet(Inputs(profile=profile, guide=guide()), options, ("cover",), ENGINE).files
    return lint.normalize(next(iter(files.values())).decode("utf-8"))


def own(profile: Profile) -> str:
    return "\n".join(lint.strings(profile.model_dump()))


def assert_clean(profile: Profile, text: str, locale: str = "en-US") -> None:
    sources = lint.Sources(lint.strings(guide().model_dump()))
    assert not lint.defects(text, own(profile), sources, locale), text  # type: ignore[arg-type]


NOUN_FIRST = [
    "Creation of patient reminder strategies for a 6-provider clinic.",
    "Responsible for scheduling and rescheduling 80 appointments a day.",
    "Reconciliation of the daily copay drawer.",
    "Experienced in Epic registration and insurance verification.",
]


def test_noun_first_bullets_are_quoted_never_put_after_i() -> None:
    prof = make(None, NOUN_FIRST)
    text = letter(prof)
    assert_clean(prof, text)
    assert not re.search(r"\bI (creation|responsible|reconciliation|experienced)\b", text, re.I)
    assert re.search(r"[“\"](Responsible for scheduling|Creation of)", text)  # quoted whole


@pytest.mark.parametrize(
    "summary",
    [
        "Ron has been building patient-access workflows for seven years.",
        "A results-driven coordinator with 5 years in busy clinics.",
        "Within my 7 years at the front desk, I learned every insurer's rules.",
        "Detail-oriented scheduler.",
    ],
)
def test_third_person_or_verbless_summary_never_becomes_i_am(summary: str) -> None:
    prof = make(summary, ["Scheduled 80 appointments a day in Epic."])
    text = letter(prof)
    assert_clean(prof, text)
    assert "I am a" not in text and "I am an" not in text
    assert "resultsdriven" not in text


def test_first_person_summary_is_quoted_as_written() -> None:
    prof = make("I am a bilingual scheduler. I love clinics.", ["Scheduled 80 visits a day."])
    assert "I am a bilingual scheduler." in letter(prof)


def test_no_empty_topic_and_no_posting_sentence_pasted() -> None:
    prof = make(None, ["Scheduled 80 appointments a day in Epic.", "Verified insurance daily."])
    text = letter(prof)
    assert_clean(prof, text)
    assert not re.search(r"depends on \.|important is \.|sits at the center", text)


def test_duty_topic_is_a_few_words_or_nothing() -> None:
    assert (
        duty_topic("Manage patient scheduling and appointment logistics.")
        == "managing patient scheduling and appointment logistics"
    )
    assert duty_topic("Record patients' medical information and vital signs, daily.") == (
        "recording patients' medical information and vital signs"
    )
    assert duty_topic("Primary focus of this position is customer satisfaction.") is None
    assert duty_topic("Min. 25 cold calls per week") is None
    long = "Own daily scheduling of nurses doctors therapists aides clerks and drivers for clinics"
    assert (duty_topic(long) or "").count(" ") < 8


@pytest.mark.parametrize(
    ("bullet", "ok"),
    [
        ("Managed scheduling for 12 therapists.", True),
        ("Led a team of 9.", True),
        ("Supervises two clerks.", True),
        ("Lead a team of 4 schedulers.", True),
        ("Lead developer of the dispatcher dashboard.", False),
        ("Creation of strategies.", False),
        ("Responsible for billing.", False),
        ("Detail-oriented and calm.", False),
        ("Design of the intake form.", False),
    ],
)
def test_voiced_only_for_verb_led_bullets(bullet: str, ok: bool) -> None:
    assert voiced(bullet) is ok


def test_company_ending_in_a_full_stop_is_not_doubled() -> None:
    prof = make(None, ["Scheduled 80 appointments a day."], org="F5 Inc.")
    text = letter(prof, company="Acme Health Inc.")
    assert ".." not in text.replace("...", "")
    assert_clean(prof, text)


def test_locale_spells_the_frame_and_never_the_candidate() -> None:
    prof = make(None, ["Responsible for organizing 80 appointments a day in Epic."] + NOUN_FIRST)
    us, gb = letter(prof), letter(prof, "en-GB")
    assert "your organization" in us and "your organisation" in gb
    assert "résumé" in us and "CV" in gb and "résumé" not in gb
    assert "organizing 80" in gb  # the candidate's words are quoted as written
    assert spell("practice", "en-GB", verb=True) == "practise"
    assert spell("practise", "en-US") == "practice"
    assert spell("Organize", "en-GB") == "Organise"
    assert localize("Practise and prioritise.", "en-US") == "Practice and prioritize."
    assert foreign_spellings("We analyse behaviour.", "en-US") == ["analyse", "behaviour"]
    assert foreign_spellings("We analyze behavior.", "en-GB") == ["analyze", "behavior"]


def _cli_letter(tmp_path: Path, prof: Profile, *args: str) -> tuple[str, str]:
    from appkit.cli import cli

    source = tmp_path / "profile.yaml"
    source.write_text(yaml.safe_dump(prof.model_dump(mode="json", exclude_none=True)))
    out = tmp_path / "out"
    argv = ["cover", str(source), "-g", "clinical-coordinator", "-f", "txt", "-o", str(out)]
    result = CliRunner().invoke(cli, [*argv, "--date", "2026-01-15", *args])
    assert result.exit_code == 0, result.output + result.stderr
    return next(out.rglob("*.txt")).read_text(encoding="utf-8"), result.stderr


def test_locale_is_a_cli_option(tmp_path: Path) -> None:
    prof = make(None, NOUN_FIRST)
    text, _ = _cli_letter(tmp_path, prof, "--locale", "en-GB")
    assert "organisation" in text and "organization" not in text


SPANISH = [
    "Atención al cliente en el salón y gestión de la agenda de citas.",
    "Coloración y cortes para una cartera de 40 clientes fijos por semana.",
    "Control del inventario de productos de la marca y pedidos a proveedores.",
]


def test_spanish_profile_is_detected_and_quoted_not_mixed() -> None:
    prof = make(
        "Peluquera con 6 años de experiencia en atención al cliente y gestión de citas.", SPANISH
    )
    prof = prof.model_copy(
        update={
            "education": [prof.education[0].model_copy(update={"degree": "Curso de Peluquería"})]
        }
    )
    assert profile_language(prof) == "es"
    assert "Spanish" in (language_warning(prof) or "")
    text = letter(prof)
    assert "With a Curso" not in text and "I am a peluquera" not in text.lower()
    assert not re.search(r"\bI (atención|coloración|control)", text, re.I)
    assert_clean(prof, text)
    english = make("Scheduler with 6 years in clinics.", ["Scheduled 80 visits a day."])
    assert profile_language(english) == "en" and language_warning(english) is None


def test_the_cli_warns_about_a_profile_not_in_english(tmp_path: Path) -> None:
    prof = make("Peluquera con 6 años de experiencia en atención al cliente.", SPANISH)
    _, stderr = _cli_letter(tmp_path, prof)
    assert "warning: the profile reads as Spanish" in stderr


def test_a_self_employed_role_names_no_organization() -> None:
    prof = make(None, ["Built booking sites for 12 clinics.", "Scheduled 80 visits a day."])
    prof = prof.model_copy(
        update={
            "experience": [prof.experience[0].model_copy(update={"organization": "Self-employed"})]
        }
    )
    text = letter(prof)
    assert "at Self-employed" not in text and "Front Desk Coordinator" in text
    assert_clean(prof, text)
