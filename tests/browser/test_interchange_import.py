"""The admin import screen in Chromium: upload a package, read the summary, import, find drafts."""

from challenges.interchange.importer import exportable_challenges
from challenges.models import LearningChallengePage
from tests.conftest import PASSWORD
from tests.interchange.conftest import package_bytes


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def test_a_teacher_imports_a_partner_package_as_drafts(
    live_server, page, realistic_library, tmp_path
):
    lib = realistic_library
    package = tmp_path / "alder.zip"
    package.write_bytes(package_bytes(lib.trust_a, exportable_challenges(lib.trust_a)))

    sign_in(page, live_server, "editor_b1")
    page.get_by_role("link", name="Import challenges").click()
    page.set_input_files("input[name=package]", str(package))
    page.select_option("select[name=school]", label="Beech Primary")
    page.get_by_role("button", name="Check the package").click()

    # The summary names each challenge and what will happen to it, before anything is written.
    summary = page.locator("#import-summary")
    summary.wait_for()
    rows = summary.locator("tbody tr")
    assert rows.count() == 2
    text = summary.inner_text()
    assert "Public bug hotel" in text and "Partners canaryp pond dipping" in text
    assert text.count("Will be created as a draft") == 2
    assert not LearningChallengePage.objects.child_of(lib.school_b1).exists()

    page.get_by_role("button", name="Import as drafts").click()
    drafts = page.locator("#imported-drafts")
    drafts.wait_for()
    assert "Public bug hotel" in drafts.inner_text()

    # The drafts are in Beech's explorer, not live, each with its lineage.
    page.get_by_role("link", name="Open Beech Primary").click()
    page.get_by_role("link", name="Public bug hotel", exact=False).first.wait_for()
    assert page.inner_text("main").lower().count("draft") == 2
    imported = LearningChallengePage.objects.child_of(lib.school_b1)
    assert imported.count() == 2 and not imported.filter(live=True).exists()
    assert {page.adapted_from["uid"] for page in imported} == {
        str(lib.public.uid),
        str(lib.partners.uid),
    }
