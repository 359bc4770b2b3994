"""Differential tests of autodiff expansion against rustc 1.95's recorded output.

Each `tests/data/autodiff/NAME.rs` has, recorded by `python -m tests.bless_autodiff`,
what `rustc -Zunpretty=expanded` printed (`NAME.expanded`) and its diagnostics
(`NAME.rustc.json`). An attribute is *valid* when rustc attaches no diagnostic to it
(no span of a diagnostic touches the attribute or its item) and the file did not
crash rustc; otherwise *invalid*. Then:

- valid: our `text` is rustc's printed annotated item followed by its generated fn,
  token for token (whitespace and comments aside);
- invalid: our diagnostics are exactly rustc's for that attribute (message, level and
  primary span), plus, where rustc panicked, our crash report;
- every file: our whole expanded crate equals rustc's (header aside), token for token,
  and our diagnostics over the file are rustc's.

`python -m tests.test_autodiff` prints the two percentages.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.passes.autodiff import AutodiffExpansion, autodiff_expansions, expanded_crate
from ast_core.tokens import tokenize
from tests.bless_autodiff import CASES
from tests.bless_rustc import case_edition

CASE_FILES = sorted(CASES.glob("*.rs"))
CRASH = "rustc 1.95 crashes on this attribute"


def rust_tokens(text: str) -> list[str]:
    """The tokens of Rust text, doc comments included, other comments and whitespace not."""
    data = text.encode()
    return [t.text.rstrip() if t.kind == "doc" else t.text for t in tokenize(data, keep_docs=True)]


def strip_header(tokens: list[str]) -> list[str]:
    """rustc's expanded output without the prelude header it injects."""
    out = list(tokens)
    for seq in (["#", "!", "[", "feature", "(", "prelude_import", ")", "]"], ["#", "!", "[", "no_std", "]"],
                ["extern", "crate", "std", ";"], ["#", "[", "prelude_import", "]"]):
        at = _find(out, seq)
        if at is not None:
            del out[at:at + len(seq)]
    at = _find(out, ["prelude", "::"])
    if at is not None:
        start = max(i for i in range(at) if out[i] == "use")
        end = out.index(";", at)
        del out[start:end + 1]
    return out


def _find(hay: list[str], needle: list[str], start: int = 0) -> int | None:
    n = len(needle)
    for i in range(start, len(hay) - n + 1):
        if hay[i:i + n] == needle:
            return i
    return None


@dataclass
class Case:
    path: Path
    doc: Document
    expansions: list[AutodiffExpansion]
    rustc: dict
    expanded: str | None

    def rustc_span(self, exp: AutodiffExpansion) -> tuple[list[int], list[int]]:
        return self.doc.index.rustc_span(exp.span), self.doc.index.rustc_span(exp.item_span)

    def attributed(self, exp: AutodiffExpansion) -> list[dict]:
        """rustc's errors that belong to this attribute: their primary span touches the
        attribute or its item; a name clash (E0428) also belongs to the attribute whose
        generated fn it names as the previous definition of a later item (E0255 for
        an import)."""
        attr, item = self.doc.index.rustc_span(exp.span), self.doc.index.rustc_span(exp.item_span)
        attrs = [self.doc.index.rustc_span(e.span) for e in self.expansions]
        out = []
        for d in self.rustc["diagnostics"]:
            if d["level"] != "error":
                continue
            on_an_attribute = any(_overlaps(d["span"], a) for a in attrs)
            own = _overlaps(d["span"], attr) or (_overlaps(d["span"], item) and not on_an_attribute)
            if own or (d["code"] in ("E0428", "E0255") and attr in d["spans"] and not on_an_attribute):
                out.append(d)
        return out

    def valid(self, exp: AutodiffExpansion) -> bool:
        return not self.rustc["ice"] and not self.attributed(exp)


def _overlaps(a: list[int], b: list[int]) -> bool:
    return (a[0], a[1]) < (b[2], b[3]) and (b[0], b[1]) < (a[2], a[3]) or a == b


@cache
def load(name: str) -> Case:
    path = CASES / f"{name}.rs"
    doc = Document(path.read_bytes(), DocumentConfig(int(case_edition(path)), target_cfg(), path))
    record = path.with_suffix(".rustc.json")
    if not record.exists():
        pytest.fail(f"{path.name} has no recording: run `python -m tests.bless_autodiff {name}`")
    expanded = path.with_suffix(".expanded")
    return Case(path, doc, autodiff_expansions(doc), json.loads(record.read_text()),
                expanded.read_text() if expanded.exists() else None)


