"""Families' languages: a trust admin adds one to the whole library."""

from wagtail.models import Locale

from home.trust_admin.actions import corrections, trust_action
from home.trust_admin.forms import AddLanguageForm, language_label


@trust_action
def add_language(request, trust):
    form = AddLanguageForm(request.POST)
    if not form.is_valid():
        return corrections(request, trust, language_form=form)
    code = form.cleaned_data["language"]
    Locale.objects.get_or_create(language_code=code)
    return (
        f"{language_label(code)} is added: teachers and translators in every trust can now "
        "translate challenges into it."
    )
