"""The trust admin's admin URLs (under /admin/), added by home/wagtail_hooks.py."""

from django.urls import path

from home.trust_admin import languages, partners, people, screen

base = "trust/<int:trust_id>/"
urlpatterns = [
    path("trust/", screen.trust_index, name="trust_admin_index"),
    path(base, screen.trust_screen, name="trust_admin"),
    path(base + "invite/", people.invite, name="trust_admin_invite"),
    path(base + "people/<int:user_id>/resend/", people.resend_invitation,
         name="trust_admin_resend"),
    path(base + "people/<int:user_id>/roles/", people.add_role, name="trust_admin_add_role"),
    path(base + "people/<int:user_id>/roles/<int:role_id>/remove/", people.remove_role,
         name="trust_admin_remove_role"),
    path(base + "people/<int:user_id>/remove/", people.remove_person,
         name="trust_admin_remove_person"),
    path(base + "partnerships/request/", partners.request_partnership,
         name="trust_admin_request_partnership"),
    path(base + "partnerships/<int:partnership_id>/accept/", partners.answer_partnership,
         {"answer": "accept"}, name="trust_admin_accept_partnership"),
    path(base + "partnerships/<int:partnership_id>/decline/", partners.answer_partnership,
         {"answer": "decline"}, name="trust_admin_decline_partnership"),
    path(base + "partnerships/<int:partnership_id>/end/", partners.end_partnership,
         name="trust_admin_end_partnership"),
    path(base + "tokens/", partners.create_token, name="trust_admin_create_token"),
    path(base + "tokens/<int:token_id>/revoke/", partners.revoke_token,
         name="trust_admin_revoke_token"),
    path(base + "libraries/", partners.add_library, name="trust_admin_add_library"),
    path(base + "libraries/<int:library_id>/", partners.edit_library,
         name="trust_admin_edit_library"),
    path(base + "libraries/<int:library_id>/delete/", partners.delete_library,
         name="trust_admin_delete_library"),
    path(base + "languages/", languages.add_language, name="trust_admin_add_language"),
    path("invitations/", people.role_invitations, name="role_invitations"),
    path("invitations/<int:invitation_id>/accept/", people.answer_role_invitation,
         {"answer": "accept"}, name="role_invitation_accept"),
    path("invitations/<int:invitation_id>/decline/", people.answer_role_invitation,
         {"answer": "decline"}, name="role_invitation_decline"),
]  # fmt: skip
