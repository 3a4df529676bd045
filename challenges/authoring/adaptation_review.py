"""The fields of an adaptation that still speak of the original school (DESIGN.md "Sharing with
partner trusts"). Until the adaptation is first published each of them says so under its label,
and the editor's banner names them with the tab they are on, as the teacher sees them."""

from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel, InlinePanel

CHECK = "Check this for your school"


def awaiting_first_publication(page):
    """An adaptation (or an imported copy) that has never been published: the one rule for the
    banner and the marked fields."""
    lineage = getattr(page, "adapted_from", None) or {}
    return bool(lineage.get("uid")) and page.first_published_at is None


class _MarkedOnAdaptation:
    """A bound panel that puts its panel's review note first in its help text, on an adaptation
    awaiting its first publication."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.marked = self.instance is not None and awaiting_first_publication(self.instance)
        if self.marked:
            school = (self.instance.adapted_from or {}).get("school") or "the original school"
            note = f"{CHECK}: {self.panel.review_note.format(school=school)}"
            self.help_text = f"{note} {self.help_text}" if self.help_text else note

    def classes(self):
        return super().classes() + (["adaptation-check"] if self.marked else [])


class ReviewFieldPanel(FieldPanel):
    """A field an adapter checks: `review_note` says why, `{school}` naming the original's."""

    def __init__(self, *args, review_note="it came from {school}'s challenge.", **kwargs):
        super().__init__(*args, **kwargs)
        self.review_note = review_note

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "review_note": self.review_note}

    class BoundPanel(_MarkedOnAdaptation, FieldPanel.BoundPanel):
        pass


class ReviewInlinePanel(InlinePanel):
    """An inline list an adapter checks (the contributors)."""

    def __init__(self, *args, review_note="it came from {school}'s challenge.", **kwargs):
        super().__init__(*args, **kwargs)
        self.review_note = review_note

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "review_note": self.review_note}

    class BoundPanel(_MarkedOnAdaptation, InlinePanel.BoundPanel):
        pass


def _label(panel, model):
    if panel.heading:
        return panel.heading.split(" (")[0]  # a heading's note in brackets is not its name
    return capfirst(model._meta.get_field(panel.field_name).verbose_name)


def fields_to_review(model):
    """[(tab heading, [field labels])] of the marked fields, in the editor's order."""
    found = []
    for tab in model.get_edit_handler().children:
        labels = [
            _label(panel, model)
            for panel in tab.children
            if isinstance(panel, ReviewFieldPanel | ReviewInlinePanel)
        ]
        if labels:
            found.append((tab.heading, labels))
    return found
