"""The models of the `challenges` app, one module per concern; import them from here."""

from challenges.models.embed_views import EmbedView
from challenges.models.media import (
    MEDIA_FIELDS,
    ChallengeDocument,
    ChallengeImage,
    ChallengeImageRendition,
    MediaCreditMixin,
)
from challenges.models.page import (
    SUMMARY_MAX_LENGTH,
    ChallengeContributor,
    ChallengeTag,
    LearningChallengePage,
    hashtag_validator,
)
from challenges.models.stamps import PublicationStamp
from challenges.models.taxonomy import Subject, TaxonomyTerm, Theme, YearGroup

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
