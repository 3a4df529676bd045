"""Importing challenges from a package (or any source offering the same methods) into a school.

Two steps, both from the same source:
- `plan_import()` reads and checks everything and says what would happen to each challenge:
  created, updated, unchanged (already here), kept for review (edited here since), or refused,
  each with its reason in words a teacher understands. It writes nothing.
- `run_import()` plans again, refuses the whole package if anything is refused, then writes every
  challenge as a draft in the school, in one transaction; files stored before a failure are
  deleted again, so a failed import leaves neither rows nor files behind.

A source offers `manifest` (dict), `challenge_uids()`, `read_challenge(uid)` (a parsed document)
and `read_asset(filename, cap)` (bytes). `ZipPackage` is one; a partner's API client is another.
"""

import hashlib
import logging
import uuid
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection, Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from challenges.interchange.translations import translation_problem, write_translations
from challenges.interchange.validate import DocumentRefused, InterchangeError, check_challenge
from challenges.licences import licence_for
from challenges.media.checks import check_document_upload, check_image_upload
from challenges.models import (
    ChallengeContributor,
    ChallengeDocument,
    ChallengeImage,
    LearningChallengePage,
    Subject,
    Theme,
    YearGroup,
)
from challenges.richtext import portable_rich_text
from home.models import Role, SchoolPage, TrustPage
from library.deferred_indexing import index_writes_deferred

logger = logging.getLogger(__name__)

CREATED, UPDATED, UNCHANGED, KEPT, REFUSED = "created", "updated", "unchanged", "kept", "refused"
ACTION_LABELS = {
    CREATED: "Will be created as a draft",
    UPDATED: "Will update the draft imported before",
    UNCHANGED: "Already imported: nothing to do",
    KEPT: "Newer version kept for review",
    REFUSED: "Refused",
}


class ImportRefused(InterchangeError):
    """Nothing was imported; `plan` (when known) lists every challenge and why."""

    def __init__(self, message, plan=None):
        super().__init__(message)
        self.plan = plan


# Who may ----------------------------------------------------------------------------------------


def may_import_into(user, school):
    """Whoever may add pages in the school (its editors, its trust's moderators, superusers)."""
    if user is None or not user.is_active:
        return False
    return school.permissions_for_user(user).can_add_subpage()


