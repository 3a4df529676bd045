"""The custom image and document models: credit and licence travel with every file."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from ..licences import LICENCE_CHOICES


class MediaCreditMixin(models.Model):
    """Credit and licence travel with every image and document."""

    credit = models.CharField(
        max_length=255, blank=True, help_text="Who made it, e.g. 'Photo: Mrs K., Oak Primary'."
    )
    licence = models.CharField(max_length=40, choices=LICENCE_CHOICES, blank=True)
    source_url = models.URLField(blank=True, help_text="Where it came from, if not made by us.")
    shows_pupils = models.BooleanField(
        default=False, help_text="Tick if pupils can be seen or identified in it."
    )
    pupil_consent_confirmed = models.BooleanField(
        default=False,
        help_text="The school has confirmed consent for every pupil shown. Never shared outside "
        "this library.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.shows_pupils and not self.pupil_consent_confirmed:
            raise ValidationError(
                {
                    "pupil_consent_confirmed": "This shows pupils: confirm the school has consent "
                    "for every pupil shown, or choose another file."
                }
            )

    @property
    def may_leave_instance(self):
        """Anything showing pupils stays here: not in exports, feeds, the API, oEmbed or JSON-LD."""
        return not self.shows_pupils


MEDIA_FIELDS = ("credit", "licence", "source_url", "shows_pupils", "pupil_consent_confirmed")


class ChallengeImage(MediaCreditMixin, AbstractImage):  # noqa: DJ008 (AbstractImage has __str__)
    admin_form_fields = Image.admin_form_fields + MEDIA_FIELDS

    @property
    def default_alt_text(self):
        """Never the title (often a file name such as "IMG_2034"): alt text is written where the
        image is used, or the image is marked decorative. Wagtail's image tag and the image
        block's suggestion both read this."""
        return ""


class ChallengeImageRendition(AbstractRendition):
    image = models.ForeignKey(ChallengeImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ChallengeDocument(MediaCreditMixin, AbstractDocument):  # noqa: DJ008
    admin_form_fields = Document.admin_form_fields + MEDIA_FIELDS
