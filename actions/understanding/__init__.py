"""Turning what citizens type into the facts the rules take: durations, dates, yes/no, choices.

The spaCy pipeline finds where a duration, date or scheme is written; these
modules say what it means. Nothing here is policy: the rules in
`policy_rules` decide what the facts imply.
"""
