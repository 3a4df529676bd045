"""Asking partners' libraries for newer versions of the challenges followed from them.

A newer version arrives as a draft of a copy nobody edited, or waits beside an edited copy for a
person to pull it (the importer decides); nothing goes live. `check_upstream` and its periodic
task ask every partner library a trust has saved, with the token saved for it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from challenges.interchange.client import PartnerClient, PartnerSource
from challenges.interchange.importer import ImportRefused, SubsetSource, plan_import, run_import
from challenges.interchange.validate import InterchangeError
from challenges.sharing.upstream import following
from home.models import PartnerLibrary


class SomeUpdatesRefused(InterchangeError):
    """Some newer versions were refused (e.g. a licence that now forbids adapting); the others
    arrived (`arrived` of them)."""

    def __init__(self, message, arrived):
        super().__init__(message)
        self.arrived = arrived


def _known_version(lineage):
    received = (lineage.get("upstream") or {}).get("version") or 0
    return max(int(lineage.get("version") or 0), int(received))


def _open_source(base_url, token):
    client = PartnerClient(base_url, token, timeout=settings.INTERCHANGE_PARTNER_TIMEOUT)
    return PartnerSource(client)


def ask_partner(base_url, token, followed):
    """Import the newer versions the partner at `base_url` lists for the `followed` copies;
    returns how many arrived. Raises InterchangeError, in a teacher's words, when it cannot."""
    followed = list(followed)
    if not followed:
        return 0
    source = _open_source(base_url, token)
    arrived, refused = 0, []
    try:
        versions = {entry["uid"]: entry["version"] for entry in source.manifest["challenges"]}
        for page in followed:
            uid, school = page.adapted_from["uid"], page.get_parent().specific
            if versions.get(uid, 0) <= _known_version(page.adapted_from):
                continue  # not newer, or not this token's to read (another library may list it)
            newer = SubsetSource(source, {uid})
            try:
                plan_import(newer, school)  # fetches and checks before the transaction opens
                run_import(newer, school, follow={uid})
            except ImportRefused as refusal:  # one refused update never holds back the others
                refused.append(refusal.message)
                continue
            arrived += 1
    finally:
        source.close()
    if refused:
        raise SomeUpdatesRefused(" ".join(refused), arrived)
    return arrived


def followed_from(library):
    """Copies in the library's trust that follow an original at the library's address."""
    return following().descendant_of(library.trust).filter(adapted_from__source=library.base_url)


def check_library(library, followed=None):
    """Ask one saved partner library for newer versions; (arrived, problem), both kept on the
    library for the trust admin's screen."""
    followed = list(followed_from(library)) if followed is None else followed
    arrived, problem = 0, ""
    try:
        if followed:
            arrived = ask_partner(library.base_url, library.token, followed)
        else:  # nothing follows it yet: still say whether it answers
            _open_source(library.base_url, library.token).close()
    except ValidationError as error:  # the token can no longer be decrypted
        problem = " ".join(error.messages)
    except SomeUpdatesRefused as refusal:
        arrived, problem = refusal.arrived, refusal.message
    except InterchangeError as refusal:
        problem = refusal.message
    PartnerLibrary.objects.filter(pk=library.pk).update(
        last_checked_at=timezone.now(), last_problem=problem, last_arrived=arrived
    )
    return arrived, problem


def ask_partner_libraries():
    """Ask every saved partner library that some copy follows; [(library, arrived, problem)].
    One library failing never stops the others; its problem is kept for the trust admin."""
    outcomes = []
    for library in PartnerLibrary.objects.select_related("trust").order_by("pk"):
        followed = list(followed_from(library))
        if not followed:
            continue
        arrived, problem = check_library(library, followed)
        outcomes.append((library, arrived, problem))
    return outcomes