def may_export(user, trust):
    """Moderators and admins of the trust itself, and superusers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Role.objects.filter(
        page=trust,
        kind__in=[Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN],
        group__user=user,
    ).exists()


def exportable_trusts(user):
    trusts = TrustPage.objects.originals().order_by("title")
    if user.is_superuser:
        return trusts
    ids = Role.objects.filter(
        kind__in=[Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN], group__user=user
    ).values("page_id")
    return trusts.filter(pk__in=ids)


def importable_schools(user):
    return [
        school
        for school in SchoolPage.objects.originals().order_by("title")
        if may_import_into(user, school)
    ]


def exportable_challenges(trust, visibilities=("public", "partners")):
    """Live challenges of the trust with one of `visibilities` (default: what partners may see),
    in English (each document carries its published translations)."""
    return (
        LearningChallengePage.objects.originals()
        .live()
        .filter(trust=trust, visibility__in=list(visibilities))
        .select_related("trust", "school", "hero_image")
        .prefetch_related("year_groups", "subjects", "themes", "tags", "contributors")
        .order_by("path")
    )


# The plan ---------------------------------------------------------------------------------------


@dataclass
class PlanRow:
    uid: str
    title: str
    version: int
    action: str
    reason: str
    document: dict = field(default=None, repr=False)
    existing: LearningChallengePage = field(default=None, repr=False)

    @property
    def label(self):
        return ACTION_LABELS[self.action]


@dataclass
class ImportPlan:
    school: SchoolPage
    source_trust: str
    rows: list
    assets: dict  # sha256 -> asset description, every asset that will be written
    problems: list  # package-level refusals

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def refused(self):
        return bool(self.problems) or any(row.action == REFUSED for row in self.rows)

    @property
    def to_write(self):
        return [row for row in self.rows if row.action in (CREATED, UPDATED, KEPT)]

    def refusal_message(self):
        reasons = self.problems + [
            f"“{row.title}”: {row.reason}" for row in self.rows if row.action == REFUSED
        ]
        return "Nothing was imported: " + "; ".join(reasons)

    def summary_lines(self):
        lines = [f"Into {self.school.title}, from {self.source_trust or 'a package'}:"]
        lines += [f"  REFUSED (package): {problem}" for problem in self.problems]
        for row in self.rows:
            lines.append(
                f"  {row.action.upper()}: “{row.title}” (version {row.version}): {row.reason}"
            )
        lines.append(
            "  "
            + ", ".join(
                f"{self.count(action)} {action}"
                for action in (CREATED, UPDATED, UNCHANGED, KEPT, REFUSED)
            )
        )
        return lines


def copies_of(source_instance, uids, schools):
    """Challenges in `schools` copied from these uids at this source. An original is (source,
    uid): a package can never claim a local adaptation, or another source's import, as an
    earlier copy of its own challenge."""
    return LearningChallengePage.objects.filter(
        school__in=schools, adapted_from__source=source_instance, adapted_from__uid__in=list(uids)
    ).order_by("path")


def _previous_imports(school, uids, source_instance):
    """Challenges in the school already imported from these uids at this source, by origin uid."""
    found = {}
    for page in copies_of(source_instance, uids, [school]):
        found.setdefault(page.adapted_from["uid"], page)
    return found


def _document_problem(document, known, keep_identity=False):
    """Why a valid document still cannot land here, or None."""
    licence = licence_for(document["licence"])
    if not licence.adaptable and not keep_identity:
        return (
            f"Its licence ({licence.name}) does not allow adapted copies. Ask its owner for "
            "permission or a different licence."
        )
    ids = [activity["id"] for activity in document["activities"] if activity.get("id")]
    if len(ids) != len(set(ids)):  # updates are matched by id: one id, one activity
        return "Two of its activities have the same id, so updates could not tell them apart."
    for name, values, vocabulary in (
        ("subject", document["subjects"], known["subjects"]),
        ("theme", document["themes"], known["themes"]),
    ):
        unknown = [value for value in values if value not in vocabulary]
        if unknown:
            return f"It uses a {name} this library does not have: {', '.join(unknown)}."
    return translation_problem(document)


def plan_import(source, school, check_assets=True, keep_identity=False):
    """What importing `source` into `school` (or a trust) would do; writes nothing.

    `keep_identity` is for a library's own content arriving (the demo): uids stay, no lineage.
    """
    manifest = source.manifest
    uids = source.challenge_uids()
    listed = {entry["uid"] for entry in manifest["challenges"]}
    problems = []
    if set(uids) != listed:
        problems.append(
            "The package's list of challenges does not match the challenges it holds "
            f"({len(listed)} listed, {len(uids)} held)."
        )
    known = {
        "subjects": set(Subject.objects.values_list("slug", flat=True)),
        "themes": set(Theme.objects.values_list("slug", flat=True)),
    }
    if keep_identity:
        previous = {
            str(page.uid): page for page in LearningChallengePage.objects.filter(uid__in=uids)
        }
    else:
        previous = _previous_imports(school, set(uids), manifest.get("source_instance", ""))
    rows = []
    assets = {}
    for uid in uids:
        try:
            document = check_challenge(source.read_challenge(uid), f"Challenge {uid}")
        except DocumentRefused as refusal:
            rows.append(PlanRow(uid, f"Challenge {uid}", 0, REFUSED, refusal.message))
            continue
        title, version = document["title"], document["version"]
        if document["uid"] != uid:
            rows.append(
                PlanRow(uid, title, version, REFUSED, "Its file name and its uid do not match.")
            )
            continue
        problem = _document_problem(document, known, keep_identity)
        problem = problem or _asset_problem(document)
        if problem:
            rows.append(PlanRow(uid, title, version, REFUSED, problem, document))
            continue
        existing = previous.get(uid)
        row = _row_for(uid, document, existing, keep_identity)
        rows.append(row)
        if row.action in (CREATED, UPDATED, KEPT):
            for asset in document["assets"]:
                assets[asset["sha256"]] = asset
    if check_assets and not problems:
        for sha256, asset in assets.items():
            try:
                _checked_asset_bytes(source, asset)
            except InterchangeError as refusal:
                for row in rows:
                    if row.document and any(a["sha256"] == sha256 for a in row.document["assets"]):
                        row.action, row.reason = REFUSED, refusal.message
    return ImportPlan(
        school=school,
        source_trust=(manifest.get("trust") or {}).get("title", ""),
        rows=rows,
        assets=assets,
        problems=problems,
    )


def _asset_problem(document):
    """Every asset a document uses must be described in it, once."""
    described = {asset["sha256"] for asset in document["assets"]}
    if len(described) != len(document["assets"]):
        return "It describes the same file twice."
    used = set()
    if document["hero_image"]:
        used.add(("image", document["hero_image"]["asset"]))
    for activity in document["activities"]:
        if activity["image"]:
            used.add(("image", activity["image"]["asset"]))
        if activity["document"]:
            used.add(("document", activity["document"]["asset"]))
    kinds = {asset["sha256"]: asset["kind"] for asset in document["assets"]}
    for kind, sha256 in used:
        if kinds.get(sha256) != kind:
            return f"It uses a file ({sha256[:12]}…) that it does not describe as an {kind}."
    for asset in document["assets"]:
        if not asset["filename"].startswith(asset["sha256"] + "."):
            return f"Its file {asset['filename']} is not named by its sha256."
    return None


def _row_for(uid, document, existing, keep_identity=False):
    version = document["version"]
    title = document["title"]
    if existing is None:
        return PlanRow(
            uid, title, version, CREATED, "New here: it will arrive as a draft.", document
        )
    lineage = existing.adapted_from or {}
    here = existing.version if keep_identity else lineage.get("version", 0)
    if version <= here:
        return PlanRow(
            uid,
            title,
            version,
            UNCHANGED,
            f"Version {here} is already here as “{existing.title}”.",
            document,
            existing,
        )
    if keep_identity or (
        existing.latest_revision_id and existing.latest_revision_id == lineage.get("revision")
    ):
        return PlanRow(
            uid,
            title,
            version,
            UPDATED,
            f"Version {version} replaces version {here}, which nobody has edited here.",
            document,
            existing,
        )
    return PlanRow(
        uid,
        title,
        version,
        KEPT,
        f"“{existing.title}” has been edited here since version {here} arrived, so version "
        f"{version} waits on the upstream updates screen instead of overwriting those edits.",
        document,
        existing,
    )


class AssetRefused(InterchangeError):
    """An image or document of the package that this library will not store."""


def _checked_asset_bytes(source, asset):
    """The bytes of an asset after the checks every upload passes (challenges/media/checks.py),
    and its hash: the bytes stored are the bytes checked, so the same file dedupes."""
    name = f"The file “{asset['title'] or asset['filename']}”"
    is_image = asset["kind"] == "image"
    limits = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    cap = limits[0] if is_image else limits[1]
    data = source.read_asset(asset["filename"], cap)
    if hashlib.sha256(data).hexdigest() != asset["sha256"]:
        raise AssetRefused(f"{name} is not the file the challenge names (its sha256 differs).")
    check = check_image_upload if is_image else check_document_upload
    try:
        return check(ContentFile(data), asset["filename"]).read()
    except ValidationError as error:  # the admin's words, said of this file
        raise AssetRefused(f"{name}: {' '.join(error.messages)}") from None


# Writing ----------------------------------------------------------------------------------------


class SubsetSource:
    """Some of another source's challenges (e.g. those of one school), with the same methods."""

    def __init__(self, source, uids):
        self.source = source
        self.uids = set(uids)
        self.manifest = dict(source.manifest)
        self.manifest["challenges"] = [
            entry for entry in source.manifest["challenges"] if entry["uid"] in self.uids
        ]

    def challenge_uids(self):
        return [uid for uid in self.source.challenge_uids() if uid in self.uids]

    def read_challenge(self, uid):
        return self.source.read_challenge(uid)

    def read_asset(self, filename, cap):
        return self.source.read_asset(filename, cap)


