"""The one search interface; the database and Elasticsearch implementations both provide it."""

from dataclasses import dataclass, field

from challenges.filters import FACETS, FIXED_LABELS
from challenges.visibility import EVERYTHING, viewer_keys
from search.backends.facet_index import vocabulary_labels
from search.models import SearchDocument
from search.text import query_terms, snippet

# How much one shared value counts towards "related": a shared tag says most.
RELATED_WEIGHTS = {"tag": 3, "theme": 2, "subject": 1}


class SearchUnavailable(Exception):
    """The implementation could not answer (refused, timed out, broken)."""


@dataclass
class SearchPage:
    """One page of results with facet counts, ready for HTML or JSON."""

    total: int
    results: list  # cards (dicts) with a "snippet"
    facets: dict  # facet -> [{value, label, count, selected}]
    page: int = 1
    per_page: int = 20
    implementation: str = ""
    notices: list = field(default_factory=list)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))

    def as_json(self):
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "results": self.results,
            "facets": self.facets,
        }


class ChallengeSearch:
    """Search, suggest and related over the index; keeping the index in step with publishing."""

    name = "base"

    # Reading -----------------------------------------------------------------------------------

    def search(self, query, viewer):
        """A SearchPage for a ChallengeQuery, seen by `viewer`."""
        raise NotImplementedError

    def suggest(self, q, viewer, limit=8):
        """Titles and tags completing what was typed: [{"text", "kind", "url"}]."""
        raise NotImplementedError

    def related(self, challenge, viewer, limit=4):
        """Cards of challenges sharing subjects, themes or tags, never the challenge itself."""
        raise NotImplementedError

    def result_page(self, query, total, rows, raw_counts, stamp=None):
        """The SearchPage for `query`: rows of (card, snippet source), raw facet counts (and
        the publication stamp, if just read)."""
        return SearchPage(
            total=total,
            results=with_snippets(rows, query.q),
            facets=shape_facets(raw_counts, query, vocabulary_labels(stamp)),
            page=query.page,
            per_page=query.per_page,
            implementation=self.name,
        )

    # Writing -----------------------------------------------------------------------------------

    def index(self, documents):
        raise NotImplementedError

    def restrict(self, page_id, audience):
        """Give an indexed challenge its new audience at once (before any reindexing)."""
        raise NotImplementedError

    def remove(self, page_ids):
        raise NotImplementedError

    def rebuild(self, documents, total, progress=None):
        raise NotImplementedError

    def status(self):
        raise NotImplementedError


def audience_filter_keys(viewer):
    """The audience keys to filter on, or None when the viewer sees everything."""
    keys = viewer_keys(viewer)
    return None if keys is EVERYTHING else sorted(keys)


def allowed_by_index(viewer, cards):
    """The uids among these cards that the database index still lets the viewer see (one query
    on an indexed table).

    Another index may lag behind (a write missed while it was down): a hit the database no
    longer allows is never served. The database index is as fresh as the pages themselves for
    this: removals and audience changes reach it in the publishing transaction.
    """
    uids = [card["uid"] for card in cards]
    if not uids:
        return set()
    found = SearchDocument.objects.for_keys(viewer_keys(viewer)).filter(uid__in=uids)
    return set(found.values_list("uid", flat=True))


def typed_for_suggest(q):
    """What was typed, lower case and single-spaced; None when too short to suggest from."""
    typed = " ".join(q.lower().split())
    return typed if len(typed) >= 2 else None


def with_snippets(cards_and_sources, q):
    terms = query_terms(q)
    results = []
    for card, source in cards_and_sources:
        results.append({**card, "snippet": snippet(source or card.get("summary", ""), terms)})
    return results


def shape_facets(raw_counts, query, labels):
    """{facet: {value: count}} to the public shape, selected values always listed."""
    facets = {}
    for name in FACETS:
        counts = dict(raw_counts.get(name, {}))
        selected = set(query.filters.get(name, ()))
        for value in selected:
            counts.setdefault(value, 0)
        entries = [
            {
                "value": value,
                "label": labels.get(name, {}).get(value)
                or FIXED_LABELS.get(name, {}).get(value)
                or value,
                "count": count,
                "selected": value in selected,
            }
            for value, count in counts.items()
            if count or value in selected
        ]
        entries.sort(key=lambda entry: (-entry["count"], entry["label"].lower()))
        facets[name] = entries
    return facets


def suggestions(titles, tags, limit):
    """Challenge titles first, then tags: [{"text", "kind", "url"}]."""
    items = [{"text": title, "kind": "challenge", "url": card["url"]} for title, card in titles]
    items += [
        {"text": name or slug, "kind": "tag", "url": f"/search/?tag={slug}"} for slug, name in tags
    ]
    return items[:limit]
