"""A Profile out again: as JSON Resume (the reverse of jsonresume_import) or as appkit YAML."""

from __future__ import annotations

import json
from typing import Any

import yaml

from appkit.profile.jsonresume_import import BASICS, FALLBACK_DEGREE, LOCATION, SECTIONS
from appkit.profile.model import Profile
from appkit.profile.version import CURRENT, FIELD

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _entry(section: str, item: dict[str, Any]) -> dict[str, Any]:
    _, spec = SECTIONS[section]
    out: dict[str, Any] = {}
    for name, (_kind, sources) in spec.items():
        value = item.get(name)
        if value not in (None, [], ""):
            out[sources[0]] = value
    if section in ("experience", "volunteer") and item.get("keywords"):
        # JSON Resume has no keywords on a job: they were highlights, and go back there.
        out["highlights"] = [*out.get("highlights", []), *item["keywords"]]
    no_parts = not item.get("study_type") and not item.get("area")
    if section == "education" and no_parts and item["degree"] != FALLBACK_DEGREE:
        out["studyType"] = item["degree"]
    if section == "skills" and item.get("items") == [item.get("group")]:
        out.pop("keywords", None)  # a skill that was only a name
    if out.get("endDate") == "present":  # an ongoing role has no endDate in JSON Resume
        del out["endDate"]
    return out


def to_jsonresume(profile: Profile) -> dict[str, Any]:
    """Everything JSON Resume can hold of `profile`, under JSON Resume's own names."""
    data = profile.model_dump(exclude_none=True)
    basics_in = data["basics"]
    basics: dict[str, Any] = {
        sources[0]: basics_in[name] for name, (_k, sources) in BASICS.items() if name in basics_in
    }
    if profile.summary:
        basics["summary"] = profile.summary
    links = list(profile.basics.links)
    website = next((link for link in links if link.network is None), None)
    if website is not None:
        basics["url"] = website.url
    profiles = []
    for link in links:
        if link is website:
            continue
        entry = {"network": link.network or link.label, "url": link.url}
        if link.username:
            entry["username"] = link.username
        profiles.append(entry)
    if profile.basics.address is not None:
        address = profile.basics.address.model_dump(exclude_none=True)
        basics["location"] = {LOCATION[k]: v for k, v in address.items()}
    elif profile.basics.location:
        city, _, region = profile.basics.location.partition(",")
        basics["location"] = {
            "city": city.strip(),
            **({"region": region.strip()} if region else {}),
        }
    if profiles:
        basics["profiles"] = profiles
    out: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    for section, (jr_section, _) in SECTIONS.items():
        items = [_entry(section, item) for item in data.get(section, [])]
        if items:
            out[jr_section] = items
    return out


def jsonresume_text(profile: Profile) -> str:
    return json.dumps(to_jsonresume(profile), indent=2, ensure_ascii=False) + "\n"


class _Dumper(yaml.SafeDumper):
    """Block style throughout; long text as folded-free plain or quoted scalars."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def yaml_text(profile: Profile) -> str:
    """The profile as appkit YAML, marked with the current schema version (`appkit_profile`)."""
    data = profile.model_dump(exclude_none=True, exclude_defaults=True)
    data.pop(FIELD, None)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    # Every scalar is read back as text by appkit's loader, so the version is written unquoted.
    return f"{FIELD}: {CURRENT}\n" + body
