"""The site tree: the library's home page, trusts and their schools."""

import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet

# Leaf vocabulary modules only (no models): the trust's defaults for new challenges.
from challenges.licences import DEFAULT_LICENCE, LICENCE_CHOICES
from challenges.vocabulary import VISIBILITY_CHOICES, Visibility

# A colour as six hexadecimal digits: a school's accent, and the embeds' `?accent=`.
HEX_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")
hex_colour = RegexValidator(
    HEX_COLOUR.pattern, "Enter a colour as six hexadecimal digits, e.g. 1D70B8."
)


class HomePage(Page):
    """The library's front page: latest public challenges and the trusts that share them."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.TrustPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    private_page_options = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["trusts"] = TrustPage.objects.child_of(self).live().order_by("title")
        return context


class OrganisationQuerySet(PageQuerySet):
    def originals(self):
        """Trusts or schools in the default language. A trust's or school's page in another
        language (made as the parent of its translated challenges) is the same trust or school,
        so lists of trusts and schools leave it out."""
        return self.filter(locale_id=Locale.get_default().pk)


class TrustPage(Page):
    """A multi-academy trust (a standalone school is a trust of one)."""

    objects = PageManager.from_queryset(OrganisationQuerySet)()

    intro = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    default_licence = models.CharField(
        max_length=40,
        choices=LICENCE_CHOICES,
        default=DEFAULT_LICENCE,
        help_text="New challenges in this trust start with this licence.",
    )
    default_visibility = models.CharField(
        max_length=10,
        choices=VISIBILITY_CHOICES,
        default=Visibility.TRUST,
        help_text="New challenges in this trust start with this visibility.",
    )

    second_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Someone outside the moderators who may also review submissions, so that a "
        "trust with a single moderator can still have that moderator's own challenges reviewed.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("website")], heading="Contact"),
        MultiFieldPanel(
            [FieldPanel("default_licence"), FieldPanel("default_visibility")],
            heading="Defaults for new challenges",
        ),
        FieldPanel("second_reviewer"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.SchoolPage", "challenges.LearningChallengePage"]
    private_page_options = []

    def schools(self):
        return SchoolPage.objects.child_of(self).live().order_by("title")


class SchoolPage(Page):
    """A school of a trust; its challenges sit beneath it."""

    objects = PageManager.from_queryset(OrganisationQuerySet)()

    intro = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    accent_colour = models.CharField(
        max_length=6,
        blank=True,
        validators=[hex_colour],
        help_text="Used to theme embedded challenges, six hex digits e.g. 1D70B8.",
    )
    default_share_how = models.TextField(
        blank=True,
        help_text="How families send their work back, e.g. 'Email a photo to office@...'. "
        "New challenges start with this.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("address"),
                FieldPanel("website"),
            ],
            heading="Contact details (printed on challenge sheets)",
        ),
        FieldPanel("accent_colour"),
        FieldPanel("default_share_how"),
    ]
    parent_page_types = ["home.TrustPage"]
    subpage_types = ["challenges.LearningChallengePage"]
    private_page_options = []

    @property
    def trust(self):
        return TrustPage.objects.ancestor_of(self).first()
