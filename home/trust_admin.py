"""The trust admin's screen: a trust's people, their schools and roles, invitations,
partnerships and partner tokens, for trust admins who are not superusers.

Everything is scoped to one trust the user administers; any other trust answers 404.
"""

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_POST
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from home.models import (
    PartnerLibrary,
    Partnership,
    PartnerToken,
    Role,
    RoleInvitation,
    SchoolPage,
    TrustPage,
)

# The fetcher's rules for a partner's address: a leaf module, allowed by the import contracts.
from library.outbound.addresses import RefusedURL, checked_partner_address, same_site
from library.outbound.partner_answers import connection_problem

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


def _trust_or_404(request, trust_id):
    trust = administered_trusts(request.user).filter(pk=trust_id).first()
    if trust is None:
        raise Http404  # another trust's screen looks exactly like a missing one
    return trust


def trust_roles(trust):
    """The roles of the trust and of each of its schools."""
    schools = SchoolPage.objects.child_of(trust)
    return (
        Role.objects.filter(page__in=[trust.pk, *schools.values_list("pk", flat=True)])
        .select_related("group", "page")
        .order_by("page__path", "kind")
    )


# Least powerful first: the list starts on nothing, and a slip lands on a school editor role.
POWER_ORDER = [Role.Kind.SCHOOL_EDITOR, Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN]
NO_ROLE_CHOSEN = ("", "Choose a role")
CHOOSE_A_ROLE = {
    "required": "Choose a role.",
    "invalid_choice": "Choose one of the roles in the list.",
}


def role_choices(trust):
    choices = [NO_ROLE_CHOSEN]
    roles = sorted(trust_roles(trust), key=lambda role: POWER_ORDER.index(role.kind))
    return choices + [(str(role.pk), str(role)) for role in roles]


