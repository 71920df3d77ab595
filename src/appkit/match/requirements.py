"""Requirements: every item of a guide (and posting) that a profile can evidence, with its weight.

Weights (one place; the coverage score in `appkit.match.engine` is a weighted average of these):

    source   category         what                                          weight  any-of group
    posting  responsibility   posting.responsibilities[i]                   3.0     -
    posting  qualification    posting.qualifications[i]                     3.0     -
    posting  qualification    posting.preferred[i] ("a plus", "preferred")  1.5     -
    posting  technical_skill  posting.skills[i]                             3.0     -
    guide    responsibility   responsibilities[i] (the guide's key duties)  2.0     -
    guide    technical_skill  technical_skills[i]                           2.0 *   -
    guide    education        education[i]                                  2.0     education
    guide    certification    certifications[i]                             1.5     certification
    guide    tool             tools[i]                                      1.0 **  tool:<category>
    guide    soft_skill       soft_skills[i]                                1.0     -
                              (also evidenced by behaviour: terms.SOFT_SKILL_INDICATORS)

    *  0.4 x O*NET importance (1-5) when the guide gives one.   ** 1.5 for a "hot" technology.

A posting qualification or preferred item that offers alternatives ("SAP, Oracle or similar ERP
system", "Epic or Cerner") is one requirement: each capitalised name or acronym in it is a phrase,
so any one of them satisfies it fully ("Kubernetes or similar": Kubernetes alone does).

Requirements in one any-of group are alternatives (one degree, one certification, one EHR product
is enough): the group counts once, with its largest weight and its best member's credit.

Match terms: short items (skills, tools, soft skills, certifications, posting skills) are split at
"and", "or", commas and slashes into sub-phrases. Each sub-phrase minus HEAD words ("software",
"skills") is a *phrase*; its GENERIC words ("patient", "management") are dropped too if two
distinctive words remain ("Patient Scheduling" keeps both, "Inventory Management for Clinical
Supplies" becomes inventory + supplies); all-generic phrases are discarded. The acronym and each
example (Epic, Cerner) are phrases too. A profile item containing all keys of one phrase
matches fully. A single capitalised name (Epic, Word, Excel) only matches a capitalised profile
word, so "an epic effort" or "excel at" do not. Long items (responsibilities, education,
qualifications) are matched by key overlap instead (see `appkit.match.engine`); an acronym they
mention (BSN, CMAA) is a phrase too. "5+ years" in an education/qualification item is met by
years of relevant experience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from appkit.guide.model import Guide, Posting
from appkit.match.phrases import Phrase, exact_phrase, short_phrases
from appkit.match.phrases import make_phrase as _phrase
from appkit.match.terms import GENERIC, Lexicon, soft_skill_indicators

GENERIC_WEIGHT = 0.25
_YEARS = re.compile(r"(\d+)\s*\+?\s*(?:years|yrs)", re.I)


@dataclass(frozen=True)
class Requirement:
    """One thing the role asks for, in the guide's (or posting's) own wording."""

    id: str
    category: str
    text: str
    name: str
    weight: float
    source: str = "guide"
    group: str | None = None
    terms: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    keys: dict[str, float] = field(default_factory=dict)
    min_years: int | None = None
    examples: tuple[str, ...] = ()
    # Item kinds that never evidence it: an O*NET skill ("Science") is not shown by the word in
    # a degree's name ("Bachelor of Science").
    not_from: frozenset[str] = frozenset()


# A soft skill is shown by what someone did, not by its name in a skills list, a title, a degree,
# a certification's or award's name, or a language.
NOT_SOFT = frozenset({"skill", "title", "degree", "certification", "award", "language"})


def _keys(lex: Lexicon, text: str) -> dict[str, float]:
    return {k: GENERIC_WEIGHT if k in GENERIC else 1.0 for k in lex.keys(text)}


def _name_keys(lex: Lexicon, name: str, phrases: tuple[Phrase, ...]) -> dict[str, float]:
    """Overlap keys of a name; none for a proper name (it must match by case-checked phrase)."""
    return {} if phrases and all(p.proper for p in phrases) else _keys(lex, name)


def _long(
    lex: Lexicon,
    rid: str,
    category: str,
    text: str,
    weight: float,
    source: str,
    group: str | None = None,
) -> Requirement:
    """A sentence-like requirement: matched by key overlap plus any acronym it names."""
    keys = _keys(lex, text)
    phrases = tuple(
        Phrase(frozenset({k}), k.upper(), strong=True) for k in keys if k in lex.acronyms
    )
    years = _YEARS.search(text) if category in ("education", "qualification") else None
    terms = tuple(k for k, w in keys.items() if w == 1.0)
    return Requirement(
        rid,
        category,
        text,
        text,
        weight,
        source,
        group,
        terms,
        phrases,
        keys,
        int(years[1]) if years else None,
    )


_OR = re.compile(r"\bor\b", re.I)
_SIMILAR = re.compile(r"\bor (?:a )?(?:similar|equivalent|comparable)\b", re.I)
_NAME = re.compile(r"(?<![\w.])(?:[A-Z][\w+#.-]*[\w+#]|[A-Z])(?:\s+[A-Z][\w+#.-]*[\w+#])*")


def _either(lex: Lexicon, req: Requirement) -> Requirement:
    """ "X or Y" / "or similar": every name the item offers is a phrase that satisfies it."""
    if not _OR.search(req.text):
        return req
    names = [m[0] for m in _NAME.finditer(req.text) if m.start() > 0]
    found = [_phrase(lex, n, proper_ok=True) for n in names]
    extra = tuple(p for p in found if p and p.keys not in {q.keys for q in req.phrases})
    similar = _SIMILAR.search(req.text)  # "Kubernetes or similar": the name alone is enough
    if len(extra) < (1 if similar else 2):
        return req
    return replace(req, phrases=req.phrases + extra)


def build_requirements(
    guide: Guide | None, posting: Posting | None, lex: Lexicon
) -> list[Requirement]:
    """Turn a guide and an optional posting into weighted requirements (see the module table)."""
    reqs: list[Requirement] = []
    if posting:
        for i, text in enumerate(posting.responsibilities):
            reqs.append(
                _long(lex, f"posting.responsibilities[{i}]", "responsibility", text, 3.0, "posting")
            )
        for i, text in enumerate(posting.qualifications):
            req = _long(lex, f"posting.qualifications[{i}]", "qualification", text, 3.0, "posting")
            reqs.append(_either(lex, req))
        for i, text in enumerate(posting.preferred):
            reqs.append(
                _either(
                    lex,
                    _long(lex, f"posting.preferred[{i}]", "qualification", text, 1.5, "posting"),
                )
            )
        for i, name in enumerate(posting.skills):
            phrases, terms = short_phrases(lex, name, proper=True)
            reqs.append(
                Requirement(
                    f"posting.skills[{i}]",
                    "technical_skill",
                    name,
                    name,
                    3.0,
                    "posting",
                    None,
                    terms,
                    phrases,
                    _name_keys(lex, name, phrases),
                )
            )
    if not guide:
        return [r for r in reqs if r.keys or r.phrases]
    for i, text in enumerate(guide.responsibilities):
        reqs.append(_long(lex, f"responsibilities[{i}]", "responsibility", text, 2.0, "guide"))
    for i, s in enumerate(guide.technical_skills):
        weight = 0.4 * s.importance if s.importance else 2.0
        phrases, terms = short_phrases(lex, s.name, s.acronym, tuple(s.examples))
        keys = _keys(lex, f"{s.name} {s.acronym or ''}")
        reqs.append(
            Requirement(
                f"technical_skills[{i}]",
                "technical_skill",
                s.name,
                s.name,
                weight,
                "guide",
                None,
                terms,
                phrases,
                keys,
                None,
                tuple(s.examples),
                frozenset({"degree"}) if s.importance is not None else frozenset(),
            )
        )
    for i, t in enumerate(guide.tools):
        phrases, terms = short_phrases(lex, t.name, proper=True)
        group = f"tool:{t.category.casefold()}" if t.category else None
        reqs.append(
            Requirement(
                f"tools[{i}]",
                "tool",
                t.name,
                t.name,
                1.5 if t.hot else 1.0,
                "guide",
                group,
                terms,
                phrases,
                _name_keys(lex, t.name, phrases),
            )
        )
    for i, text in enumerate(guide.education):
        reqs.append(_long(lex, f"education[{i}]", "education", text, 2.0, "guide", "education"))
    for i, c in enumerate(guide.certifications):
        name = f"{c.name} ({c.acronym})" if c.acronym else c.name
        phrases, terms = short_phrases(lex, c.name, c.acronym)
        reqs.append(
            Requirement(
                f"certifications[{i}]",
                "certification",
                name,
                name,
                1.5,
                "guide",
                "certification",
                terms,
                phrases,
                _keys(lex, c.name),
            )
        )
    for i, s in enumerate(guide.soft_skills):
        phrases, terms = short_phrases(lex, s.name)
        shown_by = (exact_phrase(lex, p) for p in soft_skill_indicators(s.name))
        phrases += tuple(p for p in shown_by if p and p.keys not in {q.keys for q in phrases})
        text = f"{s.name}: {s.description}" if s.description else s.name
        reqs.append(
            Requirement(
                f"soft_skills[{i}]",
                "soft_skill",
                text,
                s.name,
                1.0,
                "guide",
                None,
                terms,
                phrases,
                _keys(lex, s.name),
                not_from=NOT_SOFT,
            )
        )
    return [r for r in reqs if r.keys or r.phrases or r.min_years]
