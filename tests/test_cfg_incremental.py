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
from ast_core.cfg.report import document_report, file_report
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
