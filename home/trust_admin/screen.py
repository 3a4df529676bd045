"""The trust admin's screen: a trust's people, their schools and roles, invitations,
partnerships and partner tokens, for trust admins who are not superusers.

Everything is scoped to one trust the user administers; any other trust answers 404.
"""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from home.models import (
    PartnerLibrary,
    Partnership,
    PartnerToken,
    Role,
    TrustPage,
)
from home.trust_admin.forms import (
    AddLanguageForm,
    AddRoleForm,
    InviteForm,
    PartnerLibraryForm,
    PartnershipRequestForm,
    TokenForm,
    families_languages,
    trust_roles,
)

User = get_user_model()


def administered_trusts(user):
    """Trusts whose admin group the user is in (every trust for a superuser)."""
    if not user.is_active:
        return TrustPage.objects.none()
    trusts = TrustPage.objects.originals()
    if not user.is_superuser:
        trusts = trusts.filter(
            library_roles__kind=Role.Kind.TRUST_ADMIN, library_roles__group__user=user
        )
    return trusts.order_by("title").distinct()


def trust_or_404(request, trust_id):
    trust = administered_trusts(request.user).filter(pk=trust_id).first()
    if trust is None:
        raise Http404  # another trust's screen looks exactly like a missing one
    return trust


def _by_name(user):
    """People with a name by surname; those without one after them, by email (not first)."""
    has_no_name = not (user.last_name or user.first_name)
    return (has_no_name, user.last_name.lower(), user.first_name.lower(), user.email.lower())


def trust_people(trust):
    """[(user, [their roles in this trust])], by name."""
    roles = list(trust_roles(trust))
    by_group = {role.group_id: role for role in roles}
    people = {}
    users = User.objects.filter(groups__in=by_group).distinct().prefetch_related("groups")
    for user in sorted(users, key=_by_name):
        people[user] = [by_group[g.pk] for g in user.groups.all() if g.pk in by_group]
    return list(people.items())


def is_pending(user):
    return user.last_login is None and not user.has_usable_password()


def trust_screen(request, trust_id):
    return render_trust_screen(request, trust_or_404(request, trust_id))


def render_trust_screen(request, trust, invite_form=None, request_form=None, token_form=None,
                        new_token=None, library_form=None, language_form=None,
                        status=200):  # fmt: skip
    partnerships = (
        Partnership.objects.involving([trust.pk])
        .exclude(status__in=[Partnership.Status.DECLINED, Partnership.Status.ENDED])
        .select_related("requester", "partner", "requested_by")
        .order_by("status", "created_at")
    )
    rows = [
        {
            "partnership": p,
            "other": p.other_trust(trust),
            "incoming": p.status == Partnership.Status.REQUESTED and p.partner_id == trust.pk,
        }
        for p in partnerships
    ]
    people = [
        {"user": user, "roles": roles, "pending": is_pending(user)}
        for user, roles in trust_people(trust)
    ]
    context = {
        "trust": trust,
        "people": people,
        "partnerships": rows,
        "tokens": PartnerToken.objects.filter(trust=trust).select_related("partner", "partnership"),
        "invite_form": invite_form or InviteForm(trust),
        "add_role_form": AddRoleForm(trust),
        "request_form": request_form or PartnershipRequestForm(trust),
        "token_form": token_form or TokenForm(trust),
        "new_token": new_token,
        # Where partners reach us: the address this admin reached us by (the site's root).
        "library_address": request.build_absolute_uri("/"),
        "libraries": PartnerLibrary.objects.filter(trust=trust),
        "library_form": library_form or PartnerLibraryForm(trust),
        "other_trusts": administered_trusts(request.user).exclude(pk=trust.pk),
        "languages": families_languages(),
        "language_form": language_form or AddLanguageForm(),
    }
    return TemplateResponse(request, "home/admin/trust.html", context, status=status)


def trust_index(request):
    trusts = list(administered_trusts(request.user))
    if len(trusts) == 1:
        return redirect("trust_admin", trusts[0].pk)
    if not trusts:
        raise Http404
    return TemplateResponse(request, "home/admin/trust_index.html", {"trusts": trusts})
