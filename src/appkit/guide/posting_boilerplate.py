"""Boilerplate in job postings, sentence by sentence, and the markers of a preferred item.

Kinds: legal (equal opportunity, accommodation, privacy and cookies, vaccination, work
authorisation, disclaimers), benefits (pay, insurance, 401(k), PTO: kept as information),
apply (how to apply, contact, application notes), physical (lifting, standing), conditions
(shifts, on-call, schedule, commute, travel notes), company (the employer's blurb).
"""

from __future__ import annotations

import re

from appkit.guide.posting_vocab import duty_start

_BOILERPLATE = [
    (
        "legal",
        r"equal (?:employment )?opportunity|\beeo\b|without regard to|regardless of (?:race|age)"
        r"|race,? (?:colou?r|creed|religion)|veteran status|sexual orientation|gender identity"
        r"|national origin|reasonable accommodation|affirmative action|e-verify|drug[- ]free"
        r"|background (?:check|screening)|drug (?:test|screen)|at[- ]will|cookies?\b"
        r"|privacy (?:policy|notice)|personal (?:data|information) (?:is|will be)"
        r"|(?:are|is) intended (?:only )?(?:as|to)|not (?:intended|meant) to be"
        r"|omission of specific|representative of the (?:knowledge|essential)"
        r"|not (?:an? )?(?:exhaustive|all[- ]inclusive)"
        r"|vaccinat|covid|booster|protected (?:veteran|characteristic|class)|\bada\b"
        r"|pay transparency|fair chance|criminal (?:history|record)|recruitment fraud"
        r"|unsolicited resumes|agencies|third[- ]party recruiters|authori[sz]ed to work"
        r"|visa sponsorship|sponsor(?:ship)? (?:is|will)|not (?:able|eligible) to sponsor",
    ),
    (
        "benefits",
        r"\b401\s?\(?k\)?|paid time off|\bpto\b|vision (?:insurance|coverage|plans?)"
        r"|dental(?:,| and) vision|dental (?:insurance|coverage|plans?|benefits)"
        r"|health (?:insurance|benefits|coverage)|medical(?:,| and) dental|tuition (?:assistance|"
        r"reimbursement)|\bperks?\b|pay range|salary range|compensation (?:range|package)"
        r"|sign[- ]on bonus|relocation assistance|wellness program|life insurance"
        r"|(?:we|you(?:'|’)ll|you will) (?:offer|receive|enjoy|get)\b|employee discount"
        r"|competitive (?:salary|pay|compensation|wages?|base)|\$\s?\d[\d,.]*\s*(?:k\b|/\s?h|"
        r"per|an hour|/\s?hr|/\s?year|-|–|to)|benefits? (?:package|include|eligib)"
        r"|holidays?\b.*\bpaid|paid (?:holidays|vacation|sick)|retirement (?:plan|savings)"
        r"|^(?:\S+\s+){0,5}\$\s?\d[\d,.]*\s*$|\beligible for (?:overtime|benefits|a bonus|bonus)"
        r"|incentive (?:program|plan)|fringe benefits|pay offered|time off\b|stock (?:in|options)"
        r"|\bbenefits\b.{0,30}\b(?:outlined|offered|available|package)|casual dress"
        r"|commission structure|\bbase salary|salary (?:of|is|will)|hourly rate|(?:pay|wage)s? "
        r"(?:is|are|will|of)\b|equity\b|stock options|bonus (?:potential|eligib|opportunit)",
    ),
    (
        "apply",
        r"\bapply (?:now|today|online|here|at|via|through|by)|click (?:apply|here)"
        r"|receives? (?:many|a (?:large|high) (?:number|volume) of) applications|not able to "
        r"respond|only (?:those )?(?:candidates|applicants)\b.{0,40}\bcontact"
        r"|eligibility for consideration|your responses to the questions|\bto be creditable"
        r"|credit will be given|to receive (?:proper )?credit"
        r"|submit (?:your|a)"
        r" (?:resume|cv|application)|send (?:your|a) (?:resume|cv)|to apply\b|interested "
        r"(?:candidates|applicants)|please (?:visit|email|contact|apply)|we look forward to"
        r"|https?://|www\.|@\w+\.\w+|hear from you|only (?:candidates|applicants) .{0,30}contacted",
    ),
    (
        "physical",
        r"\blift(?:ing)?\b.{0,40}\b(?:pounds|lbs?)\b|\b\d+\s*(?:pounds|lbs)\b|stand(?:ing)? for "
        r"(?:long|extended|prolonged)|physical demands|prolonged periods|(?:stoop|kneel|crouch|"
        r"crawl)|manual dexterity|noise level",
    ),
    (
        "conditions",
        r"(?:may be|is|are|will be) required to (?:work|participate|be on[- ]call)|on[- ]call "
        r"(?:rotation|schedule|weekend)|willing(?:ness)? to (?:work (?:weekends|evenings|nights|"
        r"holidays|a flexible)|commute|relocate|meet with)|availab(?:le|ility) to work"
        r"|must be able to work "
        r"(?:weekends|evenings|nights|holidays)|this (?:role|position|job) is (?:an? )?(?:in[- ]"
        r"office|remote|hybrid|on[- ]site|full[- ]time|part[- ]time|contract)"
        r"|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\s*[-–]|\bon[- ]site at\b|^(?:schedule|shift|"
        r"hours)\s*:|^travel\b.{0,50}\b(?:notice|required|up to|\d+\s?%)|^(?:schedule|shift|"
        r"hours)\s*:",
    ),
    (
        "company",
        r"^(?:(?:we are|we're|we have)(?! (?:currently |now )?(?:looking|seeking|hiring|searching))"
        r"|our (?:mission|company|team|culture|firm|values|client|staff|goal|office|practice)"
        r"|founded in|headquartered|join\b|come (?:grow|join|work)"
        r"|as an? (?:equal|leading)|at [A-Z][\w&'’ .-]{1,40}, we\b)"
        r"|\bis an? (?:leading|premier|global|dynamic|fast[- ]growing"
        r"|growing|innovative|established|family[- ]owned|pioneering|\d+-bed)\b"
        r"|\bwe (?:are|pride|believe|strive|value)\b"
        r"(?! (?:currently |now )?(?:looking|seeking|hiring|searching))"
        r"|our (?:mission|vision|core values)"
        r"|^(?!(?:You|It|This|That|There|He|She|They|We|Experience|Knowledge)\b)"
        r"(?:[A-Z][\w&'’.-]*\s+){1,5}(?:is|are) (?:an?|one of"
        r"|the) (?!(?:plus|must|bonus|requirement)\b)",
    ),
]
_BOILERPLATE_RES = [(kind, re.compile(p, re.I)) for kind, p in _BOILERPLATE]


def boilerplate_kind(sentence: str, strict: bool = False) -> str | None:
    """Which kind of boilerplate a sentence is (legal, benefits, apply, physical, company).

    In a duty or requirement list (`strict`), company-blurb phrasing is not enough, and a
    sentence that starts like an instruction ("Verify insurance eligibility and benefits") is
    only boilerplate for legal, pay or physical wording that a duty never has.
    """
    for kind, rx in _BOILERPLATE_RES:
        if strict and kind == "company":
            continue
        if rx.search(sentence):
            pay = re.search(r"\$\s?\d|401\s?\(?k|paid time off", sentence, re.I)
            if strict and kind in ("benefits", "apply") and duty_start(sentence) and not pay:
                continue
            return kind
    return None


PREFERRED = re.compile(
    r"\b(?:preferred|preferably|preferable|nice[- ]to[- ]have|(?:is|are|would be|a) (?:a )?"
    r"(?:big |huge |definite |strong )?(?:plus|bonus|advantage)|(?:is|are) desired|desirable"
    r"|ideally|bonus points|not required(?: but)|an asset|a bonus)\b",
    re.I,
)
