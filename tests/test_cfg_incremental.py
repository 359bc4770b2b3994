"""The check-cfg pass per `Document` unit (what the server runs on each keystroke):
on every recorded case it agrees with the whole-file pass (what the CLI runs), and
after random edit sequences its cached, shifted unit results agree with scanning the
document's current units afresh (broken code between edits included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ast_core.targets import target_cfg
from ast_core.document import Document, DocumentConfig
from ast_core.lower import lower_file
from ast_core.cfg.report import document_report, document_scans, file_report
from ast_core.cfg.scan import scan_file
from ast_core.cfg.session import SessionSpec, build_session
from tests.test_cfg_cases import CASE_FILES, case_session

SESSION = build_session(SessionSpec((("cfg(known)", "test"), ('cfg(feature, values("std"))', "test"))))
TEXT = b"""#![cfg_attr(unix, allow(dead_code))]
#[cfg(knwon)] pub fn a() {}
pub mod m {
    #![cfg_attr(all(), deny(unexpected_cfgs))]
    #[cfg(feature = "stdd")] pub fn b() -> bool { cfg!(unix) }
}
#[cfg(any())] pub fn c() { #[cfg(never_seen)] let _x = 1; }
macro_rules! mac { () => { #[cfg(in_macro)] pub fn d() {} } }
mac!();
pub fn e() { println!("{}", cfg!(target_os = "linuz")); }
"""


def whole_file(src: bytes, session=SESSION):
    items, inner = lower_file(src, 2021)
    return file_report([scan_file(src, inner, items, session)], session, src)


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: p.stem)
def test_units_agree_with_the_whole_file(case: Path) -> None:
    src = case.read_bytes()
    session = build_session(case_session(src.decode()))
    doc = Document(src, DocumentConfig(2021, target_cfg(), None))
    assert document_report(doc, session) == whole_file(src, session)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 4),
                          st.sampled_from([b"", b" ", b"x", b"\n", b"#[cfg(zz)] ", b"fn f() {}", b"}", b"{",
                                           b"cfg!(yy)", b'feature = "std"', b"#![cfg(any())]"])),
                max_size=8))
def test_edits_rescan_only_what_changed_and_agree(edits: list[tuple[int, int, bytes]]) -> None:
    doc = Document(TEXT, DocumentConfig(2021, target_cfg(), None))
    document_report(doc, SESSION)
    for start, length, text in edits:
        start = min(start, len(doc.src))
        doc.edit(start, min(len(doc.src), start + length), text)
        cached = document_report(doc, SESSION)
        units = [doc.materialize(i) for i in range(len(doc.units))]
        scans = [scan_file(doc.src, unit.inner_attrs, unit.items, SESSION) for unit in units]
        assert cached == file_report(scans, SESSION, doc.src)


# A macro call large enough to be replayed (`scan._REPLAY_MIN_BYTES`), with a cfg site of
# each kind read in tokens, nested calls and `mod` declarations.
BIG_CALL = b"""big! {
    #[cfg(knwon)] fn a() {}
    #[cfg(unix)] #[path = "p.rs"] mod kept;
    #[cfg(not(unix))] mod gone;
    mod inline { mod inner; }
    fn b() { if cfg!(target_os = "linuz") { let _v = vec![1, 2, 3]; } }
    cfg_select! { unix => { fn c() {} } _ => { #[cfg(zzz)] fn d() {} } }
    inner! { #[cfg_attr(feature = "stdd", allow(dead_code))] struct S; }
    cfg_if! { if #[cfg(feature = "std")] { fn e() {} } else { #[cfg(qqq)] fn f() {} } }
    // padding, so that the call is large: .........................................
}"""
BIG_TEXT = b"".join([
    b"fn one() { ", BIG_CALL, b" }\n",
    b"#[cfg(not(unix))] fn two() { ", BIG_CALL, b" }\n",
    b"#[allow(unexpected_cfgs)] mod three { ", BIG_CALL, b"\n fn four() { ", BIG_CALL, b" } }\n",
    BIG_CALL, b"\n",
])


def _scan_fields(scan) -> tuple:
    return (scan.findings, scan.inactive, scan.located_sites(), scan.mods, scan.invoked, scan.drops, scan.levels,
            scan.removed, scan.templates, scan.calls)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(BIG_TEXT)), st.integers(0, 3),
                          st.sampled_from([b"", b" ", b"x", b"\n", b"#[cfg(zz)] ", b"fn f() {}", b"}", b"{",
                                           b"cfg!(yy)", b"mod m;", b"#[allow(unexpected_cfgs)] "])),
                min_size=1, max_size=6))
def test_replayed_macro_arguments_agree_with_reading_them(edits: list[tuple[int, int, bytes]]) -> None:
    """A large macro call met again (the same text, state and session) replays what
    reading it recorded, moved: the same scans as reading every call afresh."""
    from ast_core.cfg import scan as scan_module

    assert len(BIG_CALL) >= scan_module._REPLAY_MIN_BYTES
    doc = Document(BIG_TEXT, DocumentConfig(2021, target_cfg(), None))
    document_report(doc, SESSION)
    for start, length, text in edits:
        start = min(start, len(doc.src))
        doc.edit(start, min(len(doc.src), start + length), text)
        cached = document_scans(doc, SESSION)
        units = [doc.materialize(i) for i in range(len(doc.units))]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(scan_module, "_ARGUMENT_SCANS", scan_module._ArgumentScans(0))  # keeps nothing
            fresh = [scan_file(doc.src, unit.inner_attrs, unit.items, SESSION) for unit in units]
        assert [_scan_fields(scan) for scan in cached] == [_scan_fields(scan) for scan in fresh]
