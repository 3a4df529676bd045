"""Admin views that keep school boundaries where Wagtail's own views do not."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from challenges.authoring.starters import STARTERS, apply_starter, year_codes_of_bands
from challenges.forms import AgeBandsForm
from challenges.models import LearningChallengePage, YearGroup
from home.models import SchoolPage, TrustPage


def _is_superuser(user):
    return user.is_active and user.is_superuser


page_types_usage_for_superusers = user_passes_test(_is_superuser)(
    PageTypesUsageReportView.as_view()
)


def can_take_offline(user, page):
    """Anyone who may edit a live challenge may take it offline at once; publishing stays with
    moderators. A teacher who spots a problem must not wait for a review to hide it."""
    return page.live and page.permissions_for_user(user).can_edit()


def take_offline(request, page_id):
    page = get_object_or_404(LearningChallengePage, pk=page_id)
    if not can_take_offline(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        UnpublishPageAction(page, user=request.user).execute(skip_permission_checks=True)
        messages.success(
            request, f"“{page.title}” is offline now. A moderator can publish it again."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "challenges/admin/take_offline.html", {"page": page})


# "New challenge": starting points and "copy one of ours" --------------------------------------


def parents_for_new_challenges(user):
    """The schools and trusts where this user may add a challenge, schools first."""
    candidates = list(SchoolPage.objects.originals().order_by("title")) + list(
        TrustPage.objects.originals().order_by("title")
    )
    return [
        parent
        for parent in candidates
        if LearningChallengePage.can_create_at(parent)
        and parent.permissions_for_user(user).can_add_subpage()
    ]


def copyable_challenges(user, parent, query=""):
    """Challenges of the parent's school and trust this user may read live, or edit as drafts."""
    trust = parent if isinstance(parent, TrustPage) else parent.trust
    in_trust = LearningChallengePage.objects.filter(trust=trust)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    readable = in_trust.visible_to(user).values("pk")
    challenges = in_trust.filter(Q(pk__in=readable) | Q(pk__in=editable.values("pk")))
    if query:
        challenges = challenges.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    return challenges.select_related("school").order_by("title")


def _parent_or_404(user, parent_id):
    parent = get_object_or_404(Page, pk=parent_id).specific
    if parent not in parents_for_new_challenges(user):
        raise PermissionDenied
    return parent


def new_challenge(request, parent_id=None):
    parents = parents_for_new_challenges(request.user)
    if not parents:
        raise PermissionDenied
    chosen = request.GET.get("parent") or parent_id
    parent = _parent_or_404(request.user, chosen) if chosen else parents[0]
    return _new_challenge_screen(request, parents, parent, AgeBandsForm())


def _new_challenge_screen(request, parents, parent, age_bands_form, status=200):
    query = request.GET.get("q", "").strip()
    return TemplateResponse(
        request,
        "challenges/admin/new_challenge.html",
        {
            "age_bands_form": age_bands_form,
            "page_title": "New challenge",
            "header_icon": "doc-full-inverse",
            "parent": parent,
            "parents": [
                (
                    option,
                    option.title
                    if isinstance(option, SchoolPage)
                    else f"{option.title} (the whole trust)",
                )
                for option in parents
            ],
            "starters": STARTERS.values(),
            "query": query,
            "copyable": copyable_challenges(request.user, parent, query)[:50],
        },
        status=status,
    )


def copy_challenge(request, parent_id, page_id):
    """Copy one of ours as a new draft: permissions checked here, as Page.copy() checks none."""
    parent = _parent_or_404(request.user, parent_id)
    source = get_object_or_404(copyable_challenges(request.user, parent), pk=page_id)
    if request.method != "POST":
        return redirect(reverse("challenges_new_in", args=[parent.pk]))
    title = f"{source.title} (copy)"
    slug, number = slugify(title)[:240], 1
    while not Page._slug_is_available(slug, parent):
        number += 1
        slug = f"{slugify(title)[:240]}-{number}"
    copy = source.copy(
        to=parent,
        update_attrs={"title": title, "slug": slug},
        keep_live=False,
        copy_revisions=False,
        user=request.user,
    )
    copy.save_revision(user=request.user, log_action=False)
    messages.success(request, f"“{source.title}” copied. Change what you need, then submit it.")
    return redirect("wagtailadmin_pages:edit", copy.pk)


# Submitting a challenge that is not ready yet: the draft is saved all the same --------------------


