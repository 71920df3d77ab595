"""Skills in posting text, recognised from O*NET's Technology Skills vocabulary (~8,870 names).

O*NET's names are catalogue forms ("Oracle Java", "Amazon Web Services AWS software",
"Structured query language SQL", "Microsoft Excel"), so each name gets aliases:

    the name itself, minus a trailing "software"      Salesforce software -> Salesforce
    an acronym written inside it, and the name        Amazon Web Services AWS software -> AWS,
      without it                                        Amazon Web Services
    the name without its vendor, for vendors that     Oracle Java -> Java, Microsoft Excel -> Excel
      file at least VENDOR_MIN names (Microsoft, Oracle)
    "MS" for "Microsoft"                                   Microsoft Word -> MS Word

Commodity titles ("Spreadsheet software") are categories, not skills: only their acronym counts
(CRM, ERP, CAD). An alias that is a word of a commodity title ("Project", "Word") or a lower-case
word is dropped. Matching is on whole words: one-word aliases case-sensitively (so "excel at"
is not Excel), longer ones case-insensitively, except those made of plain English words with
inner capitals ("Front Desk": `cased_aliases`), which must be written so; a capitalised one-word
alias at the start of a sentence counts only in a short list item ("React quickly" is not React).
Found skills are returned as the posting writes them, ordered by how specific they are (O*NET's
occupation count is a document frequency: "Apache Spark" before "Microsoft Excel"); `product_of`
tells which O*NET name a found alias stands for ("Excel" -> "Microsoft Excel").
"""

from __future__ import annotations

import re
from functools import cache

VENDOR_MIN = 8
MAX_WORDS = 6
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+#&/]{1,9}s?$")
_TOKEN = re.compile(r"(?<![\w.+#])\.?[A-Za-z0-9][\w.+#/'’-]*")
_TRAIL = ".,;:'’-/"


def _technology() -> dict[str, dict]:
    from appkit.guide.onetindex import technology

    return technology()


def _norm(text: str) -> str:
    return " ".join(text.split())


@cache
def aliases() -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    """(case-sensitive one-word aliases, casefolded multi-word aliases) -> (name, occupations)."""
    tech = _technology()
    commodity_words = {
        w.casefold() for name, v in tech.items() if v.get("commodity") for w in name.split()
    }
    firsts: dict[str, int] = {}
    for name in tech:
        if " " in name and name[:1].isupper():
            firsts[name.split()[0]] = firsts.get(name.split()[0], 0) + 1
    vendors = {
        w for w, n in firsts.items() if n >= VENDOR_MIN and w.casefold() not in commodity_words
    }
    single: dict[str, tuple[str, int]] = {}
    multi: dict[str, tuple[str, int]] = {}
    english = _task_words()

    def add(alias: str, name: str, df: int, derived: bool = True) -> None:
        alias = _norm(alias).strip(" ,-")
        if len(alias) < 2 or alias.casefold() in commodity_words:
            return
        if " " not in alias:
            if derived and alias.isalpha() and alias.isupper() and len(alias) < 3:
                return  # "AR", "IT", "PT": too many meanings
            if alias.casefold() in english and not tech[name].get("hot"):
                return  # "Plan", "Visual", "Director": English words first
        if " " in alias:
            multi.setdefault(alias.casefold(), (name, df))
        elif alias[:1].isupper() or not alias.isalpha() or alias[1:] != alias[1:].lower():
            single.setdefault(alias, (name, df))

    for name, info in tech.items():
        df = int(info.get("occupations") or 0)
        words = name.split()
        if info.get("commodity") and not info.get("example"):
            for word in words:
                if _ACRONYM.match(word) and word.isupper():
                    add(word, name, df + 1000)
            continue
        if words[-1].casefold() == "software" and len(words) > 1:
            words = words[:-1]
        add(" ".join(words), name, df, derived=words != name.split())
        acronyms = [i for i, w in enumerate(words) if i > 0 and _ACRONYM.match(w) and w.isupper()]
        if acronyms:
            i = acronyms[-1]
            add(words[i], name, df)
            add(" ".join(words[:i] + words[i + 1 :]), name, df)
        if len(words) > 1 and words[0] in vendors:
            rest = " ".join(words[1:])
            if rest[:1].isupper() or rest[:1].isdigit():
                add(rest, name, df)
            if words[0] == "Microsoft":
                add(f"MS {rest}", name, df)
    return single, multi


@cache
def cased_aliases() -> dict[str, str]:
    """Multi-word aliases made of plain English words with capitals inside ("Front Desk", "Adapt
    It", "Agency Master"), casefolded -> their spelling: product names only when written so, as
    "front desk" or "Front desk staff" is English."""
    _, multi = aliases()
    english = _task_words(1)
    out: dict[str, str] = {}
    for key, (name, _) in multi.items():
        words = key.split()
        if not all(w in english for w in words):
            continue
        at = name.casefold().find(key)
        spelling = name[at : at + len(key)] if at >= 0 else ""
        if spelling and any(w[:1].isupper() for w in spelling.split()[1:]):
            out[key] = spelling
    return out


