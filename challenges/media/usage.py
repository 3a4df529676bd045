"""Which live challenges use which image or document: the basis of private media (who may
fetch a file) and of keeping channels fresh when a file's credit, licence or flags change."""

import json
from collections import defaultdict

from django.core.cache import cache

from challenges.models import LearningChallengePage, PublicationStamp


def _raw_blocks(stream):
    if stream is None:
        return []
    if isinstance(stream, str):
        return json.loads(stream or "[]")
    return list(getattr(stream, "raw_data", stream))


def _block_ids(value, key):
    """The id an activity holds for an image (ImageBlock dict or plain id) or a document."""
    item = value.get(key) if isinstance(value, dict) else None
    if isinstance(item, dict):
        item = item.get("image")
    return item if isinstance(item, int) else None


def media_audiences():
    """{"image": {id: {audience keys}}, "document": {...}} over every live challenge.

    Computed once per publication stamp (any publish, unpublish, move, delete or media change
    bumps it), so serving a file costs a lookup, not a scan.
    """
    key = f"media-audiences:{PublicationStamp.current().isoformat()}"
    found = cache.get(key)
    if found is not None:
        return found
    images, documents = defaultdict(set), defaultdict(set)
    rows = LearningChallengePage.objects.live().values_list(
        "audience", "hero_image_id", "activities"
    )
    for audience, hero_id, activities in rows:
        if hero_id:
            images[hero_id].add(audience)
        for block in _raw_blocks(activities):
            value = block.get("value") if isinstance(block, dict) else None
            if image_id := _block_ids(value, "image"):
                images[image_id].add(audience)
            if document_id := _block_ids(value, "document"):
                documents[document_id].add(audience)
    found = {"image": dict(images), "document": dict(documents)}
    cache.set(key, found, 24 * 3600)
    return found


def challenges_using(kind, pk):
    """Ids of live challenges that use this image or document (hero image or activities)."""
    found = set()
    rows = LearningChallengePage.objects.live().values_list("pk", "hero_image_id", "activities")
    for page_id, hero_id, activities in rows:
        if kind == "image" and hero_id == pk:
            found.add(page_id)
            continue
        for block in _raw_blocks(activities):
            value = block.get("value") if isinstance(block, dict) else None
            if _block_ids(value, kind) == pk:
                found.add(page_id)
    return sorted(found)
