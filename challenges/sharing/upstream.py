"""Upstream updates for adaptations that follow their original in this instance.

Three versions of each field are compared: the original when it was adapted ("then"), the original
now, and ours (the adaptation's latest revision, draft included). A field only the original
changed takes the new value when someone pulls; a field both changed keeps ours and is shown side
by side until a person chooses. Nothing is pulled, and nothing is published, without a person.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Revision

from challenges.models import LearningChallengePage
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
        raw = getattr(page, name).get_prep_value()
        # Block ids differ between copies; the content is what matters.
        return json.dumps([{k: v for k, v in b.items() if k != "id"} for b in raw], sort_keys=True)
    if name in MANY_FIELDS:
        return sorted(str(item) for item in getattr(page, name).all())
    return getattr(page, name)


def shown(page, name):
    """A field's value as a person reads it in the diff."""
    if name in STREAM_FIELDS:
        return [_block_text(block) for block in getattr(page, name)]
    if name in MANY_FIELDS:
        return ", ".join(sorted(str(item) for item in getattr(page, name).all()))
    value = getattr(page, name)
    return "" if value is None else str(value)


def _block_text(block):
    value = block.value
    if isinstance(value, dict) or hasattr(value, "items"):
        parts = []
        for key, item in value.items():
            text = getattr(item, "source", item)
            if item not in (None, "", False):
                parts.append(f"{key}: {text}")
        return "; ".join(parts)
    return str(value)


def following(queryset=None):
    """Adaptations that follow their original."""
    queryset = LearningChallengePage.objects.all() if queryset is None else queryset
    return queryset.filter(adapted_from__mode=FOLLOW)


def original_of(adaptation):
    """The original here, or a partner's newer version received by an import or check_upstream
    (kept as a revision of the adaptation that is not its latest)."""
    uid = (adaptation.adapted_from or {}).get("uid")
    if not uid:
        return None
    return LearningChallengePage.objects.live().filter(uid=uid).first() or partner_original(
        adaptation
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
    for adaptation in following().select_related("school", "trust"):
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


def diff(adaptation, original=None):
    """Field by field: the original then and now, and ours."""
    original = original or original_of(adaptation)
    then = _then(adaptation, original)
    ours = adaptation.get_latest_revision_as_object()
    changes = []
    for name, label in FIELDS:
        now_value, ours_value = comparable(original, name), comparable(ours, name)
        then_value = comparable(then, name) if then is not None else ours_value
        theirs_changed = now_value != then_value
        ours_changed = ours_value != then_value
        if not theirs_changed:
            state = "ours" if ours_changed else "same"
        elif now_value == ours_value:
            state = "same"
        else:
            state = "both" if ours_changed else "theirs"
        changes.append(
            FieldChange(
                name, label,
                shown(then, name) if then is not None else None,
                shown(original, name), shown(ours, name), state,
            )
        )  # fmt: skip
    return changes


@transaction.atomic
def pull_into_draft(adaptation, user, original=None, take=(), keep=()):
    """A new draft revision of the adaptation: fields only the original changed take its value;
    fields both changed keep ours unless named in `take`. The lineage moves on to the original's
    version only once every such conflict is settled (in `take` or `keep`), so until then the
    update stays listed. Returns (revision, [field names taken])."""
    original = original or original_of(adaptation)
    changes = diff(adaptation, original)
    draft = adaptation.get_latest_revision_as_object()
    taken = []
    for change in changes:
        if not (change.takes_update or (change.state == "both" and change.name in take)):
            continue
        if change.name in MANY_FIELDS:
            getattr(draft, change.name).set(list(getattr(original, change.name).all()))
        else:
            setattr(draft, change.name, getattr(original, change.name))
        taken.append(change.name)
    unsettled = [c for c in changes if c.state == "both" and c.name not in {*take, *keep}]
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
