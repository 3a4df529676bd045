"""The interchange schema as a public, cacheable, CORS-enabled resource.

A public file route (library/routes.py): sessions and CSRF step aside, so the response never
carries Set-Cookie or Vary: Cookie whatever cookies the request brings.
"""

import hashlib

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

from challenges.interchange.validate import schema_bytes

SCHEMA_MAX_AGE = 86400


def schema(request):
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
    body = schema_bytes()
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    response = None
    if request.method != "OPTIONS":
        response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(
            b"" if request.method == "OPTIONS" else body,
            content_type="application/schema+json",
        )
    response.headers["ETag"] = etag
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response.headers["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=True, max_age=SCHEMA_MAX_AGE)
    return response
