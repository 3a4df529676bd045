"""Every admin view that can name a page, image, document or tag shows each role only what it may
see: roles × visibility levels × views, with a canary word in every title.

School A1 holds, for each visibility level, a live challenge whose live title carries one canary
and whose newer draft title carries another, plus a never-published draft. A viewer may read a
live title when the level admits them, a draft title only when they may edit the page. The same
holds for the trust and school pages above them: school A1 and trust A each have a newer draft
title that only those who may edit them may read.
"""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from wagtail.models import Collection, WorkflowPage

from challenges.languages.translating import translate
from challenges.models import ChallengeDocument, ChallengeImage, LearningChallengePage
from home.models import HomePage, Partnership, Role, SchoolPage, TrustPage
from home.roles import role_group, shared_collection
from tests.factories import add_page, make_challenge, make_user
from tests.helpers import png_file, rolled_back_after_module

LEVELS = ["public", "partners", "trust", "school"]
SEARCH_WORD = "pondlife"
NEVER_PUBLISHED = "badgerneverpub"
DRAFT_TAG = "newtdrafttag"
LIVE_TAG = "geckolivetag"


# Draft titles of the pages above the challenges, and the roles that may edit those pages.
SCHOOL_DRAFT_TITLE = "lynxschooldraft"
TRUST_DRAFT_TITLE = "minktrustdraft"
ORGANISATION_DRAFT_EDITORS = {
    SCHOOL_DRAFT_TITLE: {"editor_same_school", "moderator"},
    TRUST_DRAFT_TITLE: {"moderator"},
}


def live_canary(level):
    return f"kestrel{level}"


def draft_canary(level):
    return f"ferret{level}"


def translated_canary(level):
    """The Polish title of the live challenge at `level` (a published translation of it)."""
    return f"zaba{level}"


# Images and documents: (title canary, collection owner, shows pupils)
IMAGES = {
    "otterplain": ("A1", False),
    "marmotpupils": ("A1", True),
    "stoatimage": ("A2", False),
    "weaselimage": ("C1", False),
    "heronshared": ("A shared", False),
}
DOCUMENTS = {
    "otterdoc": ("A1", False),
    "stoatdoc": ("A2", False),
    "weaseldoc": ("C1", False),
    "heronpupilsdoc": ("A shared", True),
}

# Which levels each role may read live (DESIGN.md "Visibility"), and whether it may edit A1.
ROLES = {
    "anonymous": ([], False),
    "editor_same_school": (LEVELS, True),
    "editor_other_school": (["public", "partners", "trust"], False),
    "editor_partner_trust": (["public", "partners"], False),
    "editor_other_trust": (["public"], False),
    "moderator": (LEVELS, True),
    "trust_admin": (LEVELS, False),
    # Roles in two schools: Wagtail's explorable root becomes their common ancestor (the trust,
    # or the home page across trusts), which must not open every page below it.
    "editor_two_schools_one_trust": (["public", "partners", "trust"], False),
    "editor_two_schools_two_trusts": (["public", "partners"], False),
}
# Media each role may be shown (collections where it holds a permission, pupil photos only
# where it may change them).
ROLE_IMAGES = {
    "anonymous": set(),
    "editor_same_school": {"otterplain", "marmotpupils", "heronshared"},
    "editor_other_school": {"stoatimage", "heronshared"},
    "editor_partner_trust": set(),
    "editor_other_trust": {"weaselimage"},
    "moderator": {"otterplain", "marmotpupils", "stoatimage", "heronshared"},
    "trust_admin": {"otterplain", "marmotpupils", "stoatimage", "heronshared"},
    "editor_two_schools_one_trust": {"stoatimage", "heronshared"},
    "editor_two_schools_two_trusts": {"weaselimage"},
}
ROLE_DOCUMENTS = {
    "anonymous": set(),
    "editor_same_school": {"otterdoc", "heronpupilsdoc"},
    "editor_other_school": {"stoatdoc", "heronpupilsdoc"},
    "editor_partner_trust": set(),
    "editor_other_trust": {"weaseldoc"},
    "moderator": {"otterdoc", "stoatdoc", "heronpupilsdoc"},
    "trust_admin": {"otterdoc", "stoatdoc", "heronpupilsdoc"},
    "editor_two_schools_one_trust": {"stoatdoc", "heronpupilsdoc"},
    "editor_two_schools_two_trusts": {"weaseldoc"},
}
# School editors may only choose from the shared collection: a file showing pupils there is not
# offered to them (they may still see it named, as one of their trust's files).
CHOOSE_ONLY_ROLES = {"editor_same_school", "editor_other_school", "editor_two_schools_one_trust"}


