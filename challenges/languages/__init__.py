"""Families' languages: which languages a challenge is published in, which one a reader asked for
(`/pl/...` for pages, `?lang=` for embeds, print and oEmbed), which way each is written, and
whether a translation is behind its English original. Translations themselves are made with
wagtail-localize (its editor, PO files, or `translate` here for the demo and tests)."""
