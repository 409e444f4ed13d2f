"""English function words every stage shares: speech verbs, place nouns, prepositions, months and weekdays, abbreviations; domain vocabularies live in data files."""
