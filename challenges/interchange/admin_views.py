"""Admin screens: a trust's package download, and upload → dry-run summary → import.

Moderators and admins of a trust download its package; whoever may add pages in a school may
import a package into it. An uploaded package waits in a private folder under a random token
kept in the uploader's session, so nobody else can import (or read) it.
"""

import os
import tempfile
import uuid
from contextlib import contextmanager

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_http_methods

from challenges.interchange.client import PartnerError, PartnerSource, client_for
from challenges.interchange.importer import (
    copies_of,
    exportable_challenges,
    exportable_trusts,
    importable_schools,
    may_export,
    may_import_into,
    plan_import,
    run_import,
)
from challenges.interchange.package import ZipPackage, write_package
from challenges.interchange.tasks import (
    check_pull_task,
    get_status,
    import_package_task,
    pull_task,
    set_status,
)
from challenges.interchange.uploads import (
    check_room_for,
    hand_to_background,
    new_token,
    remove_abandoned_uploads,
    upload_folder,
)
from challenges.interchange.validate import InterchangeError
from challenges.licences import LICENCES
from challenges.media.storage import EXPORT_STORE_DOWN_MESSAGE, StorageUnavailable
from challenges.models import LearningChallengePage, Subject, Theme, YearGroup
from challenges.vocabulary import KEY_STAGES
from home.models import PartnerLibrary, SchoolPage, TrustPage

SESSION_KEY = "interchange_uploads"
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


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
    try:
        write_package(handle, trust, exportable_challenges(trust).iterator(chunk_size=200))
    except StorageUnavailable:
        handle.close()
        messages.error(request, EXPORT_STORE_DOWN_MESSAGE)
        return redirect("interchange_export")
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
    if request.method == "POST":
        remove_abandoned_uploads()
    if request.method == "POST" and form.is_valid():
        try:
            check_room_for(request.user, form.cleaned_data["package"].size)
        except ValidationError as error:
            form.add_error("package", error)
            context = {"form": form}
            return TemplateResponse(request, "challenges/admin/interchange_import.html", context)
        token = new_token(request.user)
        path = upload_folder() / f"{token}.zip"
        with open(path, "wb") as target:
            for chunk in form.cleaned_data["package"].chunks():
                target.write(chunk)
        request.session[SESSION_KEY] = request.session.get(SESSION_KEY, [])[-9:] + [token]
        school = form.cleaned_data["school"]
        return _summary(request, _Upload(request, token), school, form.cleaned_data["follow"])
    return TemplateResponse(request, "challenges/admin/interchange_import.html", {"form": form})


class _Upload:
    """An uploaded package waiting in the private folder under a token of the uploader's session."""

    confirm_url_name = "interchange_import_confirm"
    start_url_name = "interchange_import"
    start_label = "Choose another package"

    def __init__(self, request, token):
        self.request, self.token = request, token

    def hidden_fields(self, follow):
        return [("token", self.token), ("follow", "1" if follow else "0")]

    def job(self, user):
        return self.token

    def queue(self, job, school, user, follow):
        """Hand the package to the background import, which removes it when done."""
        queued = hand_to_background(_stored_upload(self.request, self.token))
        self.request.session[SESSION_KEY] = [
            t for t in self.request.session.get(SESSION_KEY, []) if t != self.token
        ]
        import_package_task.enqueue(job, str(queued), school.pk, user.pk, follow)

    @contextmanager
    def open(self):
        with open(_stored_upload(self.request, self.token), "rb") as handle:
            yield ZipPackage(handle)

    def forget(self):
        _forget_upload(self.request, self.token)


def _summary(request, origin, school, follow):
    """The dry run: what importing the origin's challenges into the school would do."""
    plan, refusal = None, None
    try:
        with origin.open() as source:
            plan = plan_import(source, school)
    except InterchangeError as error:
        refusal = error.message
    if refusal or plan.refused:
        origin.forget()
    else:
        for row in plan.rows:
            row.follows = follow is True or (follow is not False and row.uid in follow)
    refusal = refusal or (plan.refusal_message() if plan.refused else "")
    return _summary_screen(request, origin, school, follow, plan, refusal)


def _summary_screen(request, origin, school, follow, plan, refusal):
    """What the import will do (`plan` has `source_trust` and `rows`), to confirm or start again."""
    return TemplateResponse(
        request,
        "challenges/admin/interchange_summary.html",
        {
            "plan": plan,
            "refusal": refusal,
            "origin": origin,
            "confirm": not refusal,
            "hidden_fields": origin.hidden_fields(follow),
            "school": school,
        },
    )


