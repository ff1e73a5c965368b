"""The `polemos` command, as installed by the Python package: `polemos extract corpus/ -o out`.

It runs the same Rust command line as the standalone binary, so options, output and exit
codes are identical.
"""

from __future__ import annotations

import sys

from polemos import _core


def main() -> None:
    """Runs `polemos` with the process arguments and exits with its exit code."""
    sys.stdout.flush()
    sys.exit(_core.run_cli(sys.argv[1:]))


if __name__ == "__main__":
    main()
