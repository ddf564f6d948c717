"""How fast template safety works: inspecting a .docx package on every load, and stopping runaway templates.

    python benchmarks/bench_templates.py [--repeat 20]

- inspection: ``inspect_package`` on the built-in templates/answer.docx, ``--repeat`` times; the mean per
  load (it runs every time a template is loaded, so it should stay in the tens of milliseconds);
- runaways: each template of the sandbox tests that would run away (huge ranges, recursion, string and
  list blow-ups) rendered in the drafting environment, and the time until the sandbox refuses it (a few
  seconds at most is what a lawyer can wait for).

The tests check that each runaway is refused; how long that takes is measured here, not asserted there
(a test must not fail because the machine is busy).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path[1:1] = [str(ROOT / "tests"), str(ROOT / "tests" / "templates")]

from test_sandbox import RUNAWAYS  # noqa: E402

from toolkit.render.environment import environment  # noqa: E402
from toolkit.render.package import inspect_package  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    source = (ROOT / "templates" / "answer.docx").read_bytes()
    start = time.perf_counter()
    for _ in range(args.repeat):
        inspect_package(source, "answer.docx")
    per_load = (time.perf_counter() - start) / args.repeat
    print(f"inspect_package(templates/answer.docx): {per_load * 1000:.1f} ms per load ({args.repeat} runs)")

    print("runaway templates, time until refused:")
    for name, attack in RUNAWAYS.items():
        start = time.perf_counter()
        try:
            environment().from_string(attack).render()
            outcome = "NOT REFUSED"
        except Exception as exc:  # the sandbox's refusal, whatever its class
            outcome = type(exc).__name__
        print(f"  {name:<18} {time.perf_counter() - start:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