def ours(case: Case, exp: AutodiffExpansion) -> list[tuple[str, list[int]]]:
    return sorted((d.message, case.doc.index.rustc_span(d.span)) for d in exp.diagnostics
                  if not d.message.startswith(CRASH))


def theirs(diags: list[dict]) -> list[tuple[str, list[int]]]:
    return sorted((d["message"], d["span"]) for d in diags)


def check_valid(case: Case, exp: AutodiffExpansion) -> str | None:
    """None when our text is rustc's, else what differs."""
    if exp.text is None:
        return f"no text; diagnostics {[d.message for d in exp.diagnostics]}"
    rustc = strip_header(rust_tokens(case.expanded or ""))
    source, generated = rust_tokens(exp.source_text or ""), rust_tokens(exp.generated_text or "")
    at = _find(rustc, source)
    if at is None:
        return f"annotated item not in rustc's output:\n{exp.source_text}"
    if _find(rustc, generated, at + len(source)) is None:
        return f"generated fn not in rustc's output after the item:\n{exp.generated_text}"
    if rust_tokens(exp.text) != source + generated:
        return "text is not the item followed by the generated fn"
    return None


def check_invalid(case: Case, exp: AutodiffExpansion) -> str | None:
    if exp.text is not None:
        return "text given although rustc reports errors"
    want, got = theirs(case.attributed(exp)), ours(case, exp)
    if case.rustc["ice"]:
        # rustc stops at the panic; what it reported before it, we report too
        if not any(d.message.startswith(CRASH) for d in exp.diagnostics):
            return "no crash report although rustc panics"
        want = theirs(case.rustc["diagnostics"])
    if got != want:
        return f"diagnostics differ:\n  rustc {want}\n  ours  {got}"
    return None


@pytest.mark.parametrize("name", [p.stem for p in CASE_FILES])
def test_attributes(name: str) -> None:
    case = load(name)
    failures = []
    for exp in case.expansions:
        problem = check_valid(case, exp) if case.valid(exp) else check_invalid(case, exp)
        if problem:
            where = case.doc.index.rustc_span(exp.span)
            failures.append(f"{exp.source} -> {exp.generated} at {where}: {problem}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", [p.stem for p in CASE_FILES])
def test_file_diagnostics(name: str) -> None:
    """Over a file, our diagnostics are rustc's errors (a crash stops rustc: then the
    crash report stands for everything after it)."""
    case = load(name)
    got = {(d.message, tuple(case.doc.index.rustc_span(d.span)))
           for e in case.expansions for d in e.diagnostics if not d.message.startswith(CRASH)}
    want = {(d["message"], tuple(d["span"])) for d in case.rustc["diagnostics"] if d["level"] == "error"}
    assert got == want
    assert case.rustc["ice"] == any(d.message.startswith(CRASH) for e in case.expansions for d in e.diagnostics)


@pytest.mark.parametrize("name", [p.stem for p in CASE_FILES if p.with_suffix(".expanded").exists()])
def test_expanded_crate(name: str) -> None:
    """The whole file as `-Zunpretty=expanded` prints it, token for token."""
    case = load(name)
    ours_tokens = rust_tokens(expanded_crate(case.doc))
    rustc_tokens = strip_header(rust_tokens(case.expanded or ""))
    assert ours_tokens == rustc_tokens


def report() -> dict[str, float | int]:
    valid = valid_ok = invalid = invalid_ok = 0
    for path in CASE_FILES:
        case = load(path.stem)
        for exp in case.expansions:
            if case.valid(exp):
                valid += 1
                valid_ok += check_valid(case, exp) is None
            else:
                invalid += 1
                invalid_ok += check_invalid(case, exp) is None
    return {"valid": valid, "valid_identical_pct": round(100 * valid_ok / max(1, valid), 2),
            "invalid": invalid, "invalid_matching_pct": round(100 * invalid_ok / max(1, invalid), 2)}


def test_report() -> None:
    """At least 80 valid and 25 invalid attributes, all of them right."""
    numbers = report()
    assert numbers["valid"] >= 80 and numbers["invalid"] >= 25, numbers
    assert numbers["valid_identical_pct"] == 100 and numbers["invalid_matching_pct"] == 100, numbers


if __name__ == "__main__":
    print(json.dumps(report(), indent=1))
    sys.exit(0)
