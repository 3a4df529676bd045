"""Signals `challenges` sends for the apps that follow it (search listens to these)."""

from django.dispatch import Signal

# Sent once `challenges` has re-derived what it owns (trust, school and audience) for some
# challenges: after a publish (which may change the visibility) and after a move of challenges
# or of their school. Arguments: `page_ids` (the challenges concerned, live or not) and
# `published` (True for a publish, False for a move). Sender: LearningChallengePage.
ownership_rederived = Signal()