def _import(request, origin, school, follow):
    """The confirmed import: every challenge lands as a draft, or nothing does."""
    try:
        with origin.open() as source:
            result = run_import(source, school, user=request.user, follow=follow)
    except InterchangeError as error:
        origin.forget()
        return TemplateResponse(
            request,
            "challenges/admin/interchange_summary.html",
            {
                "plan": getattr(error, "plan", None),
                "refusal": error.message,
                "origin": origin,
                "confirm": False,
                "school": school,
            },
        )
    origin.forget()
    messages.success(
        request,
        f"Imported into {school.title} as drafts: {len(result.created)} created, "
        f"{len(result.updated)} updated, {len(result.kept)} kept for review.",
    )
    return TemplateResponse(
        request, "challenges/admin/interchange_done.html", {"result": result, "school": school}
    )


def background_threshold():
    return getattr(settings, "INTERCHANGE_BACKGROUND_IMPORT_AT", 100)


def _import_or_queue(request, origin, school, follow, size):
    """The one rule for packages and pulls alike: up to background_threshold() challenges import
    now; more go to a background task, and the status screen shows its progress."""
    if size <= background_threshold():
        return _import(request, origin, school, follow)
    job = origin.job(request.user)
    set_status(job, state="queued", done=0, total=size, user=request.user.pk, school=school.pk)
    origin.queue(job, school, request.user, follow)
    return redirect("interchange_import_status", job)


@require_http_methods(["POST"])
def import_confirm(request):
    token = request.POST.get("token", "")
    school_id = request.POST.get("school", "")
    if not (school_id.isascii() and school_id.isdigit()):  # "abc", "" and "9.0" were a 500
        return HttpResponseBadRequest(
            "Choose one of your schools to import into.", content_type="text/plain; charset=utf-8"
        )
    school = _school_for(request, int(school_id))
    follow = request.POST.get("follow") == "1"
    upload = _Upload(request, token)
    path = _stored_upload(request, token)
    try:
        with open(path, "rb") as handle:
            size = len(ZipPackage(handle).challenge_uids())
    except InterchangeError as error:
        upload.forget()
        context = {"plan": None, "refusal": error.message, "origin": upload, "school": school}
        return TemplateResponse(request, "challenges/admin/interchange_summary.html", context)
    return _import_or_queue(request, upload, school, follow, size)


def import_status(request, job):
    """Progress of a background import, for the user who started it."""
    status = get_status(job)
    if not status or status.get("user") != request.user.pk:
        raise Http404
    school = get_object_or_404(SchoolPage, pk=status["school"])
    if status.get("kind") == "check" and status["state"] == "checked":
        return _checked_pull(request, status, school)
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
            "checking": status.get("kind") == "check",
        },
    )


def _checked_pull(request, status, school):
    """A background dry run's summary, confirmed as one checked on the page would be."""
    library = _library_for(request, status["library"], importable_schools(request.user))
    follow = status["follow"] if status["follow"] is True else set(status["follow"])
    plan = {"source_trust": status["source_trust"], "rows": status["rows"]}
    origin = _Pull(library, status["uids"])
    return _summary_screen(request, origin, school, follow, plan, status["refusal"])


# Pull from a partner's library ------------------------------------------------------------------


def _trust_of(school):
    return school.path[: -SchoolPage.steplen]


def pull_libraries(user, schools=None):
    """The partner libraries of the trusts where the user may add pages in some school."""
    schools = importable_schools(user) if schools is None else schools
    trusts = TrustPage.objects.filter(path__in={_trust_of(school) for school in schools})
    return PartnerLibrary.of_trusts(trusts.values("pk")).order_by("trust__title", "label")


def _library_for(request, library_id, schools):
    """One of the user's trusts' libraries, else 404 (another trust's looks like a missing one)."""
    if not str(library_id or "").isdigit():
        raise Http404
    library = pull_libraries(request.user, schools).filter(pk=int(library_id)).first()
    if library is None:
        raise Http404
    return library


def pull_schools(library, schools):
    """Schools of the library's own trust where the user may add pages: a token belongs to one
    trust's partnership, so what it reads lands in that trust only."""
    return [school for school in schools if _trust_of(school) == library.trust.path]


