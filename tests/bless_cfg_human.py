"""Record rustc's human-readable check-cfg output for `tests/data/cfg/human/*.rs`:

    python -m tests.bless_cfg_human

Each case is compiled as `rustc --crate-type lib --emit metadata --check-cfg SPEC`
(SPEC: `CHECK_CFG` below) from that folder, and rustc's stderr is kept beside it as
`NAME.stderr`. `tests/test_cfg_human.py` compares `rust-ast check-cfg`'s output with
these recordings; only this script needs rustc.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CASES = Path(__file__).parent / "data" / "cfg" / "human"
CHECK_CFG = 'cfg(feature, values("simd", "std"))'


def main() -> int:
    if shutil.which("rustc") is None:
        print("rustc is not on PATH", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as out:  # also where rustc runs: a crash writes rustc-ice-*.txt there
        for case in sorted(CASES.glob("*.rs")):
            shutil.copy(case, out)
            proc = subprocess.run(["rustc", "--crate-type", "lib", "--emit", "metadata", "--out-dir", out,
                                   "--check-cfg", CHECK_CFG, case.name], cwd=out, capture_output=True, text=True)
            case.with_suffix(".stderr").write_text(proc.stderr)
            print(f"{case.name}: {proc.stderr.count(chr(10) + chr(10))} blocks", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
