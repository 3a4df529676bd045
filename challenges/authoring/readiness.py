"""The editor's "Ready to submit: 3 of 5" list, with the printed-page estimate and a visibility
hint, at the top of the Essentials tab. The editor's script keeps the first three items current as
the teacher types; the rest follow each save."""

from wagtail.admin.panels import Panel

from challenges.authoring.sizing import estimated_print_pages
from challenges.validation import readiness
from challenges.vocabulary import AgeBand, Kind, Visibility

# The fields of the form each live-checked requirement watches (static/js/editor.js).
LIVE_REQUIREMENTS = {"title", "summary", "year_groups"}


class ReadinessPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "challenges/admin/readiness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            challenge = self.instance
            items = readiness(challenge)
            context["items"] = [
                {"key": key, "label": label, "done": done, "live": key in LIVE_REQUIREMENTS}
                for key, label, done in items
            ]
            context["done_count"] = sum(1 for _key, _label, done in items if done)
            context["total"] = len(items)
            context["pages"] = estimated_print_pages(challenge)
            if challenge.kind == Kind.WEEKLY:
                bands = {
                    block.value["age_band"]
                    for block in challenge.activities
                    if block.block_type == "activity"
                } - {AgeBand.ALL}
                if bands:
                    context["band_pages"] = max(
                        estimated_print_pages(challenge, band) for band in bands
                    )
            # A submit button: the draft is saved first, then the planner opens (wagtail_hooks.py).
            context["offers_week_planner"] = challenge.kind == Kind.WEEKLY
            context["embeddable"] = challenge.visibility == Visibility.PUBLIC
            context["visibility_label"] = Visibility(challenge.visibility).label
            return context
