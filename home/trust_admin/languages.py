"""Families' languages: a trust admin adds one to the whole library."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from wagtail.models import Locale

# The fetcher's rules for a partner's address: a leaf module, allowed by the import contracts.
from home.trust_admin.forms import AddLanguageForm, language_label
from home.trust_admin.screen import trust_or_404, trust_screen


@require_POST
def add_language(request, trust_id):
    trust = trust_or_404(request, trust_id)
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
