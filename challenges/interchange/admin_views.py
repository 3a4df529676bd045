"""Admin screens: a trust's package download, and upload → dry-run summary → import.

Moderators and admins of a trust download its package; whoever may add pages in a school may
import a package into it. An uploaded package waits in a private folder under a random token
kept in the uploader's session, so nobody else can import (or read) it.
"""

import os
import secrets
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from home.models import SchoolPage, TrustPage

from ..models import LearningChallengePage
from .importer import (
    exportable_challenges,
    exportable_trusts,
    importable_schools,
    may_export,
    may_import_into,
    plan_import,
    run_import,
)
from .package import ZipPackage, write_package
from .tasks import get_status, import_package_task, set_status
from .validate import InterchangeError

SESSION_KEY = "interchange_uploads"
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


def upload_folder():
    folder = Path(getattr(settings, "INTERCHANGE_UPLOAD_DIR", "") or tempfile.gettempdir())
    folder = folder / "lcl-interchange-uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


# Export -----------------------------------------------------------------------------------------


def export_index(request):
    trusts = list(exportable_trusts(request.user))
    if not trusts:
        raise PermissionDenied
    rows = [(trust, exportable_challenges(trust).count()) for trust in trusts]
    return TemplateResponse(request, "challenges/admin/interchange_export.html", {"rows": rows})


def export_download(request, trust_id):
    trust = get_object_or_404(TrustPage, pk=trust_id)
    if not may_export(request.user, trust):
        raise PermissionDenied
    # Written to disk, then streamed: a large library never sits in memory.
    handle = tempfile.TemporaryFile(dir=upload_folder())
    write_package(handle, trust, exportable_challenges(trust).iterator(chunk_size=200))
    handle.seek(0)
    filename = f"{trust.slug}-challenges-{timezone.now():%Y-%m-%d}.zip"
    return FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/zip"
    )


# Import -----------------------------------------------------------------------------------------


class UploadForm(forms.Form):
    package = forms.FileField(
        label="Challenge package (.zip)",
        help_text="A package exported from this library or a partner's.",
    )
    school = forms.ModelChoiceField(
        queryset=SchoolPage.objects.none(), label="Import into", empty_label=None
    )
    follow = forms.BooleanField(
        required=False,
        label="Follow the originals",
        help_text="Hear about newer versions on the upstream updates screen. Leave unticked to "
        "keep a snapshot.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        schools = importable_schools(user)
        self.fields["school"].queryset = SchoolPage.objects.filter(
            pk__in=[school.pk for school in schools]
        ).order_by("title")

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"This file is larger than the {MAX_UPLOAD_BYTES // 1024**2} MB a package may be."
            )
        return package


def _stored_upload(request, token):
    if token not in request.session.get(SESSION_KEY, []) or not token.isalnum():
        raise Http404
    path = upload_folder() / f"{token}.zip"
    if not path.exists():
        raise Http404
    return path


def _forget_upload(request, token):
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    path = upload_folder() / f"{token}.zip"
    if path.exists():
        os.remove(path)


def _school_for(request, school_id):
    school = get_object_or_404(SchoolPage, pk=school_id)
    if not may_import_into(request.user, school):
        raise PermissionDenied
    return school


@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not importable_schools(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token = secrets.token_hex(16)
        path = upload_folder() / f"{token}.zip"
        with open(path, "wb") as target:
            for chunk in form.cleaned_data["package"].chunks():
                target.write(chunk)
        request.session[SESSION_KEY] = request.session.get(SESSION_KEY, [])[-9:] + [token]
        school = form.cleaned_data["school"]
        return _summary(request, token, school, form.cleaned_data["follow"])
    return TemplateResponse(request, "challenges/admin/interchange_import.html", {"form": form})


def _summary(request, token, school, follow):
    plan, refusal = None, None
    try:
        with open(_stored_upload(request, token), "rb") as handle:
            plan = plan_import(ZipPackage(handle), school)
    except InterchangeError as error:
        refusal = error.message
    if refusal or plan.refused:
        _forget_upload(request, token)
    return TemplateResponse(
        request,
        "challenges/admin/interchange_summary.html",
        {
            "plan": plan,
            "refusal": refusal or (plan.refusal_message() if plan.refused else ""),
            "token": token,
            "school": school,
            "follow": follow,
        },
    )


def background_threshold():
    return getattr(settings, "INTERCHANGE_BACKGROUND_IMPORT_AT", 100)


@require_http_methods(["POST"])
def import_confirm(request):
    token = request.POST.get("token", "")
    school = _school_for(request, request.POST.get("school"))
    follow = request.POST.get("follow") == "1"
    path = _stored_upload(request, token)
    try:
        with open(path, "rb") as handle:
            size = len(ZipPackage(handle).challenge_uids())
    except InterchangeError as error:
        _forget_upload(request, token)
        context = {"plan": None, "refusal": error.message, "token": "", "school": school}
        return TemplateResponse(request, "challenges/admin/interchange_summary.html", context)
    if size > background_threshold():
        # A large package: a background task imports it; the status screen shows progress.
        request.session[SESSION_KEY] = [
            t for t in request.session.get(SESSION_KEY, []) if t != token
        ]
        set_status(
            token, state="queued", done=0, total=size, user=request.user.pk, school=school.pk
        )
        import_package_task.enqueue(token, str(path), school.pk, request.user.pk, follow)
        return redirect("interchange_import_status", token)
    try:
        with open(path, "rb") as handle:
            result = run_import(ZipPackage(handle), school, user=request.user, follow=follow)
    except InterchangeError as error:
        _forget_upload(request, token)
        plan = getattr(error, "plan", None)
        return TemplateResponse(
            request,
            "challenges/admin/interchange_summary.html",
            {"plan": plan, "refusal": error.message, "token": "", "school": school},
        )
    _forget_upload(request, token)
    messages.success(
        request,
        f"Imported into {school.title} as drafts: {len(result.created)} created, "
        f"{len(result.updated)} updated, {len(result.kept)} kept for review.",
    )
    return TemplateResponse(
        request, "challenges/admin/interchange_done.html", {"result": result, "school": school}
    )


def import_status(request, job):
    """Progress of a background import, for the user who started it."""
    status = get_status(job)
    if not status or status.get("user") != request.user.pk:
        raise Http404
    school = get_object_or_404(SchoolPage, pk=status["school"])
    pages = {
        kind: LearningChallengePage.objects.filter(pk__in=status.get(kind, [])).order_by("title")
        for kind in ("created", "updated", "kept")
    }
    return TemplateResponse(
        request,
        "challenges/admin/interchange_status.html",
        {
            "status": status,
            "school": school,
            "pages": pages,
            "running": status["state"] in ("queued", "running"),
        },
    )
