"""Text analysis shared by every search implementation: English stemming done in Python.

SQLite's FTS5 does not stem and Elasticsearch's test server has no English analyser, so both
index stemmed words and receive stemmed queries from here: the same words match everywhere.
"""

import re
from functools import lru_cache
from itertools import chain

import snowballstemmer
from django.utils.html import escape, strip_tags

WORD = re.compile(r"[^\W_]+")
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have i in is it its of on or our so the this to "
    "was we what with you your".split()
)
_stemmer = snowballstemmer.stemmer("english")


def words(text):
    return WORD.findall((text or "").lower())


@lru_cache(maxsize=100_000)
def stem(word):
    # Cached: snowballstemmer is pure Python, and every snippet stems each word it shows.
    return _stemmer.stemWord(word)


def analyse(text):
    """Stemmed words of a text, in order, stop words dropped."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def analysed(text):
    return " ".join(analyse(text))


def query_terms(q):
    """Unique stemmed terms of a query, in the order typed."""
    return list(dict.fromkeys(analyse(q)))


# Where a block ends, words end: "<p>spot.</p><p>Put" reads "spot. Put", not "spot.Put".
BLOCK_BOUNDARY = re.compile(
    r"<(?:br|/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|figure))\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(html):
    return re.sub(r"\s+", " ", strip_tags(BLOCK_BOUNDARY.sub(" ", html or ""))).strip()


@lru_cache(maxsize=1024)
def _starting_letters_pattern(letters):
    return re.compile(rf"(?<![^\W_])[{re.escape(letters)}][^\W_]*", re.IGNORECASE)


def _words_starting_as(terms):
    """A pattern for the words (as WORD finds them) whose first letter starts one of `terms`."""
    return _starting_letters_pattern("".join(sorted({term[0] for term in terms if term})))


def snippet(text, terms, length=220):
    """Escaped plain text around the first matching word, with matches wrapped in <mark>."""
    text = re.sub(r"\s+", " ", text or "").strip()
    terms = set(terms)
    # Lazily: only the words up to the end of the excerpt are stemmed, not the whole text; and
    # only words starting as a term does (English stemming keeps a word's first letter).
    candidates = _words_starting_as(terms).finditer(text) if terms else ()
    found = (m for m in candidates if stem(m.group().lower()) in terms)
    first = next(found, None)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, position = [], start
    for match in chain([first], found) if first else ():
        if match.end() > end:  # matches come in order: every later one is past the end too
            break
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:end]))
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
