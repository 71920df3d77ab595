"""Behavioural interview prompts and the cue words that pick a bullet for each soft skill.

Keyed by skill-name stem, so a guide's own soft skills ("Organizational Skills") and O*NET's
("Coordination", "Service Orientation") both find a prompt. Prompts are field-neutral: a retail
or software candidate is never asked about patients unless the guide's skill is about them.
"""

from __future__ import annotations

# Behavioural prompts by skill-name stem: "<stems>: Tell me about a time you <prompt>", then the
# cue words that pick a bullet for it when the matcher has no evidence for the skill.
CUE_TABLE = """
organ: kept many moving parts organized at once
    schedule coordinate track order organize plan ran par inventory template
communic: had to explain something important to a customer, a patient or a colleague
    call translate present contact explain teach educate Spanish message answer
problem: solved a problem that was slowing your team down
    resolve cut reduce redesign fix solve eliminate raise improve
detail: caught or prevented an error before it caused harm
    accurate zero audit verify compliance error reconcile check document HIPAA
empath: helped someone who was stressed, ill or upset
    family families patient comfort Spanish escort hospice concern teach-back
adapt: had to adapt quickly to an unexpected change
    rollout upgrade switch transition new move change pilot scale
collab team: worked with others to get something done you could not do alone
    team colleague nurse pharmacy case staff train precept council provider
leader: led others through a change
    lead led supervise train precept mentor onboarding
listen: listened closely to a customer or a colleague and acted on what you heard
    listen feedback ask question need concern survey callback
speak: explained or presented something to a group
    present explain brief speak pitch meeting
service: went out of your way for a customer
    customer guest satisfaction complaint callback service client
critic: weighed the evidence before making a call
    analyze evaluate assess root review compare decide
monitor: noticed a problem early because you were tracking the numbers
    track monitor audit report count check measure throughput
percept: read a situation or a person and changed your approach
    calm upset escalate concern family listen
coordin: coordinated people or schedules to meet a deadline
    coordinate schedule liaise plan organize shift vendor
persua: persuaded someone to change their mind
    persuade convince pitch upsell win propose
negoti: negotiated an agreement with a vendor, a customer or a colleague
    negotiate vendor contract price agreement
instruct: taught someone a skill or a process
    train teach coach mentor onboard precept
judgment decision: made a difficult decision with incomplete information
    decide prioritize approve triage choose
time: juggled competing deadlines
    deadline same-day priority schedule before
personnel: built or led a team by hiring, scheduling or coaching staff
    hire staff schedule associate coach team supervise
financial: managed a budget or cut costs
    budget cost revenue P&L payroll save
material: managed inventory, equipment or supplies
    inventory supplies stock order equipment shrink
learn: learned something new quickly to get a job done
    learn new course certification train self-taught
writ: wrote something that others relied on
    wrote draft write report memo document
read: worked from complex documents or instructions
    review policy procedure manual read interpret
"""
LINES = CUE_TABLE.strip().splitlines()
CUES: dict[str, tuple[str, str]] = {
    key: (head.split(": ", 1)[1], cues.strip())
    for head, cues in zip(LINES[::2], LINES[1::2], strict=True)
    for key in head.split(": ", 1)[0].split()
}
