"""The fixed query mix of `make bench`, drawn (with a fixed seed) from the generated library.

"search": words a visitor would type, taken from a public challenge's title or tags (one or two
words), with 0 to 3 filters over subject, key stage, duration, cost and screen use, mostly that
challenge's own values so most queries find something; sorted by relevance or newest.
"browse": no words, 1 to 3 filters, sorted by newest or most adapted (the heaviest facet counts:
every visible challenge matches before filtering). Wagtail's stock search has no equivalent.
"""

import random

from challenges.filters import ChallengeQuery
from search.text import STOP_WORDS, words

FILTER_FACETS = ["subject", "key_stage", "duration", "cost", "screen_free"]
SEARCH_COUNT = 200
BROWSE_COUNT = 50
WARMUP = 20


def _typed_words(rng, document):
    """One or two consecutive words of the title, or a tag, as typed."""
    if document["tag_names"] and rng.random() < 0.25:
        return rng.choice(document["tag_names"])
    candidates = [w for w in words(document["title"]) if w not in STOP_WORDS and len(w) > 2]
    start = rng.randrange(len(candidates))
    return " ".join(candidates[start : start + rng.choice([1, 1, 1, 2, 2])])


def _filters(rng, document, documents, count):
    filters = {}
    for facet in rng.sample(FILTER_FACETS, count):
        # Mostly the challenge's own values; sometimes another's (which may match nothing).
        source = document if rng.random() < 0.7 else rng.choice(documents)
        values = source["facets"][facet]
        if not values:
            continue
        chosen = {rng.choice(values)}
        if rng.random() < 0.15:  # two values ORed within one facet
            chosen.add(rng.choice(rng.choice(documents)["facets"][facet] or values))
        filters[facet] = tuple(sorted(chosen))
    return filters


def query_mix(documents, seed=7):
    """{"search": [ChallengeQuery], "browse": [ChallengeQuery]}, the same on every run."""
    rng = random.Random(seed)
    public = [d for d in documents if d["audience"] == "public"]
    search = []
    for _ in range(SEARCH_COUNT):
        document = rng.choice(public)
        search.append(
            ChallengeQuery(
                q=_typed_words(rng, document),
                filters=_filters(rng, document, public, rng.choice([0, 0, 1, 1, 2, 3])),
                sort="relevance" if rng.random() < 0.75 else "newest",
            )
        )
    browse = []
    for _ in range(BROWSE_COUNT):
        document = rng.choice(public)
        browse.append(
            ChallengeQuery(
                filters=_filters(rng, document, public, rng.choice([1, 2, 3])),
                sort="newest" if rng.random() < 0.7 else "most_adapted",
            )
        )
    return {"search": search, "browse": browse}


def as_params(query):
    """The query as /search/ parameters (repeated values for several values of a facet)."""
    params = {"format": "json", "sort": query.sort, **query.filters}
    if query.q:
        params["q"] = query.q
    return params