def page_canaries_allowed(role):
    levels, edits = ROLES[role]
    allowed = {live_canary(level) for level in levels}
    allowed |= {translated_canary(level) for level in levels}
    if edits:
        allowed |= {draft_canary(level) for level in LEVELS} | {NEVER_PUBLISHED, DRAFT_TAG}
    allowed |= {word for word, editors in ORGANISATION_DRAFT_EDITORS.items() if role in editors}
    return allowed


ALL_PAGE_CANARIES = (
    {live_canary(level) for level in LEVELS}
    | {draft_canary(level) for level in LEVELS}
    | {translated_canary(level) for level in LEVELS}
    | {NEVER_PUBLISHED, DRAFT_TAG}
    | set(ORGANISATION_DRAFT_EDITORS)
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at the end."""

    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("leak-matrix-media"))
    with media, rolled_back_after_module(django_db_blocker):
        yield build_world()


def build_world():
    home = HomePage.objects.get()
    w = {}
    trust_a = add_page(home, TrustPage(title="Alder Trust", slug="alder"))
    trust_b = add_page(home, TrustPage(title="Birch Trust", slug="birch"))
    trust_c = add_page(home, TrustPage(title="Cedar Trust", slug="cedar"))
    a1 = add_page(trust_a, SchoolPage(title="Ash Primary", slug="ash"))
    a2 = add_page(trust_a, SchoolPage(title="Aspen Primary", slug="aspen"))
    a3 = add_page(trust_a, SchoolPage(title="Alder Vale Primary", slug="alder-vale"))
    b1 = add_page(trust_b, SchoolPage(title="Beech Primary", slug="beech"))
    c1 = add_page(trust_c, SchoolPage(title="Cherry Primary", slug="cherry"))
    Partnership.objects.create(
        requester=trust_a, partner=trust_b, status=Partnership.Status.ACCEPTED
    )
    editors = Role.Kind.SCHOOL_EDITOR
    w["users"] = {
        "anonymous": AnonymousUser(),
        "editor_same_school": make_user("leak_a1", role_group(a1, editors)),
        "editor_other_school": make_user("leak_a2", role_group(a2, editors)),
        "editor_partner_trust": make_user("leak_b1", role_group(b1, editors)),
        "editor_other_trust": make_user("leak_c1", role_group(c1, editors)),
        "moderator": make_user("leak_mod", role_group(trust_a, Role.Kind.TRUST_MODERATOR)),
        "trust_admin": make_user("leak_admin", role_group(trust_a, Role.Kind.TRUST_ADMIN)),
        "editor_two_schools_one_trust": make_user(
            "leak_a2_a3", role_group(a2, editors), role_group(a3, editors)
        ),
        "editor_two_schools_two_trusts": make_user(
            "leak_b1_c1", role_group(b1, editors), role_group(c1, editors)
        ),
    }

    def school_collection(school):
        trust = school.get_parent()
        return Collection.objects.get(name=school.title, path__startswith=trust_path(trust))

    def trust_path(trust):
        return Collection.objects.get(name=trust.title, depth=2).path

    collections = {
        "A1": school_collection(a1),
        "A2": school_collection(a2),
        "C1": school_collection(c1),
        "A shared": shared_collection(trust_a.specific),
    }
    w["images"] = [
        ChallengeImage.objects.create(
            title=f"{SEARCH_WORD} {name}",
            file=png_file(f"{name}.png", size=(16, 12)),
            collection=collections[owner],
            shows_pupils=pupils,
            pupil_consent_confirmed=pupils,
            credit="Photo: the school",
        )
        for name, (owner, pupils) in IMAGES.items()
    ]
    w["documents"] = [
        ChallengeDocument.objects.create(
            title=f"{SEARCH_WORD} {name}",
            file=ContentFile(b"Plain text", name=f"{name}.txt"),
            collection=collections[owner],
            shows_pupils=pupils,
            pupil_consent_confirmed=pupils,
            credit="The school",
        )
        for name, (owner, pupils) in DOCUMENTS.items()
    ]
    # Images used by drafts: the shared one by the never-published draft, so its usage screen
    # could name the draft to every school of the trust.
    shared_image = next(i for i in w["images"] if "heronshared" in i.title)
    pages = []
    w["translations"] = {}
    for level in LEVELS:
        live_title = f"{SEARCH_WORD} {live_canary(level)}"
        page = make_challenge(a1, live_title, level, tags=[LIVE_TAG])
        # Its Polish translation, published, made from the live English before the new draft.
        w["translations"][level] = translate(
            LearningChallengePage.objects.get(pk=page.pk),
            "pl",
            {live_title: f"{SEARCH_WORD} {translated_canary(level)}"},
        )
        page.title = f"{SEARCH_WORD} {draft_canary(level)}"
        page.save_revision()
        pages.append(page)
    pages.append(
        make_challenge(
            a1,
            f"{SEARCH_WORD} {NEVER_PUBLISHED}",
            "public",
            publish=False,
            tags=[DRAFT_TAG],
            hero_image=shared_image,
            hero_image_alt="A heron",
        )
    )
    w["pages"] = pages
    # One challenge in review, so a task state exists for the workflow screens to be asked about
    # the other (not in review) challenges.
    in_review = make_challenge(a1, "otterreview in review", "school", publish=False)
    in_review.get_workflow().start(in_review, w["users"]["editor_same_school"])
    w["task_state"] = in_review.current_workflow_state.current_task_state
    # Renamed in a draft not yet published: the live titles stay "Ash Primary" and "Alder Trust".
    for organisation, canary in ((a1, SCHOOL_DRAFT_TITLE), (trust_a, TRUST_DRAFT_TITLE)):
        organisation.title = f"{organisation.title} {canary}"
        organisation.save_revision()
    w["school_a1"], w["school_a2"], w["trust_a"] = a1, a2, trust_a
    w["task_a"] = WorkflowPage.objects.get(page=trust_a).workflow.tasks.get()

    return w


def ids(objects):
    return "&".join(f"id={obj.pk}" for obj in objects)


def admin_urls(w):
    """(name, url) of each admin view that can name a page, image, document or tag."""
    pages, a1, a2 = w["pages"], w["school_a1"], w["school_a2"]
    urls = [
        ("chosen-multiple", f"/admin/choose-page/chosen-multiple/?{ids(pages)}"),
        ("chooser-browse", f"/admin/choose-page/{a1.pk}/"),
        ("chooser-search", f"/admin/choose-page/search/?q={SEARCH_WORD}"),
        ("pages-search", f"/admin/pages/search/?q={SEARCH_WORD}"),
        ("pages-search-results", f"/admin/pages/search/results/?q={SEARCH_WORD}"),
        ("explorer", f"/admin/pages/{a1.pk}/"),
        ("explorer-trust", f"/admin/pages/{w['trust_a'].pk}/"),
        ("explorer-home", f"/admin/pages/{w['trust_a'].get_parent().pk}/"),
        ("chooser-browse-trust", f"/admin/choose-page/{w['trust_a'].pk}/"),
        ("chooser-search-organisations", "/admin/choose-page/search/?q=Ash"),
        ("pages-search-organisations", "/admin/pages/search/?q=Ash"),
        ("chosen-multiple-organisations", f"/admin/choose-page/chosen-multiple/?{ids([a1])}"),
        ("image-chooser", "/admin/images/chooser/"),
        ("image-chooser-search", f"/admin/images/chooser/results/?q={SEARCH_WORD}"),
        ("document-chooser", "/admin/documents/chooser/"),
        ("image-bulk-delete", f"/admin/bulk/challenges/challengeimage/delete/?{ids(w['images'])}"),
        (
            "document-bulk-delete",
            f"/admin/bulk/challenges/challengedocument/delete/?{ids(w['documents'])}",
        ),
        ("tag-autocomplete-draft", f"/admin/tag-autocomplete/?term={DRAFT_TAG[:4]}"),
        (
            "tag-autocomplete-model",
            f"/admin/tag-autocomplete/taggit/tag/?term={DRAFT_TAG[:4]}",
        ),
    ]
    urls.append(("admin-api-children", f"/admin/api/main/pages/?child_of={a1.pk}&for_explorer=1"))
    urls.append(("admin-api-all", "/admin/api/main/pages/?limit=50"))
    urls.append(("admin-api-search", f"/admin/api/main/pages/?search={SEARCH_WORD}"))
    urls.append(("media-index-images", f"/admin/images/?q={SEARCH_WORD}"))
    urls.append(("media-index-documents", f"/admin/documents/?q={SEARCH_WORD}"))
    urls.append(("document-chooser-search", f"/admin/documents/chooser/results/?q={SEARCH_WORD}"))
    for image in w["images"]:
        urls.append((f"media-object-image-{image.pk}", f"/admin/images/{image.pk}/"))
        urls.append((f"media-object-image-usage-{image.pk}", f"/admin/images/usage/{image.pk}/"))
        urls.append((f"media-object-image-chosen-{image.pk}", f"/admin/images/chooser/{image.pk}/"))
    for document in w["documents"]:
        urls.append(
            (f"media-object-document-{document.pk}", f"/admin/documents/edit/{document.pk}/")
        )
        urls.append(
            (
                f"media-object-document-chosen-{document.pk}",
                f"/admin/documents/chooser/{document.pk}/",
            )
        )
    for action in ("delete", "move", "publish", "unpublish"):
        urls.append((f"page-bulk-{action}", f"/admin/bulk/wagtailcore/page/{action}/?{ids(pages)}"))
    for report in ("locked", "workflow", "workflow_tasks", "site-history", "aging-pages"):
        urls.append((f"reports-{report}", f"/admin/reports/{report}/"))
    for organisation in (a1, w["trust_a"]):
        for screen in (
            "edit",
            "history",
            "usage",
            "view_draft",
            "revisions/compare/earliest...latest",
        ):
            urls.append(
                (
                    f"page-screen-{screen}-{organisation.pk}",
                    f"/admin/pages/{organisation.pk}/{screen}/",
                )
            )
        urls.append(
            (f"admin-api-page-{organisation.pk}", f"/admin/api/main/pages/{organisation.pk}/")
        )
    for page in pages:
        urls.append((f"move-confirm-{page.pk}", f"/admin/pages/{page.pk}/move/{a2.pk}/confirm/"))
        # Every screen Wagtail keys by a page id, grouped as the issue names them.
        urls.append((f"explorer-page-{page.pk}", f"/admin/pages/{page.pk}/"))
        urls.append((f"explorer-results-{page.pk}", f"/admin/pages/{page.pk}/results/"))
        urls.append((f"history-{page.pk}", f"/admin/pages/{page.pk}/history/"))
        urls.append((f"history-results-{page.pk}", f"/admin/pages/{page.pk}/history/results/"))
        urls.append((f"history-revisions-{page.pk}", f"/admin/pages/{page.pk}/revisions/"))
        urls.append(
            (f"compare-{page.pk}", f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/")
        )
        urls.append((f"workflow-history-{page.pk}", f"/admin/pages/{page.pk}/workflow_history/"))
        for screen in ("usage", "edit", "view_draft", "delete", "unpublish", "copy", "move"):
            urls.append((f"page-screen-{screen}-{page.pk}", f"/admin/pages/{page.pk}/{screen}/"))
        for screen in ("privacy", "add_subpage", "convert_alias"):
            urls.append((f"page-screen-{screen}-{page.pk}", f"/admin/pages/{page.pk}/{screen}/"))
        for revision in page.revisions.all():
            urls.append(
                (
                    f"history-revision-{revision.pk}",
                    f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
                )
            )
        urls.append(
            (
                f"workflow-preview-{page.pk}",
                f"/admin/pages/workflow/preview/{page.pk}/{w['task_a'].pk}/",
            )
        )
        urls.append((f"chosen-parent-{page.pk}", f"/admin/choose-page/{page.pk}/"))
        urls.append((f"admin-api-page-{page.pk}", f"/admin/api/main/pages/{page.pk}/"))
        urls.append(
            (
                f"workflow-action-{page.pk}",
                f"/admin/pages/workflow/action/{page.pk}/approve/{w['task_state'].pk}/",
            )
        )
    return urls


VIEW_NAMES = [
    "chosen-multiple",
    "chooser-browse",
    "chooser-search",
    "pages-search",
    "pages-search-results",
    "explorer",
    "image-chooser",
    "image-chooser-search",
    "document-chooser",
    "image-bulk-delete",
    "document-bulk-delete",
    "tag-autocomplete-draft",
    "tag-autocomplete-model",
    "page-bulk-delete",
    "page-bulk-move",
    "page-bulk-publish",
    "page-bulk-unpublish",
    "move-confirm",
    "workflow-preview",
    "workflow-action",
    "admin-api",
    "media-index",
    "media-object",
    "chosen-parent",
    "history",
    "compare",
    "workflow-history",
    "page-screen",
    "reports",
]


def client_for(w, role):
    client = Client()
    if role != "anonymous":
        client.force_login(w["users"][role])
    return client


def forbidden_canaries(role):
    media = set(IMAGES) | set(DOCUMENTS)
    allowed_media = ROLE_IMAGES[role] | ROLE_DOCUMENTS[role]
    return (ALL_PAGE_CANARIES - page_canaries_allowed(role)) | (media - allowed_media)


@pytest.mark.django_db
@pytest.mark.parametrize("view", VIEW_NAMES)
@pytest.mark.parametrize("role", list(ROLES))
def test_admin_view_names_only_what_the_role_may_see(world, role, view):
    client = client_for(world, role)
    forbidden = forbidden_canaries(role)
    urls = [url for name, url in admin_urls(world) if name == view or name.startswith(view + "-")]
    assert urls
    problems = []  # every URL of the group, so one run shows the whole of a leak
    for url in urls:
        response = client.get(url, follow=True)
        if response.status_code not in (200, 400, 404):
            problems.append(f"{url} answers {response.status_code}")
        body = response.content.decode()
        leaked = sorted(word for word in forbidden if word in body)
        if leaked:
            problems.append(f"{role} sees {leaked} at {url}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_each_role_still_finds_what_it_may_see(world, role):
    """The filters keep what each role may read: the matrix is not clean by showing nothing."""
    client = client_for(world, role)
    body = client.get(f"/admin/choose-page/search/?q={SEARCH_WORD}").content.decode()
    levels, edits = ROLES[role]
    # Editors see the newest draft titles; readers see the live titles of the levels they may read.
    if edits:
        expected = {draft_canary(level) for level in LEVELS} | {NEVER_PUBLISHED}
    else:
        expected = {live_canary(level) for level in levels}
    assert {word for word in expected if word in body} == expected
    images = client.get("/admin/images/chooser/").content.decode()
    offered = {name for name in IMAGES if name in images}
    # Pupil photos are listed only where the role may change them; the rest wherever it may use.
    assert offered == ROLE_IMAGES[role]
    documents = client.get("/admin/documents/chooser/").content.decode()
    expected = ROLE_DOCUMENTS[role] - ({"heronpupilsdoc"} if role in CHOOSE_ONLY_ROLES else set())
    assert {name for name in DOCUMENTS if name in documents} == expected
    tags = client.get(f"/admin/tag-autocomplete/?term={LIVE_TAG[:5]}").json()
    assert tags == [LIVE_TAG]


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["1", "abc", ""])
def test_chosen_multiple_with_the_root_or_junk_answers_without_error(world, page_id):
    client = client_for(world, "editor_same_school")
    response = client.get(f"/admin/choose-page/chosen-multiple/?id={page_id}")
    assert response.status_code == 200
    assert response.json()["result"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor_two_schools_one_trust", "editor_two_schools_two_trusts"])
def test_multi_school_explorer_opens_what_it_may_see_and_404s_the_rest(world, role):
    """The explorer still opens their schools and challenges they may read (with the live title);
    another school's draft answers 404, exactly like a missing page."""
    client = client_for(world, role)
    public_page, *_, never_published = world["pages"]
    assert client.get(f"/admin/pages/{world['school_a2'].pk}/").status_code == 200
    response = client.get(f"/admin/pages/{public_page.pk}/")
    assert response.status_code == 200
    assert live_canary("public") in response.content.decode()
    assert draft_canary("public") not in response.content.decode()
    assert client.get(f"/admin/pages/{never_published.pk}/").status_code == 404
    assert client.get(f"/admin/pages/{never_published.pk}/results/").status_code == 404


def page_title_tag(body):
    return re.search(r"<title>(.*?)</title>", body, re.S).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["editor_same_school", "moderator", "editor_two_schools_one_trust"]
)
def test_school_draft_title_reaches_only_its_editors_in_the_explorer(world, role):
    """A school renamed in a draft: its editors read the new name in the explorer's <title>; a
    user who may open the school but not edit it reads the live name."""
    client = client_for(world, role)
    body = client.get(f"/admin/pages/{world['school_a1'].pk}/").content.decode()
    if role in ORGANISATION_DRAFT_EDITORS[SCHOOL_DRAFT_TITLE]:
        assert f"Ash Primary {SCHOOL_DRAFT_TITLE}" in page_title_tag(body)
    else:
        assert "Ash Primary" in page_title_tag(body)
        assert SCHOOL_DRAFT_TITLE not in body
    # The trust in the breadcrumbs: the draft name for its moderators only.
    assert ("minktrustdraft" in body) == (role == "moderator")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor_same_school", "editor_other_school", "moderator"])
