"""The site tree (home, trusts, schools), the roles attached to it and trust partnerships."""

import base64
import hashlib
import re
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    AbstractGroupApprovalTask,
    Locale,
    Page,
    PageManager,
    TaskState,
    WorkflowPage,
)
from wagtail.query import PageQuerySet

# Leaf vocabulary modules only (no models): the trust's defaults for new challenges.
from challenges.licences import DEFAULT_LICENCE, LICENCE_CHOICES
from challenges.vocabulary import VISIBILITY_CHOICES, Visibility

# Sent whenever a partnership changes state: what partners may see changes with it, at once.
partnership_changed = Signal()

# A colour as six hexadecimal digits: a school's accent, and the embeds' `?accent=`.
HEX_COLOUR = re.compile(r"^[0-9A-Fa-f]{6}$")
hex_colour = RegexValidator(
    HEX_COLOUR.pattern, "Enter a colour as six hexadecimal digits, e.g. 1D70B8."
)


class HomePage(Page):
    """The library's front page: latest public challenges and the trusts that share them."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["home.TrustPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    private_page_options = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["trusts"] = TrustPage.objects.child_of(self).live().order_by("title")
        return context


class OrganisationQuerySet(PageQuerySet):
    def originals(self):
        """Trusts or schools in the default language. A trust's or school's page in another
        language (made as the parent of its translated challenges) is the same trust or school,
        so lists of trusts and schools leave it out."""
        return self.filter(locale_id=Locale.get_default().pk)


class TrustPage(Page):
    """A multi-academy trust (a standalone school is a trust of one)."""

    objects = PageManager.from_queryset(OrganisationQuerySet)()

    intro = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    default_licence = models.CharField(
        max_length=40,
        choices=LICENCE_CHOICES,
        default=DEFAULT_LICENCE,
        help_text="New challenges in this trust start with this licence.",
    )
    default_visibility = models.CharField(
        max_length=10,
        choices=VISIBILITY_CHOICES,
        default=Visibility.TRUST,
        help_text="New challenges in this trust start with this visibility.",
    )

    second_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Someone outside the moderators who may also review submissions, so that a "
        "trust with a single moderator can still have that moderator's own challenges reviewed.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("website")], heading="Contact"),
        MultiFieldPanel(
            [FieldPanel("default_licence"), FieldPanel("default_visibility")],
            heading="Defaults for new challenges",
        ),
        FieldPanel("second_reviewer"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.SchoolPage", "challenges.LearningChallengePage"]
    private_page_options = []

    def schools(self):
        return SchoolPage.objects.child_of(self).live().order_by("title")


class SchoolPage(Page):
    """A school of a trust; its challenges sit beneath it."""

    objects = PageManager.from_queryset(OrganisationQuerySet)()

    intro = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    accent_colour = models.CharField(
        max_length=6,
        blank=True,
        validators=[hex_colour],
        help_text="Used to theme embedded challenges, six hex digits e.g. 1D70B8.",
    )
    default_share_how = models.TextField(
        blank=True,
        help_text="How families send their work back, e.g. 'Email a photo to office@...'. "
        "New challenges start with this.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("phone"),
                FieldPanel("address"),
                FieldPanel("website"),
            ],
            heading="Contact details (printed on challenge sheets)",
        ),
        FieldPanel("accent_colour"),
        FieldPanel("default_share_how"),
    ]
    parent_page_types = ["home.TrustPage"]
    subpage_types = ["challenges.LearningChallengePage"]
    private_page_options = []

    @property
    def trust(self):
        return TrustPage.objects.ancestor_of(self).first()


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


class PartnershipQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Partnership.Status.ACCEPTED)

    def involving(self, trust_ids):
        return self.filter(Q(requester_id__in=trust_ids) | Q(partner_id__in=trust_ids))


class Partnership(models.Model):
    """Two trusts that share partner-only challenges with each other once accepted."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        ENDED = "ended", "Ended"

    requester = models.ForeignKey(TrustPage, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(TrustPage, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "partner"], name="one_partnership_per_pair"
            ),
            models.CheckConstraint(
                condition=~Q(requester=models.F("partner")), name="no_partnership_with_itself"
            ),
        ]

    def __str__(self):
        return f"{self.requester.title} ↔ {self.partner.title} ({self.get_status_display()})"

    def clean(self):
        if self.requester_id and self.requester_id == self.partner_id:
            raise ValidationError("A trust cannot partner with itself.")
        reverse = Partnership.objects.filter(requester=self.partner_id, partner=self.requester_id)
        if reverse.exclude(pk=self.pk).exists():
            raise ValidationError("These two trusts already have a partnership or a request.")

    def other_trust(self, trust):
        return self.partner if trust.pk == self.requester_id else self.requester

    @classmethod
    def between(cls, trust, other):
        """The one row for a pair of trusts, whichever of them asked first, or None."""
        return (
            cls.objects.filter(
                Q(requester=trust, partner=other) | Q(requester=other, partner=trust)
            )
            .select_related("requester", "partner")
            .first()
        )

    @classmethod
    @transaction.atomic
    def request(cls, trust, other, user):
        """`trust` asks `other` to become partners; a declined or ended pair may ask again."""
        if trust.pk == other.pk:
            raise ValidationError("A trust cannot partner with itself.")
        existing = cls.between(trust, other)
        if existing and existing.status == cls.Status.ACCEPTED:
            raise ValidationError(f"{trust.title} and {other.title} are already partners.")
        if existing and existing.status == cls.Status.REQUESTED:
            raise ValidationError(
                f"A partnership request between {trust.title} and {other.title} is already "
                "waiting for an answer."
            )
        if existing:
            existing.delete()  # the new request starts a fresh row, asked by `trust`
        partnership = cls.objects.create(requester=trust, partner=other, requested_by=user)
        return partnership

    def respond(self, user, accept):
        """The partner trust's admin accepts or declines the request."""
        if self.status != self.Status.REQUESTED:
            raise ValidationError("This request has already been answered.")
        self.status = self.Status.ACCEPTED if accept else self.Status.DECLINED
        self.responded_by = user
        self.responded_at = timezone.now()
        self.save()

    def end(self, user):
        """Either trust ends an accepted partnership (or withdraws its request)."""
        if self.status not in (self.Status.ACCEPTED, self.Status.REQUESTED):
            raise ValidationError("This partnership has already ended.")
        self.status = self.Status.ENDED
        self.ended_by = user
        self.ended_at = timezone.now()
        self.save()

    @classmethod
    def partner_ids_of(cls, trust_ids):
        """Ids of the trusts in an accepted partnership with any of `trust_ids`."""
        pairs = (
            cls.objects.accepted().involving(trust_ids).values_list("requester_id", "partner_id")
        )
        return {tid for pair in pairs for tid in pair} - set(trust_ids)


