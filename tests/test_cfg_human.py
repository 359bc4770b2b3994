"""`rust-ast check-cfg`'s human output against rustc 1.95's, recorded by
`tests/bless_cfg_human.py`: each diagnostic block (inline `help:` labels, labels
below the marks, `-`/`+` diffs, `+` under insertions) and the closing line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.bless_cfg_human import CASES, CHECK_CFG


def blocks(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if block.strip()]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.glob("*.rs")))
def test_human_output_is_rustcs(case: str) -> None:
    out = subprocess.run([sys.executable, "-m", "server", "check-cfg", case, "--check-cfg", CHECK_CFG],
                         cwd=CASES, capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr
    rustc = blocks((CASES / case).with_suffix(".stderr").read_text())
    ours = blocks(out.stdout)
    summary = ours.pop()
    assert ours and all(block in rustc for block in ours), "\n\n".join(b for b in ours if b not in rustc)
    # every lint rustc reports is ours; rustc's other errors (feature gates) are not check-cfg's
    assert [b for b in rustc if "unexpected `cfg`" in b] == [b for b in ours if "unexpected `cfg`" in b]
    if "aborting" not in summary:
        assert summary in rustc