def test_chooser_names_the_parent_school_by_the_title_the_role_may_read(world, role):
    client = client_for(world, role)
    body = client.get(f"/admin/choose-page/search/?q={SEARCH_WORD}").content.decode()
    assert "Ash Primary" in body
    assert (SCHOOL_DRAFT_TITLE in body) == (role in {"editor_same_school", "moderator"})


# The public channels: what each role is shown of the challenges and their translations.
SESSION_CHANNELS = {"page", "print", "search"}  # answer the signed-in viewer as that viewer


def channel_urls(w):
    """(channel, url) of every public channel that can name a challenge or its translation."""
    urls = [
        ("search", f"/search/?q={SEARCH_WORD}"),
        ("search", f"/search/?format=json&q={SEARCH_WORD}"),
        ("search", "/search/?q=zaba"),
        ("api", "/api/v2/challenges/"),
        ("api", "/api/v2/challenges/?lang=pl"),
        ("api", f"/api/v2/challenges/?search={SEARCH_WORD}&lang=pl"),
        ("embed", "/embed/challenges.json?lang=pl"),
        ("feeds", "/feeds/challenges/"),
        ("feeds", "/feeds/challenges/?lang=pl"),
        ("sitemap", "/sitemap.xml"),
    ]
    for original in w["pages"][: len(LEVELS)]:
        translation = w["translations"][original.visibility]
        urls += [
            ("page", original.url),
            ("page", translation.url),
            ("print", f"/print/challenges/{original.uid}/?lang=pl"),
            ("print", f"/print/challenges/{translation.uid}/"),
            ("embed", f"/embed/challenges/{original.uid}/?lang=pl"),
            ("embed", f"/embed/challenges/{translation.uid}/"),
            ("oembed", f"/oembed/?url=http://testserver{translation.url}"),
            ("oembed", f"/oembed/?url=http://testserver{original.url}&lang=pl"),
            ("api", f"/api/v2/challenges/{translation.pk}/"),
        ]
    return urls


