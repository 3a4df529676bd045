"""The models of the `challenges` app, one module per concern; import them from here."""

from .embed_views import EmbedView
from .media import (
    MEDIA_FIELDS,
    ChallengeDocument,
    ChallengeImage,
    ChallengeImageRendition,
    MediaCreditMixin,
)
from .page import (
    SUMMARY_MAX_LENGTH,
    ChallengeContributor,
    ChallengeTag,
    LearningChallengePage,
    hashtag_validator,
)
from .stamps import PublicationStamp
from .taxonomy import Subject, TaxonomyTerm, Theme, YearGroup

__all__ = [
    "MEDIA_FIELDS",
    "SUMMARY_MAX_LENGTH",
    "ChallengeContributor",
    "ChallengeDocument",
    "ChallengeImage",
    "ChallengeImageRendition",
    "ChallengeTag",
    "EmbedView",
    "LearningChallengePage",
    "MediaCreditMixin",
    "PublicationStamp",
    "Subject",
    "TaxonomyTerm",
    "Theme",
    "YearGroup",
    "hashtag_validator",
]
