"""People of a trust: invitations (an existing account accepts), roles given and removed, and
the invitations waiting for a person's answer.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_POST

from home.models import Role, RoleInvitation
from home.trust_admin.actions import Refused, corrections, trust_action
from home.trust_admin.forms import AddRoleForm, InviteForm, trust_roles
from home.trust_admin.screen import is_pending

User = get_user_model()


def confirm_trust_admin(request, trust, role, whom):
    """A trust admin may hand out any role, itself included: granting it asks once more (a
    screen with the same form and `confirmed=1`) unless this POST is that confirmation."""
    if role.kind != Role.Kind.TRUST_ADMIN or request.POST.get("confirmed") == "1":
        return None
    fields = [
        (name, value) for name, value in request.POST.items() if name != "csrfmiddlewaretoken"
    ]
    context = {"trust": trust, "role": role, "whom": whom, "fields": fields}
    return TemplateResponse(request, "home/admin/confirm_trust_admin.html", context)


def _send_invitation(request, user, trust, role, new_account):
    if new_account:
        link = request.build_absolute_uri(
            reverse(
                "wagtailadmin_password_reset_confirm",
                args=[
                    urlsafe_base64_encode(force_bytes(user.pk)),
                    default_token_generator.make_token(user),
                ],
            )
        )
        body = (
            f"You have been invited to the Learning Challenge Library as {role}.\n\n"
            f"Choose your password here to sign in:\n{link}\n\n"
            "The link works once. If it has expired, ask your trust admin to send another."
        )
        subject = f"Your invitation to {trust.title}'s learning challenges"
    else:
        body = (
            f"You now have a new role in the Learning Challenge Library: {role}.\n\n"
            f"Sign in as usual: {request.build_absolute_uri(reverse('wagtailadmin_home'))}"
        )
        subject = f"A new role in {trust.title}'s learning challenges"
    send_mail(subject, body, None, [user.email])


def _send_offer(request, user, trust, role):
    link = request.build_absolute_uri(reverse("role_invitations"))
    body = (
        f"You are invited to be {role} in the Learning Challenge Library.\n\n"
        f"Sign in as usual and accept or decline it here:\n{link}\n\n"
        "Nothing changes until you accept."
    )
    send_mail(f"An invitation from {trust.title}", body, None, [user.email])


def _role_of_trust(trust, role_id):
    role = trust_roles(trust).filter(pk=role_id).first()
    if role is None:
        raise Http404
    return role


@trust_action
def invite(request, trust):
    form = InviteForm(trust, request.POST)
    if not form.is_valid():
        return corrections(request, trust, invite_form=form)
    email = form.cleaned_data["email"].strip().lower()
    role = _role_of_trust(trust, form.cleaned_data["role"])
    confirmation = confirm_trust_admin(request, trust, role, email)
    if confirmation:
        return confirmation
    sent = f"Invitation sent to {email} ({role})."  # the one answer, whoever has the address
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            # An account that exists (here, in another trust, or a library administrator's) is
            # offered the role: nothing changes until it accepts.
            RoleInvitation.objects.get_or_create(
                user=user, role=role, defaults={"invited_by": request.user}
            )
            _send_offer(request, user, trust, role)
            return sent
        if User.objects.filter(username__iexact=email[:150]).exists():
            # Another account's username is this address; its owner is not told, nor is the admin.
            return sent
        user = User(
            username=email[:150],
            email=email,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(role.group)
    _send_invitation(request, user, trust, str(role), True)
    return sent


def _person_of_trust(trust, user_id):
    person = User.objects.filter(pk=user_id, groups__library_role__in=trust_roles(trust)).first()
    if person is None or person.is_superuser:
        raise Http404
    return person


@trust_action
def resend_invitation(request, trust, user_id):
    person = _person_of_trust(trust, user_id)
    if not is_pending(person):
        raise Refused(f"{person.email} has already chosen a password.")
    roles = [r for r in trust_roles(trust) if person.groups.filter(pk=r.group_id).exists()]
    _send_invitation(request, person, trust, ", ".join(map(str, roles)), True)
    return f"Invitation sent again to {person.email}."


@trust_action
def add_role(request, trust, user_id):
    person = _person_of_trust(trust, user_id)
    form = AddRoleForm(trust, request.POST)
    if not form.is_valid():
        raise Refused("Choose one of the roles in the list.")
    role = _role_of_trust(trust, form.cleaned_data["role"])
    confirmation = confirm_trust_admin(request, trust, role, person.email)
    if confirmation:
        return confirmation
    person.groups.add(role.group)
    if is_pending(person):  # the link in their invitation still works, for every role
        return f"{person.email} is now {role}."
    _send_invitation(request, person, trust, str(role), False)
    return f"{person.email} is now {role}; they have been told by email."


def _deactivate_if_roleless(person):
    if not person.groups.exists() and not person.is_superuser:
        person.is_active = False
        person.save(update_fields=["is_active"])


@trust_action
def remove_role(request, trust, user_id, role_id):
    person = _person_of_trust(trust, user_id)
    role = _role_of_trust(trust, role_id)
    if person.pk == request.user.pk and role.kind == Role.Kind.TRUST_ADMIN:
        raise Refused("You cannot remove your own admin role; ask another trust admin.")
    person.groups.remove(role.group)
    _deactivate_if_roleless(person)
    return f"{person.email} is no longer {role}."


@trust_action
def remove_person(request, trust, user_id):
    """Takes away every role the person has in this trust (roles elsewhere stay)."""
    person = _person_of_trust(trust, user_id)
    if person.pk == request.user.pk:
        raise Refused("You cannot remove yourself; ask another trust admin.")
    person.groups.remove(*[role.group for role in trust_roles(trust)])
    _deactivate_if_roleless(person)
    return f"{person.email} no longer has any role in {trust.title}."


def role_invitations(request):
    """The signed-in person's invitations, each to accept or decline."""
    invitations = RoleInvitation.objects.filter(user=request.user).select_related("role__page")
    context = {"invitations": invitations.order_by("created_at")}
    return TemplateResponse(request, "home/admin/role_invitations.html", context)


@require_POST
def answer_role_invitation(request, invitation_id, answer):
    invitation = get_object_or_404(RoleInvitation, pk=invitation_id, user=request.user)
    role = invitation.role
    if answer == "accept":
        invitation.accept()
        messages.success(request, f"You are now {role}.")
    else:
        invitation.delete()
        messages.success(request, f"You declined the invitation to be {role}.")
    return redirect("role_invitations")
