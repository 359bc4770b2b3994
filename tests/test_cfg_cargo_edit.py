"""`ast_core.cfg.cargo_edit`: Cargo.toml quick fixes as minimal byte-offset edits."""

from __future__ import annotations

import pytest

from ast_core.cfg.cargo import CargoPackage, read_manifest
from ast_core.cfg.cargo_edit import CargoToml, TextEdit, add_check_cfg, add_feature, minimal_edits


def apply(text: str, edits: list[TextEdit]) -> str:
    data = text.encode()
    for lo, hi, replacement in sorted(edits, reverse=True):
        data = data[:lo] + replacement.encode() + data[hi:]
    return data.decode()


def check_cfgs(text: str) -> tuple[str, ...]:
    pkg = read_manifest(text)
    assert isinstance(pkg, CargoPackage), pkg
    return pkg.lint.check_cfg


@pytest.mark.parametrize("before,after", [
    ('[package]\nname = "é"\n',
     '[package]\nname = "é"\n\n[lints.rust]\n'
     "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(foo)'] }\n"),
    ('[package]\nname = "x"\n\n[lints.rust]\nunsafe_code = "forbid"\n',
     '[package]\nname = "x"\n\n[lints.rust]\nunsafe_code = "forbid"\n'
     "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(foo)'] }\n"),
    ('[package]\nname = "x"\n[lints.rust]\nunexpected_cfgs = "deny"\n',
     '[package]\nname = "x"\n[lints.rust]\n'
     "unexpected_cfgs = { level = \"deny\", check-cfg = ['cfg(foo)'] }\n"),
    ("[package]\nname = \"x\"\n[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(a)'] }\n",
     "[package]\nname = \"x\"\n[lints.rust]\n"
     "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(a)', 'cfg(foo)'] }\n"),
    ('[package]\nname = "x"\n[lints.rust]\nunexpected_cfgs = { level = "warn" }\n',
     "[package]\nname = \"x\"\n[lints.rust]\nunexpected_cfgs = { level = \"warn\", "
     "check-cfg = ['cfg(foo)'] }\n"),
    ("[package]\nname = \"x\"\n\n[lints.rust.unexpected_cfgs]\nlevel = \"warn\"\n"
     "check-cfg = [\n  'cfg(a)',  # keep me\n]\n",
     "[package]\nname = \"x\"\n\n[lints.rust.unexpected_cfgs]\nlevel = \"warn\"\n"
     "check-cfg = [\n  'cfg(a)',  # keep me\n  'cfg(foo)',\n]\n"),
])
def test_add_check_cfg(before: str, after: str) -> None:
    edits = add_check_cfg(before, "cfg(foo)")
    assert apply(before, edits) == after
    assert check_cfgs(after)[-1] == "cfg(foo)"


def test_edits_are_minimal_byte_ranges() -> None:
    text = "[package]\nname = \"é\"\n[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(a)'] }\n"
    [(lo, hi, replacement)] = add_check_cfg(text, "cfg(b)")
    assert lo == hi == text.encode().index(b"] }")
    assert replacement == ", 'cfg(b)'"


def test_add_check_cfg_quotes_and_dedupes() -> None:
    text = '[package]\nname = "x"\n'
    quoted = apply(text, add_check_cfg(text, "cfg(it, values(\"it's\"))"))
    assert check_cfgs(quoted) == ("cfg(it, values(\"it's\"))",)
    assert add_check_cfg(quoted, "cfg(it, values(\"it's\"))") == []


def test_add_check_cfg_to_workspace_root() -> None:
    root = '[workspace]\nmembers = ["m"]\n'
    after = apply(root, add_check_cfg(root, "cfg(ws)", workspace=True))
    assert after == ('[workspace]\nmembers = ["m"]\n\n[workspace.lints.rust]\n'
                     "unexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(ws)'] }\n")
    member = '[package]\nname = "m"\n[lints]\nworkspace = true\n'
    pkg = read_manifest(member, workspace=after)
    assert isinstance(pkg, CargoPackage) and pkg.lint.check_cfg == ("cfg(ws)",)


@pytest.mark.parametrize("before,after", [
    ('[package]\nname = "x"\n', '[package]\nname = "x"\n\n[features]\nstd = []\n'),
    ('[features]\ndefault = ["a"]  # note\na = []\n\n[dependencies]\n',
     '[features]\ndefault = ["a"]  # note\na = []\nstd = []\n\n[dependencies]\n'),
])
def test_add_feature(before: str, after: str) -> None:
    assert apply(before, add_feature(before, "std")) == after
    assert add_feature(after, "std") == []


def test_minimal_edits() -> None:
    assert minimal_edits("abc", "abc") == []
    assert minimal_edits("aXc", "aYYc") == [(1, 2, "YY")]
    assert minimal_edits("é-a", "é-ba") == [(3, 3, "b")]


def test_one_parse_serves_several_edits() -> None:
    text = "[package]\nname = \"x\"\n[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(a)'] }\n"
    toml = CargoToml(text)
    for _ in range(2):  # each edit starts from the text as it is, not from the last edit
        assert toml.add_check_cfg("cfg(b)") == add_check_cfg(text, "cfg(b)")
        assert toml.add_feature("std") == add_feature(text, "std")
    assert toml.add_check_cfg("cfg(a)") == []
    with pytest.raises(ValueError):
        CargoToml("[package\n")


@pytest.mark.parametrize("text", ['[package]\nname = "x"\n', '[package]\nname = "x"\n\n[features]\n'])
def test_appending_edits_stay_before_the_final_newline(text: str) -> None:
    """An edit at the very end of the file makes Neovim leave an empty last line."""
    for edits in (add_check_cfg(text, "cfg(foo)"), add_feature(text, "std")):
        [(lo, hi, _)] = edits
        assert lo == hi == len(text.encode()) - 1
        assert not apply(text, edits).endswith("\n\n")


def test_crlf_files_keep_crlf() -> None:
    text = '[package]\r\nname = "x"\r\n'
    for edits in (add_check_cfg(text, "cfg(foo)"), add_feature(text, "std")):
        after = apply(text, edits)
        assert after.count("\n") == after.count("\r\n") and not after.endswith("\r\n\r\n")
        assert edits[0][0] == len(text) - 2  # before the final `\r\n`, not inside it
