"""What a challenge needs before it can be submitted for review or published.

A draft needs only a title. Submitting needs a title, summary, year groups, one activity, and
alt text (or "decorative") and a credit for each image. Slots of a starting point left as they
came are not activities (challenges/authoring/starters.py) and are left out when submitting.
"""

from django.utils.html import strip_tags

from challenges.authoring.starters import is_unused_slot

# The five things the editor's "Ready to submit" list counts, in the order it lists them.
REQUIREMENTS = [
    ("title", "A title"),
    ("summary", "A summary of at most 300 characters"),
    ("year_groups", "At least one year group"),
    ("activities", "At least one activity, each with a title and what to do"),
    ("images", "Alt text (or “decorative”) and a credit for every image"),
]


def _alt_problem(alt_text, decorative, where):
    if not (alt_text or "").strip() and not decorative:
        return f'{where}: add alt text describing the image, or tick "decorative".'
    return None


def _credit_problems(image, where):
    problems = []
    if not (image.credit or "").strip():
        problems.append(f'{where}: the image "{image.title}" needs a credit.')
    if image.shows_pupils and not image.pupil_consent_confirmed:
        problems.append(
            f'{where}: the image "{image.title}" shows pupils without confirmed consent.'
        )
    return problems


def activity_values(activities):
    """Activities that count: unused slots of a starting point left out."""
    values = [block.value for block in activities if block.block_type == "activity"]
    return [value for value in values if not is_unused_slot(value)]


def problems_by_activity(activities):
    """{position in the stream: {child block name: [messages]}} for the activities that count."""
    found = {}
    for index, block in enumerate(activities):
        if block.block_type != "activity" or is_unused_slot(block.value):
            continue
        activity = block.value
        name = (activity.get("title") or "").strip()
        where = f"Activity {index + 1}" + (f" ({name})" if name else "")
        problems = {}
        if not name:
            problems.setdefault("title", []).append(f"{where}: give it a title.")
        body = activity.get("body")
        if not strip_tags(getattr(body, "source", body) or "").strip():
            problems.setdefault("body", []).append(f"{where}: say what to do.")
        image = activity.get("image")
        if image is not None:
            alt = _alt_problem(
                getattr(image, "contextual_alt_text", ""),
                getattr(image, "decorative", False),
                where,
            )
            if alt:
                problems.setdefault("image", []).append(alt)
            for message in _credit_problems(image, where):
                problems.setdefault("image", []).append(message)
        document = activity.get("document")
        if document is not None and not (document.credit or "").strip():
            problems.setdefault("document", []).append(
                f'{where}: the document "{document.title}" needs a credit.'
            )
        if problems:
            found[index] = problems
    return found


def submission_problems(challenge, year_group_count=None, activities=None):
    """A dict of field name to the list of problems a teacher must fix before submitting.

    `year_group_count` and `activities` let the admin form check values not yet saved. Problems
    of the main image's file (credit, consent) are filed under `hero_image`, its alt text under
    `hero_image_alt`; each activity's under `activities`.
    """
    problems = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    if not (challenge.title or "").strip():
        add("title", "Give the challenge a title.")
    if not (challenge.summary or "").strip():
        add("summary", "Write a short summary (at most 300 characters) before submitting.")
    if year_group_count is None:
        year_group_count = challenge.year_groups.count() if challenge.pk else 0
    if not year_group_count:
        add("year_groups", "Choose at least one year group before submitting.")
    if activities is None:
        activities = challenge.activities
    if not activity_values(activities):
        add("activities", "Add at least one activity before submitting.")
    if challenge.hero_image is not None:
        alt = _alt_problem(challenge.hero_image_alt, challenge.hero_image_decorative, "Main image")
        if alt:
            add("hero_image_alt", alt)
        for message in _credit_problems(challenge.hero_image, "Main image"):
            add("hero_image", message)
    for messages in problems_by_activity(activities).values():
        for child_messages in messages.values():
            for message in child_messages:
                add("activities", message)
    return problems


def readiness(challenge, year_group_count=None, activities=None):
    """[(requirement key, label, done)] for the editor's "Ready to submit: n of 5" list."""
    if activities is None:
        activities = challenge.activities
    problems = submission_problems(challenge, year_group_count, activities)
    by_activity = problems_by_activity(activities).values()
    failing = {
        "title": "title" in problems,
        "summary": "summary" in problems,
        "year_groups": "year_groups" in problems,
        "activities": not activity_values(activities)
        or any({"title", "body"} & set(found) for found in by_activity),
        "images": bool({"hero_image", "hero_image_alt"} & set(problems))
        or any("image" in found for found in by_activity),
    }
    return [(key, label, not failing[key]) for key, label in REQUIREMENTS]
