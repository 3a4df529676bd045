"""Trust partnerships, the tokens a trust issues to partners, and the partner libraries it reads."""

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from home.models.organisations import TrustPage

# Sent whenever a partnership changes state: what partners may see changes with it, at once.
partnership_changed = Signal()


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
