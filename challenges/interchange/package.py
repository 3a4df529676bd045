"""Challenge packages: a zip of manifest.json, challenges/<uid>.json and assets/<sha256>.<ext>.

Writing streams every asset from storage into the zip on disk (nothing is held whole in memory).
Reading trusts nothing the zip says about itself: names are checked for every way out of the
package, and sizes and ratios are counted on the bytes actually inflated, while inflating.
"""

import json
import lzma
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from challenges.interchange.serialise import (
    FORMAT_VERSION,
    PACKAGE_FORMAT,
    AssetCatalogue,
    serialise_challenge,
    site_root_url,
)
from challenges.interchange.validate import InterchangeError, check_manifest, parse_json_bytes

MANIFEST = "manifest.json"
CHALLENGE_NAME = re.compile(
    r"^challenges/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$"
)
ASSET_NAME = re.compile(r"^assets/([0-9a-f]{64})\.([a-z0-9]{1,5})$")
DIRECTORIES = {"challenges/", "assets/"}
# Already-compressed formats are stored as they are; text and JSON are deflated.
STORED_EXTENSIONS = {"jpg", "png", "webp", "gif", "docx", "xlsx", "pptx", "odt", "pdf"}
CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What a package may hold; generous for real libraries, tight for bombs."""

    max_entries: int = 20_000
    max_total_bytes: int = 2 * 1024**3  # inflated, the whole package
    max_ratio: int = 100  # inflated bytes per byte in the archive
    max_json_bytes: int = 1024 * 1024  # one challenge document or the manifest
    ratio_grace_bytes: int = 1024 * 1024  # tiny files may compress very well

    @classmethod
    def from_settings(cls):
        """Defaults, overridden by INTERCHANGE_PACKAGE_LIMITS = {"max_entries": ..., ...}."""
        return cls(**getattr(settings, "INTERCHANGE_PACKAGE_LIMITS", {}))


class PackageRefused(InterchangeError):
    """The package as a whole cannot be read; nothing was written."""


# Writing ----------------------------------------------------------------------------------------


def write_package(target, trust, challenges, progress=None):
    """Write a package for `trust` holding `challenges` (pages) to `target` (a path or binary file).

    Returns the manifest. `progress` is called once per challenge written.
    """
    catalogue = AssetCatalogue()
    root_url = site_root_url()
    written_assets = set()
    entries = []
    omitted = 0
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for page in challenges:
            document, assets = serialise_challenge(page, catalogue, root_url)
            for asset in assets:
                if asset.sha256 in written_assets:
                    continue
                _write_asset(zf, asset)
                written_assets.add(asset.sha256)
            zf.writestr(
                f"challenges/{document['uid']}.json",
                _json_bytes(document),
                compress_type=zipfile.ZIP_DEFLATED,
            )
            entries.append(
                {"uid": document["uid"], "version": document["version"], "title": document["title"]}
            )
            omitted += len(document["omitted_images"])
            if progress:
                progress(page)
        manifest = {
            "format": PACKAGE_FORMAT,
            "format_version": FORMAT_VERSION,
            "source_instance": root_url,
            "trust": {"title": trust.title, "slug": trust.slug},
            "exported_at": timezone.now().isoformat(),
            "counts": {
                "challenges": len(entries),
                "assets": len(written_assets),
                "omitted_images": omitted,
            },
            "challenges": entries,
        }
        zf.writestr(MANIFEST, _json_bytes(manifest))
    return manifest


def _write_asset(zf, asset):
    compress = zipfile.ZIP_STORED if asset.extension in STORED_EXTENSIONS else zipfile.ZIP_DEFLATED
    info = zipfile.ZipInfo(f"assets/{asset.filename}", date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = compress
    info.external_attr = 0o644 << 16
    with asset.open() as source, zf.open(info, "w", force_zip64=asset.size > 2**31) as sink:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            sink.write(chunk)


def _json_bytes(data):
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


# Reading ----------------------------------------------------------------------------------------


def _unsafe_name_reason(name):
    """Why an entry name could reach outside the package, or None when it is a plain name."""
    if "\\" in name:
        return "uses a backslash in its path"
    if "\x00" in name:
        return "has a NUL character in its name"
    if name.startswith("/"):
        return "has an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "names a drive letter"
    if any(part == ".." for part in name.split("/")):
        return "points outside the package (..)"
    if any(part in ("", ".") for part in name.rstrip("/").split("/")):
        return "has an empty or '.' part in its path"
    return None


class ZipPackage:
    """A package read from a seekable binary file: the importer's source of documents and assets.

    Another source (a partner's API) can offer the same three things: `manifest`,
    `challenge_uids()`/`read_challenge(uid)`, and `read_asset(filename)`.
    """

    def __init__(self, fileobj, limits=None):
        self.limits = limits or Limits.from_settings()
        self._file = fileobj
        try:
            fileobj.seek(0, 2)
            self.archive_size = max(fileobj.tell(), 1)
            fileobj.seek(0)
            self._zip = zipfile.ZipFile(fileobj)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise PackageRefused(
                "This file is not a challenge package: it is not a readable zip file."
            ) from error
        self._inflated = 0
        self._entries = self._check_entries()
        self.manifest = check_manifest(self._read_json(MANIFEST, "The package's manifest.json"))

    def close(self):
        self._zip.close()

    def _check_entries(self):
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise PackageRefused(
                f"The package holds {len(infos):,} files; at most "
                f"{self.limits.max_entries:,} are allowed."
            )
        entries = {}
        for info in infos:
            name = info.filename
            reason = _unsafe_name_reason(name)
            if reason:
                raise PackageRefused(f"The package file “{name[:120]}” {reason}.")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise PackageRefused(f"The package file “{name[:120]}” is a symbolic link.")
            if info.flag_bits & 0x1:
                raise PackageRefused(f"The package file “{name[:120]}” is encrypted.")
            if name in DIRECTORIES and info.is_dir():
                continue
            if name != MANIFEST and not CHALLENGE_NAME.match(name) and not ASSET_NAME.match(name):
                raise PackageRefused(
                    f"The package holds “{name[:120]}”, which is not a part of a challenge "
                    "package (manifest.json, challenges/<uid>.json or assets/<sha256>.<ext>)."
                )
            if name in entries:
                raise PackageRefused(f"The package holds “{name[:120]}” twice.")
            entries[name] = info
        if MANIFEST not in entries:
            raise PackageRefused("The package has no manifest.json: it is not a challenge package.")
        return entries

    def _read(self, name, cap, what):
        """The bytes of one entry, counted while inflating against every limit."""
        info = self._entries[name]
        limits = self.limits
        chunks = []
        size = 0
        try:
            with self._zip.open(info) as handle:
                while True:
                    chunk = handle.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self._inflated += len(chunk)
                    if self._inflated > limits.max_total_bytes:
                        raise PackageRefused(
                            "The package unpacks to more than "
                            f"{limits.max_total_bytes // 1024:,} KB, more than is allowed."
                        )
                    if size > limits.ratio_grace_bytes and (
                        size > limits.max_ratio * max(info.compress_size, 1)
                        or self._inflated > limits.max_ratio * self.archive_size
                    ):
                        raise PackageRefused(
                            f"{what} unpacks to far more than its packed size (more than "
                            f"{limits.max_ratio} times): it looks like a zip bomb."
                        )
                    if size > cap:
                        raise PackageRefused(
                            f"{what} is larger than the {cap // 1024:,} KB allowed."
                        )
                    chunks.append(chunk)
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            NotImplementedError,
            ValueError,
            zlib.error,  # corrupt deflate data
            lzma.LZMAError,  # corrupt LZMA data
        ) as error:
            raise PackageRefused(f"{what} is damaged and cannot be read ({error}).") from error
        return b"".join(chunks)

    def _read_json(self, name, what):
        return parse_json_bytes(self._read(name, self.limits.max_json_bytes, what), what)

    def challenge_uids(self):
        return sorted(
            CHALLENGE_NAME.match(name).group(1)
            for name in self._entries
            if CHALLENGE_NAME.match(name)
        )

    def read_challenge(self, uid):
        name = f"challenges/{uid}.json"
        if name not in self._entries:
            raise PackageRefused(f"The package lists challenge {uid} but does not hold it.")
        return self._read_json(name, f"The challenge document {uid}.json")

    def has_asset(self, filename):
        return f"assets/{filename}" in self._entries

    def read_asset(self, filename, cap):
        name = f"assets/{filename}"
        if name not in self._entries:
            raise PackageRefused(f"The package names the file {filename} but does not hold it.")
        return self._read(name, cap, f"The file {filename}")
