"""Writing a challenge in the admin, in Chromium, as a school editor does (issue 11)."""

import re
import time

from admin_helpers import add_challenge_url, sign_in, submit_for_review

from challenges.models import LearningChallengePage


def test_new_challenge_saves_with_only_a_pasted_title(live_server, page, console, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1))
    # fill() pastes: no keyup, so the slug is never synced in the browser.
    page.fill("#id_title", "Public bug hotel")  # the same title as a sibling challenge
    with page.expect_navigation():
        page.click("button.action-save")

    assert re.search(r"/admin/pages/\d+/edit/$", page.url), page.locator(".messages").inner_text()
    created = LearningChallengePage.objects.filter(title="Public bug hotel").exclude(
        pk=library.public.pk
    )
    assert [(c.slug, c.live, c.school_id) for c in created] == [
        ("public-bug-hotel-2", False, library.school_a1.pk)
    ]
    assert not console.errors, console.errors


def test_autosave_creates_a_new_challenge_from_its_title(live_server, page, console, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1))
    page.wait_for_timeout(2500)  # Wagtail starts watching for unsaved changes 2 s after load
    with page.expect_response(
        lambda response: response.request.method == "POST" and "/admin/pages/add/" in response.url,
        timeout=15_000,
    ) as autosave:
        # Another challenge of the school already has this title, hence its slug.
        page.fill("#id_title", "Public bug hotel")
        page.locator("#id_summary").press_sequentially("Sun")

    assert autosave.value.json()["success"] is True
    page.wait_for_function("() => !document.body.innerText.includes('Saving')")
    assert "paused" not in page.locator("header").inner_text().lower()
    assert LearningChallengePage.objects.filter(title="Public bug hotel").count() == 2
    assert not console.errors, console.errors


def test_admin_avatar_is_an_image_that_loads(live_server, page, console, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(live_server.url + "/admin/")
    avatar = page.locator(".avatar img").first
    avatar.wait_for()
    time.sleep(0.3)
    assert avatar.evaluate("image => image.complete && image.naturalWidth > 0")
    assert "gravatar" not in avatar.get_attribute("src")
    assert not console.errors, console.errors


def test_failed_submit_keeps_the_draft_and_says_so(live_server, page, console, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1))
    page.fill("#id_title", "Rainbow fish")
    submit_for_review(page)

    assert re.search(r"/admin/pages/\d+/edit/$", page.url)
    message = page.locator(".messages").inner_text()
    assert "Your draft was saved" in message and "could not be created" not in message
    assert "Write a short summary" in message and "at least one year group" in message
    draft = LearningChallengePage.objects.get(title="Rainbow fish")
    assert not draft.live and draft.latest_revision is not None

    # Now on the edit view: the same, with each problem on its own field.
    page.fill("#id_summary", "Draw a rainbow fish and count its scales.")
    submit_for_review(page)
    assert "Your draft was saved" in page.locator(".messages").inner_text()
    year_groups = page.locator("[data-field-wrapper]:has(#id_year_groups_0)")
    assert "Choose at least one year group" in year_groups.inner_text()
    summary_field = page.locator("[data-field-wrapper]:has(#id_summary)")
    assert "error" not in (summary_field.get_attribute("class") or "")
    draft = LearningChallengePage.objects.get(pk=draft.pk)
    assert draft.get_latest_revision_as_object().summary.startswith("Draw a rainbow fish")
    assert not console.errors, console.errors


def test_a_long_summary_is_counted_and_never_cut(live_server, page, console, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1))
    text = "Families build a bug hotel from things found at home and in the garden. " * 5
    page.fill("#id_summary", text)  # pasted, 365 characters

    assert page.locator("#id_summary").input_value() == text
    counter = page.locator("#id_summary-count")
    assert counter.inner_text().startswith(f"{len(text)} of 300 characters: {len(text) - 300} too")
    assert "id_summary-count" in page.locator("#id_summary").get_attribute("aria-describedby")
    assert not console.errors, console.errors


def test_essentials_tab_is_compact(live_server, page, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1))
    page.wait_for_selector("[data-readiness]")
    section = page.locator("section[id$='essentials'], #tab-essentials").first
    height = section.evaluate("element => element.getBoundingClientRect().height")
    # Issue 11 measured 3.8 screens of 900 px; year groups, subjects and themes now sit in rows.
    print(f"\nEssentials: {height:.0f} px, {height / 900:.1f} screens of 900 px")
    assert height < 3.0 * 900, f"Essentials is {height / 900:.1f} screens long"
    year_rows = page.locator("#id_year_groups > div")
    assert year_rows.count() == 6  # EYFS, KS1 to KS5


def test_copy_buttons_say_copied(live_server, page, console, library):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(page, live_server, library.moderator_a)
    page.goto(f"{live_server.url}/admin/pages/{library.public.pk}/edit/")
    page.get_by_role("tab", name="Sharing and licence").click()
    button = page.locator("[data-controller='w-clipboard'] button").first
    button.click()
    page.wait_for_function(
        "button => button.textContent.trim() === 'Copied'", arg=button.element_handle()
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f'data-challenge="{library.public.uid}"' in copied
    snippets = page.locator("[data-controller='w-clipboard'] textarea").evaluate_all(
        "areas => areas.map(area => area.value)"
    )
    assert any("data-challenge-list" in code for code in snippets)
    assert not console.errors, console.errors
