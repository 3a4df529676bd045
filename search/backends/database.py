"""The database implementation: Wagtail's database search backend (SQLite FTS5 or PostgreSQL
full text) over stemmed words for relevance; a per-process bitmap index (facet_index.py)
for visibility, filters, the other orders and facet counts."""

import json

from django.db import connection, transaction
from django.db.models import (
    Case,
    F,
    IntegerField,
    Lookup,
    OuterRef,
    Q,
    Subquery,
    Sum,
    When,
)
from django.utils import timezone
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from challenges.models import ChallengeTag, PublicationStamp
from challenges.visibility import viewer_keys
from search.backends.base import (
    RELATED_WEIGHTS,
    ChallengeSearch,
    audience_filter_keys,
    suggestions,
    typed_for_suggest,
)
from search.backends.facet_index import facet_index
from search.models import IndexLog, SearchDocument, SearchFacet
from search.text import query_terms

DOCUMENT_FIELDS = [
    "uid", "audience", "title", "title_terms", "text_terms", "snippet_source", "published_at",
    "adapted_count", "card",
]  # fmt: skip


class InIds(Lookup):
    """`pk__in_ids=[...]`: like `__in`, but the ids travel as one parameter (an array on
    PostgreSQL, a JSON list on SQLite), so thousands of ids cost no more to compile and send
    than a handful."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, ids]
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(ids)]


SearchDocument._meta.pk.register_lookup(InIds)


def sqlite_ranked_ids(results):
    """What `results.get_queryset()` orders on SQLite, in one pass over the full-text matches.

    Wagtail's SQLite backend orders by a correlated subquery that compares the varchar
    `object_id` of its index entries with our integer primary key: SQLite then cannot use its
    (content_type, object_id) index and scans every entry for every match, which took seconds
    for common words at 10,000 challenges. Here the same match and the same bm25 expression,
    built by Wagtail's own query compiler, are read once, and sorted as Wagtail sorts them
    (score ascending, then primary key descending).
    """
    # Lazy: this module of Wagtail's search exists only in some versions (see the caller).
    from modelsearch.backends.database.sqlite import sqlite as backend  # noqa: PLC0415

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    match = backend.MatchExpression(
        compiler.fields or compiler.FTS_TABLE_FIELDS,
        compiler.build_search_query(backend.normalize(compiler.query), config=config),
    )
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    # The content type is tested here rather than in SQL: given that condition, SQLite
    # starts from the index entries of the type and probes the full-text index once for each
    # (seconds), instead of reading the matches and joining their entries (milliseconds).
    ours = set(backend.get_descendants_content_types_pks(SearchDocument))
    scored = (
        backend.SQLiteFTSIndexEntry.objects.filter(match)
        .annotate(score=score)
        .values_list("index_entry__content_type_id", "index_entry__object_id", "score")
    )
    ranked = sorted((score, -int(pk)) for content_type, pk, score in scored if content_type in ours)
    return [-negated_pk for _, negated_pk in ranked]


def _postgres_matches(results):
    """Wagtail's PostgreSQL match over the index entries of our type alone, and its rank."""
    # Lazy: this module of Wagtail's search exists only in some versions (see the caller).
    from modelsearch.backends.database.postgres import postgres as backend  # noqa: PLC0415

    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    matches = (
        backend.IndexEntry.objects.annotate(
            _vector_=F("title")._combine(F("body"), "||", False),
            # `+ 0` keeps the planner off the content-type index: through it, PostgreSQL
            # computed `title || body` for every entry of our type (55 to 70 ms at 10,000
            # challenges) instead of asking the GIN index on that expression (5 to 20 ms).
            content_type_unindexed=F("content_type_id") + 0,
        )
        .filter(
            content_type_unindexed__in=backend.get_descendants_content_types_pks(SearchDocument)
        )
        .filter(_vector_=compiler.build_tsquery(compiler.query, config=config))
    )
    return matches, compiler._build_rank_expression(vectors, config)


