"""StreamField blocks of the learning challenge format v1.

Blocks are small and stable: their names and child names are part of the interchange format,
so rename nothing here without a schema version bump.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageBlockComparison

from challenges.vocabulary import ActivitySubject, AgeBand, Day

# Rich text in challenges: bold, italic, h3, lists and links; nothing else (no embeds, no images).
RICH_TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link"]


class OutcomeBlock(blocks.CharBlock):
    """One short learning outcome, written as an "I can..." statement."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "help_text",
            'Start with "I can...", e.g. "I can add fractions with the same denominator".',
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        label = "Outcome"


class MaterialBlock(blocks.StructBlock):
    """Something the family needs, with an optional household alternative to keep costs down."""

    item = blocks.CharBlock(max_length=120, help_text="e.g. Paper plates")
    household_alternative = blocks.CharBlock(
        max_length=120, required=False, help_text="Optional, e.g. Cereal-box card"
    )

    class Meta:
        icon = "list-ul"
        label = "Material"


class EmptyImageComparison(ImageBlockComparison):
    """Wagtail's image comparison fails on an empty optional image (a 500 on "Compare")."""

    def htmlvalue(self, val):
        return super().htmlvalue(self.block._image_to_struct_value(None) if val is None else val)


class OptionalImageBlock(ImageBlock):
    """An ImageBlock (and deconstructed as one, so no migration) whose revisions compare when
    one side has no image."""

    def get_comparison_class(self):
        return EmptyImageComparison


class ActivityBlock(blocks.StructBlock):
    """One step of a challenge. Days are a recommended order, never a timetable; the age band
    lets siblings of different ages each do their own activities around one shared theme."""

    title = blocks.CharBlock(max_length=120)
    day = blocks.ChoiceBlock(
        choices=Day.choices, required=False, help_text="Optional recommended day"
    )
    subject = blocks.ChoiceBlock(choices=ActivitySubject.choices, required=False)
    age_band = blocks.ChoiceBlock(choices=AgeBand.choices, default=AgeBand.ALL)
    needs_screen = blocks.BooleanBlock(
        required=False, help_text="Tick if this activity needs a phone, tablet or computer."
    )
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="What to do")
    image = OptionalImageBlock(required=False)
    video_url = blocks.URLBlock(required=False, label="Video URL")
    document = DocumentChooserBlock(required=False, help_text="e.g. a worksheet to print")

    class Meta:
        icon = "form"
        label = "Activity"
        form_classname = "struct-block activity-block"
