"""Partner libraries a trust pulls from: saved on the trust admin's screen with the token the
partner gave (encrypted at rest, never shown again), checked by the fetcher's rules, and used
only by that trust's people; any other trust's admin or teacher gets 404."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.factories import make_user
from tests.interchange.partner_instance import free_port

SECRET = "lclp_Zq8w3Jf0s9Kx2VbN7mR4tY6uP1oLkJhGfDsA5eWq7Xc"  # as long as ours


@pytest.fixture
def trusts(library, settings):
    library.admin_a = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    library.admin_b = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    library.admin_c = make_user("admin_c", role_group(library.trust_c, Role.Kind.TRUST_ADMIN))
    # Loopback ports the operator allows over http: nothing listens there, nothing is fetched.
    library.port, library.other_port = free_port(), free_port()
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [
        f"127.0.0.1:{library.port}", f"localhost:{library.other_port}",
    ]  # fmt: skip
    library.url = f"http://127.0.0.1:{library.port}/"
    return library


def saved(trust, label="Oak Trust", url="https://library.oak.example/", token=SECRET):
    library = PartnerLibrary(trust=trust, label=label, base_url=url)
    library.set_token(token)
    library.save()
    return library


def add(client, trust, **data):
    return client.post(reverse("trust_admin_add_library", args=[trust.pk]), data)


def test_a_trust_admin_saves_a_library_and_the_token_is_encrypted_at_rest(client, trusts):
    client.force_login(trusts.admin_b)
    pasted = trusts.url + "api/interchange/v1/challenges/"
    response = add(client, trusts.trust_b, label="Oak Trust", base_url=pasted, token=SECRET)
    assert response.status_code == 302
    library = PartnerLibrary.objects.get()
    assert library.trust == trusts.trust_b and library.base_url == trusts.url
    assert library.token == SECRET  # what is sent
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM home_partnerlibrary")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert SECRET not in row and SECRET[11:] not in row  # only the hint is in the clear
    assert library.token_hint == SECRET[:11]
    # Never shown again: the screen and the edit form show the hint only.
    screen = reverse("trust_admin", args=[trusts.trust_b.pk])
    edit = reverse("trust_admin_edit_library", args=[trusts.trust_b.pk, library.pk])
    for url in (screen, edit):
        page = client.get(url).text
        assert SECRET[:11] in page and SECRET[11:] not in page


def test_a_token_saved_under_other_keys_is_explained_not_sent(trusts, settings):
    library = saved(trusts.trust_b)
    settings.PARTNER_LIBRARY_TOKEN_KEYS = ["cT7mB0y3QkZ1b2Xh6vA9dE4fG8hJ5kL0mN3pQ6rS9tU="]
    assert PartnerLibrary.objects.get().token == SECRET  # the derived key still reads it
    settings.PARTNER_LIBRARY_TOKEN_KEYS = []
    settings.SECRET_KEY = "a-new-secret-key-for-this-site"
    with pytest.raises(ValidationError, match="can no longer be read"):
        _ = PartnerLibrary.objects.get(pk=library.pk).token


@pytest.mark.parametrize(
    "address, words",
    [
        ("http://library.oak.example/", "not served over https"),
        ("ftp://library.oak.example/", "Only https://"),
        ("https://127.0.0.1/", "loopback"),
        ("https://localhost:8443/", "loopback"),
        ("https://10.1.2.3/", "private"),
        ("https://2130706433/", "loopback"),
        ("https://[::ffff:127.0.0.1]/", "loopback"),
        ("https://someone:secret@library.oak.example/", "user name or password"),
        ("https://library.oak.example/?token=x", "without anything after"),
        ("library.oak.example", "Only https://"),
    ],
)
def test_addresses_follow_the_fetchers_rules(client, trusts, address, words):
    client.force_login(trusts.admin_b)
    response = add(client, trusts.trust_b, label="Oak", base_url=address, token=SECRET)
    assert response.status_code == 400
    assert words in response.text
    assert not PartnerLibrary.objects.exists()


def test_a_token_is_needed_and_must_look_like_one(client, trusts):
    client.force_login(trusts.admin_b)
    for token, words in (("", "Paste the token"), ("short", "does not look like"),
                         ("lclp_with a space in it 123", "no spaces")):  # fmt: skip
        response = add(client, trusts.trust_b, label="Oak", base_url=trusts.url, token=token)
        assert response.status_code == 400 and words in response.text
    assert not PartnerLibrary.objects.exists()


def test_changing_the_address_to_another_site_needs_the_token_again(client, trusts):
    library = saved(trusts.trust_b, url=trusts.url)
    client.force_login(trusts.admin_b)
    edit = reverse("trust_admin_edit_library", args=[trusts.trust_b.pk, library.pk])
    # Same site, another path, new name: the saved token stays.
    response = client.post(edit, {"label": "Oak library", "base_url": trusts.url + "oak/"})
    assert response.status_code == 302
    library.refresh_from_db()
    assert (library.label, library.base_url, library.token) == (
        "Oak library", trusts.url + "oak/", SECRET,
    )  # fmt: skip
    # Another site: refused without the token, so the saved one never travels there.
    elsewhere = f"http://localhost:{trusts.other_port}/"
    response = client.post(edit, {"label": "Oak library", "base_url": elsewhere})
    assert response.status_code == 400 and "paste the token again" in response.text
    library.refresh_from_db()
    assert library.base_url == trusts.url + "oak/"
    new = "lclp_AnotherTokenFromOak0123456789abcdef"
    response = client.post(edit, {"label": "Oak", "base_url": elsewhere, "token": new})
    assert response.status_code == 302
    library.refresh_from_db()
    assert (library.base_url, library.token, library.token_hint) == (elsewhere, new, new[:10])


def test_a_trust_admin_removes_a_library(client, trusts):
    library = saved(trusts.trust_b)
    client.force_login(trusts.admin_b)
    delete = reverse("trust_admin_delete_library", args=[trusts.trust_b.pk, library.pk])
    assert client.post(delete).status_code == 302
    assert not PartnerLibrary.objects.exists()


@pytest.mark.parametrize("who", ["admin_a", "admin_c", "editor_b1", "moderator_b"])
def test_nobody_else_sees_or_changes_a_trusts_libraries(client, trusts, who):
    library = saved(trusts.trust_b)
    client.force_login(getattr(trusts, who))
    trust = trusts.trust_b.pk
    edit = reverse("trust_admin_edit_library", args=[trust, library.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"label": "Mine", "base_url": trusts.url, "token": SECRET}
                       ).status_code == 404  # fmt: skip
    assert client.post(reverse("trust_admin_delete_library", args=[trust, library.pk])
                       ).status_code == 404  # fmt: skip
    assert add(client, trusts.trust_b, label="X", base_url=trusts.url, token=SECRET
               ).status_code == 404  # fmt: skip
    # Nor through their own trust's screen with this trust's library id.
    if who.startswith("admin_"):
        own = getattr(trusts, f"trust_{who[-1]}").pk
        assert client.get(reverse("trust_admin_edit_library", args=[own, library.pk])
                          ).status_code == 404  # fmt: skip
    library.refresh_from_db()
    assert library.label == "Oak Trust" and library.token == SECRET


def test_a_superuser_manages_any_trusts_libraries(client, trusts):
    library = saved(trusts.trust_b)
    client.force_login(trusts.superuser)
    edit = reverse("trust_admin_edit_library", args=[trusts.trust_b.pk, library.pk])
    assert client.get(edit).status_code == 200


# The pull screen ---------------------------------------------------------------------------------


def pull(client, **params):
    return client.get(reverse("interchange_pull"), params)


def choice(library, school):
    return {"library": library.pk, "uid": ["9c4f3f7e-2a56-4e55-9d5e-0a3f8f1b2c3d"],
            "school": school.pk}  # fmt: skip


def test_the_pull_screen_offers_only_the_users_trusts_libraries(client, trusts):
    saved(trusts.trust_b, label="Birch's partner")
    saved(trusts.trust_a, label="Alder's partner")
    client.force_login(trusts.editor_b1)
    page = pull(client).text
    assert "Birch&#x27;s partner" in page and "Alder" not in page
    assert "Pull from a partner" in client.get("/admin/").text
    client.force_login(trusts.editor_c1)
    assert "no partner libraries yet" in pull(client).text


# Someone who may add pages in no school is sent back to the dashboard (Wagtail's "permission
# denied"); people of other trusts who may import elsewhere do not find the library at all.
@pytest.mark.parametrize(
    "who, status", [("editor_c1", 404), ("editor_a1", 404), ("moderator_a", 404), ("admin_c", 302)]
)
def test_another_trusts_people_cannot_use_a_library(client, trusts, who, status):
    library = saved(trusts.trust_b, url=trusts.url)
    client.force_login(getattr(trusts, who))
    response = pull(client, library=library.pk)
    assert response.status_code == status
    for step in ("interchange_pull_check", "interchange_pull_confirm"):
        response = client.post(reverse(step), choice(library, trusts.school_b1))
        assert response.status_code == status


def test_a_library_lands_only_in_its_own_trusts_schools(client, trusts):
    library = saved(trusts.trust_b, url=trusts.url)
    client.force_login(trusts.superuser)
    for step in ("interchange_pull_check", "interchange_pull_confirm"):
        assert client.post(reverse(step), choice(library, trusts.school_a1)).status_code == 404


@pytest.mark.parametrize(
    "address, words",
    [
        ("http://library.oak.example/", "not served over https"),
        ("https://127.0.0.1/", "loopback"),
        (None, "could not be reached"),  # allow-listed, but nothing listens there
    ],
)
def test_partner_problems_are_shown_in_words(client, trusts, address, words):
    library = saved(trusts.trust_b, url=address or trusts.url)
    client.force_login(trusts.editor_b1)
    response = pull(client, library=library.pk, q="rain")
    assert response.status_code == 200
    assert words in response.text and 'id="pull-problem"' in response.text
    summary = client.post(reverse("interchange_pull_check"), choice(library, trusts.school_b1))
    assert summary.status_code == 200 and words in summary.text


def test_an_unreadable_token_is_shown_in_words(client, trusts, settings):
    library = saved(trusts.trust_b, url=trusts.url)
    settings.SECRET_KEY = "a-new-secret-key-for-this-site"
    client.force_login(trusts.editor_b1)
    response = pull(client, library=library.pk)
    assert response.status_code == 200 and "can no longer be read" in response.text
