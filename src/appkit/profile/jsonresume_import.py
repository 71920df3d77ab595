"""JSON Resume (jsonresume.org) into appkit's profile shape, tolerant of what real files do.

`convert` returns the profile data plus, for every appkit field path, the JSON Resume path it came
from (so a validation error names the user's own field and line) and the warnings for what was
guessed or dropped: impossible dates, end before start, placeholders, 'null' URLs, unknown fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from appkit.errors import Problem
from appkit.loading.yamlsafe import line_of, where
from appkit.profile.jsonresume_dates import read_date
from appkit.profile.jsonresume_fields import BASICS, LOCATION, SECTIONS
from appkit.profile.model import Dated

Loc = tuple[int | str, ...]

# Read without a warning although appkit keeps nothing of them (tooling, not resume content).
SILENT = frozenset({"$schema", "meta", "_comment"})
# appkit needs a degree line; an education entry with neither studyType nor area gets this one.
FALLBACK_DEGREE = "Studies"
_PLACEHOLDER = re.compile(r"#{2,}\s*[A-Za-z_ ]+\s*#{2,}|\{\{.*?\}\}")
_NO_URL = frozenset({"null", "none", "nil", "undefined", "-", "/", "#", "n/a", "na"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_KEYWORD = re.compile(r"^[^.!?;:]{1,30}$")


@dataclass
class Conversion:
    """The converted profile data, where each field came from, and what the user should hear."""

    file: str
    node: Any
    data: dict[str, Any] = field(default_factory=dict)
    origin: dict[Loc, Loc] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    unknown: list[Loc] = field(default_factory=list)

    def warn(self, src: Loc, message: str) -> None:
        self.warnings.append(
            Problem(self.file, line_of(self.node, src), where(src), f"warning: {message}")
        )

    def source(self, loc: Loc) -> Loc:
        """The JSON Resume path behind an appkit path (its longest recorded prefix)."""
        for cut in range(len(loc), 0, -1):
            if (found := self.origin.get(loc[:cut])) is not None:
                return found + loc[cut:] if cut < len(loc) and isinstance(loc[cut], int) else found
        return loc


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return value.strip() if isinstance(value, str) else None


def _value(conv: Conversion, kind: str, raw: Any, src: Loc) -> Any:
    """One field's value in appkit form, or None (with a warning when something was dropped)."""
    if kind == "list":
        items = raw if isinstance(raw, list) else [raw]
        out = []
        for i, item in enumerate(items):
            text = _scalar_text(item)
            if text is None and isinstance(item, dict):
                conv.warn((*src, i), "expected text, got a mapping; ignored")
            if text and not _PLACEHOLDER.search(text):
                out.append(text)
        return out or None
    if kind in ("date", "end"):
        found, warning = read_date(raw, end=kind == "end")
        if warning:
            conv.warn(src, warning)
        return None if found == "present" else found  # JSON Resume: no end date means ongoing
    text = _scalar_text(raw)
    if text is None:
        if isinstance(raw, dict | list):
            conv.warn(
                src,
                f"expected text, got a {'list' if isinstance(raw, list) else 'mapping'}; ignored",
            )
        return None
    if not text:
        return None
    if _PLACEHOLDER.search(text):
        conv.warn(src, f"{text[:30]!r} is a template placeholder, not a value; ignored")
        return None
    if kind in ("url", "link") and text.lower() in _NO_URL:
        conv.warn(src, f"{text!r} is not a web address; ignored")
        return None
    if kind == "email" and not _EMAIL.match(text):
        conv.warn(src, "not a valid e-mail address; ignored")
        return None
    return text


