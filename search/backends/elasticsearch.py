"""The Elasticsearch implementation: an `elasticsearch.dsl` Document over words stemmed in Python
(the CI server has only the standard and keyword analysers), facets as aggregations, and an
alias over timestamped indices so that a rebuild swaps in a complete index at once.

Every failure of the cluster (refused, timed out, an error answer) is raised as
SearchUnavailable, so the caller answers from the database instead.
"""

import logging
import re
import time
from contextlib import contextmanager, suppress

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from elasticsearch import (
    ApiError,
    ConnectionTimeout,
    Elasticsearch,
    NotFoundError,
    TransportError,
)
from elasticsearch import ConnectionError as ClusterConnectionError
from elasticsearch.dsl import (
    Boolean,
    DateNanos,
    Document,
    Integer,
    Keyword,
    Long,
    Object,
    Q,
    Search,
    Text,
)
from elasticsearch.helpers import BulkIndexError, bulk

from challenges.filters import FACETS
from challenges.models import ChallengeTag
from search.backends.base import (
    RELATED_WEIGHTS,
    ChallengeSearch,
    SearchUnavailable,
    allowed_by_index,
    audience_filter_keys,
    suggestions,
    typed_for_suggest,
)
from search.models import IndexLog
from search.text import query_terms

logger = logging.getLogger("search")

FACET_BUCKETS = 10_000  # more values than any facet has: counts must list every value
REBUILD_TIMEOUT = 120  # seconds per request while rebuilding (bulk loads are slow requests)
RETRY_AFTER = 10  # seconds to answer from the database after a connection failure
TOMBSTONE = {"removed": True}  # stands in, during a rebuild, for a page removed or restricted
TITLE_WEIGHT = 4  # as the database's SearchDocument: title matches rank above body matches

SEARCH_ANSWER_PARTS = ["hits.total", "hits.hits._source", "aggregations"]
# Bumped when the mapping changes: an index built under an older one answers nothing (reads fall
# back to the database) until `manage.py search_index rebuild` builds a current one.
MAPPING_VERSION = 2

NEWEST = [{"published_at": "desc"}, {"uid": "asc"}]
ORDERS = {
    "relevance": ["_score", *NEWEST],
    "newest": NEWEST,
    "most_adapted": [{"adapted_count": "desc"}, *NEWEST],
}


def facet_field(facet):
    return f"f_{facet}"


def facet_value(facet, value):
    """The entry of `facet_values`, one keyword field holding every facet's values, so the
    counts of every facet without an active filter come from one terms aggregation."""
    return f"{facet}:{value}"


class ChallengeFields(Document):
    """A live challenge as indexing/documents.py builds it (the facet fields are added below)."""

    page_id = Long()
    uid = Keyword()
    audience = Keyword()
    title = Keyword()  # suggestions sort by the title as written, as the database does
    title_lc = Keyword()  # the lower-case title: suggest matches its start or a word's start
    title_terms = Text(analyzer="standard")  # already stemmed words: only split them
    text_terms = Text(analyzer="standard")
    snippet_source = Text(index=False)
    tag_names = Keyword(index=False, multi=True)
    published_at = DateNanos()  # microseconds kept, so "newest" orders exactly as the database
    adapted_count = Integer()
    card = Object(enabled=False)
    removed = Boolean()  # true only on tombstones (see ElasticsearchSearch.rebuild)
    facet_values = Keyword(multi=True)  # "subject:science", ... (see facet_value)


# One multi-valued keyword field per filter, e.g. `f_subject`, so no facet is ever forgotten.
IndexedChallenge = type(
    "IndexedChallenge",
    (ChallengeFields,),
    {facet_field(facet): Keyword(multi=True) for facet in FACETS},
)


def as_document(data):
    """The indexed body of one build_document() dictionary."""
    fields = {
        name: data[name]
        for name in (
            "page_id", "uid", "audience", "title", "title_terms", "text_terms", "snippet_source",
            "tag_names", "published_at", "adapted_count", "card",
        )
    }  # fmt: skip
    fields["title_lc"] = data["title"].lower()
    fields["facet_values"] = []
    for facet in FACETS:
        values = list(dict.fromkeys(data["facets"].get(facet, ())))
        fields[facet_field(facet)] = values
        fields["facet_values"] += [facet_value(facet, value) for value in values]
    return IndexedChallenge(**fields).to_dict(skip_empty=False)


