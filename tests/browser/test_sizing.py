"""The editor's printed-page estimate against Chromium's PDF of the print view, and the plain
iframe's height against the embed's real height, for every public demo challenge (issue 11)."""

import re
from io import StringIO

from django.core.management import call_command

from challenges.authoring.sizing import estimated_embed_height, estimated_print_pages
from challenges.models import LearningChallengePage


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_estimates_hold_for_every_demo_challenge(live_server, browser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    context = browser.new_context(viewport={"width": 700, "height": 800})
    page = context.new_page()
    print_rows, embed_rows = [], []
    for challenge in LearningChallengePage.objects.live().filter(audience="public"):
        variants = [(None, "")] + ([("lks2", "?year=3")] if challenge.kind == "weekly" else [])
        for band, query in variants:
            page.goto(f"{live_server.url}/print/challenges/{challenge.uid}/{query}")
            measured = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
            print_rows.append((challenge.title, query, measured,
                               estimated_print_pages(challenge, band)))  # fmt: skip
        page.goto(f"{live_server.url}/embed/challenges/{challenge.uid}/")
        height = page.evaluate("document.documentElement.scrollHeight")
        embed_rows.append((challenge.title, height, estimated_embed_height(challenge)))
    context.close()

    assert len(print_rows) >= 20
    off = [row for row in print_rows if abs(row[2] - row[3]) > 1]
    assert not off, f"estimate more than one page off: {off}"
    exact = sum(1 for row in print_rows if row[2] == row[3])
    short = [row for row in embed_rows if row[2] < row[1] - 100]
    assert not short, f"plain iframe cuts the embed by more than 100 px: {short}"
    slack = [row[2] - row[1] for row in embed_rows]
    print(
        f"\nSIZING: {exact} of {len(print_rows)} print views estimated to the page, the rest "
        f"within one; plain iframe minus embed height from {min(slack)} to {max(slack)} px "
        f"over {len(embed_rows)} challenges"
    )