def _fields(
    conv: Conversion,
    spec: dict[str, tuple[str, tuple[str, ...]]],
    raw: dict[str, Any],
    dst: Loc,
    src: Loc,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    used: set[str] = set()
    for name, (kind, sources) in spec.items():
        present = [key for key in sources if key in raw]
        if not present:  # "Date" for "date": read it, and say so
            lower = {source.lower() for source in sources}
            present = [key for key in raw if isinstance(key, str) and key.lower() in lower]
            for key in present:
                conv.warn((*src, key), f"read as {sources[0]!r} (JSON Resume names are lower-case)")
        used.update(present)
        key = next(
            (k for k in present if raw[k] not in (None, "", [])),
            present[0] if present else sources[0],
        )
        conv.origin[(*dst, name)] = (*src, key)
        if key in raw and (value := _value(conv, kind, raw[key], (*src, key))) is not None:
            out[name] = value
    conv.unknown.extend((*src, key) for key in raw if key not in used)
    return out


def _dates(conv: Conversion, item: dict[str, Any], src: Loc, start_key: str, end_key: str) -> None:
    """Swap an end that comes before its start (a common slip), saying so."""
    start, end = item.get("start"), item.get("end")
    if not start or not end or end == "present":
        return
    try:
        Dated(start=start, end=end)
    except ValueError:
        item["start"], item["end"] = end, start
        conv.warn((*src, end_key), f"end {end} is before start {start}; read as {end} to {start}")


def _looks_like_keywords(lines: list[str]) -> bool:
    """Highlights that are tags ('architect', 'c#'), not sentences: shown as keywords instead."""
    return len(lines) >= 3 and all(
        _KEYWORD.match(line) and len(line.split()) <= 3 for line in lines
    )


def _entry(
    conv: Conversion, section: str, index: int, raw: Any, out_index: int
) -> dict[str, Any] | None:
    jr_section, spec = SECTIONS[section]
    src: Loc = (jr_section, index)
    dst: Loc = (section, out_index)
    if isinstance(raw, str) and section in ("interests", "skills", "languages"):
        raw = {"language" if section == "languages" else "name": raw}
    if not isinstance(raw, dict):
        conv.warn(src, "expected a mapping of fields; ignored")
        return None
    conv.origin[dst] = src
    item = _fields(conv, spec, raw, dst, src)
    if not item:
        return None
    if "start" in spec:
        _dates(conv, item, src, "startDate", "endDate")
    if (
        section == "experience"
        and "start" not in item
        and "end" in item
        and item["end"] != "present"
    ):
        item["start"] = item["end"]
        conv.warn((*src, "startDate"), f"missing; the job is dated by its end date {item['end']}")
    if section in ("experience", "volunteer") and _looks_like_keywords(item.get("highlights", [])):
        item["keywords"] = item.pop("highlights")
        conv.origin[(*dst, "keywords")] = (*src, "highlights")
    if section == "education":
        parts = [item.get("study_type"), item.get("area")]
        item["degree"] = ", ".join(p for p in parts if p) or FALLBACK_DEGREE
        conv.origin[(*dst, "degree")] = (*src, "studyType")
    if section == "skills" and "group" in item and not item.get("items"):
        item["items"] = [item["group"]]  # a skill with no keywords is its own single item
    return item


def _host(url: str) -> str:
    return re.sub(r"^[a-z]+:(//)?(www\.)?", "", url).split("/")[0] or url


def _basics(conv: Conversion, raw: Any) -> None:
    if not isinstance(raw, dict):
        conv.origin[("basics",)] = ("basics",)
        conv.data["basics"] = raw
        return
    basics = _fields(conv, BASICS, raw, ("basics",), ("basics",))
    known = {"summary", "location", "profiles", "url", "website"}
    conv.unknown[:] = [loc for loc in conv.unknown if not (loc[0] == "basics" and loc[1] in known)]
    conv.origin[("summary",)] = ("basics", "summary")
    if (summary := _value(conv, "text", raw.get("summary"), ("basics", "summary"))) is not None:
        conv.data["summary"] = summary
    links: list[dict[str, Any]] = []
    for key in ("url", "website"):
        if key in raw and (url := _value(conv, "link", raw[key], ("basics", key))):
            conv.origin[("basics", "links", len(links))] = ("basics", key)
            links.append({"label": re.sub(r"^https?://(www\.)?", "", url).rstrip("/"), "url": url})
            break
    profiles = raw.get("profiles") if isinstance(raw.get("profiles"), list) else []
    for i, item in enumerate(profiles):
        src: Loc = ("basics", "profiles", i)
        if not isinstance(item, dict):
            continue
        url = _value(conv, "link", item.get("url"), (*src, "url"))
        network = _scalar_text(item.get("network")) or None
        username = _scalar_text(item.get("username")) or None
        conv.unknown.extend((*src, k) for k in item if k not in ("network", "username", "url"))
        if not url:
            if network or username:
                conv.warn(src, "a profile without a url cannot be linked; ignored")
            continue
        conv.origin[("basics", "links", len(links))] = src
        link = {
            "label": username or network or url,
            "url": url,
            "network": network or _host(url),
            "username": username,
        }
        links.append({k: v for k, v in link.items() if v is not None})
    if links:
        basics["links"] = links
    location = raw.get("location")
    if isinstance(location, str) and location.strip():
        basics["location"] = location.strip()
        conv.origin[("basics", "location")] = ("basics", "location")
    elif isinstance(location, dict):
        address = _fields(
            conv,
            {k: ("text", (v,)) for k, v in LOCATION.items()},
            location,
            ("basics", "address"),
            ("basics", "location"),
        )
        if address:
            basics["address"] = address
            place = [address.get("city"), address.get("region") or address.get("country_code")]
            if shown := ", ".join(p for p in place if p):
                basics["location"] = shown
                conv.origin[("basics", "location")] = ("basics", "location")
    conv.data["basics"] = basics


def convert(data: dict[str, Any], node: Any, file: str) -> Conversion:
    """Map a JSON Resume document onto appkit's profile data; nothing known is dropped silently."""
    conv = Conversion(file, node)
    conv.origin[("basics",)] = ("basics",)
    if "basics" in data:
        _basics(conv, data["basics"])
    by_jr = {jr: section for section, (jr, _) in SECTIONS.items()}
    for key, value in data.items():
        if key == "basics" or key in SILENT:
            continue
        section = by_jr.get(key)
        if section is None:
            conv.unknown.append((key,))
            continue
        if not isinstance(value, list):
            conv.warn((key,), "expected a list; ignored")
            continue
        items = []
        for i, raw in enumerate(value):
            if (item := _entry(conv, section, i, raw, len(items))) is not None:
                items.append(item)
        if items:
            conv.data[section] = items
    if conv.unknown:
        names = list(dict.fromkeys(re.sub(r"\[\d+\]", "[]", where(loc)) for loc in conv.unknown))
        count = len(names)
        shown = ", ".join(names[:12])
        more = f" and {len(names) - 12} more" if len(names) > 12 else ""
        conv.warnings.insert(
            0,
            Problem(
                file,
                line_of(node, conv.unknown[0]),
                where(conv.unknown[0][:1]),
                f"warning: ignored {count} field(s) JSON Resume does not define: {shown}{more}",
            ),
        )
    return conv
