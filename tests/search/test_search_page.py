"""The HTML search page works without JavaScript: filters are links, selections removable."""

import pytest
from django.test import Client


@pytest.fixture
def page_html(corpus):
    def get(**params):
        response = Client().get("/search/", params)
        assert response.status_code == 200
        return response.content.decode()

    return get


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_results_total_snippets_and_facet_links(page_html):
    body = page_html(q="fraction")
    assert "2 challenges for “fraction”" in body
    assert "<mark>fractions</mark>" in body
    assert 'href="?q=fraction&amp;subject=mathematics"' in body


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_selected_filters_are_shown_and_removable(page_html):
    body = page_html(q="fraction", subject="mathematics")
    assert 'aria-label="Active filters"' in body
    assert "Subject: Mathematics" in body
    assert 'href="?q=fraction"' in body  # the chip's link removes the filter


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_sort_links_and_pagination_keep_the_filters(page_html):
    body = page_html(subject="mathematics")
    assert 'href="?subject=mathematics&amp;sort=most_adapted"' in body


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_a_bad_filter_is_explained(corpus):
    response = Client().get("/search/", {"year": "99"})
    assert response.status_code == 400
    assert "Please check your search" in response.content.decode()
    assert "99 is not one of the available choices" in response.content.decode()


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_home_page_has_a_search_box(corpus):
    assert 'action="/search/"' in Client().get("/").content.decode()


@pytest.mark.parametrize("implementation", ["database"], indirect=True)
def test_no_filter_heading_over_no_filters(page_html):
    assert '<h2 class="visually-hidden">Filter</h2>' in page_html(q="fraction")
    nothing = page_html(q="zebracanary")
    assert "0 challenges for “zebracanary”" in nothing
    assert ">Filter</h2>" not in nothing
