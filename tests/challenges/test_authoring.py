"""Writing a challenge in the admin (issue 11), through Django's test client and the models."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from challenges.authoring.sizing import estimated_embed_height, estimated_print_pages
from challenges.authoring.starters import STARTERS, is_unused_slot, weekly_slots
from challenges.channels.panels import embed_snippets
from challenges.models import ChallengeImage, LearningChallengePage
from challenges.validation import problems_by_activity, readiness


def signed_in(client, user):
    client.force_login(user)
    return client


def add_form(client, user, parent, starter="single", query=None):
    response = signed_in(client, user).get(
        reverse("challenges_new_from_starter", args=[parent.pk, starter]), query
    )
    assert response.status_code == 200
    return response.content.decode()


# 3. "New challenge": starting points and "copy one of ours" -------------------------------------


def test_the_add_button_of_a_school_opens_the_starting_points(client, library):
    signed_in(client, library.editor_a1)
    response = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["challenges", "learningchallengepage", library.school_a1.pk],
        )  # fmt: skip
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("challenges_new_in", args=[library.school_a1.pk])
    html = client.get(response["Location"]).content.decode()
    for label in ("Single challenge", "Weekly project", "Long project", "Copy one of ours"):
        assert label in html


def test_dashboard_has_a_new_challenge_button(client, library):
    html = signed_in(client, library.editor_a1).get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{reverse("challenges_new")}"' in html and "New challenge" in html


def test_weekly_project_has_a_slot_per_day_and_subject():
    slots = weekly_slots()
    assert len(slots) == 20
    assert {(slot["day"], slot["subject"]) for slot in slots} == {
        (day, subject)
        for day in ("mon", "tue", "wed", "thu", "fri")
        for subject in ("maths", "reading", "writing", "phonics")
    }
    assert all(is_unused_slot(slot) for slot in slots)
    assert not is_unused_slot({**slots[0], "body": "<p>Count the stairs.</p>"})
    assert STARTERS["weekly"].kind == "weekly"


def test_weekly_starter_form_is_a_weekly_project_with_twenty_slots(client, library):
    html = add_form(client, library.editor_a1, library.school_a1, "weekly", {"age_bands": "all"})
    assert re.search(r'<option value="weekly"\s+selected', html)
    assert html.count("Monday: Maths") >= 1 and html.count("Friday: Phonics and spelling") >= 1


def test_weekly_slots_come_for_each_band_ticked():
    slots = weekly_slots(["ks1", "eyfs"])
    assert len(slots) == 40
    assert {(s["day"], s["subject"], s["age_band"]) for s in slots} == {
        (day, subject, band)
        for day in ("mon", "tue", "wed", "thu", "fri")
        for subject in ("maths", "reading", "writing", "phonics")
        for band in ("ks1", "eyfs")
    }
    assert [(s["title"], s["age_band"]) for s in slots[:2]] == [
        ("Monday: Maths", "ks1"),
        ("Monday: Maths", "eyfs"),
    ]


def test_new_challenge_asks_which_age_bands_a_weekly_project_serves(client, library):
    signed_in(client, library.editor_a1)
    html = client.get(reverse("challenges_new_in", args=[library.school_a1.pk])).content.decode()
    assert "Which age bands is it for?" in html
    assert html.count('name="age_bands"') == 6 and 'type="checkbox"' in html


def test_weekly_starter_makes_the_slots_of_every_band_ticked(client, library):
    signed_in(client, library.editor_a1)
    url = reverse("challenges_new_from_starter", args=[library.school_a1.pk, "weekly"])
    response = client.get(url, {"age_bands": ["ks1", "eyfs"]})
    assert response.status_code == 200
    page = response.context["form"].instance
    bands = [activity.value["age_band"] for activity in page.activities]
    assert len(bands) == 40 and bands.count("ks1") == 20 and bands.count("eyfs") == 20
    # The bands' year groups come ticked; the teacher unticks any the project is not for.
    assert [year.code for year in page.year_groups.all()] == ["N", "R", "1", "2"]


def test_weekly_starter_without_a_band_asks_again_in_words(client, library):
    signed_in(client, library.editor_a1)
    before = LearningChallengePage.objects.count()
    url = reverse("challenges_new_from_starter", args=[library.school_a1.pk, "weekly"])
    for query in ({}, {"age_bands": ["ks9"]}):
        response = client.get(url, query)
        assert response.status_code == 400
        html = response.content.decode()
        assert "Tick at least one age band" in html or "not one of the available" in html
        assert 'role="alert"' in html
    assert LearningChallengePage.objects.count() == before


def test_copy_one_of_ours_lists_only_the_trusts_challenges_the_editor_may_read(client, library):
    signed_in(client, library.editor_a2)
    html = client.get(reverse("challenges_new_in", args=[library.school_a2.pk])).content.decode()
    assert "Public bug hotel" in html and "Trust canaryt fractions" in html
    assert "canarys" not in html  # school A1's school-only challenge
    assert "canaryd" not in html  # school A1's draft


def test_a_copy_is_a_new_draft_with_a_new_uid_and_its_lineage(client, library):
    signed_in(client, library.editor_a2)
    url = reverse("challenges_copy", args=[library.school_a2.pk, library.public.pk])
    response = client.post(url)
    copy = LearningChallengePage.objects.child_of(library.school_a2).get()
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{copy.pk}/edit/")
    assert copy.uid != library.public.uid and not copy.live
    assert copy.adapted_from["uid"] == str(library.public.uid)
    assert copy.title == "Public bug hotel (copy)"


@pytest.mark.parametrize(
    "who, parent, source",
    [
        ("editor_b1", "school_a1", "public"),  # another trust's school: no right to add there
        ("editor_a2", "school_a1", "public"),  # another school of the same trust
        ("editor_a2", "school_a2", "school_only"),  # a school-only challenge of school A1
        ("editor_a2", "school_a2", "draft"),  # a draft of school A1
        ("editor_c1", "school_c1", "trust_only"),  # another trust's challenge
    ],
)
def test_copy_refuses_what_the_user_may_not_read_or_add(client, library, who, parent, source):
    signed_in(client, getattr(library, who))
    before = LearningChallengePage.objects.count()
    url = reverse("challenges_copy", args=[getattr(library, parent).pk,
                                           getattr(library, source).pk])  # fmt: skip
    response = client.post(url)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    refused = response.status_code == 404 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )
    assert refused, (response.status_code, response.get("Location"))
    assert LearningChallengePage.objects.count() == before


# 2, 6, 7, 8. The editor's form ------------------------------------------------------------------


def test_summary_is_counted_not_cut(client, library):
    html = add_form(client, library.editor_a1, library.school_a1)
    textarea = re.search(r"<textarea[^>]*name=\"summary\"[^>]*>", html).group(0)
    assert "maxlength" not in textarea and 'data-character-limit="300"' in textarea


def test_licence_and_visibility_show_the_trust_defaults_before_the_first_save(client, library):
    trust = library.trust_a
    trust.default_licence = "CC-BY-SA-4.0"
    trust.default_visibility = "public"
    trust.save_revision().publish()
    html = add_form(client, library.editor_a1, library.school_a1)
    assert re.search(r'<option value="CC-BY-SA-4.0"\s+selected', html)
    assert re.search(r'<option value="public"\s+selected', html)


def test_contributor_accounts_are_the_schools_and_trusts_people_only(client, library):
    html = add_form(client, library.editor_a1, library.school_a1)
    offered = set(re.findall(r'<option value="\d+">([^<]+)</option>', html))
    assert {"editor_a1", "editor_a2", "moderator_a"} <= offered
    assert not offered & {"root", "editor_b1", "editor_c1", "moderator_b"}


def test_submission_requirements_are_marked_and_listed(client, library):
    html = add_form(client, library.editor_a1, library.school_a1)
    assert "Ready to submit: <span data-readiness-done>0</span> of 5" in html.replace("\n", "") or (
        "Ready to submit:" in html
    )
    for marked in ("Summary (needed to submit)", "Year groups (needed to submit)"):
        assert marked in html
    assert "Two or three short statements starting" in html  # help on outcomes
    assert "Printed: about" in html
    assert "Only challenges visible to everyone can be shown on school websites" in html


def test_readiness_counts_five_requirements(library):
    challenge = library.public
    assert [done for _key, _label, done in readiness(challenge)] == [True] * 5
    challenge.summary = ""
    assert sum(done for _key, _label, done in readiness(challenge)) == 4


def test_year_groups_are_in_rows_by_key_stage(client, library):
    html = add_form(client, library.editor_a1, library.school_a1)
    block = html[html.index('id="id_year_groups"') : html.index('id="id_year_groups"') + 6000]
    for stage in ("EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"):
        assert f"<label>{stage}</label>" in block


# 4. Activity images need alt text ---------------------------------------------------------------


def test_images_never_fall_back_to_their_title_as_alt_text(image_factory):
    image = image_factory(title="IMG_2034")
    assert image.default_alt_text == ""
    rendition = image.get_rendition("width-100")
    assert rendition.alt == "" and "IMG_2034" not in rendition.img_tag()


def test_an_activity_image_needs_alt_text_or_decorative(library, image_factory):
    image = image_factory(title="IMG_2034")
    challenge = LearningChallengePage.objects.get(pk=library.public.pk)
    challenge.activities = [("activity", {
        "title": "Look closely", "age_band": "all", "needs_screen": False,
        "body": "<p>Look.</p>", "image": {"image": image, "alt_text": "", "decorative": False},
    })]  # fmt: skip
    problems = problems_by_activity(challenge.activities)
    assert problems == {0: {"image": [
        'Activity 1 (Look closely): add alt text describing the image, or tick "decorative".'
    ]}}  # fmt: skip


# 8. Embed panel: iframe height and the list widget ----------------------------------------------


def test_embed_panel_offers_a_sized_iframe_and_the_schools_list(library):
    snippets = dict(embed_snippets("https://library.example", library.public))
    iframe = snippets["Plain iframe (for website builders that remove scripts)"]
    assert f'height="{estimated_embed_height(library.public)}"' in iframe
    assert 'height="900"' not in iframe or estimated_embed_height(library.public) == 900
    lists = [code for label, code in snippets.items() if label.startswith("List of Ash Primary")]
    assert len(lists) == 2
    assert 'data-challenge-list data-school="ash"' in lists[0]
    assert "/embed/list/?school=ash" in lists[1]


def test_printed_pages_grow_with_the_text(library):
    challenge = LearningChallengePage.objects.get(pk=library.public.pk)
    short = estimated_print_pages(challenge)
    challenge.activities = [("activity", {
        "title": f"Step {n}", "age_band": "all", "needs_screen": False,
        "body": "<p>" + "Do this carefully and talk about it together. " * 12 + "</p>",
    }) for n in range(12)]  # fmt: skip
    assert estimated_print_pages(challenge) > short


# 11 and previews: what you will learn and the credit, in the print view and the embed ----------


@pytest.mark.parametrize("mode", ["embed", "print"])
def test_previews_show_outcomes_and_image_credit(library, image_factory, mode):
    challenge = LearningChallengePage.objects.get(pk=library.public.pk)
    challenge.hero_image = image_factory(credit="Photo: Mrs K., Ash Primary")
    challenge.hero_image_alt = "A bug hotel"
    challenge.outcomes = [("outcome", "I can name three minibeasts.")]
    assert (mode, mode.title()) in [(m, m.title()) for m, _ in challenge.preview_modes]
    request = RequestFactory().get("/")
    request.user = library.editor_a1
    html = challenge.serve_preview(request, mode).content.decode()
    assert "What you will learn" in html and "I can name three minibeasts." in html
    assert "Photo: Mrs K., Ash Primary" in html


def test_public_print_view_and_embed_show_outcomes_and_credit(client, library, image_factory):
    challenge = LearningChallengePage.objects.get(pk=library.public.pk)
    challenge.hero_image = image_factory(credit="Photo: Mrs K., Ash Primary")
    challenge.hero_image_alt = "A bug hotel"
    challenge.outcomes = [("outcome", "I can name three minibeasts.")]
    challenge.save_revision().publish()
    for url in (f"/embed/challenges/{challenge.uid}/", f"/print/challenges/{challenge.uid}/"):
        html = client.get(url).content.decode()
        assert "What you will learn" in html, url
        assert "Photo: Mrs K., Ash Primary" in html, url


def test_avatar_is_served_here_not_by_gravatar(client, library):
    html = signed_in(client, library.editor_a1).get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html


def test_no_image_is_listed_with_its_title_as_alt(library):
    assert ChallengeImage.default_alt_text.fget(ChallengeImage(title="IMG_2034")) == ""