class _StoredFiles:
    """Names of files stored during an import, deleted again if the import fails."""

    def __init__(self):
        self.files = []

    def add(self, file_field):
        self.files.append((file_field.storage, file_field.name))

    def remove_all(self):
        for storage, name in reversed(self.files):
            try:
                storage.delete(name)
            except Exception:  # keep removing the others; the log says which one stayed
                logger.exception("Could not remove %s after a failed import", name)


@dataclass
class ImportResult:
    plan: ImportPlan
    created: list
    updated: list
    kept: list


def _collection_for(parent):
    """The collection home/roles.py made for the school (inside its trust's), or the trust's."""
    if isinstance(parent, TrustPage):
        names = [parent.title]
    else:
        trust = TrustPage.objects.ancestor_of(parent).first()
        names = [trust.title if trust else None, parent.title]
    collection = Collection.get_first_root_node()
    for name in names:
        child = collection.get_children().filter(name=name).first() if name else None
        if child is None:
            break
        collection = child
    return collection


def _store_image(asset, data, collection, stored):
    return _store_asset(ChallengeImage, asset, data, collection, stored)


def _store_document(asset, data, collection, stored):
    return _store_asset(ChallengeDocument, asset, data, collection, stored)


def _store_asset(model, asset, data, collection, stored):
    """The image or document with these bytes and this credit in the collection, made if new."""
    sha1 = hashlib.sha1(data).hexdigest()
    described = {
        "credit": asset["credit"],
        "licence": asset["licence"],
        "source_url": asset["source_url"],
    }
    existing = model.objects.filter(file_hash=sha1, collection=collection, **described).first()
    if existing:
        return existing
    item = model(
        title=asset["title"] or asset["filename"],
        collection=collection,
        file_size=len(data),
        file_hash=sha1,
        sha256=hashlib.sha256(data).hexdigest(),
        **described,
    )
    if model is ChallengeImage:
        item.file = ImageFile(BytesIO(data), name=asset["filename"])  # width/height read on save
        item.save()
        stored.add(item.file)
    else:
        item.file.save(asset["filename"], ContentFile(data), save=False)
        stored.add(item.file)  # stored before the row: a failing save still removes the file
        item.save()
    return item


