"""Journey 8 (JOURNEYS.md): a trust admin invites a new teacher to a school, gives a second school
to an existing teacher, and ends a partnership. Done when each person sees exactly their schools'
drafts, and the ended partner's content disappears at once for the other trust. Budget: at most 8
screens for the trust admin.

The trust admin works at a 1366 px screen; the other people use their own browsers (not counted):
the new teacher follows the one-use link in their email and chooses a password; the existing
teacher, given the school from their row of the people table, has it at once and is told by email
(only an invitation by email to an existing account waits for its owner to accept it, at
/admin/invitations/: tests/browser/test_trust_admin_roles.py); the teachers of both partner trusts
keep the library's search, the shared challenges' pages and the partner token's API open across
the ending. Screenshots of every screen are left in /tmp/journey8/."""

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core import mail

from home.models import Partnership, PartnerToken, Role
from home.roles import role_group
from tests.browser.browser_helpers import AXE_TAGS, format_violations
from tests.factories import PASSWORD, SchoolPageFactory, make_challenge, make_user

SCREENS_BUDGET = 8
SHOTS = Path("/tmp/journey8")
NEW_TEACHER = "r.okafor@acorn.example.org"
NEW_PASSWORD = "Tadpoles-in-the-pond-42"
DRAFT_WORD = "halfterm"  # in every school's draft title, so one admin search finds them all


def shot(page, name):
    """The whole screen: the admin scrolls inside its content area, so the window grows to it."""
    SHOTS.mkdir(exist_ok=True)
    size = page.viewport_size
    tallest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('body, body *')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], tallest)})
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)
    page.set_viewport_size(size)


def axe_violations_in_main(page, axe_path):
    """WCAG 2.2 A/AA violations in the screen's main part (Wagtail's own frame aside)."""
    page.evaluate(Path(axe_path).read_text() + "\n;undefined")
    return page.evaluate(
        """async (tags) => (await axe.run({include: [['main']]},
                                          {runOnly: {type: 'tag', values: tags}})).violations""",
        AXE_TAGS,
    )


def person_browser(browser, console):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.set_default_timeout(10_000)
    person = context.new_page()
    person.on("console", console.on_console)
    person.on("pageerror", console.on_page_error)
    return person


def sign_in(person, live_server, username, password=PASSWORD):
    person.goto(f"{live_server.url}/admin/login/")
    person.locator("input[name=username]").fill(username)
    person.locator("input[name=password]").fill(password)
    with person.expect_navigation():
        person.get_by_role("button", name="Sign in").click()
    assert "/admin/login/" not in person.url, person.locator("main").inner_text()


def drafts_seen(person, live_server):
    """The titles of the drafts the admin's page search shows this person."""
    person.goto(f"{live_server.url}/admin/pages/search/?q={DRAFT_WORD}")
    titles = person.locator("main table tbody .title-wrapper a, main table tbody .title a")
    return {title.strip() for title in titles.all_inner_texts()}


def search_titles(person, live_server, words):
    """The titles the library's own search shows this person."""
    person.goto(f"{live_server.url}/search/?q={words}")
    return person.locator(".result-list .result h3, .result-list .result h2").all_inner_texts()


def partner_api_uids(person, live_server, secret):
    """(status, uids) of the partner API's list, read with a partner token."""
    response = person.request.get(
        f"{live_server.url}/api/interchange/v1/challenges/",
        headers={"Authorization": f"Bearer {secret}"},
    )
    if not response.ok:
        return response.status, set()
    return response.status, {item["uid"] for item in response.json()["results"]}


def link_in(message, live_server):
    urls = re.findall(r"https?://\S+", message.body)
    assert urls, message.body
    return live_server.url + urlsplit(urls[0]).path


def table_overflows(page):
    """{table caption: px past the right edge of the window}, for tables that overflow."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('main table')]
            .map(t => [t.caption ? t.caption.innerText : t.className,
                       t.getBoundingClientRect().right - window.innerWidth])
            .filter(([, over]) => over > 0))"""
    )