TRUST_REVIEW_CHECKLIST = [
    ("no_pupil_names", "No pupil names appear anywhere in the challenge"),
    ("photos_consented", "Every photo showing pupils has the school's confirmed consent"),
    ("assets_credited", "Every image and document is credited"),
    ("safety_notes_present", "Safety notes are present where the activities need them"),
    ("links_checked", "Every link has been checked and is suitable for families"),
]


class TrustReviewApprovalForm(forms.Form):
    """Approving means ticking every item of the checklist."""

    comment = forms.CharField(label="Comment (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in TRUST_REVIEW_CHECKLIST:
            self.fields[name] = forms.BooleanField(
                label=label,
                required=True,
                error_messages={"required": "Tick this item to approve, or request changes."},
            )


class TrustReviewRejectionForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change?",
        required=True,
        widget=forms.Textarea,
        error_messages={"required": "Tell the author what needs to change."},
    )


class TrustReviewTask(AbstractGroupApprovalTask):
    """The "Trust review" step: a moderator approves against a checklist or asks for changes."""

    def get_actions(self, obj, user):
        if self.is_own_submission(obj, user):
            return []
        if user.is_superuser or self._user_in_groups(user) or self.is_second_reviewer(obj, user):
            return [("reject", "Request changes", True), ("approve", "Approve", True)]
        return []

    @staticmethod
    def is_own_submission(obj, user):
        """Nobody reviews what they submitted, superusers and moderators included."""
        state = obj.current_workflow_state
        return state is not None and state.requested_by_id == user.pk

    @staticmethod
    def second_reviewer_of(obj):
        """The reviewer the page's trust names besides its moderators, or None."""
        trust = TrustPage.objects.ancestor_of(obj, inclusive=True).first()
        return trust.second_reviewer if trust is not None else None

    @staticmethod
    def is_second_reviewer(obj, user):
        trust = TrustPage.objects.ancestor_of(obj, inclusive=True).first()
        return trust is not None and trust.second_reviewer_id == user.pk

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) or self.is_second_reviewer(obj, user)

    def reviews_as_second_reviewer(self, user):
        trusts = TrustPage.objects.filter(second_reviewer=user).values("pk")
        return WorkflowPage.objects.filter(
            page__in=trusts, workflow__workflow_tasks__task=self
        ).exists()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """The dashboard's "awaiting your review": the second reviewer's too, never one's own."""
        if user.is_superuser or self._user_in_groups(user) or self.reviews_as_second_reviewer(user):
            in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
            return in_progress.exclude(workflow_state__requested_by=user)
        return TaskState.objects.none()

    def get_form_for_action(self, action):
        return TrustReviewApprovalForm if action == "approve" else TrustReviewRejectionForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The page editor posts this data as raw JSON, so validate it here as well as in the modal.
        if self.is_own_submission(task_state.workflow_state.content_object, user):
            raise PermissionDenied("Someone else must review your own submission.")
        form = self.get_form_for_action(action_name)(data=kwargs)
        if not form.is_valid():
            raise PermissionDenied("The review checklist or comment is incomplete.")
        super().on_action(task_state, user, action_name, comment=form.cleaned_data["comment"])
        # Where the dashboard's review modal goes next: a page that says what just happened.
        return reverse("trust_review_done", args=[task_state.pk])

    @classmethod
    def get_description(cls):
        return "Moderators approve against the review checklist, or request changes with a comment."

    class Meta:
        verbose_name = "Trust review task"
        verbose_name_plural = "Trust review tasks"


