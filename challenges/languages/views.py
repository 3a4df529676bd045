"""The translator's last step: a translation made in wagtail-localize's editor goes to the trust's
review like any other change (that editor offers "Publish" only to those who may publish)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from challenges.languages.reading import language_name
from challenges.languages.translating import translation_into_locale
from challenges.models import LearningChallengePage


def isolated(text):
    """`text` in Unicode's first-strong isolate: an Urdu title inside an English sentence keeps
    its own direction and leaves the sentence's quotes and brackets where they were."""
    return f"\u2068{text}\u2069"


def may_submit_translation(user, page):
    return (
        page.is_translation
        and page.permissions_for_user(user).can_edit()
        and page.get_workflow() is not None
        and not page.workflow_in_progress
    )


def submit_translation(request, page_id):
    page = get_object_or_404(LearningChallengePage, pk=page_id)
    if not page.is_translation:
        raise Http404
    if not may_submit_translation(request.user, page):
        raise PermissionDenied
    language = language_name(page.locale.language_code)
    if request.method == "POST":
        # What the translator has entered so far becomes the revision the moderators review.
        translation = translation_into_locale(page)
        if translation is not None:
            translation.save_target(user=request.user, publish=False)
        page = LearningChallengePage.objects.get(pk=page.pk)
        page.get_workflow().start(page, request.user)
        messages.success(
            request,
            f"“{isolated(page.title)}” ({isolated(language)}) is with the trust's moderators "
            "for review.",
        )
        # Back to the translation, whose editor now says where it is.
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "challenges/admin/submit_translation.html",
        {
            "page": page,
            "language": language,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
