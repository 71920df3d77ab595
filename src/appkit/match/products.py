"""What a named product is: "WebPT" is practice-management and EHR software, "Kronos" is
workforce scheduling software, "PostgreSQL" is a SQL database.

Resumes name products, requirements name kinds of product ("practice management software",
"VoIP phone systems", "SQL Databases"). A profile item that names a product below also carries
the keys of what the product is (`implied_text`), so it evidences the kind. Only the product name
itself triggers this (whole words, case-checked), so "square footage" is not Square POS and an
"epic" effort is not Epic. Documented and deliberately small: widely used products whose kind is
not in doubt. (The reverse does not hold: "scheduling" in a bullet is not a scheduling product.)
"""

from __future__ import annotations

import re

# Product name as resumes write it -> what it is (text matched like any profile text).
PRODUCTS: dict[str, str] = {
    # Healthcare records, practice management, scheduling and registration
    "Epic": "electronic health records EHR software",
    "Cerner": "electronic health records EHR software",
    "Meditech": "electronic health records EHR software",
    "eClinicalWorks": "electronic health records EHR practice management software",
    "athenahealth": "electronic health records EHR practice management software",
    "NextGen": "electronic health records EHR practice management software",
    "Kareo": "practice management software patient scheduling billing",
    "AdvancedMD": "practice management software patient scheduling billing",
    "WebPT": (
        "electronic health records EHR practice management software "
        "patient scheduling software patient registration"
    ),
    # Phones
    "RingCentral": "VoIP phone systems",
    "Vonage": "VoIP phone systems",
    "Zoom Phone": "VoIP phone systems",
    "8x8": "VoIP phone systems",
    # Retail and restaurant systems
    "Kronos": "workforce scheduling software",
    "UKG": "workforce scheduling software",
    "7shifts": "workforce scheduling software",
    "When I Work": "workforce scheduling software",
    "Homebase": "workforce scheduling software",
    "Deputy": "workforce scheduling software",
    "Xstore": "point of sale POS systems",
    "Square POS": "point of sale POS systems",
    "Toast POS": "point of sale POS systems",
    "Toast": "point of sale POS systems",
    "Clover": "point of sale POS systems",
    "Lightspeed": "point of sale POS systems",
    # Databases
    "SQL": "SQL databases",
    "PostgreSQL": "SQL databases",
    "Postgres": "SQL databases",
    "MySQL": "SQL databases",
    "SQLite": "SQL databases",
    "SQL Server": "SQL databases",
    "MariaDB": "SQL databases",
    "Oracle Database": "SQL databases",
    # Office suites: each application is part of the suite, not all of it (see requirements)
    "Google Workspace": "office suite",
}

_PATTERNS = [
    (re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"), what) for name, what in PRODUCTS.items()
]


def named_products(text: str) -> list[tuple[str, str]]:
    """The products a text names, as written, with what each is: [("Kronos", "workforce ...")]."""
    found = []
    for pattern, what in _PATTERNS:
        m = pattern.search(text)
        if m:
            found.append((m[0], what))
    return found