def product_of(skill: str) -> str | None:
    """The O*NET technology name a found skill stands for ("Excel" -> "Microsoft Excel")."""
    single, multi = aliases()
    hit = single.get(skill) or multi.get(" ".join(skill.split()).casefold())
    return hit[0] if hit else None


@cache
def _task_words(least: int = 5) -> frozenset[str]:
    """Words O*NET's task statements use in lower case (~18,000 sentences of working English):
    a one-word alias that is one of them ("plan", "visual") is a word before it is a product."""
    from appkit.guide.onetindex import load_index

    counts: dict[str, int] = {}
    for occupation in load_index()["occupations"].values():
        for task in occupation.get("tasks") or []:
            for word in re.findall(r"\b[a-z]{2,}\b", str(task[1])):
                counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= least)


@cache
def camel_words() -> frozenset[str]:
    """Vocabulary words with an inner capital (JavaScript, PowerPoint): never split apart."""
    words = {w.strip(_TRAIL) for name in _technology() for w in name.split()}
    return frozenset(w for w in words if re.search(r"[a-z][A-Z]", w))


def _tokens(text: str) -> list[tuple[str, int]]:
    out = []
    for match in _TOKEN.finditer(text):
        token = match[0].rstrip(_TRAIL)
        if token:
            out.append((token, match.start()))
    return out


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9+#]", "", text.casefold())


@cache
def compact_names() -> dict[str, tuple[str, int]]:
    """One-word names that carry a dot, hyphen or inner capital ("Vue.js", "TypeScript"), keyed
    without them, so "VueJS", "Type Script" or "Node JS" are found too."""
    single, _ = aliases()
    out: dict[str, tuple[str, int]] = {}
    for alias, value in single.items():
        if re.search(r"[.\-]|[a-z][A-Z]", alias):
            out.setdefault(_compact(alias), value)
    return out


def find_skills(text: str) -> list[str]:
    """O*NET technology names in `text`, as written there, most specific first, no duplicates."""
    single, multi = aliases()
    found: dict[str, tuple[int, int, str]] = {}
    for line in text.split("\n"):
        tokens = _tokens(line)
        short_item = len(tokens) <= 4
        i = 0
        while i < len(tokens):
            hit = None
            for n in range(min(MAX_WORDS, len(tokens) - i), 1, -1):
                phrase = " ".join(t for t, _ in tokens[i : i + n])
                spelling = cased_aliases().get(phrase.casefold())
                if spelling is not None and phrase[1:] != spelling[1:]:
                    continue  # "front desk" is English, "Front Desk" the product
                if phrase.casefold() in multi:
                    hit = (n, multi[phrase.casefold()], phrase)
                    break
            if hit is None and tokens[i][0] in single:
                token, start = tokens[i]
                at_start = not line[:start].strip() or line[:start].rstrip()[-1:] in ".!?:•"
                if not (at_start and token.isalpha() and token[1:].islower() and not short_item):
                    hit = (1, single[token], token)
            for n in (2, 1) if hit is None else ():  # "VueJS", "Type Script" -> Vue.js, TypeScript
                words = [t for t, _ in tokens[i : i + n]]
                key = _compact("".join(words))
                if len(words) == n and len(key) >= 5 and key in compact_names():
                    hit = (n, compact_names()[key], " ".join(words))
                    break
            if hit is None:
                i += 1
                continue
            n, (name, df), shown = hit
            found.setdefault(name, (df, len(found), shown))
            i += n
    ordered = sorted(found.values())
    seen: dict[str, str] = {}
    for _, _, shown in ordered:
        seen.setdefault(shown.casefold(), shown)
    return list(seen.values())


@cache
def duty_verbs() -> frozenset[str]:
    """First words of O*NET task statements ("Record", "Assemble", "Coordinate"): the verbs a
    duty starts with, from ~18,000 real task statements rather than a hand list."""
    from appkit.guide.onetindex import load_index

    counts: dict[str, int] = {}
    for occupation in load_index()["occupations"].values():
        for task in occupation.get("tasks") or []:
            word = str(task[1]).split(" ", 1)[0].strip(",.;:")
            if word.isalpha() and word[:1].isupper():
                counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2)


@cache
def job_nouns() -> frozenset[str]:
    """Last words of O*NET occupation and alternate titles ("nurse", "engineer", "paralegal"),
    lower-case, with plurals: what a job title ends with."""
    from appkit.guide.onetindex import load_index

    counts: dict[str, int] = {}
    for occupation in load_index()["occupations"].values():
        titles = [occupation["title"], *(a[0] for a in occupation.get("alternate_titles") or [])]
        for title in titles:
            words = re.split(r"[\s/]+", title.split("(")[0].split(",")[0].strip())
            if words and words[-1].isalpha():
                word = words[-1].casefold()
                counts[word] = counts.get(word, 0) + 1
    # "Head of Sales", "Team Lead": role nouns postings use that O*NET titles rarely end with.
    nouns = {w for w, n in counts.items() if n >= 3 and len(w) > 2} | {"head", "lead"}
    return frozenset(nouns | {f"{w}s" for w in nouns} | {f"{w}es" for w in nouns})