class InviteForm(forms.Form):
    email = forms.EmailField(label="Email address")
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    role = forms.ChoiceField(
        label="Role", help_text="You can add more roles afterwards.", error_messages=CHOOSE_A_ROLE
    )

    def __init__(self, trust, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(trust)


class AddRoleForm(forms.Form):
    role = forms.ChoiceField(label="Add a role", error_messages=CHOOSE_A_ROLE)

    def __init__(self, trust, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(trust)


# Families' languages: a locale is the library's, not one trust's, so a trust admin may add one
# (every trust's translators can then use it) but changes or removes none (superusers do, in
# Settings, Locales).


ENGLISH_NAMES_DJANGO_LACKS = {"so": "Somali"}


def language_label(code):
    """A language as its readers name it and as the admin does: "Türkçe (Turkish)"."""
    name = get_content_languages().get(code, code)
    english = LANG_INFO.get(code, {}).get("name") or ENGLISH_NAMES_DJANGO_LACKS.get(code)
    return f"{name} ({english})" if english and english != name else name


def families_languages():
    """The languages challenges can be translated into now (English, the originals', first)."""
    default = Locale.get_default()
    locales = Locale.objects.exclude(pk=default.pk)
    return sorted(language_label(locale.language_code) for locale in locales)


class AddLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label="Language",
        error_messages={
            "required": "Choose a language.",
            "invalid_choice": "That language is already added, or is not one the library knows.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        added = set(Locale.objects.values_list("language_code", flat=True))
        addable = [code for code in get_content_languages() if code not in added]
        self.fields["language"].choices = [("", "Choose a language")] + sorted(
            ((code, language_label(code)) for code in addable), key=lambda choice: choice[1]
        )


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


class PartnershipRequestForm(forms.Form):
    partner = forms.ModelChoiceField(
        queryset=TrustPage.objects.none(),
        label="Trust to partner with",
        empty_label="Choose a trust",
        error_messages={"invalid_choice": "Choose one of the trusts in the list."},
    )

    def __init__(self, trust, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (
            TrustPage.objects.originals().live().exclude(pk=trust.pk).order_by("title")
        )


class TokenForm(forms.Form):
    partner = forms.ModelChoiceField(
        queryset=TrustPage.objects.none(),
        label="Partner trust",
        empty_label="Choose a partner trust",
        error_messages={
            "required": "Choose one of your partner trusts.",
            "invalid_choice": "Choose one of your partner trusts.",
        },
    )
    label = forms.CharField(
        max_length=100, required=False, help_text="A note to recognise it, e.g. 'Birch library'."
    )

    def __init__(self, trust, *args, **kwargs):
        kwargs.setdefault("auto_id", "token_%s")  # the partnership form above has a "partner"
        super().__init__(*args, **kwargs)
        partner_ids = Partnership.partner_ids_of({trust.pk})
        self.fields["partner"].queryset = TrustPage.objects.filter(pk__in=partner_ids).order_by(
            "title"
        )


class PartnerLibraryForm(forms.ModelForm):
    """A partner's library to pull from. The token is asked for, never shown: editing keeps the
    saved one unless a new one is pasted, and only while the address stays on the same site."""

    base_url = forms.CharField(
        label="Address of their library",
        max_length=500,
        help_text="The partner's address, e.g. https://library.oak-trust.org.uk/.",
    )
    token = forms.CharField(
        label="Token",
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="The token their trust admin gave you. It is kept encrypted and never shown "
        "again.",
    )

    class Meta:
        model = PartnerLibrary
        fields = ["label", "base_url"]

    def __init__(self, trust, *args, **kwargs):
        kwargs.setdefault("auto_id", "library_%s")  # the token form beside it has a "label" too
        super().__init__(*args, **kwargs)
        self.trust = trust
        if self.instance.pk:
            self.fields["token"].label = "New token"
            self.fields[
                "token"
            ].help_text = f"Leave empty to keep the saved token ({self.instance.token_hint}…)."

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        others = PartnerLibrary.objects.filter(trust=self.trust, label__iexact=label)
        if others.exclude(pk=self.instance.pk).exists():
            raise ValidationError(f"{self.trust.title} already has a partner library called this.")
        return label

    def clean_base_url(self):
        try:
            return checked_partner_address(self.cleaned_data["base_url"])
        except RefusedURL as refusal:
            raise ValidationError(str(refusal)) from refusal

    def clean_token(self):
        token = self.cleaned_data["token"]
        if token or not self.instance.pk:
            return PartnerLibrary.check_token(token)
        return ""

    def clean(self):
        data = super().clean()
        old, new = self.instance.base_url, data.get("base_url")
        if self.instance.pk and new and not data.get("token") and not same_site(old, new):
            # The saved token is only ever sent where it was saved for; a new site needs it again.
            self.add_error(
                "token",
                "This address is on another site: paste the token again to use it there (the "
                "saved token is only ever sent to the address it was saved for).",
            )
        return data

    def save(self, user=None):
        library = super().save(commit=False)
        library.trust = self.trust
        if self.cleaned_data.get("token"):
            library.set_token(self.cleaned_data["token"])
        if library.pk is None:
            library.created_by = user
        library.save()
        return library


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


def trust_screen(request, trust_id, invite_form=None, request_form=None, token_form=None,
                 new_token=None, library_form=None, language_form=None,
                 status=200):  # fmt: skip
    trust = _trust_or_404(request, trust_id)
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


# People ------------------------------------------------------------------------------------------


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


@require_POST
def invite(request, trust_id):
    trust = _trust_or_404(request, trust_id)
    form = InviteForm(trust, request.POST)
    if not form.is_valid():
        return trust_screen(request, trust_id, invite_form=form, status=400)
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
            messages.success(request, sent)
            return redirect("trust_admin", trust.pk)
        if User.objects.filter(username__iexact=email[:150]).exists():
            # Another account's username is this address; its owner is not told, nor is the admin.
            messages.success(request, sent)
            return redirect("trust_admin", trust.pk)
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
    messages.success(request, sent)
    return redirect("trust_admin", trust.pk)


def _person_of_trust(trust, user_id):
    person = User.objects.filter(pk=user_id, groups__library_role__in=trust_roles(trust)).first()
    if person is None or person.is_superuser:
        raise Http404
    return person


@require_POST
def resend_invitation(request, trust_id, user_id):
    trust = _trust_or_404(request, trust_id)
    person = _person_of_trust(trust, user_id)
    if not is_pending(person):
        messages.error(request, f"{person.email} has already chosen a password.")
    else:
        roles = [r for r in trust_roles(trust) if person.groups.filter(pk=r.group_id).exists()]
        _send_invitation(request, person, trust, ", ".join(map(str, roles)), True)
        messages.success(request, f"Invitation sent again to {person.email}.")
    return redirect("trust_admin", trust.pk)


@require_POST
def add_role(request, trust_id, user_id):
    trust = _trust_or_404(request, trust_id)
    person = _person_of_trust(trust, user_id)
    form = AddRoleForm(trust, request.POST)
    if form.is_valid():
        role = _role_of_trust(trust, form.cleaned_data["role"])
        confirmation = confirm_trust_admin(request, trust, role, person.email)
        if confirmation:
            return confirmation
        person.groups.add(role.group)
        if is_pending(person):  # the link in their invitation still works, for every role
            messages.success(request, f"{person.email} is now {role}.")
        else:
            _send_invitation(request, person, trust, str(role), False)
            messages.success(
                request, f"{person.email} is now {role}; they have been told by email."
            )
    else:
        messages.error(request, "Choose one of the roles in the list.")
    return redirect("trust_admin", trust.pk)


def _deactivate_if_roleless(person):
    if not person.groups.exists() and not person.is_superuser:
        person.is_active = False
        person.save(update_fields=["is_active"])


@require_POST
def remove_role(request, trust_id, user_id, role_id):
    trust = _trust_or_404(request, trust_id)
    person = _person_of_trust(trust, user_id)
    role = _role_of_trust(trust, role_id)
    if person.pk == request.user.pk and role.kind == Role.Kind.TRUST_ADMIN:
        messages.error(request, "You cannot remove your own admin role; ask another trust admin.")
        return redirect("trust_admin", trust.pk)
    person.groups.remove(role.group)
    _deactivate_if_roleless(person)
    messages.success(request, f"{person.email} is no longer {role}.")
    return redirect("trust_admin", trust.pk)


@require_POST
def remove_person(request, trust_id, user_id):
    """Takes away every role the person has in this trust (roles elsewhere stay)."""
    trust = _trust_or_404(request, trust_id)
    person = _person_of_trust(trust, user_id)
    if person.pk == request.user.pk:
        messages.error(request, "You cannot remove yourself; ask another trust admin.")
        return redirect("trust_admin", trust.pk)
    person.groups.remove(*[role.group for role in trust_roles(trust)])
    _deactivate_if_roleless(person)
    messages.success(request, f"{person.email} no longer has any role in {trust.title}.")
    return redirect("trust_admin", trust.pk)


# Partnerships ------------------------------------------------------------------------------------


@require_POST
def request_partnership(request, trust_id):
    trust = _trust_or_404(request, trust_id)
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
    trust = _trust_or_404(request, trust_id)
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
    trust = _trust_or_404(request, trust_id)
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


# Partner tokens ----------------------------------------------------------------------------------


@require_POST
def create_token(request, trust_id):
    trust = _trust_or_404(request, trust_id)
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
    trust = _trust_or_404(request, trust_id)
    token = get_object_or_404(PartnerToken, pk=token_id, trust=trust)
    token.revoke(request.user)
    messages.success(request, f"Token {token.hint}… is revoked: it stops working at once.")
    return redirect("trust_admin", trust.pk)


# Partner libraries we pull from ------------------------------------------------------------------


def _library_of(trust, library_id):
    return get_object_or_404(PartnerLibrary, pk=library_id, trust=trust)


@require_POST
def add_library(request, trust_id):
    trust = _trust_or_404(request, trust_id)
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
    trust = _trust_or_404(request, trust_id)
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
    trust = _trust_or_404(request, trust_id)
    library = _library_of(trust, library_id)
    library.delete()
    messages.success(request, f"{library.label} is removed, with its token.")
    return redirect("trust_admin", trust.pk)


# Families' languages ------------------------------------------------------------------------------


@require_POST
def add_language(request, trust_id):
    trust = _trust_or_404(request, trust_id)
    form = AddLanguageForm(request.POST)
    if not form.is_valid():
        return trust_screen(request, trust_id, language_form=form, status=400)
    code = form.cleaned_data["language"]
    Locale.objects.get_or_create(language_code=code)
    messages.success(
        request,
        f"{language_label(code)} is added: teachers and translators in every trust can now "
        "translate challenges into it.",
    )
    return redirect("trust_admin", trust.pk)


# Invitations to an existing account ---------------------------------------------------------------


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
