"""Families' languages: the library of tests/conftest.py with its public and school-only
challenges translated into Urdu and Polish, as a translator's PO file would translate them."""

import pytest

from challenges.languages.translating import translate

URDU_TITLE = "کیڑوں کا ہوٹل"
URDU_SUMMARY = "پورے گھرانے کے لیے ایک سرگرمی: کیڑوں کے لیے ہوٹل بنائیں۔"
URDU_STEP = "کوئی جگہ ڈھونڈیں اور شروع کریں۔"
POLISH_TITLE = "Hotel dla owadów"


@pytest.fixture
def translated(library):
    """library.public in Urdu (every string) and Polish (its title only: the rest stays
    English); library.school_only in Urdu."""
    library.public_ur = translate(
        library.public,
        "ur",
        {
            "Public bug hotel": URDU_TITLE,
            "Get started": "شروع کریں",
            "Find a space and begin.": URDU_STEP,
            "Public bug hotel: a challenge for the whole family.": URDU_SUMMARY,
        },
    )
    library.public_pl = translate(library.public, "pl", {"Public bug hotel": POLISH_TITLE})
    library.urdu = {"title": URDU_TITLE, "summary": URDU_SUMMARY, "step": URDU_STEP}
    library.polish_title = POLISH_TITLE
    library.school_only_ur = translate(
        library.school_only, "ur", {"School canarys kindness week": "مہربانی کا ہفتہ canarys"}
    )
    return library