def test_journey_8_a_trust_admin_invites_gives_a_school_and_ends_a_partnership(
    live_server, browser, page, console, journey, library, axe_path
):
    # The library: Alder has a third school; each school has a draft; each partner shares one.
    acorn = SchoolPageFactory(parent=library.trust_a, title="Acorn Primary", slug="acorn")
    drafts = {
        school.title: make_challenge(
            school, f"{school.title} {DRAFT_WORD} plans", "school", publish=False
        ).title
        for school in (
            library.school_a1, library.school_a2, acorn, library.school_b1, library.school_c1
        )
    }  # fmt: skip
    beech_shared = make_challenge(library.school_b1, "Beech canaryq river study", "partners")
    admin = make_user(
        "admin_a",
        role_group(library.trust_a, Role.Kind.TRUST_ADMIN),
        first_name="Ayo",
        last_name="Adeyemi",
    )
    library.editor_a1.first_name, library.editor_a1.last_name = "Kim", "Patel"
    library.editor_a1.save()
    # Birch pulls from Alder with a token Alder's admin gave it.
    _token, birch_secret = PartnerToken.issue(library.trust_a, library.trust_b, admin, "Birch")

    # Before: each partner sees the other's shared work (so the checks after can fail).
    birch_teacher = person_browser(browser, console)
    sign_in(birch_teacher, live_server, library.editor_b1.username)
    assert library.partners.title in search_titles(birch_teacher, live_server, "canaryp")
    assert birch_teacher.goto(live_server.url + library.partners.url).status == 200
    status, uids = partner_api_uids(birch_teacher, live_server, birch_secret)
    assert status == 200 and str(library.partners.uid) in uids
    alder_teacher = person_browser(browser, console)
    sign_in(alder_teacher, live_server, library.editor_a1.username)
    assert beech_shared.title in search_titles(alder_teacher, live_server, "canaryq")
    assert drafts_seen(alder_teacher, live_server) == {drafts["Ash Primary"]}

    # The trust admin: sign in, open "People and partners" ---------------------------------------
    page.set_viewport_size({"width": 1366, "height": 768})
    started = time.monotonic()
    page.goto(f"{live_server.url}/admin/")
    journey.fill(page.locator("input[name=username]"), admin.username)
    journey.fill(page.locator("input[name=password]"), PASSWORD)
    with page.expect_navigation():
        journey.click(page.get_by_role("button", name="Sign in"))
    shot(page, "1-dashboard")
    with page.expect_navigation():
        journey.click(page.get_by_role("link", name="People and partners"))
    shot(page, "2-people-and-partners")
    assert not table_overflows(page), table_overflows(page)
    invite_role = page.locator("#id_role")
    assert invite_role.evaluate("select => select.selectedOptions[0].text") == "Choose a role"

    # 1. Invite a new teacher to Acorn Primary.
    mail.outbox.clear()
    journey.fill(page.get_by_label("Email address"), NEW_TEACHER)
    journey.fill(page.get_by_label("First name"), "Rosa")
    journey.fill(page.get_by_label("Last name"), "Okafor")
    invite_role.select_option(label="School editor at Acorn Primary")
    journey.values += 1
    with page.expect_navigation():
        journey.click(page.get_by_role("button", name="Send invitation"))
    shot(page, "3-invited")
    assert f"Invitation sent to {NEW_TEACHER}" in page.locator(".messages").inner_text()
    new_row = page.locator(f'[data-person="{NEW_TEACHER}"]')
    assert "Invited, not signed in yet" in new_row.text_content()

    # 2. Give Kim Patel (Ash Primary) a second school, Aspen Primary.
    kim = page.locator(f'[data-person="{library.editor_a1.email}"]')
    add_role = kim.get_by_label("Add a role")
    assert add_role.evaluate("select => select.selectedOptions[0].text") == "Choose a role"
    add_role.select_option(label="School editor at Aspen Primary")
    journey.values += 1
    with page.expect_navigation():
        journey.click(kim.get_by_role("button", name="Add", exact=True))
    shot(page, "4-second-school")
    kim_roles = page.locator(f'[data-person="{library.editor_a1.email}"]').inner_text()
    assert "Ash Primary" in kim_roles and "Aspen Primary" in kim_roles
    told_kim = [message for message in mail.outbox if library.editor_a1.email in message.to]
    assert len(told_kim) == 1 and "School editor at Aspen Primary" in told_kim[0].body

    # 3. End the partnership with Birch Trust.
    birch = page.locator('[data-partnership="Birch Trust"]')
    assert "Partners" in birch.inner_text()
    with page.expect_navigation():
        journey.click(birch.get_by_role("button", name="End partnership"))
    shot(page, "5-end-partnership")
    page.get_by_role("heading", name="End the partnership?").wait_for()
    violations = axe_violations_in_main(page, axe_path)
    assert not violations, format_violations(violations)
    assert Partnership.between(library.trust_a, library.trust_b).status == "accepted"
    with page.expect_navigation():
        journey.click(page.get_by_role("button", name="Yes, end the partnership with Birch Trust"))
    shot(page, "6-partnership-ended")
    assert "partnership with Birch Trust has ended" in page.locator(".messages").inner_text()
    assert page.locator('[data-partnership="Birch Trust"]').count() == 0
    assert Partnership.between(library.trust_a, library.trust_b).status == "ended"
    assert not table_overflows(page), table_overflows(page)
    admin_seconds = time.monotonic() - started
    admin_screens, admin_values, admin_clicks = journey.screens, journey.values, journey.clicks

    # At once, for the other trust: Alder's shared challenge is gone from Birch's teacher's search,
    # its page answers 404 as if it never existed, and Birch's token reads nothing more.
    assert library.partners.title not in search_titles(birch_teacher, live_server, "canaryp")
    shot(birch_teacher, "birch-teacher-search-after")
    assert birch_teacher.goto(live_server.url + library.partners.url).status == 404
    status, uids = partner_api_uids(birch_teacher, live_server, birch_secret)
    assert status in (401, 403) and not uids, status
    # ...and Birch's shared challenge is gone for Alder's teacher.
    assert beech_shared.title not in search_titles(alder_teacher, live_server, "canaryq")
    assert alder_teacher.goto(live_server.url + beech_shared.url).status == 404

    # The new teacher follows the one-use link, chooses a password and signs in ------------------
    invitation = [message for message in mail.outbox if NEW_TEACHER in message.to]
    assert len(invitation) == 1, [m.to for m in mail.outbox]
    print(invitation[0].subject, invitation[0].body, sep="\n")
    link = link_in(invitation[0], live_server)
    rosa = person_browser(browser, console)
    rosa.goto(link)
    shot(rosa, "new-teacher-1-choose-password")
    rosa.get_by_role("heading", name="Choose your password").wait_for()
    assert f"You will sign in as {NEW_TEACHER}" in rosa.locator("main").inner_text()
    violations = axe_violations_in_main(rosa, axe_path)
    assert not violations, format_violations(violations)
    rosa.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    rosa.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    with rosa.expect_navigation():
        rosa.get_by_role("button", name="Save my password").click()
    shot(rosa, "new-teacher-2-password-chosen")
    rosa.get_by_role("heading", name="Your password is saved").wait_for()
    sign_in(rosa, live_server, NEW_TEACHER, NEW_PASSWORD)
    shot(rosa, "new-teacher-3-dashboard")
    assert drafts_seen(rosa, live_server) == {drafts["Acorn Primary"]}
    shot(rosa, "new-teacher-4-drafts")
    # The link was for one use.
    used = person_browser(browser, console)
    used.goto(link)
    assert used.locator("input[name=new_password1]").count() == 0
    assert "ask your trust admin to send the invitation again" in used.locator("main").inner_text()
    violations = axe_violations_in_main(used, axe_path)
    assert not violations, format_violations(violations)
    shot(used, "new-teacher-5-link-used")

    # Kim sees both schools' drafts and no others -------------------------------------------------
    assert drafts_seen(alder_teacher, live_server) == {
        drafts["Ash Primary"],
        drafts["Aspen Primary"],
    }
    shot(alder_teacher, "kim-drafts")
    alder_teacher.goto(f"{live_server.url}/admin/pages/")  # "Pages": where the explorer opens
    shot(alder_teacher, "kim-pages")
    explorer = alder_teacher.locator("main").inner_text()
    assert "Acorn Primary" not in explorer and DRAFT_WORD not in explorer
    # Birch's teacher still sees only Beech's.
    assert drafts_seen(birch_teacher, live_server) == {drafts["Beech Primary"]}

    # The admin's screen no longer says the new teacher is waiting to sign in.
    page.reload()
    rosa_row = page.locator(f'[data-person="{NEW_TEACHER}"]')
    assert "Rosa Okafor" in rosa_row.text_content()
    assert "Invited, not signed in yet" not in rosa_row.text_content()

    errors = [error for error in console.errors if "gravatar.com" not in error]
    gone = tuple(f"({live_server.url}{c.url})" for c in (library.partners, beech_shared))
    errors = [error for error in errors if not error.endswith(gone)]  # the 404s asserted above
    assert not errors, errors
    print(
        f"\nJOURNEY 8 (trust admin): {admin_screens} screens, {admin_values} values typed or "
        f"chosen, {admin_clicks} clicks, {admin_seconds:.1f} s; budget {SCREENS_BUDGET} screens"
    )
    assert admin_screens <= SCREENS_BUDGET
