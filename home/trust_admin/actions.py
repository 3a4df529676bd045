"""The one skeleton every trust admin's POST shares.

An action is a function `(request, trust, **url_kwargs)` wrapped by `trust_action`: the trust is
one the user administers (any other answers 404, like a missing one), and the action returns the
sentence to show on the trust screen it goes back to. It raises `Refused` when nothing may be
done (said as an error, nothing changed), returns `corrections(...)` when a form needs
correcting, or returns any other response (a confirmation screen, a secret shown once).
"""

from functools import wraps

from django.contrib import messages
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from home.trust_admin.screen import render_trust_screen, trust_or_404


class Refused(Exception):
    """What a trust admin asked for cannot be done; the message says why, in their words."""


def trust_action(action):
    @require_POST
    @wraps(action)
    def view(request, trust_id, **kwargs):
        trust = trust_or_404(request, trust_id)
        try:
            outcome = action(request, trust, **kwargs)
        except Refused as refusal:
            messages.error(request, str(refusal))
            return back_to_screen(trust)
        if isinstance(outcome, HttpResponseBase):
            return outcome
        messages.success(request, outcome)
        return back_to_screen(trust)

    return view


def back_to_screen(trust):
    return redirect("trust_admin", trust.pk)


def corrections(request, trust, **forms):
    """The trust screen again with the form that needs correcting, its errors beside its fields."""
    return render_trust_screen(request, trust, status=400, **forms)
