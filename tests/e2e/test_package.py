"""What the packaged extension (editors/vscode/rust-ast.vsix, from scripts/e2e_setup.sh)
carries besides the code: the licence texts of the repository, a 128x128 PNG icon, the
changelog, the repository link, and the declared settings and views that the extension
manifest promises."""

from __future__ import annotations

import json
import struct
import zipfile

from .helpers import ROOT, missing
from .test_vscode import VSIX


def vsix() -> zipfile.ZipFile:
    if not VSIX.exists():
        missing(f"{VSIX} is missing: run scripts/e2e_setup.sh (npm run package in editors/vscode)")
    return zipfile.ZipFile(VSIX)


def test_vsix_carries_licence_icon_changelog_and_repository() -> None:
    with vsix() as package:
        names = set(package.namelist())
        manifest = package.read("extension.vsixmanifest").decode()
        licence = package.read("extension/LICENSE.txt").decode()
        icon = package.read("extension/icon.png")
        changelog = package.read("extension/changelog.md").decode()
        package_json = json.loads(package.read("extension/package.json"))
    assert {"extension/dist/extension.js", "extension/readme.md"} <= names, names
    # Both licences of "MIT OR Apache-2.0", word for word as at the repository's root.
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        assert (ROOT / name).read_text() in licence, name
    assert package_json["license"] == "MIT OR Apache-2.0"
    assert "<License>extension/LICENSE.txt</License>" in manifest
    assert icon[:8] == b"\x89PNG\r\n\x1a\n" and icon[12:16] == b"IHDR"
    assert struct.unpack(">II", icon[16:24]) == (128, 128)
    assert "<Icon>extension/icon.png</Icon>" in manifest
    assert changelog.startswith("# Changelog") and f"## {package_json['version']}" in changelog
    assert package_json["repository"]["url"].startswith("https://")
    # The packaged manifest is the checked-in one (the VSIX is not stale).
    assert package_json["contributes"] == json.loads((ROOT / "editors" / "vscode" / "package.json").read_text())[
        "contributes"]