def postgres_ranked_ids(results):
    """What `results.get_queryset()` orders on PostgreSQL, read from the index entries alone.

    Wagtail's query joins every document to its entry on a varchar cast of our primary key and
    sorts all the matches in SQL: at 10,000 challenges that join and sort took most of a
    search. Here the same match and the same rank expression, built by Wagtail's own query
    compiler, are read from the entries of our type only, and sorted as Wagtail sorts them
    (rank descending, then primary key descending).
    """
    matches, rank = _postgres_matches(results)
    ranked = sorted(
        (-score, -int(pk)) for pk, score in _rows(matches.values_list("object_id", rank))
    )
    return [-negated_pk for _, negated_pk in ranked]


def postgres_matched_ids(results):
    """The same matches unranked: ranking (ts_rank over every matching body) is most of the
    cost, and only a relevance order needs it."""
    matches, _ = _postgres_matches(results)
    return [int(pk) for (pk,) in _rows(matches.values_list("object_id"))]


def _rows(queryset):
    """The rows of a values_list() straight from the cursor: for thousands of matches, Django's
    per-row converters cost more than the query."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class DatabaseSearch(ChallengeSearch):
    name = "database"

    # Reading -----------------------------------------------------------------------------------

    def _visible(self, viewer):
        return SearchDocument.objects.for_keys(viewer_keys(viewer))

    def _matched_ids(self, q, ranked):
        """Ids of the documents containing every stemmed term (best first if `ranked`, and
        possibly so otherwise); None without terms.

        One full-text query: the total, the page and every facet count then filter on these
        ids instead of running the full-text match again in each of their queries.
        """
        terms = query_terms(q)
        if not terms:
            return None
        results = get_search_backend("default").search(
            PlainText(" ".join(terms), operator="and"), SearchDocument, order_by_relevance=True
        )
        faster = {
            "sqlite": sqlite_ranked_ids,  # ranked in the same pass: no cheaper unranked read
            "postgresql": postgres_ranked_ids if ranked else postgres_matched_ids,
        }
        if connection.vendor in faster:
            try:
                return faster[connection.vendor](results)
            except (ImportError, AttributeError):  # another Wagtail: its own (slower) query
                pass
        return list(results.get_queryset().values_list("pk", flat=True))

    def search(self, query, viewer):
        stamp = PublicationStamp.current()  # read once for the index and the labels
        index = facet_index(stamp)
        base = index.visible(audience_filter_keys(viewer))
        by_relevance = query.sort == "relevance"
        matched = self._matched_ids(query.q, ranked=by_relevance)
        if matched is not None:
            base &= index.of_ids(matched)
        matching = index.filtered(base, query.filters)
        start, stop = query.offset, query.offset + query.per_page
        if by_relevance and matched is not None:
            order = (index.position[pk] for pk in matched if pk in index.position)
            page_ids = index.in_order(order, matching, start, stop)
        elif query.sort == "most_adapted":
            page_ids = index.in_order(index.most_adapted, matching, start, stop)
        else:
            page_ids = index.newest(matching, start, stop)
        found = SearchDocument.objects.filter(pk__in_ids=page_ids)
        by_id = {pk: (card, source) for pk, card, source in found.values_list(
            "pk", "card", "snippet_source")}  # fmt: skip
        # A document removed since the index was built is left out (the next search rebuilds).
        rows = [by_id[pk] for pk in page_ids if pk in by_id]
        counts = index.counts(base, query.filters)
        return self.result_page(query, matching.bit_count(), rows, counts, stamp)

    def suggest(self, q, viewer, limit=8):
        typed = typed_for_suggest(q)
        if typed is None:
            return []
        visible = self._visible(viewer)
        titles = (
            visible.filter(Q(title__istartswith=typed) | Q(title__icontains=" " + typed))
            .order_by("title", "uid")
            .values_list("title", "card")[:limit]
        )
        tag_model = ChallengeTag.tag_model()
        tags = (
            SearchFacet.objects.filter(
                facet="tag", value__startswith=slugify(typed), document__in=visible.values("pk")
            )
            .values_list("value", flat=True)
            .distinct()
            .order_by("value")
            .annotate(
                name=Subquery(tag_model.objects.filter(slug=OuterRef("value")).values("name")[:1])
            )
            .values_list("value", "name")[:limit]
        )
        return suggestions(titles, tags, limit)

    def related(self, challenge, viewer, limit=4):
        own = SearchFacet.objects.filter(document_id=challenge.pk, facet__in=RELATED_WEIGHTS)
        shared = Q()
        for facet, value in own.values_list("facet", "value"):
            shared |= Q(facet=facet, value=value)
        if not shared:
            return []
        candidates = self._visible(viewer).exclude(pk=challenge.pk).values("pk")
        weight = Case(
            *(When(facet=facet, then=w) for facet, w in RELATED_WEIGHTS.items()),
            output_field=IntegerField(),
        )
        scored = (
            SearchFacet.objects.filter(shared, document__in=candidates)
            .values("document_id")
            .annotate(score=Sum(weight))
            .order_by("-score", "-document__published_at", "document__uid")[:limit]
        )
        ids = [row["document_id"] for row in scored]
        cards = dict(SearchDocument.objects.filter(pk__in=ids).values_list("pk", "card"))
        return [cards[pk] for pk in ids]

    # Writing -----------------------------------------------------------------------------------

    @staticmethod
    def _facet_rows(document, data):
        return [
            SearchFacet(document=document, facet=facet, value=value)
            for facet, values in data["facets"].items()
            for value in dict.fromkeys(values)
        ]

    def index(self, documents):
        written = False
        for data in documents:
            written = True
            with transaction.atomic():
                document, _ = SearchDocument.objects.update_or_create(
                    page_id=data["page_id"], defaults={f: data[f] for f in DOCUMENT_FIELDS}
                )
                document.facets.all().delete()
                SearchFacet.objects.bulk_create(self._facet_rows(document, data))
        if written:
            PublicationStamp.bump()  # the index changed: every process's facet index follows

    def restrict(self, page_id, audience):
        if SearchDocument.objects.filter(page_id=page_id).update(audience=audience):
            PublicationStamp.bump()

    def remove(self, page_ids):
        removed, _ = SearchDocument.objects.filter(page_id__in=page_ids).delete()
        if removed:
            PublicationStamp.bump()

    def rebuild(self, documents, total, progress=None, batch_size=500):
        """Replace the whole index in one transaction: readers see the old index until commit."""
        wagtail_index = get_search_backend("default")
        count = 0
        with transaction.atomic():
            SearchDocument.objects.all().delete()
            batch = []
            for data in documents:
                batch.append(data)
                if len(batch) >= batch_size:
                    count += self._bulk_load(batch, wagtail_index)
                    batch = []
                    if progress:
                        progress(count)
            count += self._bulk_load(batch, wagtail_index)
            if progress:
                progress(count)
            IndexLog.objects.update_or_create(
                implementation=self.name,
                defaults={"rebuilt_at": timezone.now(), "documents": count, "target": "database"},
            )
            PublicationStamp.bump()
        return count

    def _bulk_load(self, batch, wagtail_index):
        if not batch:
            return 0
        objects = SearchDocument.objects.bulk_create(
            [
                SearchDocument(page_id=d["page_id"], **{f: d[f] for f in DOCUMENT_FIELDS})
                for d in batch
            ]
        )
        SearchFacet.objects.bulk_create(
            [
                row
                for obj, data in zip(objects, batch, strict=True)
                for row in self._facet_rows(obj, data)
            ]
        )
        wagtail_index.add_bulk(SearchDocument, objects)
        return len(objects)

    def status(self):
        log = IndexLog.objects.filter(implementation=self.name).first()
        return {
            "implementation": self.name,
            "documents": SearchDocument.objects.count(),
            "target": "database table search_searchdocument",
            "last_rebuild": log.rebuilt_at.isoformat() if log else None,
        }
