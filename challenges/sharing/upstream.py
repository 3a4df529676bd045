"""Upstream updates for adaptations that follow their original in this instance.

Three versions are compared (challenges/sharing/merge.py holds the rule): the original when it
was adapted or last pulled ("then"), the original now, and ours (the adaptation's latest revision,
draft included), field by field and activity by activity (matched by id). What only the original
changed is taken when someone pulls; what both changed keeps ours until a person chooses. Nothing
is pulled, and nothing is published, without a person. An original is known by where it came
from and its uid together: a copy imported from elsewhere is never bound to a challenge here.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from challenges.licences import licence_for
from challenges.models import LearningChallengePage
from challenges.sharing.compare import activity_title, field_text, marked, marked_activity
from challenges.sharing.merge import (
    BOTH,
    CHOICES,
    OURS,
    SAME,
    THEIRS,
    match_activities,
    merge_activities,
    three_way,
)
from challenges.visibility import can_view

FOLLOW = "follow"

# The content fields an update may bring, with labels for the admin's diff.
FIELDS = [
    ("title", "Title"),
    ("summary", "Summary"),
    ("kind", "Kind"),
    ("year_groups", "Year groups"),
    ("subjects", "Subjects"),
    ("themes", "Themes"),
    ("duration_min_minutes", "Shortest time"),
    ("duration_max_minutes", "Longest time"),
    ("cost", "Cost"),
    ("adult_support", "Adult help"),
    ("outcomes", "What you will learn"),
    ("materials", "You will need"),
    ("activities", "Activities"),
    ("family_guidance", "For grown-ups"),
    ("support_ideas", "If it feels tricky"),
    ("stretch_ideas", "Want more?"),
    ("safety_notes", "Safety notes"),
]
STREAM_FIELDS = {"outcomes", "materials", "activities"}
MANY_FIELDS = {"year_groups", "subjects", "themes"}


def comparable(page, name):
    """A field's value in a form that compares equal when the content is the same."""
    if name in STREAM_FIELDS:
        # Block ids differ between copies; the content is what matters.
        values = [value for _, value in _stream_values(getattr(page, name))]
        return json.dumps(values, sort_keys=True, default=str)
    if name in MANY_FIELDS:
        return sorted(str(item) for item in getattr(page, name).all())
    return getattr(page, name)


def following(queryset=None):
    """Adaptations that follow their original."""
    queryset = LearningChallengePage.objects.all() if queryset is None else queryset
    # A translation carries its original's lineage; only the original follows.
    return queryset.originals().filter(adapted_from__mode=FOLLOW)


def is_imported(lineage):
    """Did the copy arrive from a package or a partner (its original lives at `source`)?"""
    return "source" in (lineage or {})


def original_of(adaptation):
    """The original here, or a partner's newer version received by an import or check_upstream
    (kept as a revision of the adaptation that is not its latest). A copy that arrived from
    elsewhere is never matched to a challenge here by its uid: (source, uid) is the identity."""
    lineage = adaptation.adapted_from or {}
    uid = lineage.get("uid")
    if not uid:
        return None
    if is_imported(lineage):
        return partner_original(adaptation)
    return LearningChallengePage.objects.live().filter(uid=uid).first()


def original_credit(adaptation, original):
    """(school, trust) of the original itself, never of the copy that received it."""
    if original is not None and not is_partner_original(original):
        return (
            original.school.title if original.school else "",
            original.trust.title if original.trust else "",
        )
    lineage = adaptation.adapted_from or {}
    owner = ((lineage.get("upstream") or {}).get("document") or {}).get("owner") or {}
    return (
        owner.get("school") or lineage.get("school", ""),
        owner.get("trust") or lineage.get("trust", ""),
    )


def pull_refusal(original):
    """Why the original's changes may not be pulled into an adaptation, or "" when they may."""
    licence = licence_for(original.licence_spdx)
    if licence.adaptable:
        return ""
    return (
        f"The original is now under {licence.name}, which does not allow adapted copies, so its "
        "changes cannot be pulled into your adaptation. Ask its owner for permission."
    )


