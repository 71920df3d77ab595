"""Regenerate the seed variants next to this script (run once; the outputs are committed).

    python tests/data/guides/make_variants.py

- clinical-coordinator.md: the seed rewritten as Markdown (#/## headings, - bullets, **Name**: text,
  a salary table, links).
- clinical-coordinator-crlf.txt: the seed with CRLF line ends, tab indentation, '-' bullets and an
  upper-case heading.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "guides" / "clinical-coordinator.txt"

H2 = {
    "Key Facts & Statistics",
    "What does a Clinical Coordinator do?",
    "Work Environment",
    "Tools & Technologies",
    "Skills & Qualifications",
    "How to Become a Clinical Coordinator",
    "Education & Training",
    "Salary & Outlook",
    "Salary by Experience Level",
    "Market Commentary",
    "Career Path",
    "Diversity & Inclusion in Clinical Coordinator Roles",
    "Inclusive Hiring Practices",
    "Workplace Culture",
    "Resources & Support Networks",
    "Global Clinical Coordinator Opportunities",
    "Global Salaries",
    "Remote Work",
    "Visa & Immigration",
    "2025 Market Reality for Clinical Coordinators",
    "Current Challenges",
    "Growth Opportunities",
    "Current Market Trends",
    "Job Application Toolkit",
    "Pros & Cons",
    "Pros",
    "Cons",
    "Frequently Asked Questions",
    "Related Careers",
    "Assess your Clinical Coordinator readiness",
    "Land your dream job with Himalayas Plus",
    "Find your dream job",
    "What is a Clinical Coordinator?",
    "Key Responsibilities",
    "Education Requirements",
    "Technical Skills",
    "Soft Skills",
}
H3 = {
    "Median Salary",
    "Growth Outlook",
    "Annual Openings",
    "Top Industries",
    "Typical Education",
    "Key Focus Areas",
}


def to_markdown(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    section = ""
    for i, line in enumerate(lines):
        bare = line.removeprefix("\u2022 ").strip()
        following = next((x for x in lines[i + 1 :] if x), "")
        if i == 0:
            out.append(f"# {line}")
        elif bare in H2:
            section = bare
            out.append(f"## {bare}")
        elif bare in H3:
            out.append(f"### {bare}")
        elif re.fullmatch(r"\d{1,2}", line):
            if section == "Key Facts & Statistics":
                out.append(f"{line}. {following}")
                lines[lines.index(following, i + 1)] = "\x00"
        elif line == "\x00":
            continue
        elif re.fullmatch(r"Step \d+", line):
            out.append(f"### {line}")
        elif re.fullmatch(r"\d+(?:-\d+|\+) years.*", line):
            out.append(f"*{line}*")
            prev = out[-3] if out[-2] == "" else out[-2]
            out[out.index(prev, len(out) - 4)] = f"### {prev}"
        elif line == "LevelUS MedianUS Average":
            out += ["| Level | US Median | US Average |", "|---|---|---|"]
        elif section == "Salary by Experience Level" and "$" in line:
            level, median, average = line.split("$")
            out.append(f"| {level} | ${median} | ${average} |")
        elif section == "Frequently Asked Questions" and line.endswith("?"):
            out.append(f"### {line}")
        elif line == "Explore career guide":
            out.append("[Explore career guide](https://example.com/careers)")
        elif line.startswith("\u2022 ") and section == "Soft Skills":
            name, _, rest = bare.partition(": ")
            out.append(f"- **{name}**: {rest}")
        elif line.startswith("\u2022 "):
            out.append(f"- {bare}")
        else:
            out.append(line)
    return "\n".join(out)


def to_crlf(text: str) -> str:
    text = text.replace("\u2022 ", "- ").replace("    ", "\t")
    text = text.replace("Key Responsibilities\n", "KEY RESPONSIBILITIES:\n")
    return text.replace("\n", "\r\n")


if __name__ == "__main__":
    seed = SEED.read_text(encoding="utf-8")
    (HERE / "clinical-coordinator.md").write_text(to_markdown(seed), encoding="utf-8", newline="\n")
    (HERE / "clinical-coordinator-crlf.txt").write_bytes(to_crlf(seed).encode("utf-8"))
