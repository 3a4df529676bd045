"""The controlled vocabularies a challenge is tagged with: subjects, themes and year groups."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel


class TaxonomyTerm(models.Model):
    """A controlled term; the slug is what search filters and the interchange format use."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)
        super().save(*args, **kwargs)


class Subject(TaxonomyTerm):
    """National curriculum subjects, RE, PSHE/RSHE and the EYFS areas of learning."""

    class Group(models.TextChoices):
        CURRICULUM = "curriculum", "National curriculum"
        OTHER = "other", "RE and PSHE/RSHE"
        EYFS = "eyfs", "EYFS area of learning"

    group = models.CharField(max_length=12, choices=Group.choices, default=Group.CURRICULUM)
    panels = TaxonomyTerm.panels + [FieldPanel("group")]


class Theme(TaxonomyTerm):
    """Cross-curricular themes such as wellbeing, outdoors or kindness."""


class YearGroup(models.Model):
    """Nursery, Reception and Years 1 to 13; fixed data seeded by a migration."""

    code = models.CharField(max_length=2, unique=True)
    name = models.CharField(max_length=20)
    key_stage = models.CharField(max_length=4)
    sort_order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["sort_order"]

    def __str__(self):
        return self.name
