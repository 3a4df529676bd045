"""Who adapted a challenge: one count for the original's pages and for `most_adapted` search
(the format's own fact, so search reads it here, not from sharing)."""

from django.db.models import Count

from challenges.models import LearningChallengePage


def _published_adaptations(uids):
    # A school counts once its adaptation is published: drafts come and go while people try.
    return LearningChallengePage.objects.live().filter(
        adapted_from__uid__in=[str(uid) for uid in uids]
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