class _Terms:
    """Vocabularies and the school's slugs, read once per import."""

    def __init__(self, school):
        self.years = {year.code: year for year in YearGroup.objects.all()}
        self.subjects = {subject.slug: subject for subject in Subject.objects.all()}
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.slugs = set(Page.objects.child_of(school).values_list("slug", flat=True))

    def unique_slug(self, wanted):
        base = slugify(wanted)[:200] or "challenge"
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug


def _lineage(document, source_instance, mode):
    return {
        "uid": document["uid"],
        "title": document["title"],
        "trust": document["owner"]["trust"],
        "school": document["owner"]["school"],
        "url": document["url"],
        "version": document["version"],
        "licence": document["licence"],
        "changes": "",
        "mode": mode,
        "source": source_instance,
        "imported_at": timezone.now().isoformat(),
    }


def _activity_id(document, activity, number):
    """The activity's own id (format 1.1); a 1.0 document's activities get ids derived from the
    challenge and their position, so each version of it matches the one before."""
    return activity.get("id") or str(uuid.uuid5(uuid.UUID(document["uid"]), f"activity-{number}"))


def _apply_document(page, document, media, terms):
    """Every content field of the document onto `page` (not saved)."""

    def image_use(use):
        if not use:
            return None
        return media[use["asset"]]

    page.title = document["title"]
    page.summary = document["summary"]
    hero = document["hero_image"]
    page.hero_image = image_use(hero)
    page.hero_image_alt = hero["alt"] if hero and not hero["decorative"] else ""
    page.hero_image_decorative = bool(hero and hero["decorative"])
    page.kind = document["kind"]
    page.duration_min_minutes = document["duration_min_minutes"]
    page.duration_max_minutes = document["duration_max_minutes"]
    page.cost = document["cost"]
    page.adult_support = document["adult_support"]
    page.outcomes = [{"type": "outcome", "value": text} for text in document["outcomes"]]
    page.materials = [{"type": "material", "value": dict(item)} for item in document["materials"]]
    activities = []
    for number, activity in enumerate(document["activities"]):
        image = activity["image"]
        value = {
            "title": activity["title"],
            "day": activity["day"],
            "subject": activity["subject"],
            "age_band": activity["age_band"],
            "needs_screen": activity["needs_screen"],
            "body": portable_rich_text(activity["body"]),
            "video_url": activity["video_url"],
            "document": media[activity["document"]["asset"]].pk if activity["document"] else None,
        }
        if image:  # an empty ImageBlock is stored without the key
            value["image"] = {
                "image": media[image["asset"]].pk,
                "alt_text": "" if image["decorative"] else image["alt"],
                "decorative": image["decorative"],
            }
        activities.append(
            {"type": "activity", "value": value, "id": _activity_id(document, activity, number)}
        )
    page.activities = activities
    for name in LearningChallengePage.RICH_TEXT_FIELDS:
        setattr(page, name, portable_rich_text(document[name]))
    page.share_how = document["share_how"]
    page.share_hashtag = document["share_hashtag"]
    page.licence = document["licence"]
    page.visibility = document["visibility"]
    page.year_groups = [terms.years[code] for code in document["year_groups"]]
    page.subjects = [terms.subjects[slug] for slug in document["subjects"]]
    page.themes = [terms.themes[slug] for slug in document["themes"]]
    page.contributors = [
        ChallengeContributor(display_name=name) for name in document["contributors"]
    ]
    page.tags.set(document["tags"])


