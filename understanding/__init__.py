"""Turning what citizens type into the facts the rules take, in English and Chinese.

Pure Python, with no Rasa import, so that both the Rasa server's NLU components
(`nlu_components`) and the action server (`actions`) use the same code:

- `text`: normalisation (length cap, Traditional → Simplified, full-width → half-width) and `language_of`;
- `lexicon`: the one lexicon of phrases, typos and scheme stems (understanding/lexicon.yml);
- `spans`: where durations, dates, schemes, payers, cities and situations are written;
- `durations`, `dates`, `numbers`: what a duration or a date means (days, calendar dates);
- `choices`: yes / no / don't know, schemes, payers, situations, retirement, new employer.

Nothing here is policy: the rules in `policy_rules` decide what the facts imply.
"""
