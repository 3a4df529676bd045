"""The learning challenge format v1: derived values, identity, versions and validation."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from challenges.models import LearningChallengePage
from challenges.validation import submission_problems
from tests.factories import make_challenge


def test_uid_is_a_uuid_that_survives_edits_and_publishes(library):
    challenge = library.public
    original_uid = challenge.uid
    assert isinstance(original_uid, uuid.UUID)
    challenge.title = "Public bug hotel, revised"
    challenge.save_revision().publish()
    challenge.refresh_from_db()
    assert challenge.uid == original_uid


def test_version_goes_up_by_one_at_each_publish(library):
    challenge = library.public
    assert challenge.version == 1
    challenge.save_revision()  # a draft does not count
    assert LearningChallengePage.objects.get(pk=challenge.pk).version == 1
    challenge.save_revision().publish()
    challenge.get_latest_revision().publish()
    assert LearningChallengePage.objects.get(pk=challenge.pk).version == 3


def test_publishing_an_old_revision_keeps_uid_and_counts_up(library):
    challenge = library.public
    first = challenge.get_latest_revision()
    challenge.title = "Renamed"
    challenge.save_revision().publish()
    first.publish()  # roll back to the first text
    challenge = LearningChallengePage.objects.get(pk=challenge.pk)
    assert challenge.title == "Public bug hotel"
    assert challenge.version == 3
    assert challenge.uid == library.public.uid


def test_a_copy_gets_a_new_uid_and_records_its_origin(library):
    original = library.public
    copy = original.copy(
        to=library.school_a2, update_attrs={"slug": "bug-hotel-copy"}, keep_live=False
    )
    copy = LearningChallengePage.objects.get(pk=copy.pk)
    assert copy.uid != original.uid
    assert copy.version == 0
    assert copy.adapted_from["uid"] == str(original.uid)
    assert copy.adapted_from["title"] == original.title
    assert copy.adapted_from["licence"] == "CC-BY-4.0"
    assert copy.school == library.school_a2
    # Publishing a revision copied from the original keeps the copy's own identity.
    copy.get_latest_revision().publish()
    assert LearningChallengePage.objects.get(pk=copy.pk).uid == copy.uid


def test_key_stages_are_derived_from_year_groups(library):
    challenge = make_challenge(
        library.school_a1, "Across the ages", year_codes=["R", "2", "5", "7"]
    )
    assert challenge.year_group_codes == ["R", "2", "5", "7"]
    assert challenge.key_stages == ["EYFS", "KS1", "KS2", "KS3"]


def activity(title, needs_screen):
    return (
        "activity",
        {"title": title, "age_band": "all", "needs_screen": needs_screen, "body": "<p>Do it.</p>"},
    )


@pytest.mark.parametrize(
    "screens, expected",
    [([False, False], "all"), ([True, False, False], "some"), ([True, True], "none")],
)
def test_screen_free_is_derived_from_activities(library, screens, expected):
    challenge = make_challenge(
        library.school_a1,
        f"Screens {expected}",
        activities=[activity(f"Step {i}", s) for i, s in enumerate(screens)],
    )
    assert challenge.screen_free == expected
    assert challenge.screen_free_count == screens.count(False)


def test_page_says_how_many_activities_need_no_screen(library, client):
    challenge = make_challenge(
        library.school_a1,
        "Mostly offline",
        activities=[activity("A", True)] + [activity(str(i), False) for i in range(3)],
    )
    assert "3 of 4 activities need no screen" in client.get(challenge.url).content.decode()


def test_licence_defaults_from_the_trust(library):
    library.trust_b.default_licence = "CC-BY-NC-SA-4.0"
    library.trust_b.save_revision().publish()
    challenge = make_challenge(library.school_b1, "Inherits a licence")
    assert challenge.licence == "CC-BY-NC-SA-4.0"
    assert challenge.licence_spdx == "CC-BY-NC-SA-4.0"


def test_ownership_follows_the_tree(library):
    assert library.public.trust == library.trust_a
    assert library.public.school == library.school_a1
    trust_wide = make_challenge(library.trust_a, "Trust-wide week of kindness")
    assert trust_wide.trust == library.trust_a and trust_wide.school is None


def test_moving_a_challenge_to_another_trust_updates_its_owner_and_audience(library):
    challenge = library.trust_only
    challenge.move(library.school_c1, pos="last-child")
    moved = LearningChallengePage.objects.get(pk=challenge.pk)
    assert moved.trust == library.trust_c and moved.school == library.school_c1
    assert moved.audience == f"trust:{library.trust_c.pk}"


# Validation a teacher understands ---------------------------------------------------------------


def test_longest_time_below_shortest_time_is_refused(library):
    challenge = library.public
    challenge.duration_min_minutes, challenge.duration_max_minutes = 60, 20
    with pytest.raises(ValidationError) as error:
        challenge.full_clean()
    assert "shorter than the shortest time" in str(error.value.message_dict["duration_max_minutes"])


def test_summary_over_300_characters_is_refused(library):
    challenge = library.public
    challenge.summary = "x" * 301
    with pytest.raises(ValidationError) as error:
        challenge.full_clean()
    assert "300" in str(error.value.message_dict["summary"])
    challenge.summary = "x" * 300
    challenge.full_clean()


def test_a_bad_hashtag_is_refused(library):
    challenge = library.public
    challenge.share_hashtag = "#two words"
    with pytest.raises(ValidationError) as error:
        challenge.full_clean()
    assert "one word" in str(error.value.message_dict["share_hashtag"])


def test_a_draft_needs_only_a_title(library):
    draft = LearningChallengePage(title="Just an idea")
    library.school_a1.add_child(instance=draft)
    draft.save_revision()
    assert set(submission_problems(draft)) == {"summary", "year_groups", "activities"}


def test_submission_problems_are_worded_for_teachers(library, image_factory):
    challenge = library.public
    challenge.hero_image = image_factory(credit="")
    challenge.hero_image_alt = ""
    problems = submission_problems(challenge)
    # Alt text is the page's; the credit belongs to the image: each on its own field.
    assert problems["hero_image_alt"] == [
        'Main image: add alt text describing the image, or tick "decorative".',
    ]
    assert problems["hero_image"] == [
        f'Main image: the image "{challenge.hero_image.title}" needs a credit.',
    ]
    challenge.hero_image_decorative = True
    challenge.hero_image.credit = "Photo: Mrs K., Ash Primary"
    assert submission_problems(challenge) == {}


def test_an_image_showing_pupils_needs_confirmed_consent(image_factory):
    image = image_factory(shows_pupils=True)
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "consent" in str(error.value)
    image.pupil_consent_confirmed = True
    image.full_clean()
    assert image.may_leave_instance is False