class PartnerToken(models.Model):
    """Lets a partner trust's instance read the issuing trust's public and partner challenges.

    The token itself is shown once and only its SHA-256 digest is kept (it is long and random,
    so a plain digest is enough); it works only while the partnership stays accepted.
    """

    PREFIX = "lclp_"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="tokens")
    trust = models.ForeignKey(
        TrustPage, on_delete=models.CASCADE, related_name="+", help_text="Whose challenges."
    )
    partner = models.ForeignKey(
        TrustPage, on_delete=models.CASCADE, related_name="+", help_text="The trust holding it."
    )
    label = models.CharField(max_length=100, blank=True)
    hint = models.CharField(max_length=16, help_text="The first characters, to recognise it.")
    digest = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Token {self.hint}… for {self.partner.title} to read {self.trust.title}"

    @staticmethod
    def digest_of(secret):
        return hashlib.sha256(secret.encode("utf-8")).hexdigest()

    @classmethod
    def issue(cls, trust, partner, user=None, label=""):
        """A new token for `partner` to read `trust`: (token row, the secret, shown once)."""
        partnership = Partnership.between(trust, partner)
        if partnership is None or partnership.status != Partnership.Status.ACCEPTED:
            raise ValidationError(
                f"{trust.title} and {partner.title} are not partners: a token needs an accepted "
                "partnership."
            )
        secret = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            partnership=partnership,
            trust=trust,
            partner=partner,
            label=label,
            hint=secret[: len(cls.PREFIX) + 6],
            digest=cls.digest_of(secret),
            created_by=user,
        )
        return token, secret

    @classmethod
    def authenticate(cls, secret):
        """The live token for a secret, or None (unknown, revoked, or partnership ended)."""
        if not secret or len(secret) > 200:
            return None
        token = (
            cls.objects.filter(digest=cls.digest_of(secret), revoked_at=None)
            .filter(partnership__status=Partnership.Status.ACCEPTED)
            .select_related("trust", "partner")
            .first()
        )
        if token:
            cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token

    @property
    def active(self):
        return self.revoked_at is None and self.partnership.status == Partnership.Status.ACCEPTED

    def revoke(self, user=None):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.revoked_by = user
            self.save(update_fields=["revoked_at", "revoked_by"])


