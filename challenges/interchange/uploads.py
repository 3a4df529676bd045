"""Packages uploaded to the import screen, waiting in a private folder to be confirmed.

Each waits as `<token>.zip`, the token naming its uploader (`u<user id>t<random>`), so that
packages nobody confirmed expire (older than an hour: removed when the next upload arrives and
by `manage.py clear_abandoned_uploads`) and each person may keep only a few, and only so many
bytes, waiting at once. A package handed to the background import is renamed `queued-...` and is
the task's to remove.
"""

import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

QUEUED_PREFIX = "queued-"


def upload_folder():
    folder = Path(getattr(settings, "INTERCHANGE_UPLOAD_DIR", "") or tempfile.gettempdir())
    folder = folder / "lcl-interchange-uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def max_age_seconds():
    return getattr(settings, "INTERCHANGE_UPLOAD_MAX_AGE_SECONDS", 3600)


def max_waiting_per_user():
    return getattr(settings, "INTERCHANGE_UPLOADS_WAITING_PER_USER", 3)


def max_waiting_bytes_per_user():
    return getattr(settings, "INTERCHANGE_UPLOAD_BYTES_WAITING_PER_USER", 300 * 1024 * 1024)


def new_token(user):
    return f"u{user.pk}t{secrets.token_hex(16)}"


def remove_abandoned_uploads():
    """Remove waiting packages older than the maximum age; returns (count, bytes) removed."""
    oldest = time.time() - max_age_seconds()
    count = size = 0
    for path in upload_folder().glob("*.zip"):
        if path.name.startswith(QUEUED_PREFIX):
            continue
        try:
            stat = path.stat()
            if stat.st_mtime < oldest:
                path.unlink()
                count, size = count + 1, size + stat.st_size
        except FileNotFoundError:
            continue  # confirmed or removed meanwhile
    return count, size


def check_room_for(user, size):
    """ValidationError, in words, when the user already has too many packages waiting."""
    waiting = [path for path in upload_folder().glob(f"u{user.pk}t*.zip") if path.is_file()]
    waiting_bytes = sum(path.stat().st_size for path in waiting)
    minutes = max_age_seconds() // 60
    if len(waiting) >= max_waiting_per_user():
        raise ValidationError(
            f"You already have {len(waiting)} packages waiting to be imported. Import one of "
            f"them first, or try again later: packages not imported within {minutes} minutes "
            "are cleared away."
        )
    if waiting_bytes + size > max_waiting_bytes_per_user():
        raise ValidationError(
            f"Your packages waiting to be imported already take {filesizeformat(waiting_bytes)}, "
            f"and each person may have {filesizeformat(max_waiting_bytes_per_user())} waiting. "
            f"Import one of them first, or try again later: packages not imported within "
            f"{minutes} minutes are cleared away."
        )


def hand_to_background(path):
    """The package renamed so that expiry leaves it to the background import, which removes it."""
    queued = path.with_name(f"{QUEUED_PREFIX}{path.name}")
    path.rename(queued)
    return queued
