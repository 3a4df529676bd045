"""Wagtail's stock search view, as `wagtail start` generates it (search/views.py of the project
template), served beside the library's own URLs so both go through the same middleware.

Differences from the template, for a like-for-like comparison: 20 results a page (ours shows
20), and the results list rendered from a string instead of extending base.html (our JSON
answer renders no page either).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from wagtail.models import Page

from library.urls import urlpatterns as library_urlpatterns

PER_PAGE = 20
RESULTS = engines["django"].from_string(
    "{% load wagtailcore_tags %}<h1>Search</h1>"
    "{% if search_results %}<ul>{% for result in search_results %}"
    '<li><h4><a href="{% pageurl result %}">{{ result }}</a></h4>'
    "{% if result.search_description %}{{ result.search_description }}{% endif %}</li>"
    "{% endfor %}</ul>"
    "{% if search_results.has_next %}"
    '<a href="?query={{ search_query|urlencode }}&amp;'
    'page={{ search_results.next_page_number }}">Next</a>'
    "{% endif %}"
    "{% elif search_query %}No results found{% endif %}"
)


def stock_queryset(q):
    """The stock search: live pages of every type matching the words, best first."""
    return Page.objects.live().search(q)


def stock_search(request):
    search_query = request.GET.get("query", None)
    page = request.GET.get("page", 1)
    search_results = stock_queryset(search_query) if search_query else Page.objects.none()
    paginator = Paginator(search_results, PER_PAGE)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)
    context = {"search_query": search_query, "search_results": search_results}
    return HttpResponse(RESULTS.render(context, request))


urlpatterns = [path("stock-search/", stock_search, name="stock_search"), *library_urlpatterns]
