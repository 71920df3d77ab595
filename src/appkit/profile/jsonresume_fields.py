"""Which JSON Resume field becomes which appkit profile field (read by import and export alike)."""

from __future__ import annotations

# appkit section -> (JSON Resume section, {appkit field: (kind, JSON Resume names, oldest last)}).
# Kinds: text, url, link (contact URL), email, date, end, list.
SECTIONS: dict[str, tuple[str, dict[str, tuple[str, tuple[str, ...]]]]] = {
    "experience": (
        "work",
        {
            "organization": ("text", ("name", "company")),
            "title": ("text", ("position",)),
            "location": ("text", ("location",)),
            "description": ("text", ("description",)),
            "url": ("url", ("url", "website")),
            "start": ("date", ("startDate",)),
            "end": ("end", ("endDate",)),
            "summary": ("text", ("summary",)),
            "highlights": ("list", ("highlights",)),
        },
    ),
    "volunteer": (
        "volunteer",
        {
            "organization": ("text", ("organization", "name", "company")),
            "role": ("text", ("position",)),
            "location": ("text", ("location",)),
            "url": ("url", ("url", "website")),
            "start": ("date", ("startDate",)),
            "end": ("end", ("endDate",)),
            "summary": ("text", ("summary",)),
            "highlights": ("list", ("highlights",)),
        },
    ),
    "education": (
        "education",
        {
            "institution": ("text", ("institution",)),
            "study_type": ("text", ("studyType",)),
            "area": ("text", ("area",)),
            "location": ("text", ("location",)),
            "url": ("url", ("url", "website")),
            "start": ("date", ("startDate",)),
            "end": ("end", ("endDate",)),
            "gpa": ("text", ("score", "gpa")),
            "courses": ("list", ("courses",)),
        },
    ),
    "awards": (
        "awards",
        {
            "title": ("text", ("title",)),
            "date": ("date", ("date",)),
            "awarder": ("text", ("awarder",)),
            "summary": ("text", ("summary",)),
        },
    ),
    "certifications": (
        "certificates",
        {
            "name": ("text", ("name",)),
            "date": ("date", ("date",)),
            "url": ("url", ("url", "website")),
            "issuer": ("text", ("issuer",)),
        },
    ),
    "publications": (
        "publications",
        {
            "name": ("text", ("name",)),
            "publisher": ("text", ("publisher", "journal")),
            "release_date": ("date", ("releaseDate", "date", "year")),
            "url": ("url", ("url", "website")),
            "summary": ("text", ("summary",)),
        },
    ),
    "skills": (
        "skills",
        {
            "group": ("text", ("name",)),
            "level": ("text", ("level",)),
            "items": ("list", ("keywords",)),
        },
    ),
    "languages": (
        "languages",
        {"language": ("text", ("language",)), "fluency": ("text", ("fluency",))},
    ),
    "interests": ("interests", {"name": ("text", ("name",)), "keywords": ("list", ("keywords",))}),
    "references": (
        "references",
        {"name": ("text", ("name",)), "reference": ("text", ("reference",))},
    ),
    "projects": (
        "projects",
        {
            "name": ("text", ("name",)),
            "description": ("text", ("description",)),
            "highlights": ("list", ("highlights",)),
            "keywords": ("list", ("keywords",)),
            "start": ("date", ("startDate",)),
            "end": ("end", ("endDate",)),
            "url": ("url", ("url", "website")),
            "roles": ("list", ("roles",)),
            "entity": ("text", ("entity",)),
            "type": ("text", ("type",)),
        },
    ),
}
BASICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("text", ("name",)),
    "headline": ("text", ("label",)),
    "image": ("link", ("image", "picture")),
    "email": ("email", ("email",)),
    "phone": ("text", ("phone",)),
}
LOCATION = {
    "address": "address",
    "postal_code": "postalCode",
    "city": "city",
    "region": "region",
    "country_code": "countryCode",
}