def _write_challenge(row, school, user, media, terms, source_instance, mode, keep_identity):
    """Create or update one draft; returns the page."""
    document = row.document
    lineage = None if keep_identity else _lineage(document, source_instance, mode)
    if row.action == CREATED:
        page = LearningChallengePage(owner=user, live=False, adapted_from=lineage)
        if keep_identity:
            page.uid = document["uid"]
            page.adapted_from = document["adapted_from"]
        _apply_document(page, document, media, terms)
        page.slug = terms.unique_slug(document["slug"] or document["title"])
        school.add_child(instance=page)
    elif row.action == UPDATED:
        page = row.existing.get_latest_revision_as_object()
        _apply_document(page, document, media, terms)
        page.save_revision(user=user, log_action=True)
    revision = page.save_revision(user=user, log_action=True) if row.action == CREATED else None
    revision = revision or page.latest_revision
    if lineage is not None:
        lineage["revision"] = revision.pk
        LearningChallengePage.objects.filter(pk=page.pk).update(adapted_from=lineage)
    write_translations(page, document, user)
    return page


def _keep_for_review(row, source_instance, media, terms):
    """An edited copy keeps its edits; the newer version waits for the upstream updates screen,
    as a revision of the copy that is not its latest (so the diff reads it like any original)."""
    page = row.existing
    upstream = page.get_latest_revision_as_object()
    _apply_document(upstream, row.document, media, terms)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=upstream.serializable_data(),
        object_str=str(upstream),
    )
    lineage = dict(page.adapted_from or {})
    lineage["upstream"] = {
        "version": row.document["version"],
        "document": row.document,
        "revision": revision.pk,
        "source": source_instance,
        "received_at": timezone.now().isoformat(),
    }
    LearningChallengePage.objects.filter(pk=page.pk).update(adapted_from=lineage)
    return page


def _follows(follow, uid):
    return follow is True or (not isinstance(follow, bool) and uid in (follow or ()))


def run_import(source, school, user=None, follow=False, progress=None, keep_identity=False):
    """Import every challenge of `source` into `school` as drafts, whole or not at all.

    `follow` is True (every challenge follows its original), False (snapshots) or a set of
    uids that follow. Raises ImportRefused (nothing written) when anything is refused.
    """
    # Assets are checked once, as they are written (a bad one rolls everything back).
    plan = plan_import(source, school, check_assets=False, keep_identity=keep_identity)
    if plan.refused:
        raise ImportRefused(plan.refusal_message(), plan)
    stored = _StoredFiles()
    source_instance = source.manifest.get("source_instance", "")
    try:
        # The reference and search indexes are written once per object at the end, not per save.
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            index_writes_deferred(),
        ):
            collection = _collection_for(school)
            media = {}
            for asset in plan.assets.values():
                data = _checked_asset_bytes(source, asset)
                store = _store_image if asset["kind"] == "image" else _store_document
                media[asset["sha256"]] = store(asset, data, collection, stored)
            terms = _Terms(school)
            result = ImportResult(plan, [], [], [])
            for row in plan.rows:
                mode = "follow" if _follows(follow, row.uid) else "snapshot"
                if row.action == KEPT:
                    result.kept.append(_keep_for_review(row, source_instance, media, terms))
                elif row.action in (CREATED, UPDATED):
                    page = _write_challenge(
                        row, school, user, media, terms, source_instance, mode, keep_identity
                    )
                    (result.created if row.action == CREATED else result.updated).append(page)
                if progress:
                    progress(row)
            for obj in [*media.values(), *result.created, *result.updated]:
                ReferenceIndex.create_or_update_for_object(obj)
    except InterchangeError as refusal:
        stored.remove_all()
        raise ImportRefused(f"Nothing was imported: {refusal.message}", plan) from refusal
    except BaseException:
        stored.remove_all()
        raise
    return result
