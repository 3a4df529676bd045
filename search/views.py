"""/search/ (HTML and ?format=json) and /search/suggest/."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse

from challenges.filters import FACETS, ChallengeFilterForm
from library.http import InertJsonResponse
from search.backends import get_search

FACET_TITLES = {
    "subject": "Subject", "theme": "Theme", "tag": "Tag", "trust": "Trust", "school": "School",
    "key_stage": "Key stage", "year": "Year group", "duration": "Time", "screen_free": "Screens",
    "cost": "Cost", "licence": "Licence", "kind": "Kind",
}  # fmt: skip


def _url_with(params, **changes):
    """The current search URL with some parameters replaced (None removes one)."""
    query = {key: list(values) for key, values in params.lists() if key not in ("page", "format")}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + urlencode(query, doseq=True)


def _toggle(params, facet, value):
    values = [v for v in params.getlist(facet)]
    values = [v for v in values if v != value] if value in values else values + [value]
    return _url_with(params, **{facet: values or None})


def search(request):
    wants_json = request.GET.get("format") == "json"
    form = ChallengeFilterForm(request.GET)
    if not form.is_valid():
        if wants_json:
            return InertJsonResponse({"errors": form.error_text()}, status=400)
        return TemplateResponse(request, "search/search.html", {"form": form}, status=400)
    query = form.to_query()
    result = get_search().search(query, request.user)
    if wants_json:
        return InertJsonResponse(result.as_json())
    facets = [
        {
            "name": name,
            "title": FACET_TITLES[name],
            "values": [
                {**entry, "toggle_url": _toggle(request.GET, name, entry["value"])}
                for entry in result.facets[name]
            ],
        }
        for name in FACETS
        if result.facets[name]
    ]
    selected = [
        {"facet": FACET_TITLES[f["name"]], "label": v["label"], "remove_url": v["toggle_url"]}
        for f in facets
        for v in f["values"]
        if v["selected"]
    ]
    pages = {
        "previous": _url_with(request.GET, page=[query.page - 1]) if query.page > 1 else None,
        "next": _url_with(request.GET, page=[query.page + 1])
        if query.page < result.pages
        else None,
    }
    context = {
        "form": form, "query": query, "result": result, "facets": facets, "selected": selected,
        "pages": pages, "sorts": [
            {"value": s, "label": label, "url": _url_with(request.GET, sort=[s]),
             "current": s == query.sort}
            for s, label in (("relevance", "Best match"), ("newest", "Newest"),
                             ("most_adapted", "Most adapted"))
        ],
    }  # fmt: skip
    return TemplateResponse(request, "search/search.html", context)


def suggest(request):
    q = request.GET.get("q", "")[:100]
    return InertJsonResponse({"q": q, "suggestions": get_search().suggest(q, request.user)})