def index_mapping():
    return {**IndexedChallenge._doc_type.mapping.to_dict(), "_meta": {"version": MAPPING_VERSION}}


def audience_query(viewer):
    """Documents the viewer may see. Tombstones have no audience: nobody ever sees one."""
    keys = audience_filter_keys(viewer)
    return Q("exists", field="audience") if keys is None else Q("terms", audience=keys)


def facet_filters(filters):
    """{facet: query as a dict}: values ORed within a facet (the facets are ANDed by the
    caller)."""
    return {
        facet: {"terms": {facet_field(facet): list(values)}} for facet, values in filters.items()
    }


def facet_aggregations(filters):
    """Each facet's counts apply every other active filter: the facets without a filter share
    one set (all filters applied) and one aggregation over `facet_values`; each filtered facet
    has its own."""

    def counted(field, where):
        return {
            "filter": {"bool": {"filter": where}},
            "aggs": {"values": {"terms": {"field": field, "size": FACET_BUCKETS}}},
        }

    aggregations = {"facet_values": counted("facet_values", list(filters.values()))}
    for facet in filters:
        others = [where for name, where in filters.items() if name != facet]
        aggregations[facet] = counted(facet_field(facet), others)
    return aggregations


def facet_counts(aggregations, filters):
    """{facet: {value: count}} from the answer to facet_aggregations()."""
    counts = {facet: {} for facet in FACETS}
    for bucket in aggregations["facet_values"]["values"]["buckets"]:
        facet, value = bucket["key"].split(":", 1)
        if facet in counts and facet not in filters:
            counts[facet][value] = bucket["doc_count"]
    for facet in filters:
        counts[facet] = {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations[facet]["values"]["buckets"]
        }
    return counts


def tag_names(slugs):
    """[(slug, name)] in one query, run even without tags: the query count stays constant."""
    tags = ChallengeTag.tag_model().objects.filter(slug__in=slugs or [""])
    names = dict(tags.values_list("slug", "name"))
    return [(slug, names.get(slug)) for slug in slugs]


def wildcard_escaped(text):
    return re.sub(r"([\\*?])", r"\\\1", text)


def regexp_escaped(text):
    return re.sub(r'([.?+*|{}\[\]()"\\#@&<>~])', r"\\\1", text)


