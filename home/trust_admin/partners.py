"""A trust's partners: partnership requests and their end, the tokens it issues, and the partner
libraries it reads (tried on save).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from home.models import (
    PartnerLibrary,
    Partnership,
    PartnerToken,
)
from home.trust_admin.forms import PartnerLibraryForm, PartnershipRequestForm, TokenForm
from home.trust_admin.screen import trust_or_404, trust_screen

# The fetcher's rules for a partner's address: a leaf module, allowed by the import contracts.
from library.outbound.partner_answers import connection_problem


@require_POST
def request_partnership(request, trust_id):
    trust = trust_or_404(request, trust_id)
    form = PartnershipRequestForm(trust, request.POST)
    if form.is_valid():
        try:
            Partnership.request(trust, form.cleaned_data["partner"], request.user)
        except ValidationError as error:
            form.add_error("partner", error)
    if not form.is_valid():
        return trust_screen(request, trust_id, request_form=form, status=400)
    messages.success(
        request,
        f"Partnership requested. {form.cleaned_data['partner'].title}'s trust admins can "
        "accept or decline it on their screen.",
    )
    return redirect("trust_admin", trust.pk)


def _partnership_of(trust, partnership_id):
    return get_object_or_404(
        Partnership.objects.involving([trust.pk]).select_related("requester", "partner"),
        pk=partnership_id,
    )


@require_POST
def answer_partnership(request, trust_id, partnership_id, answer):
    trust = trust_or_404(request, trust_id)
    partnership = _partnership_of(trust, partnership_id)
    if partnership.partner_id != trust.pk:
        raise Http404  # only the trust that was asked may answer
    try:
        partnership.respond(request.user, accept=answer == "accept")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("trust_admin", trust.pk)
    other = partnership.other_trust(trust).title
    if answer == "accept":
        messages.success(request, f"{other} is now a partner: each sees the other's shared work.")
    else:
        messages.success(request, f"You declined {other}'s request.")
    return redirect("trust_admin", trust.pk)


@require_POST
def end_partnership(request, trust_id, partnership_id):
    trust = trust_or_404(request, trust_id)
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
        messages.error(request, " ".join(error.messages))
        return redirect("trust_admin", trust.pk)
    other = partnership.other_trust(trust).title
    if was_a_request:
        messages.success(request, f"The request to partner with {other} is withdrawn.")
    else:
        messages.success(
            request,
            f"The partnership with {other} has ended: neither trust's teachers see the other's "
            "shared challenges any more, and the tokens between you no longer work.",
        )
    return redirect("trust_admin", trust.pk)


@require_POST
def create_token(request, trust_id):
    trust = trust_or_404(request, trust_id)
    form = TokenForm(trust, request.POST)
    if not form.is_valid():
        return trust_screen(request, trust_id, token_form=form, status=400)
    token, secret = PartnerToken.issue(
        trust, form.cleaned_data["partner"], request.user, form.cleaned_data["label"]
    )
    # Rendered, never redirected: the secret must not pass through the session or a URL.
    response = trust_screen(request, trust_id, new_token={"token": token, "secret": secret})
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def revoke_token(request, trust_id, token_id):
    trust = trust_or_404(request, trust_id)
    token = get_object_or_404(PartnerToken, pk=token_id, trust=trust)
    token.revoke(request.user)
    messages.success(request, f"Token {token.hint}… is revoked: it stops working at once.")
    return redirect("trust_admin", trust.pk)


def _library_of(trust, library_id):
    return get_object_or_404(PartnerLibrary, pk=library_id, trust=trust)


@require_POST
def add_library(request, trust_id):
    trust = trust_or_404(request, trust_id)
    form = PartnerLibraryForm(trust, request.POST)
    if not form.is_valid():
        return trust_screen(request, trust_id, library_form=form, status=400)
    library = form.save(request.user)
    _say_whether_it_answers(
        request,
        library,
        f"{library.label} saved. Its token ({library.token_hint}…) is kept encrypted and will not "
        "be shown again.",
    )
    return redirect("trust_admin", trust.pk)


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
            return redirect("trust_admin", trust.pk)
    response = TemplateResponse(
        request,
        "home/admin/partner_library.html",
        {"trust": trust, "library": library, "form": form},
        status=400 if form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def delete_library(request, trust_id, library_id):
    trust = trust_or_404(request, trust_id)
    library = _library_of(trust, library_id)
    library.delete()
    messages.success(request, f"{library.label} is removed, with its token.")
    return redirect("trust_admin", trust.pk)