def _submission_blocked_only(form):
    """True when the form is valid but for the submission rules (challenges/forms.py)."""
    return bool(getattr(form, "submission_problems", None)) and all(
        formset.is_valid() for formset in form.formsets.values()
    )


def _save_draft_despite(form, save):
    """Run `save` with the form's errors set aside, then put them back on their fields."""
    errors = form._errors
    form._errors = type(errors)()
    try:
        return save()
    finally:
        form._errors = errors


def _not_ready_message(form):
    problems = [message for messages in form.submission_problems.values() for message in messages]
    listed = " ".join(f"• {problem}" for problem in problems)
    return (
        "Your draft was saved, but it was not submitted for review yet. Fix what is marked, "
        f"then submit again: {listed}"
    )


class ChallengeCreateView(CreateView):
    """Wagtail's create view; a submit that fails only the submission rules saves the draft."""

    def post(self, request, *args, **kwargs):
        # An autosave and a click creating at once: one at a time under a parent, so the second
        # sees the first's slug (and takes the next free one) instead of failing on it.
        with transaction.atomic():
            Page.objects.select_for_update().only("pk").get(pk=self.parent_page.pk)
            return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self.expects_json_response or not _submission_blocked_only(form):
            return super().form_invalid(form)

        def save():
            with transaction.atomic():
                self.page = form.save(commit=False)
                self.page.live = False
                self.parent_page.add_child(instance=self.page)
                self.page.save_revision(user=self.request.user, log_action=True, clean=False)
                self.subscription.page = self.page
                self.subscription.save()

        _save_draft_despite(form, save)
        messages.warning(self.request, _not_ready_message(form))
        return redirect("wagtailadmin_pages:edit", self.page.pk)


class NewChallengeFromStarterView(ChallengeCreateView):
    """The create view, with the form filled in from a starting point."""

    def dispatch(self, request, parent_page_id, starter):
        if starter not in STARTERS:
            raise Http404
        self.starter = STARTERS[starter]
        request.challenge_starter = self.starter
        content_type = ContentType.objects.get_for_model(LearningChallengePage)
        return super().dispatch(request, content_type.app_label, content_type.model, parent_page_id)

    def get(self, request):
        age_bands = ()
        if self.starter.asks_age_bands:
            form = AgeBandsForm(request.GET)
            if not form.is_valid():
                # Back to "New challenge", the question answered in words; nothing is created.
                parents = parents_for_new_challenges(request.user)
                return _new_challenge_screen(request, parents, self.parent_page, form, status=400)
            age_bands = form.cleaned_bands()
            self.page.year_groups = YearGroup.objects.filter(
                code__in=year_codes_of_bands(age_bands)
            )
        apply_starter(self.page, self.starter, age_bands)
        return super().get(request)


new_challenge_from_starter = NewChallengeFromStarterView.as_view()


class ChallengeEditView(EditView):
    """Wagtail's edit view; a submit that fails only the submission rules saves the draft."""

    def post(self, request, *args, **kwargs):
        # Autosave and "Save draft" may arrive together: one save per page at a time, and an
        # autosave checks the newest revision inside the lock, so older text never lands last.
        with transaction.atomic():
            locked = Page.objects.select_for_update().only("latest_revision").get(pk=self.page.pk)
            latest_revision = locked.latest_revision
            self.latest_revision = self.page.latest_revision = latest_revision
            for stale in ("is_out_of_date", "latest_revision_created_at"):
                self.__dict__.pop(stale, None)
            return super().post(request, *args, **kwargs)

    def json_error_response(self, error_code, error_message):
        if error_code == "invalid_revision":
            error_message = (
                "Not autosaved: a newer version of this page was saved a moment ago and is kept. "
                "Reload the page to carry on from it."
            )
        return super().json_error_response(error_code, error_message)

    def form_invalid(self, form):
        if self.expects_json_response or self.locked_for_user or not _submission_blocked_only(form):
            return super().form_invalid(form)

        def save():
            with transaction.atomic():
                page = form.save(commit=False)
                page.save_revision(
                    user=self.request.user,
                    log_action=True,
                    previous_revision=self.previous_revision,
                    clean=False,
                )
                return page

        self.page = _save_draft_despite(form, save)
        messages.warning(self.request, _not_ready_message(form))
        self.has_unsaved_changes = False
        return self.render_to_response(self.get_context_data())