class ElasticsearchSearch(ChallengeSearch):
    name = "elasticsearch"

    def __init__(self, url, alias=None):
        self.url = url
        self._alias = alias  # None: settings.ELASTICSEARCH_INDEX, read at each call
        self._clients = {}  # by timeout: created on first use, never at import
        self._aliases_ready = set()
        self._unreachable_until = 0.0
        self._unreachable_because = ""
        self._outdated_logged = ""
        self._failing = False  # the last call that reached for the cluster failed to connect

    @property
    def alias(self):
        return self._alias or getattr(settings, "ELASTICSEARCH_INDEX", "challenges")

    @property
    def rebuilding_alias(self):
        """Marks the index a rebuild is loading, so that updates reach it too."""
        return f"{self.alias}-rebuilding"

    # Connection and failures -------------------------------------------------------------------

    def is_unreachable(self):
        """True from a failure to reach the cluster until a call succeeds again (the retry
        interval only spaces out the attempts; the admin's notice stays while it lasts)."""
        return self._failing or time.monotonic() < self._unreachable_until

    def _client(self):
        if time.monotonic() < self._unreachable_until:
            # Down a moment ago: answer from the database at once rather than wait again.
            raise SearchUnavailable(
                f"not asking {self.url} again for {RETRY_AFTER}s after: {self._unreachable_because}"
            )
        timeout = float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 1))
        if timeout not in self._clients:
            try:
                self._clients[timeout] = Elasticsearch(
                    self.url, request_timeout=timeout, max_retries=0, retry_on_timeout=False
                )
            except ValueError as error:  # a malformed URL must not take pages down either
                raise SearchUnavailable(f"ELASTICSEARCH_URL {self.url!r}: {error}") from error
        return self._clients[timeout]

    @contextmanager
    def _unavailable_on_failure(self, doing):
        """Raises any failure of the cluster as SearchUnavailable."""
        try:
            yield
            self._failing = False
        except (ClusterConnectionError, ConnectionTimeout) as error:
            self._failing = True
            self._unreachable_until = time.monotonic() + RETRY_AFTER
            self._unreachable_because = f"{type(error).__name__}: {error}"
            raise SearchUnavailable(f"{doing} at {self.url}: {error}") from error
        except (ApiError, TransportError, BulkIndexError) as error:
            if isinstance(error, NotFoundError):
                self._aliases_ready.discard(self.alias)  # deleted behind our back: create again
            raise SearchUnavailable(f"{doing} at {self.url}: {error}") from error

    def _ready(self):
        """The client and alias, the first use creating an index behind the alias."""
        client, alias = self._client(), self.alias
        if alias not in self._aliases_ready:
            if not client.indices.exists_alias(name=alias):
                created = self._create_index(client, alias)
                behind = self._indices_behind(client, alias)
                if len(behind) > 1 and created != min(behind):
                    # Another process created the first index at the same moment: keep theirs.
                    client.indices.delete(index=created)
            self._repair_alias(client, alias)
            self._check_mapping(client, alias)
            self._aliases_ready.add(alias)
        return client, alias

    def _check_mapping(self, client, alias):
        """Refuses an index built under an older mapping: its answers would be wrong."""
        mappings = client.indices.get_mapping(index=alias).body
        versions = [
            index["mappings"].get("_meta", {}).get("version", 1) for index in mappings.values()
        ]
        if min(versions, default=MAPPING_VERSION) < MAPPING_VERSION:
            because = (
                f"{alias} was built by an older version of the library (mapping version "
                f"{min(versions)}, not {MAPPING_VERSION}): run `manage.py search_index rebuild`"
            )
            if because != self._outdated_logged:  # once, not at every search
                logger.error("Elasticsearch: %s", because)
                self._outdated_logged = because
            raise SearchUnavailable(because)

    def _create_index(self, client, alias_name):
        """A new timestamped index, with `alias_name` pointing at it."""
        index = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        client.indices.create(
            index=index,
            mappings=index_mapping(),
            # One shard: exact counts and scores. A replica only where a second node can hold it.
            settings={"number_of_shards": 1, "auto_expand_replicas": "0-1"},
            aliases={alias_name: {}},
        )
        return index

    def _alias_reaches(self, client, alias_name, index):
        """Whether the alias points at the index; None when the cluster cannot tell us."""
        try:
            return index in self._indices_behind(client, alias_name)
        except (ApiError, TransportError):
            return None

    def _repair_alias(self, client, alias):
        """An alias left on several indices with none of them the write index (a rebuild or a
        first use interrupted by timeouts) fails every write: keep it on one index, the last
        rebuild's if it is there, else the fullest (then the oldest), and release the others."""
        found = client.indices.get_alias(name=alias).body
        if len(found) < 2 or any(
            entry["aliases"][alias].get("is_write_index") for entry in found.values()
        ):
            return
        log = IndexLog.objects.filter(implementation=self.name).first()
        if log and log.target in found:
            keep = log.target
        else:
            counts = {index: client.count(index=index)["count"] for index in found}
            keep = min(found, key=lambda index: (-counts[index], index))
        others = sorted(index for index in found if index != keep)
        logger.warning("Elasticsearch: %s was on %s; kept on %s only", alias, sorted(found), keep)
        client.indices.update_aliases(
            actions=[{"remove": {"index": index, "alias": alias}} for index in others]
        )

    @staticmethod
    def _indices_behind(client, alias_name):
        found = client.options(ignore_status=404).indices.get_alias(name=alias_name).body
        return sorted(index for index in found if index not in ("error", "status"))

    # Reading -----------------------------------------------------------------------------------

    def _search(self):
        client, alias = self._ready()
        return Search(using=client, index=alias)

    def search(self, query, viewer):
        terms = query_terms(query.q)
        must = []
        if terms:
            must.append({
                "multi_match": {
                    "query": " ".join(terms),
                    "type": "cross_fields",  # every term in the title or the text, as the database
                    "operator": "and",
                    "fields": [f"title_terms^{TITLE_WEIGHT}", "text_terms"],
                }
            })  # fmt: skip
        filters = facet_filters(query.filters)
        sort = "newest" if query.sort == "relevance" and not terms else query.sort
        # The body as plain dictionaries: elasticsearch.dsl's objects cost milliseconds a search.
        body = {
            "query": {"bool": {"filter": [audience_query(viewer).to_dict()], "must": must}},
            "post_filter": {"bool": {"filter": list(filters.values())}},
            "sort": ORDERS.get(sort, NEWEST),
            "_source": ["card", "snippet_source"],
            "track_total_hits": True,
            "from": query.offset,
            "size": query.per_page,
            "aggs": facet_aggregations(filters),
        }
        with self._unavailable_on_failure("search"):
            client, alias = self._ready()
            # The raw answer, trimmed to what is read.
            response = client.search(index=alias, body=body, filter_path=SEARCH_ANSWER_PARTS).body
        hits = response["hits"]
        rows = [
            (hit["_source"]["card"], hit["_source"].get("snippet_source"))
            for hit in hits.get("hits", ())  # absent when nothing matched
        ]
        allowed = allowed_by_index(viewer, [card for card, _ in rows])
        served = [(card, source) for card, source in rows if card["uid"] in allowed]
        total = hits["total"]["value"] - (len(rows) - len(served))
        counts = facet_counts(response["aggregations"], filters)
        return self.result_page(query, total, served, counts)

    def suggest(self, q, viewer, limit=8):
        typed = typed_for_suggest(q)
        if typed is None:
            return []
        # As the database: the title starts with what was typed, or has it after a space.
        title_matches = Q("prefix", title_lc=typed) | Q(
            "wildcard", title_lc={"value": f"* {wildcard_escaped(typed)}*"}
        )
        with self._unavailable_on_failure("suggest"):
            search = (
                self._search()
                .query(Q("bool", filter=[audience_query(viewer)]))
                .post_filter(title_matches)  # tags below count every visible document
                .sort("title", "uid")
                .source(["title", "card"])[:limit]
            )
            search.aggs.bucket(
                "tags",
                "terms",
                field=facet_field("tag"),
                include=regexp_escaped(slugify(typed)) + ".*",
                order={"_key": "asc"},
                size=limit,
            )
            response = search.execute()
        titles = [(hit.title, hit.card.to_dict()) for hit in response]
        allowed = allowed_by_index(viewer, [card for _, card in titles])
        titles = [(title, card) for title, card in titles if card["uid"] in allowed]
        slugs = [bucket["key"] for bucket in response.aggregations["tags"]["buckets"]]
        return suggestions(titles, tag_names(slugs), limit)

    def related(self, challenge, viewer, limit=4):
        weighted_fields = [facet_field(facet) for facet in RELATED_WEIGHTS]
        with self._unavailable_on_failure("related"):
            client, alias = self._ready()
            own = client.options(ignore_status=404).get(
                index=alias, id=challenge.pk, source_includes=weighted_fields
            )
            values = own.body.get("_source", {})
            # One constant score per shared value: a candidate's score is the sum of weights.
            shared = [
                Q("constant_score", filter=Q("term", **{facet_field(facet): value}), boost=weight)
                for facet, weight in RELATED_WEIGHTS.items()
                for value in values.get(facet_field(facet), ())
            ]
            if not shared:
                return []
            response = (
                self._search()
                .query(
                    Q(
                        "bool",
                        should=shared,
                        minimum_should_match=1,
                        filter=[audience_query(viewer)],
                        must_not=[Q("ids", values=[str(challenge.pk)])],
                    )
                )
                .sort(*ORDERS["relevance"])
                .source(["card"])[:limit]
                .execute()
            )
        cards = [hit.card.to_dict() for hit in response]
        allowed = allowed_by_index(viewer, cards)
        return [card for card in cards if card["uid"] in allowed]

    # Writing -----------------------------------------------------------------------------------

    def _write_aliases(self, client, alias):
        """The live alias, plus the index being rebuilt if any: updates must reach both."""
        rebuilding = self.rebuilding_alias
        return [alias] + ([rebuilding] if client.indices.exists_alias(name=rebuilding) else [])

    def _writer(self):
        """The client and alias for a write: forced refreshes take longer than searches, and a
        write that times out is only recorded and replayed, so it may wait longer."""
        client, alias = self._ready()
        timeout = float(getattr(settings, "ELASTICSEARCH_WRITE_TIMEOUT", 3))
        return client.options(request_timeout=timeout), alias

    def index(self, documents):
        bodies = [(data["page_id"], as_document(data)) for data in documents]
        if not bodies:
            return
        with self._unavailable_on_failure("indexing"):
            client, alias = self._writer()
            actions = [
                {"_op_type": "index", "_index": target, "_id": page_id, "_source": body}
                for target in self._write_aliases(client, alias)
                for page_id, body in bodies
            ]
            self._bulk_write(client, actions)

    def restrict(self, page_id, audience):
        with self._unavailable_on_failure("restricting"):
            client, alias = self._writer()
            for target in self._write_aliases(client, alias):
                rebuilding = target != alias
                try:
                    client.update(
                        index=target,
                        id=page_id,
                        doc={"audience": audience},
                        # A page the rebuild has not loaded yet may arrive with its old audience:
                        # its tombstone keeps it out until the page is indexed again.
                        upsert=TOMBSTONE if rebuilding else None,
                        require_alias=True,
                        refresh=True,
                    )
                except NotFoundError as error:
                    # Not indexed: nothing to restrict. Or the rebuild has just finished.
                    if not (rebuilding or error.error == "document_missing_exception"):
                        raise

    def remove(self, page_ids):
        page_ids = list(page_ids)
        if not page_ids:
            return
        with self._unavailable_on_failure("removing"):
            client, alias = self._writer()
            actions = [
                # A rebuild may still load the removed page: its tombstone keeps it out.
                {"_op_type": "delete", "_index": alias, "_id": page_id}
                if target == alias
                else {"_op_type": "index", "_index": target, "_id": page_id, "_source": TOMBSTONE}
                for target in self._write_aliases(client, alias)
                for page_id in page_ids
            ]
            self._bulk_write(client, actions)

    def _bulk_write(self, client, actions):
        """Writes from publishing: visible to the next search before the request returns.

        `refresh=True` rather than "wait_for": waiting for the periodic refresh costs about a
        second per write, and publishing writes are few.
        """
        _, failures = bulk(client, actions, refresh=True, require_alias=True, raise_on_error=False)
        failures = [failure for failure in failures if not self._harmless(failure)]
        if failures:
            raise BulkIndexError(f"{len(failures)} document(s) failed", failures)

    def _harmless(self, failure):
        """Removing a page that is not indexed, or writing to a rebuild that has just ended."""
        ((_, item),) = failure.items()
        if item.get("status") != 404:
            return False
        return "error" not in item or item.get("_index") == self.rebuilding_alias

    def rebuild(self, documents, total, progress=None, batch_size=500):
        """Loads every document into a new index, then moves the alias to it in one step.

        Searches read the old index until the move. Meanwhile updates go to both indices; the
        load only creates documents, so it never overwrites a newer update (or the tombstone of
        a removal) made while it runs.
        """
        with self._unavailable_on_failure("rebuilding"):
            client = self._client().options(request_timeout=REBUILD_TIMEOUT)
            alias, rebuilding = self.alias, self.rebuilding_alias
            for abandoned in self._indices_behind(client, rebuilding):
                logger.warning("Deleting %s, left by an unfinished rebuild", abandoned)
                client.options(ignore_status=404).indices.delete(index=abandoned)
            new_index = self._create_index(client, rebuilding)
            try:
                count = self._load(client, rebuilding, documents, progress, batch_size)
                client.indices.refresh(index=new_index)
                # One segment: searches of a freshly loaded index read it faster (about a
                # quarter at 10,000 challenges); later updates add small segments as usual.
                client.indices.forcemerge(index=new_index, max_num_segments=1)
                old_indices = self._indices_behind(client, alias)
                client.indices.update_aliases(
                    actions=[
                        *({"remove": {"index": old, "alias": alias}} for old in old_indices),
                        {"add": {"index": new_index, "alias": alias}},
                        {"remove": {"index": new_index, "alias": rebuilding}},
                    ]
                )
            except BaseException:
                swapped = self._alias_reaches(client, alias, new_index)
                if swapped is None:
                    raise  # the cluster cannot say: deleting might remove the live index
                if not swapped:
                    with suppress(ApiError, TransportError):
                        client.options(ignore_status=404).indices.delete(index=new_index)
                    raise
                # The cluster applied the swap and only its answer failed (a timeout): deleting
                # the new index now would leave the alias on nothing. The rebuild is done.
                logger.warning("Rebuilt %s; the alias swap answered late", new_index)
            self._aliases_ready.add(alias)
        self._tidy_after_rebuild(client, new_index)
        IndexLog.objects.update_or_create(
            implementation=self.name,
            defaults={"rebuilt_at": timezone.now(), "documents": count, "target": new_index},
        )
        return count

    def _load(self, client, target, documents, progress, batch_size):
        count = 0
        batch = []
        for data in documents:
            batch.append(data)
            if len(batch) >= batch_size:
                count += self._load_batch(client, target, batch)
                batch = []
                if progress:
                    progress(count)
        count += self._load_batch(client, target, batch)
        if progress:
            progress(count)
        return count

    @staticmethod
    def _load_batch(client, target, batch):
        if not batch:
            return 0
        actions = [
            {"_op_type": "create", "_index": target, "_id": d["page_id"], "_source": as_document(d)}
            for d in batch
        ]
        # 409: an update (or removal) made during the rebuild is already there and is newer.
        bulk(client, actions, require_alias=True, chunk_size=len(actions), ignore_status=409)
        return len(batch)

    def _tidy_after_rebuild(self, client, new_index):
        """Deletes the old indices and the tombstones. The rebuild is done already: a failure
        here leaves only unused indices (the next rebuild deletes them) and invisible
        tombstones, so it is logged rather than raised."""
        try:
            self._purge_tombstones(client, new_index)
            in_use = {new_index, *self._indices_behind(client, self.rebuilding_alias)}
            timestamped = re.compile(rf"{re.escape(self.alias)}-\d{{20}}")
            for index in client.indices.get(index=f"{self.alias}-*").body:
                if timestamped.fullmatch(index) and index not in in_use:
                    client.options(ignore_status=404).indices.delete(index=index)
        except (ApiError, TransportError, BulkIndexError) as error:
            logger.warning("Rebuilt %s, but could not tidy up after: %s", new_index, error)

    @staticmethod
    def _purge_tombstones(client, index):
        client.indices.refresh(index=index)
        response = client.search(
            index=index, query={"term": {"removed": True}}, size=10_000, source=False,
            seq_no_primary_term=True,
        )  # fmt: skip
        actions = [
            # Only if unchanged since: a page indexed again meanwhile is no tombstone any more.
            {"_op_type": "delete", "_index": index, "_id": hit["_id"],
             "if_seq_no": hit["_seq_no"], "if_primary_term": hit["_primary_term"]}
            for hit in response["hits"]["hits"]
        ]  # fmt: skip
        if actions:
            bulk(client, actions, refresh=True, ignore_status=(404, 409))

    def status(self):
        with self._unavailable_on_failure("status"):
            client, alias = self._client(), self.alias
            behind = self._indices_behind(client, alias)
            documents = (
                client.count(index=alias, query={"exists": {"field": "audience"}})["count"]
                if behind
                else 0
            )
        log = IndexLog.objects.filter(implementation=self.name).first()
        return {
            "implementation": self.name,
            "documents": documents,
            "target": ", ".join(behind) or None,
            "last_rebuild": log.rebuilt_at.isoformat() if log else None,
        }