def token_cipher():
    """The dedicated keys first (the first one encrypts), then one derived from SECRET_KEY, so
    tokens saved before a dedicated key was set stay readable."""
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"lcl-partner-library-tokens", info=b"fernet"
    ).derive(settings.SECRET_KEY.encode("utf-8"))
    keys = [*settings.PARTNER_LIBRARY_TOKEN_KEYS, base64.urlsafe_b64encode(derived)]
    return MultiFernet([Fernet(key) for key in keys])


class PartnerLibrary(models.Model):
    """A partner's library that a trust pulls from: its address, and the token the partner's
    trust admin gave ours.

    The token is sent, not checked, so it is kept encrypted (Fernet), never hashed; after saving
    it is never shown again, only its first characters.
    """

    trust = models.ForeignKey(TrustPage, on_delete=models.CASCADE, related_name="partner_libraries")
    label = models.CharField(max_length=100, help_text="A name to recognise it, e.g. 'Oak Trust'.")
    base_url = models.URLField("address", max_length=500)
    encrypted_token = models.TextField(editable=False)
    token_hint = models.CharField(max_length=16, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    token_saved_at = models.DateTimeField(null=True, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_problem = models.TextField(blank=True, help_text="Why the last check for updates failed.")
    last_arrived = models.PositiveIntegerField(
        default=0, help_text="How many newer versions the last check for updates brought."
    )

    class Meta:
        ordering = ["label"]
        verbose_name_plural = "partner libraries"
        constraints = [
            models.UniqueConstraint(
                fields=["trust", "label"], name="one_partner_library_label_per_trust"
            )
        ]

    def __str__(self):
        return f"{self.label} ({self.base_url})"

    @staticmethod
    def check_token(secret):
        """The token as it will be sent, or ValidationError saying what is wrong with it."""
        secret = (secret or "").strip()
        if not secret:
            raise ValidationError("Paste the token the partner's trust admin gave you.")
        if len(secret) < 16 or len(secret) > 200:
            raise ValidationError(
                "This does not look like a partner token (they are 16 to 200 characters long)."
            )
        if not all(33 <= ord(c) < 127 for c in secret):
            raise ValidationError("A token has no spaces or special characters: copy it again.")
        return secret

    def set_token(self, secret):
        self.encrypted_token = token_cipher().encrypt(secret.encode("utf-8")).decode("ascii")
        self.token_hint = secret[: min(11, len(secret) // 4)]
        self.token_saved_at = timezone.now()

    @property
    def token(self):
        """The token to send; ValidationError when it can no longer be decrypted."""
        try:
            return token_cipher().decrypt(self.encrypted_token.encode("ascii")).decode("utf-8")
        except (InvalidToken, ValueError) as error:
            raise ValidationError(
                f"The token saved for {self.label} can no longer be read (the site's keys have "
                "changed): ask a trust admin to paste it again."
            ) from error

    @classmethod
    def of_trusts(cls, trust_ids):
        return cls.objects.filter(trust_id__in=trust_ids).select_related("trust")


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
