"""Quick fixes parse a Cargo.toml once per content, not once per code-action request
(tomlkit takes seconds on a large file)."""

from __future__ import annotations

from pathlib import Path

from server.features.check_cfg import _Manifests


def test_a_manifest_is_parsed_once_per_content(tmp_path: Path) -> None:
    manifest = tmp_path / "Cargo.toml"
    manifest.write_text('[package]\nname = "x"\nversion = "0.1.0"\n')
    first = _Manifests().get(manifest)
    assert first is not None
    assert _Manifests().get(manifest) is first  # a later request: the same parse
    manifest.write_text('[package]\nname = "y"\nversion = "0.1.0"\n')
    changed = _Manifests().get(manifest)
    assert changed is not None and changed is not first and changed[0].text.count('"y"') == 1


def test_a_manifest_that_is_no_toml_is_none(tmp_path: Path) -> None:
    manifest = tmp_path / "Cargo.toml"
    manifest.write_text("[package\n")
    assert _Manifests().get(manifest) is None
