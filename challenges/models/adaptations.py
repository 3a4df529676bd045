"""Who adapted a challenge (one count for the original's pages and for `most_adapted` search: the
format's own fact, so search reads it here, not from sharing), and what an adaptation says about
itself in the editor until it is first published."""

from django.db.models import Count

from challenges.authoring.adaptation_review import (
    CHECK,
    awaiting_first_publication,
    fields_to_review,
)
from challenges.models import LearningChallengePage


def _published_adaptations(uids):
    # A school counts once its adaptation is published: drafts come and go while people try.
    # Copies imported from elsewhere name their source's challenge, never one here.
    return (
        LearningChallengePage.objects.live()
        .filter(adapted_from__uid__in=[str(uid) for uid in uids])
        .exclude(adapted_from__has_key="source")
    )


def adaptation_count(challenge):
    """Schools in this instance with a published adaptation of the challenge."""
    return adaptation_counts([challenge.uid]).get(str(challenge.uid), 0)


def adaptation_counts(uids):
    """adaptation_count for many challenges at once: {uid: count}, in one query."""
    rows = (
        _published_adaptations(uids)
        .exclude(school=None)
        .order_by()  # pages are ordered by tree path: that would split the groups
        .values("adapted_from__uid")
        .annotate(schools=Count("school", distinct=True))
    )
    return {row["adapted_from__uid"]: row["schools"] for row in rows}


def adaptation_summary(challenge):
    """{"schools": n, "trusts": m} that adapted the challenge, for its pages."""
    found = (
        _published_adaptations([challenge.uid])
        .exclude(school=None)
        .aggregate(schools=Count("school", distinct=True), trusts=Count("trust", distinct=True))
    )
    return {"schools": found["schools"] or 0, "trusts": found["trusts"] or 0}


def adaptation_banner(page):
    """“Your adaptation of X by School, Trust” and the fields to review with their tabs, for an
    adaptation (or an imported copy) not yet published; None for anything else."""
    if not awaiting_first_publication(page):
        return None
    lineage = page.adapted_from
    by = ", ".join(part for part in (lineage.get("school"), lineage.get("trust")) if part)
    where = "; ".join(
        f"{', '.join(labels)} ({tab} tab)" for tab, labels in fields_to_review(type(page))
    )
    return (
        f"Your adaptation of “{lineage.get('title', '')}”{f' by {by}' if by else ''}. Before it "
        f"is published, check what still speaks of the original school, marked “{CHECK}”: "
        f"{where}."
    )
