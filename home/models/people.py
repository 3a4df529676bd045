"""Who may do what where: roles, invitations to a role, and a person's chosen name."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from wagtail.models import Page


class Role(models.Model):
    """Ties a Wagtail group to the trust or school it grants rights on."""

    class Kind(models.TextChoices):
        SCHOOL_EDITOR = "school_editor", "School editor"
        TRUST_MODERATOR = "trust_moderator", "Trust moderator"
        TRUST_ADMIN = "trust_admin", "Trust admin"

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="library_role")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="library_roles")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind"], name="one_role_per_kind_per_page")
        ]

    def __str__(self):
        # "School editor at Ash Primary", "Trust moderator of Alder Trust": the one wording, in
        # every list, message and email.
        preposition = "at" if self.kind == self.Kind.SCHOOL_EDITOR else "of"
        return f"{self.get_kind_display()} {preposition} {self.page.title}"


class RoleInvitation(models.Model):
    """A role offered to an account that already exists (a teacher of another trust, say): it is
    theirs only once they accept it, and until then no trust lists them by name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_invitations"
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="one_invitation_per_role")
        ]

    def __str__(self):
        return f"{self.role} offered to {self.user}"

    def accept(self):
        with transaction.atomic():
            self.user.groups.add(self.role.group)
            self.delete()


class PersonProfile(models.Model):
    """How a person is credited on the challenges they write or adapt: the display name they
    chose ("Mrs K."). Account names and emails never leave the admin; with no display name a
    person is credited by their school only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="library_profile"
    )
    display_name = models.CharField(
        "name shown on challenges",
        max_length=60,
        blank=True,
        help_text="How you are credited on challenges you write or adapt, e.g. “Mrs K.”. Leave "
        "it empty to be credited by your school's name only.",
    )

    def __str__(self):
        return self.display_name or f"Profile {self.pk}"

    @classmethod
    def display_name_of(cls, user):
        """The chosen display name, or ""."""
        profile = cls.objects.filter(user=user).first() if user and user.pk else None
        return profile.display_name.strip() if profile else ""
