"""The challenge editor's form: defaults from the school and trust, and the submission rules."""

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from challenges.authoring.starters import is_unused_slot
from challenges.validation import problems_by_activity, submission_problems
from challenges.vocabulary import AgeBand
from home.models import SchoolPage, TrustPage

SUMMARY_LIMIT = 300  # the format's limit (DESIGN.md: summary, at most 300 characters)

# Buttons of the page editor that send a challenge towards publication.
SUBMITTING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


class AgeBandsForm(forms.Form):
    """The weekly project starter's question: which age bands get their own activities."""

    age_bands = forms.MultipleChoiceField(
        choices=AgeBand.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Which age bands is it for?",
        help_text="Tick each band that gets its own activities; a slot is made for every band "
        "on every day and subject.",
        error_messages={"required": "Tick at least one age band the project is for."},
    )

    def cleaned_bands(self):
        # In the order of the format's bands, whatever order the boxes were ticked in.
        ticked = set(self.cleaned_data["age_bands"])
        return [band for band in AgeBand.values if band in ticked]


def people_of(school, trust):
    """Accounts a contributor may be linked to: the school's and its trust's people, no others."""
    pages = [page.pk for page in (school, trust) if page is not None]
    if trust is not None:
        pages += list(SchoolPage.objects.child_of(trust).values_list("pk", flat=True))
    return (
        User.objects.filter(
            is_active=True, is_superuser=False, groups__library_role__page__in=pages
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ChallengePageForm(WagtailAdminPageForm):
    hero_image_credit = forms.CharField(
        label="Credit for the main image",
        max_length=255,
        required=False,
        help_text="Who made it, e.g. 'Photo: Mrs K., Oak Primary'. Saved with the image.",
    )

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if "slug" in self.fields:
            # A draft needs only a title: the title's slug is filled in here whenever the browser
            # left it empty (a pasted title fires no keyup, and autosave posts before any blur).
            self.fields["slug"].required = False
        self._count_instead_of_cutting("summary", SUMMARY_LIMIT)
        if self.instance.hero_image_id:
            self.initial.setdefault("hero_image_credit", self.instance.hero_image.credit)
        school, trust = self._school_and_trust(parent_page)
        if self.instance._state.adding:
            self._set_defaults_from(school, trust)
        self._limit_contributor_accounts(people_of(school, trust))

    def _count_instead_of_cutting(self, name, limit):
        """No `maxlength`: the browser would cut a pasted text mid-sentence without a word. The
        editor's script counts characters instead, and too long a text gets a clear message."""
        field = self.fields.get(name)
        if field is None:
            return
        field.widget.attrs.pop("maxlength", None)
        field.widget.attrs["data-character-limit"] = str(limit)
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]

    def clean_summary(self):
        summary = self.cleaned_data.get("summary", "")
        if len(summary) > SUMMARY_LIMIT:
            raise ValidationError(
                f"The summary is {len(summary)} characters long: shorten it to {SUMMARY_LIMIT} "
                f"or fewer ({len(summary) - SUMMARY_LIMIT} too many). Nothing has been cut."
            )
        return summary

    def _school_and_trust(self, parent_page):
        place = parent_page.specific if parent_page is not None else None
        if place is None and self.instance.pk:
            return self.instance.school, self.instance.trust
        school = place if isinstance(place, SchoolPage) else None
        trust = place if isinstance(place, TrustPage) else (school.trust if school else None)
        return school, trust

    def _set_defaults_from(self, school, trust):
        # The model's own defaults are already in `initial`: the trust's replace them.
        if trust is not None:
            self.initial["licence"] = trust.default_licence
            self.initial["visibility"] = trust.default_visibility
        if school is not None and school.default_share_how:
            self.initial["share_how"] = school.default_share_how

    def _limit_contributor_accounts(self, people):
        formset = self.formsets.get("contributors")
        if formset is None:
            return
        for form in [*formset.forms, formset.empty_form]:
            if "user" in form.fields:
                form.fields["user"].queryset = people
        formset.form.base_fields["user"].queryset = people

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

    def full_clean(self):
        # Empty slots of a starting point are left out when submitting, so their required
        # children are checked here (clean) rather than by the block, slot by slot.
        activities = self.fields.get("activities")
        deferred_here = (
            self.is_bound
            and self.is_submitting
            and activities is not None
            and not getattr(activities, "is_deferred_validation", False)
        )
        if deferred_here:
            activities.is_deferred_validation = True
        try:
            super().full_clean()
        finally:
            if deferred_here:
                del activities.is_deferred_validation

    def clean(self):
        cleaned_data = super().clean()
        self.submission_problems = {}
        if self.is_submitting and not self.errors:
            stream = cleaned_data.get("activities")
            if stream is not None:
                kept = [
                    (block.block_type, block.value, block.id)
                    for block in stream
                    if not (block.block_type == "activity" and is_unused_slot(block.value))
                ]
                stream = StreamValue(stream.stream_block, kept)
                cleaned_data["activities"] = stream
            instance = self.instance
            for field in ("title", "summary", "hero_image", "hero_image_alt",
                          "hero_image_decorative"):  # fmt: skip
                if field in cleaned_data:
                    setattr(instance, field, cleaned_data[field])
            # An empty field keeps the image's own credit (typed when it was uploaded).
            if instance.hero_image is not None and cleaned_data.get("hero_image_credit"):
                instance.hero_image.credit = cleaned_data["hero_image_credit"]
            problems = submission_problems(
                instance,
                year_group_count=len(cleaned_data.get("year_groups") or []),
                activities=stream or [],
            )
            self.submission_problems = problems
            if "hero_image" in problems:
                problems["hero_image_credit"] = problems.pop("hero_image")
            by_activity = problems_by_activity(stream or [])
            if by_activity:
                # Each activity's problem sits on its own block and field.
                problems.pop("activities", None)
                self.add_error(
                    "activities",
                    StreamBlockValidationError(
                        block_errors={
                            index: StructBlockValidationError(
                                block_errors={
                                    name: ValidationError(messages)
                                    for name, messages in children.items()
                                }
                            )
                            for index, children in by_activity.items()
                        }
                    ),
                )
            for field, messages in problems.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=commit)
        self._save_hero_image_credit(page)
        return page

    def _save_hero_image_credit(self, page):
        """The credit is the image's: written back where the teacher may edit that image."""
        credit = (self.cleaned_data.get("hero_image_credit") or "").strip()
        image = page.hero_image
        if image is None or credit == (image.credit or "") or not credit:
            return
        if self.for_user is not None and image.is_editable_by_user(self.for_user):
            image.credit = credit
            image.save(update_fields=["credit"])