def partner_original(adaptation):
    upstream = (adaptation.adapted_from or {}).get("upstream") or {}
    revision = Revision.page_revisions.filter(
        pk=upstream.get("revision"), object_id=str(adaptation.pk)
    ).first()
    if revision is None:
        return None
    original = revision.as_object()
    original.version = int(upstream.get("version") or 0)
    original.upstream_revision_id = revision.pk
    return original


def is_partner_original(original):
    return getattr(original, "upstream_revision_id", None) is not None


def may_see_original(user, original):
    """A partner's version arrived in a copy the user may edit (checked by the caller); an
    original here must still be one the user may see."""
    return is_partner_original(original) or can_view(user, original)


def has_update(adaptation, original=None):
    original = original or original_of(adaptation)
    return bool(original) and original.version > int(adaptation.adapted_from.get("version") or 0)


def pending_updates(user=None):
    """[(adaptation, original)] where the original has a newer version (and, given a user, the
    user may edit the adaptation and still see the original)."""
    found = []
    adaptations = following().select_related("school", "trust")
    if user is not None and not user.is_superuser:
        # Only the copies the user may edit are worth looking up (the dashboard asks each time).
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        adaptations = adaptations.filter(pk__in=editable.values("pk"))
    for adaptation in adaptations:
        original = original_of(adaptation)
        if not has_update(adaptation, original):
            continue
        if user is not None and not (
            adaptation.permissions_for_user(user).can_edit() and may_see_original(user, original)
        ):
            continue
        found.append((adaptation, original))
    return found


@dataclass
class FieldChange:
    name: str
    label: str
    then: object
    now: object
    ours: object
    state: str  # "same", "theirs" (only the original changed), "ours", "both"

    @property
    def takes_update(self):
        return self.state == "theirs"


def _then(adaptation, original):
    revision_id = adaptation.adapted_from.get("base_revision")
    if is_partner_original(original):
        # Until a first pull, the original then is the copy as it arrived.
        revision_id = revision_id or adaptation.adapted_from.get("revision")
    revision = Revision.page_revisions.filter(pk=revision_id, object_id=str(original.pk)).first()
    return revision.as_object() if revision else None


def _activities(page):
    """[(id, stored value)] of a page's activities, the value as stored (comparable as is)."""
    if page is None:
        return []
    return _stream_values(page.activities)


def _stream_values(stream):
    """[(id, value)] normalised: a stream read lazily from a revision stores sparse values, a
    stream whose blocks were read stores every key; compared raw they would differ."""
    return [(child.id, child.block.get_prep_value(child.value)) for child in stream]


@dataclass
class Update:
    """The three versions of an adaptation's update, compared field by field and activity by
    activity; what `pull_into_draft` merges and the updates screen shows."""

    then: object
    original: object
    ours: object
    fields: list  # [FieldChange], activities left out (they are `activities`)
    activities: list  # [ActivityMerge] in merged order

    @property
    def activities_state(self):
        states = {merge.state for merge in self.activities} - {SAME}
        if BOTH in states:
            return BOTH
        if THEIRS in states:
            return THEIRS  # the original's activity changes arrive; ours stay too
        return OURS if states else SAME

    def activity_rows(self):
        """One row per activity someone changed, as a teacher reads it."""
        rows = []
        for number, merge in enumerate(self.activities, start=1):
            if merge.state == SAME and merge.base == merge.ours:
                continue  # unchanged: folded away
            rows.append(
                {
                    "id": merge.id,
                    "number": number,
                    "title": activity_title(merge),
                    "state": merge.state,
                    "change": merge.change,
                    "theirs": marked_activity(merge.base, merge.theirs),
                    "ours": marked_activity(merge.base, merge.ours),
                    "theirs_changed": merge.theirs != merge.base,
                    "ours_changed": merge.ours != merge.base,
                    "theirs_removed": merge.theirs is None,
                    "ours_removed": merge.ours is None,
                }
            )
        return rows

    def field_rows(self):
        rows = []
        for change in self.fields:
            if change.state == SAME:
                continue
            then, now, ours = (field_text(page, change.name) for page in self._pages)
            rows.append(
                {
                    "name": change.name,
                    "label": change.label,
                    "state": change.state,
                    "theirs": marked(then, now),
                    "ours": marked(then, ours),
                }
            )
        return rows

    @property
    def _pages(self):
        return (self.then if self.then is not None else self.ours, self.original, self.ours)


