"""A rule-based spaCy pipeline for the assistant, built from files in this folder.

Pretrained spaCy models cannot be downloaded here, so the pipeline is a blank
English model with an entity ruler: phrase patterns from `lexicon.yml` and
token patterns for durations and dates from `patterns.py`. `build.py` writes it
to disk, where Rasa's SpacyNLP loads it and SpacyEntityExtractor reports its
entities.
"""