def public_levels(role):
    """The levels a role reads on the public site: its admin levels, and public for everyone."""
    return {"public", *ROLES[role][0]}


def channel_canaries_allowed(role, channel):
    """Live titles, English or Polish, of the levels the channel shows this role; no drafts."""
    levels = public_levels(role) if channel in SESSION_CHANNELS else ["public"]
    return {live_canary(level) for level in levels} | {translated_canary(level) for level in levels}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_public_channels_show_each_role_only_the_translations_it_may_see(world, role):
    """A translation is exactly as hidden as its original, in every channel, for every role."""
    client = client_for(world, role)
    problems = []
    for channel, url in channel_urls(world):
        response = client.get(url)
        if response.status_code not in (200, 404):
            problems.append(f"{url} answers {response.status_code}")
        body = response.content.decode()
        forbidden = ALL_PAGE_CANARIES - channel_canaries_allowed(role, channel)
        leaked = sorted(word for word in forbidden if word in body)
        if leaked:
            problems.append(f"{role} sees {leaked} at {url}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_a_translation_answers_each_role_as_its_original_does(world, role):
    """Same status for the original and its translation, page and print; and the role still
    reads the translations of the levels it may see (the matrix is not clean by showing none)."""
    client = client_for(world, role)
    levels = public_levels(role)
    for original in world["pages"][: len(LEVELS)]:
        translation = world["translations"][original.visibility]
        pairs = [
            (original.url, translation.url),
            (f"/print/challenges/{original.uid}/", f"/print/challenges/{translation.uid}/"),
            (f"/embed/challenges/{original.uid}/", f"/embed/challenges/{original.uid}/?lang=pl"),
        ]
        for english, polish in pairs:
            assert client.get(english).status_code == client.get(polish).status_code, polish
        response = client.get(translation.url)
        expected = 200 if original.visibility in levels else 404
        assert response.status_code == expected, (role, original.visibility)
        if expected == 200:
            assert translated_canary(original.visibility) in response.content.decode()
