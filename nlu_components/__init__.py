"""Custom Rasa graph components for a model that serves English and Chinese.

- `normaliser.TextNormaliser` (first): Traditional → Simplified, full-width → half-width, length cap;
  adds a `language` entity when the language is clear or given in the message metadata.
- `tokenizer.BilingualTokenizer`: Chinese runs segmented by jieba, everything else as before.
- `entities.InsuranceEntityExtractor`: durations, dates, schemes, payers, cities and situations
  in both languages (`understanding.spans`).
"""
