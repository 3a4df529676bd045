"""The learning challenge format v1: the page model, its tags and its contributors."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from challenges import visibility
from challenges.authoring.adaptation_review import ReviewFieldPanel, ReviewInlinePanel
from challenges.authoring.previews import PREVIEW_MODES, render_embed_preview, render_print_preview
from challenges.authoring.readiness import ReadinessPanel
from challenges.authoring.widgets import GroupedCheckboxes
from challenges.blocks import RICH_TEXT_FEATURES, ActivityBlock, MaterialBlock, OutcomeBlock
from challenges.family_view import family_view
from challenges.forms import ChallengePageForm
from challenges.languages.reading import html_lang, published_languages
from challenges.licences import LICENCE_CHOICES, LICENCES, adaptation_licence_error, licence_for
from challenges.models.media import ChallengeImage
from challenges.models.taxonomy import Subject, Theme, YearGroup
from challenges.richtext import sanitise_rich_text
from challenges.visibility import ChallengeQuerySet
from challenges.vocabulary import AdultSupport, Cost, Kind, Visibility, key_stages_for, sorted_years
from home.models import SchoolPage, TrustPage

SUMMARY_MAX_LENGTH = 300


class ChallengeTag(TaggedItemBase):
    content_object = ParentalKey(
        "challenges.LearningChallengePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ChallengeContributor(Orderable):
    """A display name a contributor chooses; the optional account link never leaves the admin."""

    page = ParentalKey(
        "challenges.LearningChallengePage", on_delete=models.CASCADE, related_name="contributors"
    )
    display_name = models.CharField(max_length=120, help_text="e.g. 'Mrs K., Oak Primary'")
    user = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional; only visible in the admin.",
    )

    panels = [FieldPanel("display_name"), FieldPanel("user")]

    def __str__(self):
        return self.display_name


hashtag_validator = RegexValidator(
    r"^#?\w{1,59}$", "A hashtag is one word of letters, numbers or underscores, e.g. #OakBugHotel."
)


class LearningChallengePage(Page):
    """A self-paced learning challenge for pupils and their families (format v1)."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)

    summary = models.TextField(
        blank=True,
        max_length=SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text="Plain text, at most 300 characters: what families will do and why.",
    )
    hero_image = models.ForeignKey(
        ChallengeImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for someone who cannot see it.",
    )
    hero_image_decorative = models.BooleanField(
        "hero image is decorative",
        default=False,
        help_text="Tick instead of alt text if the image adds no information.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    year_groups = ParentalManyToManyField(YearGroup, blank=True, related_name="challenges")
    subjects = ParentalManyToManyField(Subject, blank=True, related_name="challenges")
    themes = ParentalManyToManyField(Theme, blank=True, related_name="challenges")
    tags = ClusterTaggableManager(through=ChallengeTag, blank=True)
    duration_min_minutes = models.PositiveSmallIntegerField(
        "shortest time (minutes)",
        null=True,
        blank=True,
        help_text="Self-paced: a range. For projects, per day.",
    )
    duration_max_minutes = models.PositiveSmallIntegerField(
        "longest time (minutes)", null=True, blank=True
    )
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    adult_support = models.CharField(
        max_length=12, choices=AdultSupport.choices, default=AdultSupport.SOME_HELP
    )
    outcomes = StreamField([("outcome", OutcomeBlock())], blank=True)
    materials = StreamField([("material", MaterialBlock())], blank=True)
    activities = StreamField([("activity", ActivityBlock())], blank=True)
    support_ideas = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    stretch_ideas = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    family_guidance = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    safety_notes = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    share_how = models.TextField(
        "how to share your work",
        blank=True,
        help_text="How families send their work back to the school.",
    )
    share_hashtag = models.CharField(max_length=60, blank=True, validators=[hashtag_validator])
    licence = models.CharField(
        max_length=40,
        choices=LICENCE_CHOICES,
        blank=True,
        help_text="Leave empty to use your trust's default licence.",
    )
    visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.TRUST,
        help_text="Who can find and read this challenge. Only public challenges can be embedded "
        "on school websites.",
    )
    adapted_from = models.JSONField(null=True, blank=True, editable=False)

    # Derived from the tree on every save and move; filters and the audience key use them.
    trust = models.ForeignKey(
        TrustPage,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="owned_challenges",
    )
    school = models.ForeignKey(
        SchoolPage,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="owned_challenges",
    )
    audience = models.CharField(max_length=40, editable=False, db_index=True, default="")

    objects = PageManager.from_queryset(ChallengeQuerySet)()

    base_form_class = ChallengePageForm
    parent_page_types = ["home.SchoolPage", "home.TrustPage"]
    subpage_types = []
    private_page_options = []  # visibility is the only access setting
    exclude_fields_in_copy = ["uid", "version"]  # copy() sets adapted_from to the lineage
    # Fields that belong to the challenge as a whole, never to one revision.
    PAGE_LEVEL_FIELDS = ("uid", "version", "adapted_from")

    # Families' languages (wagtail-localize): what a family reads is translated; what is data
    # (year groups, subjects, themes, licence, visibility, kind, times, images) follows the
    # English original. The slug too: a translation's URL is the original's under /<language>/.
    # Each translation is a page of its own with its own `uid` (the column is unique) and
    # `version`; it belongs to its original's family through Wagtail's `translation_key`.
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("hero_image_alt"),
        TranslatableField("outcomes"),
        TranslatableField("materials"),
        TranslatableField("activities"),
        TranslatableField("support_ideas"),
        TranslatableField("stretch_ideas"),
        TranslatableField("family_guidance"),
        TranslatableField("safety_notes"),
        TranslatableField("share_how"),
        SynchronizedField("slug"),
        SynchronizedField("share_hashtag"),
        SynchronizedField("year_groups"),
        SynchronizedField("subjects"),
        SynchronizedField("themes"),
        SynchronizedField("licence"),
        SynchronizedField("visibility"),
        SynchronizedField("kind"),
        SynchronizedField("cost"),
        SynchronizedField("adult_support"),
        SynchronizedField("duration_min_minutes"),
        SynchronizedField("duration_max_minutes"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_image_decorative"),
    ]

    essentials_panels = [
        ReadinessPanel(heading="Ready to submit"),
        TitleFieldPanel("title", heading="Title (needed to submit)"),
        FieldPanel("summary", heading="Summary (needed to submit)"),
        FieldPanel(
            "year_groups",
            heading="Year groups (needed to submit)",
            widget=GroupedCheckboxes(group_of=lambda year: year.key_stage),
        ),
        FieldRowPanel(
            [FieldPanel("duration_min_minutes"), FieldPanel("duration_max_minutes")],
            heading="How long",
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("cost"), FieldPanel("adult_support")]),
        FieldPanel(
            "subjects",
            widget=GroupedCheckboxes(group_of=lambda subject: subject.get_group_display()),
        ),
        FieldPanel("themes", widget=GroupedCheckboxes()),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_image_alt"), FieldPanel("hero_image_credit")]),
                FieldPanel("hero_image_decorative"),
            ],
            heading="Main image",
        ),
    ]
    activity_panels = [
        FieldPanel(
            "outcomes",
            heading="What you will learn",
            help_text='Two or three short statements starting "I can...". Optional.',
        ),
        FieldPanel(
            "materials",
            heading="You will need",
            help_text="One item per line, with a household alternative where you can. Optional.",
        ),
        FieldPanel(
            "activities",
            heading="Activities (at least one needed to submit)",
            help_text="The steps families follow. Give each a title and say what to do; set an age "
            "band so siblings can each do their own. Empty slots of a weekly project are left "
            "out when you submit.",
        ),
    ]
    family_panels = [
        FieldPanel("family_guidance"),
        FieldPanel("support_ideas"),
        FieldPanel("stretch_ideas"),
        FieldPanel("safety_notes"),
        ReviewFieldPanel("share_how"),
        ReviewFieldPanel("share_hashtag"),
    ]
    sharing_panels = [
        FieldPanel("visibility"),
        FieldPanel("licence"),
        ReviewInlinePanel(
            "contributors",
            label="Contributor",
            heading="Contributors (names shown publicly)",
            review_note="keep the original's authors credited; add your own name if it is missing.",
        ),
    ]  # the channels add "Embed on your website" (ChallengesConfig.ready): models name no channel
    edit_handler = TabbedInterface(
        [
            ObjectList(essentials_panels, heading="Essentials"),
            ObjectList(activity_panels, heading="Activities"),
            ObjectList(family_panels, heading="For families"),
            ObjectList(sharing_panels, heading="Sharing and licence"),
            ObjectList(Page.promote_panels, heading="Promote"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("visibility"),
        index.FilterField("audience"),
    ]

    api_fields = [
        APIField("uid"),
        APIField("version"),
        APIField("summary"),
        APIField("kind"),
        APIField("year_group_codes"),
        APIField("key_stages"),
        APIField("subject_slugs"),
        APIField("theme_slugs"),
        APIField("tag_names"),
        APIField("duration_min_minutes"),
        APIField("duration_max_minutes"),
        APIField("cost"),
        APIField("adult_support"),
        APIField("screen_free"),
        APIField("outcomes"),
        APIField("materials"),
        APIField("activities"),
        APIField("support_ideas"),
        APIField("stretch_ideas"),
        APIField("family_guidance"),
        APIField("safety_notes"),
        APIField("share_how"),
        APIField("share_hashtag"),
        APIField("contributor_names"),
        APIField("licence_spdx"),
        APIField("owned_by"),
    ]

    class Meta:
        verbose_name = "learning challenge"

    def __str__(self):
        return self.title

    # Derived values -------------------------------------------------------------------------

    @property
    def year_group_codes(self):
        return sorted_years(year.code for year in self.year_groups.all())

    @property
    def key_stages(self):
        return key_stages_for(self.year_group_codes)

    @property
    def subject_slugs(self):
        return sorted(subject.slug for subject in self.subjects.all())

    @property
    def theme_slugs(self):
        return sorted(theme.slug for theme in self.themes.all())

    @property
    def tag_names(self):
        return sorted(tag.name for tag in self.tags.all())

    @property
    def contributor_names(self):
        return [contributor.display_name for contributor in self.contributors.all()]

    @property
    def activity_values(self):
        return [block.value for block in self.activities if block.block_type == "activity"]

    @property
    def screen_free_count(self):
        return sum(1 for activity in self.activity_values if not activity["needs_screen"])

    @property
    def screen_free(self):
        """`all` when no activity needs a screen, `some` when at least one does not, else `none`."""
        activities = self.activity_values
        free = self.screen_free_count
        if activities and free == len(activities):
            return "all"
        return "some" if free else "none"

    @property
    def family_sections(self):
        """The rich-text guidance sections that have content, with their headings (in the
        language being rendered: the page furniture comes from gettext catalogs)."""
        sections = [
            (gettext("For grown-ups"), self.family_guidance),
            (gettext("Safety notes"), self.safety_notes),
            (gettext("If it feels tricky"), self.support_ideas),
            (gettext("Want more?"), self.stretch_ideas),
        ]
        return [(heading, text) for heading, text in sections if text]

    @property
    def licence_spdx(self):
        return self.effective_licence.spdx

    @property
    def effective_licence(self):
        return licence_for(self.licence or (self.trust.default_licence if self.trust else ""))

    @property
    def original_licence_name(self):
        """The original's licence as people read it: the lineage keeps its SPDX id."""
        spdx = (self.adapted_from or {}).get("licence", "")
        known = LICENCES.get(spdx)
        return known.name if known else spdx  # a licence from elsewhere we do not know by name

    @property
    def owned_by(self):  # not `owner`: Wagtail's Page.owner is the creating user
        return {
            "trust": self.trust.title if self.trust else None,
            "school": self.school.title if self.school else None,
        }

    @property
    def credit_organisation(self):
        return self.school or self.trust

    # Validation and lifecycle ----------------------------------------------------------------

    RICH_TEXT_FIELDS = ("support_ideas", "stretch_ideas", "family_guidance", "safety_notes")

    def sanitise(self):
        """Keep every rich text to the editor's features, whatever route it arrived by."""
        for name in self.RICH_TEXT_FIELDS:
            setattr(self, name, sanitise_rich_text(getattr(self, name)))
        for block in self.activities:
            if block.block_type == "activity" and block.value.get("body"):
                body = block.value["body"]
                clean = sanitise_rich_text(body.source)
                if clean != body.source:
                    block.value["body"] = type(body)(clean)

    def clean(self):
        super().clean()
        self.sanitise()
        errors = {}
        low, high = self.duration_min_minutes, self.duration_max_minutes
        if low is not None and high is not None and high < low:
            errors["duration_max_minutes"] = (
                f"The longest time ({high} minutes) is shorter than the shortest time "
                f"({low} minutes)."
            )
        if self.hero_image_alt and self.hero_image_decorative:
            errors["hero_image_decorative"] = (
                "An image is either decorative or has alt text, not both."
            )
        origin_licence = (self.adapted_from or {}).get("licence")
        if origin_licence and self.licence:
            licence_error = adaptation_licence_error(origin_licence, self.licence)
            if licence_error:
                errors["licence"] = licence_error
        if self.share_hashtag and not self.share_hashtag.startswith("#"):
            self.share_hashtag = "#" + self.share_hashtag
        if errors:
            raise ValidationError(errors)

    # Families' languages ---------------------------------------------------------------------

    @property
    def is_translation(self):
        return self.locale_id is not None and self.locale_id != Locale.get_default().pk

    def original(self):
        """The English page this one translates (itself when it is the original)."""
        if not self.is_translation:
            return self
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale=Locale.get_default())
            .first()
            or self
        )

    def derive_ownership(self):
        """Trust, school and audience key follow from where the page sits in the tree; a
        translation's follow its original's, so it is exactly as visible as the original."""
        if not self.path:
            return
        original = self.original()
        if original is not self:
            self.trust_id, self.school_id = original.trust_id, original.school_id
            self.visibility, self.audience = original.visibility, original.audience
            return
        self.trust = TrustPage.objects.ancestor_of(self).first()
        self.school = SchoolPage.objects.ancestor_of(self).first()
        self.audience = visibility.audience_key(self.visibility, self.trust_id, self.school_id)

    def save(self, *args, **kwargs):
        # Partial saves (a draft revision of a live page) must not change who sees the live page.
        if kwargs.get("update_fields") is None:
            self.sanitise()
            self.derive_ownership()
            if not self.licence and self.trust:
                self.licence = self.trust.default_licence
        saved = super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None and not self.is_translation:
            self.translations_follow()
        return saved

    def translations_follow(self):
        """Whatever the original's owner and audience now are, its translations' are too."""
        type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            trust=self.trust_id,
            school=self.school_id,
            visibility=self.visibility,
            audience=self.audience,
        )

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        # Read from the database: `self` may be a stale in-memory copy from before a publish.
        current = type(self).objects.filter(pk=self.pk).values(*self.PAGE_LEVEL_FIELDS).first()
        for field in self.PAGE_LEVEL_FIELDS:
            setattr(obj, field, current[field] if current else getattr(self, field))
        return obj

    def copy(self, *args, update_attrs=None, **kwargs):
        """A copy is a new challenge (new uid) that records where it came from."""
        update_attrs = dict(update_attrs or {})
        locale = update_attrs.get("locale")
        if locale is not None and locale != self.locale:
            # A translation (wagtail-localize copies for translation): the same challenge in
            # another language, not an adaptation; it keeps the original's lineage.
            update_attrs.setdefault("adapted_from", self.adapted_from)
        update_attrs.setdefault("adapted_from", self.lineage())
        return super().copy(*args, update_attrs=update_attrs, **kwargs)

    def lineage(self, changes="", mode="snapshot"):
        return {
            "uid": str(self.uid),
            "title": self.title,
            "trust": self.trust.title if self.trust else "",
            "school": self.school.title if self.school else "",
            "url": self.full_url or "",
            "version": self.version,
            "licence": self.licence_spdx,
            "changes": changes,
            "mode": mode,
        }

    # Serving ----------------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        if not visibility.can_view(request.user, self):
            raise Http404  # a challenge the viewer may not see looks exactly like a missing one
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["family"] = family_view(self, request.GET.get("year"))
        return context

    preview_modes = PREVIEW_MODES
    default_preview_mode = ""

    def serve_preview(self, request, mode_name):
        if mode_name == "embed":
            return render_embed_preview(request, self)
        if mode_name == "print":
            return render_print_preview(request, self)
        return super().serve_preview(request, mode_name)

    def get_sitemap_urls(self, request=None):
        if self.visibility != Visibility.PUBLIC:
            return []
        urls = super().get_sitemap_urls(request)
        # Its published translations as hreflang alternates, itself among them (as crawlers ask).
        visible = type(self).objects.visible_to(visibility.anonymous())
        languages = published_languages(self, visible)
        if len(languages) > 1:
            urls[0]["alternates"] = [
                {
                    "lang_code": html_lang(page.locale.language_code),
                    "location": page.get_full_url(request),
                }
                for page in languages
            ]
        return urls
