"""The three-way merge of an update: base (the original when adapted or last pulled), theirs (the
original now) and ours (the adaptation now). The one rule, on plain values:

- a value only one side changed takes that side's value;
- a value both sides changed the same way is simply that value;
- a value both sides changed differently is a clash: a person chooses.

Activities are merged one by one, matched by their stable id; an activity missing on a side is
`None` there, so additions and removals follow the same rule (added upstream: arrives; removed
upstream and untouched here: goes; removed here and untouched upstream: stays gone; changed on
one side and removed on the other: a clash). For a clash the choices are "theirs", "ours" and
"both" (both versions stay, the original's keeping the id so later updates still reach it).
Until a clash is settled ours stays.
"""

import uuid
from dataclasses import dataclass

SAME, THEIRS, OURS, BOTH = "same", "theirs", "ours", "both"
TAKE_THEIRS, KEEP_OURS, KEEP_BOTH = "theirs", "ours", "both"
CHOICES = (TAKE_THEIRS, KEEP_OURS, KEEP_BOTH)


def three_way(base, theirs, ours):
    """Who changed a value since base: SAME (nobody, or both alike), THEIRS, OURS or BOTH."""
    if theirs == ours:
        return SAME
    if theirs == base:
        return OURS
    if ours == base:
        return THEIRS
    return BOTH


def resolve(state, theirs, ours, choice=None):
    """The merged value of one field: THEIRS takes theirs; a clash takes theirs only if chosen."""
    if state == THEIRS or (state == BOTH and choice == TAKE_THEIRS):
        return theirs
    return ours


@dataclass
class ActivityMerge:
    """One activity across the three versions; `base`, `theirs`, `ours` are its contents (any
    comparable value) or None where it does not exist."""

    id: str
    base: object
    theirs: object
    ours: object

    @property
    def state(self):
        return three_way(self.base, self.theirs, self.ours)

    @property
    def change(self):
        """What happened, in a word for the screen: added, removed or changed."""
        if self.base is None:
            return "added"
        if self.theirs is None or self.ours is None:
            return "removed"
        return "changed"

    def result(self, choice=None, new_id=None):
        """[(id, content)] this activity becomes: none, one, or two for "keep both"."""
        state = self.state
        if state == THEIRS or (state == BOTH and choice == TAKE_THEIRS):
            kept = [(self.id, self.theirs)]
        elif state == BOTH and choice == KEEP_BOTH:
            # Ours first (where the teacher had it), under a new id: it is now our own activity.
            ours_copy = (new_id or str(uuid.uuid4()), self.ours)
            kept = [ours_copy, (self.id, self.theirs)]
        else:
            kept = [(self.id, self.ours)]
        return [(activity_id, content) for activity_id, content in kept if content is not None]


def _by_id(activities):
    return dict(activities)


def match_activities(base, theirs, ours):
    """[ActivityMerge] for every activity of theirs or ours, each side a list of (id, content),
    in the merged order: ours' order, with activities only the original has placed after the
    activity they follow there."""
    base_of, theirs_of, ours_of = _by_id(base), _by_id(theirs), _by_id(ours)
    order = [activity_id for activity_id, _ in ours]
    after = -1  # theirs' next new activity goes after this position in `order`
    for activity_id, _ in theirs:
        if activity_id in order:
            after = order.index(activity_id)
        else:
            after += 1
            order.insert(after, activity_id)
    return [
        ActivityMerge(
            activity_id,
            base_of.get(activity_id),
            theirs_of.get(activity_id),
            ours_of.get(activity_id),
        )
        for activity_id in order
    ]


def merge_activities(merges, choices=None):
    """The merged list of (id, content), given {activity id: choice} for the clashes."""
    choices = choices or {}
    merged = []
    for merge in merges:
        merged.extend(merge.result(choices.get(merge.id)))
    return merged


def unsettled(merges, choices=None):
    """The clashes no choice settles yet."""
    choices = choices or {}
    return [m for m in merges if m.state == BOTH and choices.get(m.id) not in CHOICES]
