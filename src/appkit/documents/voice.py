"""Which profile bullets can follow "I", and a duty's topic in a few words.

A resume bullet is written without its subject: "Managed scheduling for 12 therapists" reads as a
sentence after "I"; "Creation of strategies", "Responsible for billing" and "Experienced in Epic"
do not. `voiced` accepts a bullet only when its first word is a verb we can name: a regular past
tense ("Managed"), an irregular one ("Led", "Built"), or the base or third-person form of a common
resume verb ("Manage", "Supervises"), and never when "of" follows it ("Design of ..."). Anything
else is quoted, not voiced. `duty_topic` names a guide or posting duty in at most a few words
("Manage patient scheduling and appointment logistics" -> "managing patient scheduling and
appointment logistics"), so a letter never pastes the posting's sentence as its own.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\S+")
# Past forms that do not end in -ed.
_IRREGULAR = frozenset(
    _WORDS.findall(
        "led built ran won made grew taught wrote drove oversaw sold brought kept set cut "
        "spoke gave "
        "took began found held met paid put read sent spent told understood chose rode stood "
        "sought "
        "thought caught fought bought dealt drew flew got hit knew laid left lent lost rose "
        "saw shot "
        "shut sang sat spun struck swept threw undertook withdrew wore overcame rebuilt redrew "
        "rewrote upheld outsold outgrew became did"
    )
)
# Words ending in -ed that describe, not act: "Experienced in Epic" is not "I experienced in".
_ADJECTIVE_ED = frozenset(
    _WORDS.findall(
        "experienced skilled detailed dedicated motivated certified licensed seasoned talented "
        "accomplished qualified related based advanced varied highly self-motivated "
        "results-oriented "
        "detail-oriented goal-oriented need speed feed bed red shed weed breed greed hundred bred "
        "proposed expected interested committed passionate"
    )
)
# Common resume verbs in their base form (their -s form is accepted too).
_VERBS = frozenset(
    _WORDS.findall(
        "manage lead build develop create design coordinate support train teach supervise schedule "
        "maintain oversee plan run handle prepare process provide assist serve deliver implement "
        "analyze analyse organize organise write conduct perform monitor track review answer greet "
        "register verify resolve help ensure collaborate work partner mentor drive sell grow "
        "increase reduce improve launch own direct administer record document communicate present "
        "negotiate recruit hire onboard coach guide facilitate operate install repair troubleshoot "
        "test deploy migrate automate refactor ship code engineer architect optimize optimise "
        "streamline establish introduce identify assess evaluate research investigate compile "
        "report update respond book check collect stock reconcile bill enter input advocate "
        "educate instruct tutor grade adapt translate interpret contribute participate volunteer "
        "raise promote edit publish produce cook clean lift load dispatch route triage escort "
        "transport measure chart draw sterilize restock order purchase procure source budget "
        "forecast audit secure win earn exceed achieve attain meet save cut lower decrease expand "
        "scale modernize redesign rebuild integrate configure spearhead orchestrate pioneer "
        "champion craft execute generate close open prioritize prioritise lead oversee liaise "
        "serve act balance process file sort greet welcome care mentor counsel assist"
    )
)
# Base forms that are as often nouns: "Lead developer of …", "Support engineer for …". As a
# bullet's first word they count as verbs only before a determiner or a number ("Lead a team").
_NOUN_TOO = frozenset(
    _WORDS.findall(
        "lead support design plan process order record file report budget forecast chart code "
        "book stock source audit test bill open close market balance care help work schedule "
        "train coach guide partner engineer architect program project document present check "
        "review cut grade edit draw hire lift load route secure serve act counsel"
    )
)
_DETERMINERS = frozenset(
    _WORDS.findall(
        "a an the all our their his her my every each daily weekly monthly new multiple several "
        "two three four five six seven eight nine ten both up over more"
    )
)
_STOPS = frozenset(
    _WORDS.findall(
        "to in for with through by including such as across within from at on using under "
        "according when while so that which who per via into among during throughout where "
        "whether if e.g. i.e. etc"
    )
)
_TRAILING = frozenset(_WORDS.findall("and or of the a an all any their its our your both other"))
_DOUBLE = frozenset(_WORDS.findall("refer admit commit control patrol transfer equip occur propel"))
TOPIC_WORDS = 6  # a topic longer than this is cut at "and"/"or", else left out


def _bare(word: str) -> str:
    """'Co-led,' -> 'led': the part of a hyphenated word that carries the verb, lower-cased."""
    return re.split(r"[-–]", word.strip(".,;:!?()\"'“”‘’").lower())[-1]


def base_form(word: str) -> str | None:
    """The base form of a listed verb given as base or -s form ('Supervises' -> 'supervise')."""
    low = _bare(word)
    candidates = [low]
    if low.endswith("ies"):
        candidates.append(low[:-3] + "y")
    if low.endswith("es"):
        candidates.append(low[:-2])
    if low.endswith("s"):
        candidates.append(low[:-1])
    return next((c for c in candidates if c in _VERBS), None)


def voiced(text: str) -> bool:
    """True when 'I ' + the bullet is a sentence: the bullet opens with a verb we recognise."""
    words = text.strip().split()
    if not words or not words[0][:1].isalpha():
        return False
    first, second = words[0], (words[1].lower() if len(words) > 1 else "")
    low = _bare(first)
    if second in ("of", "is", "are", "was", "were") or not low.isalpha():
        return False
    if low in _ADJECTIVE_ED or first.lower() in _ADJECTIVE_ED or second == "nurse":
        return False
    if low in _IRREGULAR or (low.endswith("ed") and len(low) > 4):
        return True
    if low in _NOUN_TOO:
        return second in _DETERMINERS or second[:1].isdigit()
    return base_form(first) is not None


def gerund(verb: str) -> str:
    """'manage' -> 'managing', 'run' -> 'running', 'monitor' -> 'monitoring', 'tie' -> 'tying'."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    cvc = re.search(r"(?:^|[^aeiou])[aeiou]([bdgklmnprt])$", v)
    if v in _DOUBLE or (cvc and len(v) <= 4):
        return v + v[-1] + "ing"
    return v + "ing"


def duty_topic(text: str) -> str | None:
    """A duty as a short gerund phrase ('managing patient scheduling'), or None when its first
    word is not a recognised verb or no short object follows it."""
    words = text.strip().rstrip(".;:!").split()
    if len(words) < 2 or words[0].endswith(","):
        return None
    verb = base_form(words[0])
    if verb is None or words[1].lower() in ("of", "and", "or", "to"):
        return None
    out: list[str] = []
    for raw in words[1:]:
        word = raw.strip('()"“”')
        if not word or raw.startswith("(") or word.lower() in _STOPS:
            break
        ends = raw.endswith((",", ";", ":", ")"))
        out.append(word.rstrip(",;:)"))
        if ends and len(out) > 1:
            break
        if ends:
            out[-1] += ","
    while out and (out[-1].lower().rstrip(",") in _TRAILING or out[-1].endswith(",")):
        out.pop()
    if len(out) > TOPIC_WORDS:
        cut = [i for i, w in enumerate(out[:TOPIC_WORDS]) if w.lower() in ("and", "or")]
        out = out[: cut[0]] if cut else []
    if not out:
        return None
    # Only the verb opened the sentence: every later word keeps the guide's own case.
    return f"{gerund(verb)} {' '.join(out)}"
