"""Private media: an image (original or rendition) or a document is served to anonymous visitors
only while a live public challenge uses it. Anyone else who may see a live challenge using it,
or who may choose or edit it in the admin, gets it too, privately; everyone else gets the same
404 as a missing file.
"""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.permissions import policy_registry

from challenges.media.storage import StorageUnavailable
from challenges.media.usage import media_audiences
from challenges.models import ChallengeDocument, ChallengeImage, ChallengeImageRendition
from challenges.visibility import EVERYTHING, PUBLIC, viewer_keys
from library.public_routes import session_user

PUBLIC_MAX_AGE = 300  # seconds a shared cache may keep a public file after it stops being public
STORE_DOWN_ANSWER = (
    "This file cannot be fetched just now: the file store is not answering. "
    "Please try again in a few minutes."
)
RETRY_AFTER_SECONDS = 60


def store_down_response():
    """The file store failed while a file was read (before or after its open): said in words,
    never a traceback, and never kept by a cache."""
    response = HttpResponse(STORE_DOWN_ANSWER, status=503, content_type="text/plain")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, private=True, no_store=True)
    return response


ADMIN_PERMISSIONS = ["choose", "change"]


def is_public(kind, pk):
    return PUBLIC in media_audiences()[kind].get(pk, ())


def may_see(user, kind, obj):
    """A signed-in user sees what a live challenge they may see uses, and what they may choose
    or edit in the admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    keys = viewer_keys(user)
    if keys is EVERYTHING or media_audiences()[kind].get(obj.pk, set()) & keys:
        return True
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ADMIN_PERMISSIONS, obj)


def check_access(request, kind, obj):
    """True when public; False when private to this viewer; Http404 otherwise."""
    if is_public(kind, obj.pk):
        return True
    if may_see(session_user(request), kind, obj):
        return False
    raise Http404


def _media_object(name):
    if name.startswith("original_images/"):
        return "image", ChallengeImage.objects.filter(file=name).first()
    if name.startswith("images/"):
        rendition = ChallengeImageRendition.objects.filter(file=name).select_related("image")
        rendition = rendition.first()
        return "image", rendition.image if rendition else None
    if name.startswith("documents/"):
        return "document", ChallengeDocument.objects.filter(file=name).first()
    return None, None


def _cache_headers(response, public):
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def serve_media(request, name):
    """/media/<name>: a file of ours, to those who may see it."""
    kind, obj = _media_object(name)
    if obj is None:
        raise Http404
    public = check_access(request, kind, obj)
    if kind == "document":
        return serve_document(request, obj.pk, obj.filename)
    signed_url = getattr(default_storage, "signed_url", None)
    if signed_url is not None:  # S3: a direct URL made for this response, valid for minutes
        response = HttpResponseRedirect(signed_url(name))
        patch_cache_control(response, private=True, max_age=60)
        return response
    try:
        handle = default_storage.open(name)
    except FileNotFoundError:
        raise Http404 from None
    except StorageUnavailable:
        return store_down_response()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return _cache_headers(FileResponse(handle, content_type=content_type), public)


@require_safe
def serve_document(request, document_id, document_filename):
    """/documents/<id>/<name>: Wagtail's document view (an attachment, with
    `Content-Security-Policy: default-src 'none'` and nosniff) behind the same check."""
    document = get_object_or_404(ChallengeDocument, pk=document_id)
    public = check_access(request, "document", document)
    request.user = SimpleLazyObject(lambda: session_user(request))  # Wagtail's own hooks read it
    try:  # on S3 the body is fetched here, while the response measures the file
        response = wagtail_serve_document(request, document_id, document_filename)
    except StorageUnavailable:
        return store_down_response()
    response["Content-Disposition"] = (
        response.get("Content-Disposition", "").replace("inline", "attachment")
        or f'attachment; filename="{document.filename}"'
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return _cache_headers(response, public)
