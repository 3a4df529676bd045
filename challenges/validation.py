"""What a challenge needs before it can be submitted for review or published.

A draft needs only a title. Submitting needs a title, summary, year groups, one activity, and
alt text (or "decorative") and a credit for each image.
"""

from django.utils.html import strip_tags


def _image_problems(image, alt_text, decorative, where):
    problems = []
    if image is None:
        return problems
    if not (alt_text or "").strip() and not decorative:
        problems.append(f'{where}: add alt text describing the image, or tick "decorative".')
    if not (image.credit or "").strip():
        problems.append(f'{where}: the image "{image.title}" needs a credit (edit it in Images).')
    if image.shows_pupils and not image.pupil_consent_confirmed:
        problems.append(
            f'{where}: the image "{image.title}" shows pupils without confirmed consent.'
        )
    return problems


def submission_problems(challenge, year_group_count=None, activities=None):
    """A dict of field name to the list of problems a teacher must fix before submitting.

    `year_group_count` and `activities` let the admin form check values not yet saved.
    """
    problems = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    if not (challenge.summary or "").strip():
        add("summary", "Write a short summary (at most 300 characters) before submitting.")
    if year_group_count is None:
        year_group_count = challenge.year_groups.count() if challenge.pk else 0
    if not year_group_count:
        add("year_groups", "Choose at least one year group before submitting.")
    if activities is None:
        activities = challenge.activities
    activity_values = [block.value for block in activities if block.block_type == "activity"]
    if not activity_values:
        add("activities", "Add at least one activity before submitting.")
    for field, message in [
        ("hero_image_alt", m)
        for m in _image_problems(
            challenge.hero_image,
            challenge.hero_image_alt,
            challenge.hero_image_decorative,
            "Main image",
        )
    ]:
        add(field, message)
    for number, activity in enumerate(activity_values, start=1):
        where = f"Activity {number} ({activity['title']})"
        if not strip_tags(activity["body"].source if activity["body"] else "").strip():
            add("activities", f"{where}: say what to do.")
        image = activity.get("image")
        if image is not None:
            for message in _image_problems(
                image,
                getattr(image, "contextual_alt_text", ""),
                getattr(image, "decorative", False),
                where,
            ):
                add("activities", message)
        document = activity.get("document")
        if document is not None and not (document.credit or "").strip():
            add("activities", f'{where}: the document "{document.title}" needs a credit.')
    return problems
