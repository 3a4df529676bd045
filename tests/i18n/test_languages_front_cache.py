"""A published translation purges its own URLs and its original's (whose language list it
changes); a published original purges its translations' (whose out-of-date notice it changes)."""

import pytest

from challenges.channels.front_cache import urls_showing

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"


def test_a_translation_and_its_original_are_purged_together(translated):
    original, urdu, polish = translated.public, translated.public_ur, translated.public_pl
    for changed in (original, urdu):
        urls = urls_showing([changed])
        for page in (original, urdu, polish):
            assert ROOT + page.url in urls, (changed, page)
            assert f"{ROOT}/embed/challenges/{page.uid}/" in urls  # with every ?lang= (VCL)