def compare(adaptation, original=None):
    """The Update of an adaptation against its original (here, or a partner's received)."""
    original = original or original_of(adaptation)
    then = _then(adaptation, original)
    ours = adaptation.get_latest_revision_as_object()
    fields = []
    for name, label in FIELDS:
        if name == "activities":
            continue
        now_value, ours_value = comparable(original, name), comparable(ours, name)
        then_value = comparable(then, name) if then is not None else ours_value
        state = three_way(then_value, now_value, ours_value)
        fields.append(FieldChange(name, label, then_value, now_value, ours_value, state))
    # Without a base (lost revision) ours stands in for it: only the original's changes show.
    base = _activities(then) if then is not None else _activities(ours)
    activities = match_activities(base, _activities(original), _activities(ours))
    return Update(then, original, ours, fields, activities)


def diff(adaptation, original=None):
    """Field by field, activities as one field: the original then and now, and ours."""
    update = compare(adaptation, original)
    changes = list(update.fields)
    activities = FieldChange("activities", "Activities", None, None, None, update.activities_state)
    changes.insert([name for name, _ in FIELDS].index("activities"), activities)
    return changes


class PullRefused(Exception):
    """The original's changes may not be pulled (its licence forbids adapting)."""


@transaction.atomic
def pull_into_draft(adaptation, user, original=None, take=(), keep=(), choices=None):
    """A new draft revision of the adaptation: fields and activities only the original changed
    take its version; what both changed keeps ours unless a person chose otherwise (fields named
    in `take` or `keep`; activities by {activity id: "theirs" | "ours" | "both"} in `choices`).
    The lineage moves on to the original's version only once every clash is settled, so until
    then the update stays listed. Returns (revision, [field names taken])."""
    original = original or original_of(adaptation)
    refusal = pull_refusal(original)
    if refusal:
        raise PullRefused(refusal)
    choices = dict(choices or {})
    update = compare(adaptation, original)
    draft = update.ours
    taken = []
    for change in update.fields:
        if not (change.takes_update or (change.state == BOTH and change.name in take)):
            continue
        if change.name in MANY_FIELDS:
            getattr(draft, change.name).set(list(getattr(original, change.name).all()))
        else:
            setattr(draft, change.name, getattr(original, change.name))
        taken.append(change.name)
    merged = merge_activities(update.activities, choices)
    if merged != _activities(draft):
        draft.activities = [
            {"type": "activity", "value": value, "id": activity_id} for activity_id, value in merged
        ]
        taken.append("activities")
    unsettled = [c for c in update.fields if c.state == BOTH and c.name not in {*take, *keep}]
    unsettled += [
        m for m in update.activities if m.state == BOTH and choices.get(m.id) not in CHOICES
    ]
    if not unsettled:
        lineage = dict(
            adaptation.adapted_from,
            version=original.version,
            base_revision=original.upstream_revision_id
            if is_partner_original(original)
            else original.live_revision_id,
        )
        lineage.pop("upstream", None)
        # The lineage belongs to the page, not to one revision.
        LearningChallengePage.objects.filter(pk=adaptation.pk).update(adapted_from=lineage)
    revision = draft.save_revision(user=user, log_action=True)
    return revision, taken
