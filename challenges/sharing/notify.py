"""Followers hear about updates: after every check for updates (the command, its periodic task,
"Check now"), each editor of an adapting school gets one email naming the originals they follow
that changed, once per new version; the dashboard shows the same count whenever they sign in."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import original_credit, pending_updates
from home.models import Role

NOTIFIED = "notified_version"  # the original's version the followers were last told of


def changed_count_phrase(count):
    """“1 original you follow has changed” / “3 originals you follow have changed”."""
    if count == 1:
        return "1 original you follow has changed"
    return f"{count} originals you follow have changed"


def _editors_of(school):
    """Active editors of the school with an email address: whom an update concerns."""
    if school is None:
        return []
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__library_role__page=school,
            groups__library_role__kind=Role.Kind.SCHOOL_EDITOR,
        )
        .exclude(email="")
        .distinct()
    )


def _not_yet_told(adaptation, original):
    return int((adaptation.adapted_from or {}).get(NOTIFIED) or 0) < original.version


def _mark_told(adaptation, version):
    # Read again: the check that just ran may have written the lineage (a received version).
    lineage = LearningChallengePage.objects.filter(pk=adaptation.pk).values_list(
        "adapted_from", flat=True
    )[0]
    lineage = dict(lineage or {}, **{NOTIFIED: version})
    LearningChallengePage.objects.filter(pk=adaptation.pk).update(adapted_from=lineage)


def _line(adaptation, original):
    school, trust = original_credit(adaptation, original)
    by = ", ".join(part for part in (school, trust) if part)
    url = settings.WAGTAILADMIN_BASE_URL + reverse("challenges_upstream", args=[adaptation.pk])
    return (
        f"- “{original.title}” by {by} is now version {original.version}; your adaptation "
        f"“{adaptation.title}” ({adaptation.school.title if adaptation.school else ''}) adapted "
        f"version {adaptation.adapted_from.get('version')}.\n  See the changes and take them "
        f"into a new draft: {url}"
    )


def tell_followers():
    """Email each editor of an adapting school about originals that changed since they were last
    told; returns how many emails were sent. Nothing is pulled or published."""
    news = [(a, o) for a, o in pending_updates() if _not_yet_told(a, o)]
    lines = defaultdict(list)
    for adaptation, original in news:
        for editor in _editors_of(adaptation.school):
            if adaptation.permissions_for_user(editor).can_edit():
                lines[editor].append(_line(adaptation, original))
    messages = []
    for editor, items in lines.items():
        subject = changed_count_phrase(len(items))
        body = (
            f"{subject}.\n\n" + "\n".join(items) + "\n\nNothing changes in your adaptations until "
            "you take an update; your own edits are kept."
        )
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [editor.email]))
    send_mass_mail(messages, fail_silently=False)
    for adaptation, original in news:
        _mark_told(adaptation, original.version)
    return len(messages)
