"""A trust's partners: partnership requests and their end, the tokens it issues, and the partner
libraries it reads (tried on save).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from home.models import PartnerLibrary, Partnership, PartnerToken
from home.trust_admin.actions import Refused, back_to_screen, corrections, trust_action
from home.trust_admin.forms import PartnerLibraryForm, PartnershipRequestForm, TokenForm
from home.trust_admin.screen import render_trust_screen, trust_or_404

# The fetcher's rules for a partner's address: a leaf module, allowed by the import contracts.
from library.outbound.partner_answers import connection_problem


@trust_action
def request_partnership(request, trust):
    form = PartnershipRequestForm(trust, request.POST)
    if form.is_valid():
        try:
            Partnership.request(trust, form.cleaned_data["partner"], request.user)
        except ValidationError as error:
            form.add_error("partner", error)
    if not form.is_valid():
        return corrections(request, trust, request_form=form)
    return (
        f"Partnership requested. {form.cleaned_data['partner'].title}'s trust admins can "
        "accept or decline it on their screen."
    )


def _partnership_of(trust, partnership_id):
    return get_object_or_404(
        Partnership.objects.involving([trust.pk]).select_related("requester", "partner"),
        pk=partnership_id,
    )


def _refused(error):
    return Refused(" ".join(error.messages))


@trust_action
def answer_partnership(request, trust, partnership_id, answer):
    partnership = _partnership_of(trust, partnership_id)
    if partnership.partner_id != trust.pk:
        raise Http404  # only the trust that was asked may answer
    try:
        partnership.respond(request.user, accept=answer == "accept")
    except ValidationError as error:
        raise _refused(error) from error
    other = partnership.other_trust(trust).title
    if answer == "accept":
        return f"{other} is now a partner: each sees the other's shared work."
    return f"You declined {other}'s request."


@trust_action
def end_partnership(request, trust, partnership_id):
    partnership = _partnership_of(trust, partnership_id)
    if partnership.status == Partnership.Status.ACCEPTED and request.POST.get("confirmed") != "1":
        # Ending reaches every teacher of both trusts at once and only both admins can undo it:
        # it asks once more (a withdrawn request does not).
        context = {
            "trust": trust,
            "other": partnership.other_trust(trust),
            "partnership": partnership,
        }
        return TemplateResponse(request, "home/admin/confirm_end_partnership.html", context)
    was_a_request = partnership.status == Partnership.Status.REQUESTED
    try:
        partnership.end(request.user)
    except ValidationError as error:
        raise _refused(error) from error
    other = partnership.other_trust(trust).title
    if was_a_request:
        return f"The request to partner with {other} is withdrawn."
    return (
        f"The partnership with {other} has ended: neither trust's teachers see the other's "
        "shared challenges any more, and the tokens between you no longer work."
    )


@trust_action
def create_token(request, trust):
    form = TokenForm(trust, request.POST)
    if not form.is_valid():
        return corrections(request, trust, token_form=form)
    token, secret = PartnerToken.issue(
        trust, form.cleaned_data["partner"], request.user, form.cleaned_data["label"]
    )
    # Rendered, never redirected: the secret must not pass through the session or a URL.
    response = render_trust_screen(request, trust, new_token={"token": token, "secret": secret})
    response["Cache-Control"] = "no-store"
    return response


@trust_action
def revoke_token(request, trust, token_id):
    token = get_object_or_404(PartnerToken, pk=token_id, trust=trust)
    token.revoke(request.user)
    return f"Token {token.hint}… is revoked: it stops working at once."


def _library_of(trust, library_id):
    return get_object_or_404(PartnerLibrary, pk=library_id, trust=trust)


@trust_action
def add_library(request, trust):
    form = PartnerLibraryForm(trust, request.POST)
    if not form.is_valid():
        return corrections(request, trust, library_form=form)
    library = form.save(request.user)
    _say_whether_it_answers(
        request,
        library,
        f"{library.label} saved. Its token ({library.token_hint}…) is kept encrypted and will not "
        "be shown again.",
    )
    return back_to_screen(trust)


def _say_whether_it_answers(request, library, saved):
    """Ask the library with its token, once saved: kept either way (a partner's site may be down
    for an hour, and the token cannot be shown again to be pasted later), and the problem, if
    any, said now and kept beside the library until it answers."""
    problem, shared = connection_problem(
        library.base_url, library.token, settings.INTERCHANGE_PARTNER_TIMEOUT
    )
    library.last_problem = problem or ""
    library.save(update_fields=["last_problem"])
    if problem:
        messages.warning(
            request,
            f"{saved} But it does not answer yet. {problem} Teachers cannot search it until it "
            "does: use “Change address or token” to put it right.",
        )
    else:
        messages.success(
            request,
            f"{saved} It answers: {shared} challenge{'' if shared == 1 else 's'} shared with "
            f"{library.trust.title}.",
        )


def edit_library(request, trust_id, library_id):
    trust = trust_or_404(request, trust_id)
    library = _library_of(trust, library_id)
    form = PartnerLibraryForm(trust, request.POST or None, instance=library)
    if request.method == "POST":
        if form.is_valid():
            library = form.save(request.user)
            _say_whether_it_answers(request, library, f"{library.label} saved.")
            return back_to_screen(trust)
    response = TemplateResponse(
        request,
        "home/admin/partner_library.html",
        {"trust": trust, "library": library, "form": form},
        status=400 if form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@trust_action
def delete_library(request, trust, library_id):
    library = _library_of(trust, library_id)
    library.delete()
    return f"{library.label} is removed, with its token."
