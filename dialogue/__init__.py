"""The dialogue's plumbing (domain.yml, data/rules_forms.yml) generated from one declaration.

`policy_rules.RULES` declares the topics and their facts, `text_catalogue/` their
wording, and `dialogue/base.yml` what is not derived from either. Run
`make generate` (`python -m dialogue.generate`) after changing any of them.
"""