class _Pull:
    """Challenges chosen from a partner's library, read again over its API at each step: the
    ticked `uids`, or (uids None) every challenge matching `search`, on every page of its list.
    The dry run names the uids it found, and the confirmation imports exactly those."""

    confirm_url_name = "interchange_pull_confirm"
    start_url_name = "interchange_pull"
    start_label = "Search again"

    def __init__(self, library, uids, search=None):
        self.library, self.uids, self.search = library, uids, search

    def hidden_fields(self, follow):
        # One field each, not one per challenge: a pull of thousands stays within Django's limit
        # on the number of fields a form may post.
        uids = self.uids or []
        fields = [("library", self.library.pk), ("uids", ",".join(uids))]
        if follow is True:
            return fields + [("follow_all", "1")]
        return fields + [("follows", ",".join(uid for uid in uids if uid in follow))]

    @contextmanager
    def open(self):
        client = client_for(self.library)
        if self.uids is None:
            source = PartnerSource(client, **self.search)
            self.uids = source.challenge_uids()
        else:
            source = PartnerSource(client, uids=self.uids)
        try:
            yield source
        finally:
            source.close()

    def forget(self):
        pass  # nothing was kept here

    def size(self):
        """How many challenges the pull names: those ticked, or the partner's count of those
        matching (one request for its first page)."""
        if self.uids is not None:
            return len(self.uids)
        return _listing(self.library, {**self.search, "page": 1})[1]

    def job(self, user):
        return new_token(user)

    def queue(self, job, school, user, follow):
        pull_task.enqueue(job, self.library.pk, self.uids, school.pk, user.pk, _json(follow))

    def queue_check(self, job, school, follow):
        check_pull_task.enqueue(
            job, self.library.pk, self.uids, self.search, school.pk, _json(follow)
        )


def _json(follow):
    return follow if isinstance(follow, bool) else sorted(follow)  # a task's JSON arguments


def _choices(model, anything):
    return [("", anything)] + list(model.objects.values_list("slug", "name"))


