"""A per-process bitmap index of the database implementation's documents: visibility, filters,
facet counts and the orders other than relevance become set operations on Python integers.

Each document has a bit, numbered in "newest" order; each audience key and each facet value has
an integer with the bits of its documents. A search is then one full-text match (ids, when there
are words), a few ANDs, ORs and popcounts, and one query for the cards of the page shown.

The index is rebuilt from the database whenever the publication stamp changes: every write to
the database implementation bumps it (search/backends/database.py), so a publish, unpublish,
visibility change, move or deletion made in any process reaches the next search in every
process. The stamp is read before the rows, so an index is never labelled newer than its rows.
"""

import threading
from collections import defaultdict

from challenges.filters import FACETS
from challenges.models import ChallengeTag, PublicationStamp, Subject, Theme
from home.models import SchoolPage, TrustPage
from search.models import SearchDocument, SearchFacet

# The positions of the set bits of each byte value, lowest first.
BYTE_BITS = [tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256)]


def bitset(positions, size):
    """An integer with the given bits set (built as bytes: one pass, whatever the count)."""
    data = bytearray((size + 7) // 8)
    for position in positions:
        data[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(data, "little")


def members(bits):
    """The positions of the set bits, lowest first."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        if byte:
            base = index << 3
            for bit in BYTE_BITS[byte]:
                yield base + bit


class Membership:
    """Constant-time `position in bits` for one bitset (a shift of a big integer is not)."""

    def __init__(self, bits):
        self.data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")

    def __contains__(self, position):
        index = position >> 3
        return index < len(self.data) and self.data[index] >> (position & 7) & 1


def _vocabulary_labels():
    """Names of every value of the open-vocabulary facets (the fixed ones are named in
    filters.py): five small tables, read once per stamp."""
    sources = {
        "subject": Subject.objects.values_list("slug", "name"),
        "theme": Theme.objects.values_list("slug", "name"),
        "tag": ChallengeTag.tag_model().objects.values_list("slug", "name"),
        "trust": TrustPage.objects.values_list("slug", "title"),
        "school": SchoolPage.objects.values_list("slug", "title"),
    }
    return {facet: dict(rows) for facet, rows in sources.items()}


class FacetIndex:
    """Every indexed document of the database implementation, as bitsets (see the module)."""

    def __init__(self):
        newest = list(
            SearchDocument.objects.order_by("-published_at", "uid").values_list("pk", "audience")
        )
        self.size = len(newest)
        self.page_ids = [pk for pk, _ in newest]
        self.position = {pk: position for position, pk in enumerate(self.page_ids)}
        self.everything = (1 << self.size) - 1
        audiences = defaultdict(list)
        for position, (_, audience) in enumerate(newest):
            audiences[audience].append(position)
        self.audiences = {key: bitset(found, self.size) for key, found in audiences.items()}
        # A document written after the first query is left out: its stamp forces a rebuild.
        self.most_adapted = [
            self.position[pk]
            for pk in SearchDocument.objects.order_by(
                "-adapted_count", "-published_at", "uid"
            ).values_list("pk", flat=True)
            if pk in self.position
        ]
        values = defaultdict(lambda: defaultdict(list))
        for facet, value, pk in SearchFacet.objects.values_list("facet", "value", "document_id"):
            if pk in self.position:
                values[facet][value].append(self.position[pk])
        self.facets = {
            facet: {value: bitset(found, self.size) for value, found in by_value.items()}
            for facet, by_value in values.items()
        }

    # Sets ---------------------------------------------------------------------------------------

    def visible(self, keys):
        """The documents of these audience keys (None: every document)."""
        if keys is None:
            return self.everything
        bits = 0
        for key in keys:
            bits |= self.audiences.get(key, 0)
        return bits

    def of_ids(self, page_ids):
        return bitset((self.position[pk] for pk in page_ids if pk in self.position), self.size)

    def filtered(self, bits, filters):
        """Values ORed within a facet, facets ANDed."""
        for facet, values in filters.items():
            by_value = self.facets.get(facet, {})
            either = 0
            for value in values:
                either |= by_value.get(value, 0)
            bits &= either
        return bits

    def counts(self, base, filters):
        """{facet: {value: count}} (non-zero only): each facet's counts apply every other
        active filter, the unselected facets sharing one set."""
        everything_else = self.filtered(base, filters)
        counts = {}
        for facet in FACETS:
            within = (
                self.filtered(base, {f: v for f, v in filters.items() if f != facet})
                if facet in filters
                else everything_else
            )
            found = {}
            if within:
                for value, bits in self.facets.get(facet, {}).items():
                    count = (bits & within).bit_count()
                    if count:
                        found[value] = count
            counts[facet] = found
        return counts

    # Orders -------------------------------------------------------------------------------------

    def newest(self, bits, start, stop):
        """Page ids of bits `start` to `stop` in newest order."""
        found = []
        for index, position in enumerate(members(bits)):
            if index >= stop:
                break
            if index >= start:
                found.append(self.page_ids[position])
        return found

    def in_order(self, order, bits, start, stop):
        """Page ids of `start` to `stop` of the positions of `order` that are in `bits`."""
        inside = Membership(bits)
        found, index = [], 0
        for position in order:
            if position in inside:
                if index >= start:
                    found.append(self.page_ids[position])
                index += 1
                if index >= stop:
                    break
        return found


class PerStamp:
    """One value per process, built again whenever the publication stamp has moved."""

    def __init__(self, build):
        self.build = build
        self.current = (None, None)  # (stamp, value), replaced as one
        self.lock = threading.Lock()

    def __call__(self, stamp=None):
        """`stamp`: when the caller has just read it (read before the rows: a value is never
        labelled newer than the rows it was built from)."""
        stamp = PublicationStamp.current() if stamp is None else stamp
        built_at, value = self.current
        if built_at == stamp:
            return value
        with self.lock:
            if self.current[0] != stamp:
                self.current = (stamp, self.build())
            return self.current[1]


facet_index = PerStamp(FacetIndex)
vocabulary_labels = PerStamp(_vocabulary_labels)
