"""The demo library's challenges, shipped as an interchange package (library.zip beside this).

`load_demo` imports it through the importer; `demo_challenges()` gives its documents to anything
else that wants realistic content (the benchmark's generated library).
"""

from pathlib import Path

from challenges.interchange.package import ZipPackage

PACKAGE_PATH = Path(__file__).parent / "library.zip"


def open_demo_package():
    """The demo package, opened for reading (close it with `.close()` and the file)."""
    handle = open(PACKAGE_PATH, "rb")  # noqa: SIM115 (the package reads from it lazily)
    return handle, ZipPackage(handle)


def demo_challenges():
    """Every challenge document of the demo package, in the package's order."""
    handle, package = open_demo_package()
    with handle:
        return [package.read_challenge(uid) for uid in package.challenge_uids()]
