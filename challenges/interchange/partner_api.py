"""Partner pulls: the interchange API read with a partner token.

`Authorization: Bearer <token>` only (never a token in a URL, never a session). A token sees the
`public` and `partners:<issuing trust>` challenges of the issuing trust and nothing else; it stops
working on the next request after it is revoked or the partnership ends. Each token, and each
address sending unknown tokens, is rate-limited through the shared cache.
"""

import dataclasses
import time
from functools import wraps

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import FileResponse, JsonResponse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.views.decorators.http import require_GET
from wagtail.models import Page, ReferenceIndex

from challenges.filters import ChallengeFilterForm, search_challenges
from challenges.interchange.serialise import AssetCatalogue, serialise_challenge
from challenges.media.storage import StorageUnavailable
from challenges.models import ChallengeDocument, ChallengeImage, LearningChallengePage
from challenges.visibility import PartnerViewer
from home.models import PartnerToken

URL_TOKEN_PARAMETERS = {"token", "access_token", "api_key", "key", "bearer"}


def _problem(status, message, **headers):
    response = JsonResponse({"error": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _over_limit(key, limit, window):
    """Fixed-window count in the shared cache; the seconds to wait when over, else 0."""
    now = int(time.time())
    bucket = f"{key}:{now // window}"
    if cache.add(bucket, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(bucket)
        except ValueError:  # expired between add and incr
            cache.add(bucket, 1, timeout=window + 1)
            count = 1
    return (window - now % window) if count > limit else 0


def partner_token_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if URL_TOKEN_PARAMETERS & {name.lower() for name in request.GET}:
            return _problem(
                400,
                "Tokens are never accepted in a URL (they end up in logs). Send the header "
                "'Authorization: Bearer <token>' instead, and revoke the token you sent.",
            )
        scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
        limit, window = settings.PARTNER_TOKEN_RATE_LIMIT
        if scheme.lower() != "bearer" or not secret.strip():
            return _problem(
                401, "Send a partner token: 'Authorization: Bearer <token>'.",
                WWW_Authenticate='Bearer realm="interchange"',
            )  # fmt: skip
        token = PartnerToken.authenticate(secret.strip())
        if token is None:
            wait = _over_limit(
                f"partner-token-failures:{request.META.get('REMOTE_ADDR', '')}", limit, window
            )
            if wait:
                return _problem(429, "Too many attempts. Try again later.", Retry_After=str(wait))
            return _problem(
                401,
                "This token is unknown, revoked, or its partnership has ended. Ask the "
                "partner trust's admin for a new one.",
                WWW_Authenticate='Bearer realm="interchange", error="invalid_token"',
            )
        wait = _over_limit(f"partner-token-rate:{token.pk}", limit, window)
        if wait:
            return _problem(
                429, f"Too many requests: at most {limit} every {window} seconds.",
                Retry_After=str(wait),
            )  # fmt: skip
        request.partner_token = token
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["Vary"] = "Authorization"
        return response

    return wrapper


def challenges_for(token):
    """Every live challenge a token may read: the issuing trust's public and partner ones."""
    viewer = PartnerViewer(token.trust_id)
    # Originals only: their translations travel inside them (format 1.2).
    originals = LearningChallengePage.objects.originals()
    return originals.visible_to(viewer).filter(trust_id=token.trust_id)


def _since(value):
    """The moment `value` names, or None when it names none (Django's parsers raise ValueError
    for a well-formed but impossible date such as 2025-06-31, 25:61 or a +99:00 offset)."""
    try:
        when = parse_datetime(value)
        if when is None:
            day = parse_date(value)
            when = parse_datetime(f"{day.isoformat()}T00:00:00") if day else None
        if when is not None and is_naive(when):
            when = make_aware(when)
    except (ValueError, OverflowError):
        return None
    return when


def _row(challenge, request):
    """One challenge of the list: enough for a partner's teacher to choose it from a search."""
    return {
        "uid": str(challenge.uid),
        "version": challenge.version,
        "title": challenge.title,
        "updated": challenge.last_published_at.isoformat() if challenge.last_published_at else None,
        "summary": challenge.summary,
        "year_groups": challenge.year_group_codes,
        "licence": challenge.licence_spdx,
        "url": request.build_absolute_uri(f"/api/interchange/v1/challenges/{challenge.uid}/"),
    }


@require_GET
@partner_token_required
def challenge_list(request):
    token = request.partner_token
    form = ChallengeFilterForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "Some search filters are not valid.",
                             "fields": form.error_text()}, status=400)  # fmt: skip
    since = None
    if request.GET.get("since"):
        since = _since(request.GET["since"])
        if since is None:
            return _problem(400, "'since' must be a date or time such as 2025-09-01T08:00:00Z.")
    # The rows name their year groups and licence (the trust's default when they chose none).
    scope = challenges_for(token).select_related("trust").prefetch_related("year_groups")
    if since is not None:
        scope = scope.filter(last_published_at__gt=since)
    query = form.to_query(per_page=settings.INTERCHANGE_PARTNER_PAGE_SIZE)
    if token.trust.slug not in query.filters.get("trust", (token.trust.slug,)):
        total, rows = 0, []  # another trust's library is not this token's to read
    elif query.q or query.filters:
        # The same search as our own library, seen as the partner, within the issuing trust.
        filters = dict(query.filters, trust=(token.trust.slug,))
        found = search_challenges(
            dataclasses.replace(query, filters=filters),
            PartnerViewer(token.trust_id),
        )
        uids = [card["uid"] for card in found.results]
        by_uid = {str(c.uid): c for c in scope.filter(uid__in=uids)}
        rows = [by_uid[uid] for uid in uids if uid in by_uid]
        total = found.total if since is None else len(rows)
    else:
        ordered = scope.order_by("last_published_at", "pk")
        total = ordered.count()
        rows = list(ordered[query.offset : query.offset + query.per_page])
    return JsonResponse(
        {
            "trust": token.trust.title,
            "total": total,
            "page": query.page,
            "results": [_row(challenge, request) for challenge in rows],
        }
    )


@require_GET
@partner_token_required
def challenge_detail(request, uid):
    """The interchange document of one challenge the token may read; anything else is 404."""
    page = challenges_for(request.partner_token).filter(uid=uid).first()
    if page is None:
        return _problem(404, "No challenge with this uid is shared with your trust.")
    document, _ = serialise_challenge(page)
    return JsonResponse(document)


@require_GET
@partner_token_required
def asset(request, sha256):
    """An asset named by a document the token may read (images showing pupils never travel)."""
    sha256 = sha256.lower()
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        return _problem(404, "No such asset.")
    try:  # files are hashed, then read, from the file store: it may fail at either
        response = _asset_response(request.partner_token, sha256)
    except StorageUnavailable:
        return _problem(503, "Our file store is not answering; try again later.",
                        Retry_After="60")  # fmt: skip
    return response or _problem(404, "No such asset.")


def _asset_response(token, sha256):
    """The file, found through the images and documents stored with this sha256 and the shared
    challenges that use them (Wagtail's reference index). Only when that finds nothing for a
    file that exists, or some file has no sha256 yet, is every shared challenge looked through."""
    candidates = [
        *ChallengeImage.objects.filter(sha256=sha256),
        *ChallengeDocument.objects.filter(sha256=sha256),
    ]
    using = set()
    for item in candidates:
        using.update(
            int(page_id)
            for page_id in ReferenceIndex.get_references_to(item)
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
    found = _served(challenges_for(token).filter(pk__in=using), sha256) if using else None
    if found is None and (candidates or _some_file_unhashed()):
        found = _served(challenges_for(token), sha256)
    return found


def _some_file_unhashed():
    return (
        ChallengeImage.objects.filter(sha256="").exists()
        or ChallengeDocument.objects.filter(sha256="").exists()
    )


def _served(pages, sha256):
    """The asset with this sha256 as the pages' documents name it (so images showing pupils, which
    documents never name, are never served)."""
    catalogue = AssetCatalogue()
    for page in pages:
        _, assets = serialise_challenge(page, catalogue)
        for found in assets:
            if found.sha256 == sha256:
                response = FileResponse(
                    found.open(), content_type=found.media_type, as_attachment=True,
                    filename=found.filename,
                )  # fmt: skip
                response["Content-Security-Policy"] = "default-src 'none'"
                response["X-Content-Type-Options"] = "nosniff"
                return response
    return None
