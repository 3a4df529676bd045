"""Who may see a challenge: the one place that decides it.

Each challenge has an audience key (`public`, `partners:<trust>`, `trust:<trust>`,
`school:<school>`); each viewer has a set of keys. A viewer sees a live challenge when its key is
in their set. Page serving, listings, the API and search all derive from this module: querysets
through `LearningChallengePage.objects.visible_to(viewer)`, one page through `can_view`, search
through `viewer_keys`.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from wagtail.query import PageQuerySet

from challenges.vocabulary import Visibility
from home.models import Partnership, SchoolPage, TrustPage
from home.roles import TRUST_KINDS, Role, roles_of

PUBLIC = "public"
EVERYTHING = None  # the key set of a superuser: no filter at all


def audience_key(visibility, trust_id, school_id):
    if visibility == Visibility.PUBLIC:
        return PUBLIC
    if visibility == Visibility.PARTNERS and trust_id:
        return f"partners:{trust_id}"
    if visibility == Visibility.SCHOOL and school_id:
        return f"school:{school_id}"
    # Trust-wide, and a "school only" challenge that sits directly under its trust.
    return f"trust:{trust_id}"


@dataclass(frozen=True)
class PartnerViewer:
    """A partner trust reading through its token: public and partner-shared content only."""

    trust_id: int


def _keys_for_user(user):
    roles = list(roles_of(user).select_related("page"))
    school_pages = [role.page for role in roles if role.kind == Role.Kind.SCHOOL_EDITOR]
    trust_pages = [role.page for role in roles if role.kind in TRUST_KINDS]
    school_ids = {page.pk for page in school_pages}
    trust_ids = {page.pk for page in trust_pages}
    if school_pages:
        # A school's trust is its ancestor at the trust's depth.
        trust_paths = {page.path[: TrustPage.steplen * 3] for page in school_pages}
        trust_ids |= set(
            TrustPage.objects.filter(path__in=trust_paths).values_list("pk", flat=True)
        )
    # Moderators and trust admins see every school of their trust.
    for trust in trust_pages:
        school_ids |= set(SchoolPage.objects.child_of(trust).values_list("pk", flat=True))
    partner_ids = Partnership.partner_ids_of(trust_ids) if trust_ids else set()
    keys = {PUBLIC}
    keys |= {f"school:{pk}" for pk in school_ids}
    keys |= {f"trust:{pk}" for pk in trust_ids}
    keys |= {f"partners:{pk}" for pk in trust_ids | partner_ids}
    return frozenset(keys)


def viewer_keys(viewer):
    """The audience keys a viewer may see, or EVERYTHING for a superuser."""
    if isinstance(viewer, PartnerViewer):
        return frozenset({PUBLIC, f"partners:{viewer.trust_id}"})
    if viewer is None or not viewer.is_authenticated or not viewer.is_active:
        return frozenset({PUBLIC})
    if viewer.is_superuser:
        return EVERYTHING
    cached = getattr(viewer, "_challenge_viewer_keys", None)
    if cached is None:
        cached = _keys_for_user(viewer)
        viewer._challenge_viewer_keys = cached  # once per request: the user object is per request
    return cached


class ChallengeQuerySet(PageQuerySet):
    """The queryset of `LearningChallengePage.objects`."""

    def visible_to(self, viewer):
        """Live challenges the viewer may see."""
        live = self.live()
        keys = viewer_keys(viewer)
        return live if keys is EVERYTHING else live.filter(audience__in=keys)


def can_view(viewer, challenge):
    keys = viewer_keys(viewer)
    return challenge.live and (keys is EVERYTHING or challenge.audience in keys)


def anonymous():
    return AnonymousUser()
