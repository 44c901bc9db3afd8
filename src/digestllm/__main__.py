"""`python -m digestllm`: the same as the `digestllm` command."""

import sys

from digestllm.cli import main

if __name__ == "__main__":
    sys.exit(main())