class PullSearchForm(forms.Form):
    library = forms.ModelChoiceField(
        queryset=PartnerLibrary.objects.none(),
        label="Partner library",
        empty_label=None,
        error_messages={"invalid_choice": "Choose one of your trust's partner libraries."},
    )
    q = forms.CharField(label="Words", required=False, max_length=200)
    subject = forms.ChoiceField(label="Subject", required=False)
    key_stage = forms.ChoiceField(
        label="Key stage", required=False, choices=[("", "Any key stage")] + [
            (stage, stage) for stage in KEY_STAGES
        ],
    )  # fmt: skip
    theme = forms.ChoiceField(label="Theme", required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=500, widget=forms.HiddenInput)

    def __init__(self, *args, libraries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["library"].queryset = libraries
        self.fields["subject"].choices = _choices(Subject, "Any subject")
        self.fields["theme"].choices = _choices(Theme, "Any theme")

    def search_parameters(self, names=("q", "subject", "key_stage", "theme", "page")):
        return {name: self.cleaned_data[name] for name in names if self.cleaned_data.get(name)}

    def matching_parameters(self):
        """The search without its page: what "Check all matching challenges" pulls."""
        return self.search_parameters(names=("q", "subject", "key_stage", "theme"))


def _text_list(value):
    return [str(item) for item in value] if isinstance(value, list) else []


def _listing(library, parameters):
    """(partner trust's title, total, [rows]) of one page of a partner's search. Summary, year
    groups and licence are optional: a partner running an older release lists none."""
    listing = client_for(library).challenges(**parameters)
    try:
        rows = [
            {
                "uid": str(row["uid"]),
                "title": str(row["title"]),
                "version": int(row["version"]),
                "updated": parse_datetime(row["updated"]) if row.get("updated") else None,
                "summary": str(row.get("summary") or ""),
                "year_codes": _text_list(row.get("year_groups")),
                "licence": str(row.get("licence") or ""),
            }
            for row in listing["results"]
        ]
        return str(listing.get("trust") or ""), int(listing["total"]), rows
    except (KeyError, TypeError, ValueError) as error:
        raise PartnerError("The partner's list of challenges is not understood.") from error


def _describe(rows, library, schools):
    """Give each row its year groups and licence by name, and the copies already in the schools
    the user pulls into (an original is known by its source and uid together)."""
    year_names = dict(YearGroup.objects.values_list("code", "name"))
    here = {}
    uids = [row["uid"] for row in rows]
    for copy in copies_of(client_for(library).base_url, uids, schools).select_related("school"):
        here.setdefault(copy.adapted_from["uid"], []).append(copy)
    for row in rows:
        row["years"] = ", ".join(year_names.get(code, code) for code in row["year_codes"])
        known = LICENCES.get(row["licence"])
        row["licence_name"] = known.name if known else row["licence"]  # as the partner names it
        row["here"] = [
            {
                "school": copy.school.title if copy.school else "",
                "version": (copy.adapted_from or {}).get("version"),
                "live": copy.live,
            }
            for copy in here.get(row["uid"], [])
        ]


def import_pull(request):
    """Search a partner's library and tick challenges to import (GET only: nothing is written)."""
    schools = importable_schools(request.user)
    if not schools:
        raise PermissionDenied
    libraries = pull_libraries(request.user, schools)
    if "library" in request.GET:
        _library_for(request, request.GET["library"], schools)  # another trust's: 404
    form = PullSearchForm(request.GET or None, libraries=libraries)
    context = {"form": form, "libraries": libraries, "results": None, "problem": ""}
    if request.GET and form.is_valid():
        library = form.cleaned_data["library"]
        parameters = form.search_parameters()
        try:
            trust, total, rows = _listing(library, parameters)
        except InterchangeError as error:
            context["problem"] = error.message
        else:
            pull_into = pull_schools(library, schools)
            _describe(rows, library, pull_into)
            page = parameters.get("page", 1)
            more = request.GET.copy()
            more["page"] = page + 1
            context.update(
                library=library,
                partner_trust=trust,
                total=total,
                results=rows,
                schools=pull_into,
                # Every page but the last is full, whatever size the partner's pages are.
                next_page=more.urlencode() if rows and page * len(rows) < total else "",
                matching=list(form.matching_parameters().items()),
            )
    return TemplateResponse(request, "challenges/admin/interchange_pull.html", context)


def _pull_choice(request):
    """(origin, school, follow) from a pull form; 404 for another trust's library or school."""
    schools = importable_schools(request.user)
    if not schools:
        raise PermissionDenied
    library = _library_for(request, request.POST.get("library"), schools)
    school_id = request.POST.get("school", "")
    school = next((s for s in pull_schools(library, schools) if str(s.pk) == school_id), None)
    if school is None:
        raise Http404
    follow = True if request.POST.get("follow_all") else set(_posted_uids(request, "follow"))
    if request.POST.get("all"):
        form = PullSearchForm(request.POST, libraries=PartnerLibrary.objects.filter(pk=library.pk))
        if form.is_valid():
            return _Pull(library, None, form.matching_parameters()), school, follow
    return _Pull(library, _posted_uids(request, "uid")), school, follow


def _posted_uids(request, name):
    """The uids posted as ticks (`uid`, `follow`) or as one comma-separated field (`uids`,
    `follows`), in order, each once; anything that is not a uid is dropped."""
    values = request.POST.getlist(name) + request.POST.get(f"{name}s", "").split(",")
    uids = {}
    for value in values:
        try:
            uids[str(uuid.UUID(value))] = True
        except ValueError:
            continue
    return list(uids)


@require_http_methods(["POST"])
def import_pull_check(request):
    """The dry run of the ticked challenges: the same summary as a package's."""
    origin, school, follow = _pull_choice(request)
    if not origin.uids and origin.search is None:
        messages.error(request, "Tick at least one challenge to import.")
        return redirect(f"{reverse('interchange_pull')}?library={origin.library.pk}")
    try:
        size = origin.size()
    except InterchangeError as error:
        return _summary_screen(request, origin, school, follow, None, error.message)
    if size <= background_threshold():
        return _summary(request, origin, school, follow)
    # Reading hundreds of documents takes longer than a page may wait, and more requests than
    # the partner answers in a minute: a task reads them, and the status screen shows the summary.
    job = origin.job(request.user)
    set_status(
        job, kind="check", state="queued", read=0, total=size, user=request.user.pk,
        school=school.pk, library=origin.library.pk, follow=_json(follow),
    )  # fmt: skip
    origin.queue_check(job, school, follow)
    return redirect("interchange_import_status", job)


@require_http_methods(["POST"])
def import_pull_confirm(request):
    origin, school, follow = _pull_choice(request)
    if not origin.uids:  # the confirmation names the uids its dry run found
        raise Http404
    return _import_or_queue(request, origin, school, follow, len(origin.uids))
