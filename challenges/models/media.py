"""The custom image and document models: credit and licence travel with every file."""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.utils.file import hash_filelike

from challenges.licences import LICENCE_CHOICES
from challenges.media.checks import check_document_upload, check_image_upload
from challenges.media.storage import StorageUnavailable, checked, refusal, sha256_of_file

logger = logging.getLogger(__name__)


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


class CheckedFileMixin(models.Model):
    """A new file is checked (media_checks) and replaced by its clean bytes before it is stored,
    on every path: the admin form's clean() and any save() without it."""

    check_upload = None  # media_checks function
    # The partner API finds an asset by the sha256 its package names, without reading files.
    sha256 = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_new_file()
        super().save(*args, **kwargs)
        if self.file and not self.sha256:  # a file stored already (an import's document)
            try:
                self.sha256, _ = sha256_of_file(self.file)
            except (StorageUnavailable, OSError) as error:
                logger.warning("No sha256 for %s yet: %s", self.file.name, error)
                return
            type(self).objects.filter(pk=self.pk).update(sha256=self.sha256)

    def _check_new_file(self):
        file = self.file
        if not file or file._committed or getattr(file.file, "_media_checked", False):
            return
        cleaned = checked(type(self).check_upload(file, file.name))
        self.file = cleaned
        self.file_size = cleaned.size
        self.file_hash = hash_filelike(cleaned)
        cleaned.seek(0)
        self.sha256 = hashlib.sha256(cleaned.read()).hexdigest()
        cleaned.seek(0)
        field = self._meta.get_field("file")
        if hasattr(field, "update_dimension_fields"):
            field.update_dimension_fields(self, force=True)

    def clean(self):
        super().clean()
        try:
            self._check_new_file()
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error
        if self.file and not self.file._committed:
            # Refused before anything is written, rather than failing halfway through the save.
            problem = refusal(self.file.storage)
            if problem:
                raise ValidationError({"file": problem})


class ChallengeImage(CheckedFileMixin, MediaCreditMixin, AbstractImage):  # noqa: DJ008
    admin_form_fields = Image.admin_form_fields + MEDIA_FIELDS
    check_upload = staticmethod(check_image_upload)

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


class ChallengeDocument(CheckedFileMixin, MediaCreditMixin, AbstractDocument):  # noqa: DJ008
    admin_form_fields = Document.admin_form_fields + MEDIA_FIELDS
    check_upload = staticmethod(check_document_upload)
