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
