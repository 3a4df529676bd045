"""Licences a challenge (and each asset) may carry, and the rules for adapting them: one place."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    spdx: str
    name: str
    url: str
    adaptable: bool  # may a partner make an adaptation?
    share_alike: bool  # must an adaptation keep this licence?
    non_commercial: bool


LICENCES = {
    licence.spdx: licence
    for licence in [
        Licence(
            "CC-BY-4.0",
            "Creative Commons Attribution 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            True,
            False,
            False,
        ),
        Licence(
            "CC-BY-SA-4.0",
            "Creative Commons Attribution-ShareAlike 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            True,
            True,
            False,
        ),
        Licence(
            "CC-BY-NC-4.0",
            "Creative Commons Attribution-NonCommercial 4.0",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            True,
            False,
            True,
        ),
        Licence(
            "CC-BY-NC-SA-4.0",
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            True,
            True,
            True,
        ),
        Licence(
            "CC-BY-ND-4.0",
            "Creative Commons Attribution-NoDerivatives 4.0",
            "https://creativecommons.org/licenses/by-nd/4.0/",
            False,
            False,
            False,
        ),
        Licence(
            "OGL-UK-3.0",
            "Open Government Licence v3.0",
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            True,
            False,
            False,
        ),
        Licence("LicenseRef-All-Rights-Reserved", "All rights reserved", "", False, False, False),
    ]
}
LICENCE_CHOICES = [(spdx, licence.name) for spdx, licence in LICENCES.items()]
DEFAULT_LICENCE = "CC-BY-4.0"


def licence_for(spdx):
    return LICENCES.get(spdx) or LICENCES[DEFAULT_LICENCE]


ALL_RIGHTS_RESERVED = "LicenseRef-All-Rights-Reserved"


@dataclass(frozen=True)
class AdaptationTerms:
    """What the licence of an original lets an adapter do."""

    allowed: bool
    reason: str  # why not, or the terms in a sentence, in words a teacher understands
    licences: tuple  # SPDX ids the adaptation may carry (empty when not allowed)


def adaptation_terms(spdx):
    """ND and all rights reserved: no adaptation. ShareAlike: the same licence.
    NonCommercial: stays NonCommercial. BY and OGL: any licence that keeps the credit."""
    original = licence_for(spdx)
    if original.spdx == ALL_RIGHTS_RESERVED:
        return AdaptationTerms(
            False,
            "All rights are reserved on this challenge: its authors have not allowed changed "
            "copies. You can still use it as it is, or ask its trust for permission.",
            (),
        )
    if not original.adaptable:
        return AdaptationTerms(
            False,
            f"This challenge is shared under {original.name}, which allows sharing it unchanged "
            "but not adapting it. You can still use it as it is, or ask its trust for permission.",
            (),
        )
    if original.share_alike:
        return AdaptationTerms(
            True,
            f"Your adaptation must keep the same licence ({original.name}) and credit the "
            "original.",
            (original.spdx,),
        )
    if original.non_commercial:
        allowed = tuple(s for s, lic in LICENCES.items() if lic.adaptable and lic.non_commercial)
        return AdaptationTerms(
            True,
            "Your adaptation must stay non-commercial (a NonCommercial licence) and credit the "
            "original.",
            allowed,
        )
    # BY and OGL: any licence that still requires credit, so the original's credit travels on.
    allowed = tuple(s for s in LICENCES if s != ALL_RIGHTS_RESERVED)
    return AdaptationTerms(
        True,
        f"{original.name} lets you adapt it and choose any licence that keeps the credit to the "
        "original.",
        allowed,
    )


def adaptation_licence_error(original_spdx, chosen_spdx):
    """Why an adaptation may not carry `chosen_spdx`, or None when it may."""
    terms = adaptation_terms(original_spdx)
    if not terms.allowed or chosen_spdx in terms.licences:
        return None
    names = ", ".join(LICENCES[s].name for s in terms.licences)
    return f"This is an adaptation: {terms.reason} Choose one of: {names}."
