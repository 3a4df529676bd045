"""A trust admin gives roles in Chromium: the list starts on "Choose a role", and making someone
a trust admin asks first; an existing account of another trust accepts its invitation itself."""

from admin_helpers import sign_in, sign_out

from home.models import Role, RoleInvitation
from home.roles import role_group
from tests.factories import SchoolPageFactory, make_user


def test_roles_start_on_nothing_and_a_trust_admin_is_confirmed(live_server, page, library):
    admin = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    sign_in(page, live_server, admin)
    page.goto(f"{live_server.url}/admin/trust/{library.trust_a.pk}/")
    row = page.locator(f'[data-person="{library.editor_a1.email}"]')
    select = row.get_by_label("Add a role")
    assert select.evaluate("element => element.selectedOptions[0].text") == "Choose a role"

    # One careless click on Add grants nothing.
    row.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text("Choose one of the roles in the list.").wait_for()
    assert library.editor_a1.groups.count() == 1

    row = page.locator(f'[data-person="{library.editor_a1.email}"]')
    row.get_by_label("Add a role").select_option(label="Trust admin of Alder Trust")
    row.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("heading", name="Make a trust admin?").wait_for()
    assert not library.editor_a1.groups.filter(library_role__kind=Role.Kind.TRUST_ADMIN).exists()
    page.get_by_role("button", name=f"Yes, make {library.editor_a1.email} a trust admin").click()
    page.get_by_text(f"{library.editor_a1.email} is now Trust admin of Alder Trust").wait_for()
    assert library.editor_a1.groups.filter(library_role__kind=Role.Kind.TRUST_ADMIN).exists()


def test_an_existing_account_accepts_its_invitation(live_server, page, library):
    admin = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    sign_in(page, live_server, admin)
    page.goto(f"{live_server.url}/admin/trust/{library.trust_a.pk}/")
    page.get_by_label("Email address").fill(library.editor_c1.email)
    page.locator("#id_role").select_option(label="School editor at Aspen Primary")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text(f"Invitation sent to {library.editor_c1.email}").wait_for()
    assert page.locator(f'[data-person="{library.editor_c1.email}"]').count() == 0

    sign_out(page, live_server)
    sign_in(page, live_server, library.editor_c1)
    page.goto(f"{live_server.url}/admin/invitations/")
    page.get_by_text("School editor at Aspen Primary").wait_for()
    page.get_by_role("button", name="Accept").click()
    page.get_by_text("You are now School editor at Aspen Primary.").wait_for()
    assert not RoleInvitation.objects.exists()
    assert library.editor_c1.groups.filter(library_role__page=library.school_a2).exists()


def test_the_people_table_fits_a_1366_pixel_screen(live_server, page, library):
    admin = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    long_name = "St Bartholomew's Church of England Voluntary Aided Primary School and Nursery"
    school = SchoolPageFactory(parent=library.trust_a, title=long_name, slug="st-barts")
    teacher = make_user("long.name.teacher", role_group(school, Role.Kind.SCHOOL_EDITOR))
    teacher.email = "a.very.long.address.for.a.teacher@st-bartholomews-primary.example.org"
    teacher.first_name, teacher.last_name = "Bartholomew-Alexander", "Featherstonehaugh-Smythe"
    teacher.save()
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, live_server, admin)
    page.goto(f"{live_server.url}/admin/trust/{library.trust_a.pk}/")
    table = page.locator("section[aria-labelledby=people-heading] table")
    overflow = table.evaluate("table => table.getBoundingClientRect().right - window.innerWidth")
    assert overflow <= 0, f"the people table runs {overflow:.0f} px past a 1366 px screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
