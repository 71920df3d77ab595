"""O*NET's skills split into what a resume proves by naming it and what it proves by behaviour.

O*NET rates 35 skills for every occupation. Most are basic, social and resource-management
skills ("Active Listening", "Service Orientation", "Management of Personnel Resources"): a
recruiter asks about them with "Tell me about a time ...", and a profile shows them with a bullet,
not a skills-list entry. They become the guide's soft skills (with a short description of ours, so
the interview prep can pick a fitting bullet); the technical and systems skills ("Programming",
"Troubleshooting", "Equipment Maintenance", "Mathematics") stay technical skills. Only skills
rated Important (importance >= 3.0) become soft skills; all stay listed by importance.
"""

from __future__ import annotations

from typing import Any

MIN_IMPORTANCE = 3.0

# O*NET skill name -> our one-line description of the behaviour that shows it.
SOFT: dict[str, str] = {
    "Reading Comprehension": "Reading work documents, procedures and reports and acting on them.",
    "Active Listening": "Listening to customers and colleagues, asking questions, acting on it.",
    "Writing": "Writing clear emails, reports, notes and documentation.",
    "Speaking": "Explaining and presenting information clearly to others.",
    "Critical Thinking": "Weighing options and evidence to reach a sound conclusion.",
    "Active Learning": "Learning new tools and procedures quickly and applying them.",
    "Learning Strategies": "Choosing good ways to learn or teach something new.",
    "Monitoring": "Tracking results and quality, and correcting course when needed.",
    "Social Perceptiveness": "Noticing how others react and responding with care.",
    "Coordination": "Coordinating work, schedules and people so things happen on time.",
    "Persuasion": "Persuading customers or colleagues and winning their agreement.",
    "Negotiation": "Negotiating with vendors, customers or colleagues to reach agreement.",
    "Instructing": "Training, teaching or coaching others.",
    "Service Orientation": "Looking for ways to help customers and putting their needs first.",
    "Complex Problem Solving": "Solving problems that have no ready answer.",
    "Judgment and Decision Making": "Making sound decisions under pressure.",
    "Time Management": "Managing your own time and priorities to meet deadlines.",
    "Management of Financial Resources": "Managing budgets, costs, revenue and spending.",
    "Management of Material Resources": "Managing inventory, equipment and supplies.",
    "Management of Personnel Resources": "Hiring, scheduling, leading and developing staff.",
}


def split_skills(
    rated: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(technical skills, soft skills) from O*NET's rated skills, most important first."""
    ranked = sorted(rated, key=lambda r: -float(r.get("importance") or 0.0))
    technical = [r for r in ranked if r["name"] not in SOFT]
    soft = [
        {"name": r["name"], "description": SOFT[r["name"]]}
        for r in ranked
        if r["name"] in SOFT and float(r.get("importance") or 0.0) >= MIN_IMPORTANCE
    ]
    return technical, soft
