"""The interchange schema as a public, cacheable, CORS-enabled resource.

A public file route (library/routes.py): sessions and CSRF step aside, so the response never
carries Set-Cookie or Vary: Cookie whatever cookies the request brings.
"""

import hashlib
import json
from functools import lru_cache

from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

from challenges.interchange.validate import schema as schema_document
from library.http import site_root

SCHEMA_MAX_AGE = 86400


def schema(request):
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return HttpResponseNotAllowed(["GET", "HEAD", "OPTIONS"])
    body = served_schema_bytes(site_root(request))
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


@lru_cache(maxsize=8)
def served_schema_bytes(root):
    """The schema as served: its `$id` is the absolute URL it is served at, under the Site's
    root (the file says only the path, as every instance serves it at its own address)."""
    served = {**schema_document(), "$id": f"{root}{reverse('interchange_schema')}"}
    return (json.dumps(served, indent=2, ensure_ascii=False) + "\n").encode()
