"""The trust admin's forms: inviting, giving a role (least powerful first), partnerships, tokens,
partner libraries and families' languages.
"""

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from home.models import (
    PartnerLibrary,
    Partnership,
    Role,
    SchoolPage,
    TrustPage,
)

# The fetcher's rules for a partner's address: a leaf module, allowed by the import contracts.
from library.outbound.addresses import RefusedURL, checked_partner_address, same_site

# Least powerful first: the list starts on nothing, and a slip lands on a school editor role.
POWER_ORDER = [Role.Kind.SCHOOL_EDITOR, Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN]


def trust_roles(trust):
    """The roles of the trust and of each of its schools."""
    schools = SchoolPage.objects.child_of(trust)
    return (
        Role.objects.filter(page__in=[trust.pk, *schools.values_list("pk", flat=True)])
        .select_related("group", "page")
        .order_by("page__path", "kind")
    )


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
