"""The challenge editor's form: defaults from the school and trust, and the submission rules."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .validation import submission_problems

# Buttons of the page editor that send a challenge towards publication.
SUBMITTING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


class ChallengePageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if "slug" in self.fields:
            # A draft needs only a title: the title's slug is filled in here whenever the browser
            # left it empty (a pasted title fires no keyup, and autosave posts before any blur).
            self.fields["slug"].required = False
        if self.instance._state.adding and parent_page is not None:
            self._set_defaults_from(parent_page.specific)

    def _set_defaults_from(self, parent):
        from home.models import SchoolPage, TrustPage

        school = parent if isinstance(parent, SchoolPage) else None
        trust = parent if isinstance(parent, TrustPage) else (school.trust if school else None)
        if trust is not None:
            self.initial.setdefault("licence", trust.default_licence)
            self.initial.setdefault("visibility", trust.default_visibility)
        if school is not None and school.default_share_how:
            self.initial.setdefault("share_how", school.default_share_how)

    def clean_slug(self):
        """The title's slug when the slug is empty, made unique among the school's challenges.

        A slug the teacher typed differently from the title is theirs: a clash is reported.
        """
        slug = self.cleaned_data.get("slug")
        from_title = slugify(self.data.get("title", ""))[:240] or "challenge"
        if slug and (slug != from_title or not self.instance._state.adding):
            return slug
        parent = self.parent_page
        slug, number = from_title, 1
        while parent is not None and not Page._slug_is_available(slug, parent, self.instance):
            number += 1
            slug = f"{from_title}-{number}"
        return slug

    @property
    def is_submitting(self):
        return any(action in self.data for action in SUBMITTING_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if self.is_submitting and not self.errors:
            instance = self.instance
            for field in ("summary", "hero_image", "hero_image_alt", "hero_image_decorative"):
                if field in cleaned_data:
                    setattr(instance, field, cleaned_data[field])
            problems = submission_problems(
                instance,
                year_group_count=len(cleaned_data.get("year_groups") or []),
                activities=cleaned_data.get("activities") or [],
            )
            for field, messages in problems.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned_data
