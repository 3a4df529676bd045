"""The site tree (home, trusts, schools), the roles attached to it, trust partnerships and the
trust's review step; one module each, every model importable from `home.models`."""

from home.models.organisations import (  # noqa: F401
    HEX_COLOUR,
    HomePage,
    OrganisationQuerySet,
    SchoolPage,
    TrustPage,
    hex_colour,
)
from home.models.partnerships import (  # noqa: F401
    PartnerLibrary,
    Partnership,
    PartnershipQuerySet,
    PartnerToken,
    partnership_changed,
    token_cipher,
)
from home.models.people import (  # noqa: F401
    PersonProfile,
    Role,
    RoleInvitation,
)
from home.models.review import (  # noqa: F401
    TRUST_REVIEW_CHECKLIST,
    TrustReviewApprovalForm,
    TrustReviewRejectionForm,
    TrustReviewTask,
)
