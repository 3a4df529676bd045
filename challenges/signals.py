"""Signals `challenges` sends for the apps that follow it (search listens to these)."""

from django.dispatch import Signal

# Sent once `challenges` has re-derived what it owns (trust, school and audience) for some
# challenges: after a publish (which may change the visibility) and after a move of challenges
# or of their school. Arguments: `page_ids` (the challenges concerned, live or not) and
# `published` (True for a publish, False for a move). Sender: LearningChallengePage.
ownership_rederived = Signal()

# Sent when what live challenges show changed outside their own publish (an image's credit,
# licence, alt text or pupil flag; a school's or trust's name or colour). Arguments: `page_ids`.
# Search rebuilds their cards before the request returns. Sender: LearningChallengePage.
challenges_changed = Signal()

# Sent when a subject, theme or tag was renamed or deleted: the live challenges it labelled (now,
# or until the delete) show its new name, or none. Arguments: `page_ids`. Search reindexes them
# as it does after a publish. Sender: LearningChallengePage.
labels_changed = Signal()
