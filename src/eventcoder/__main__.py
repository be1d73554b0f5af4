"""``python -m eventcoder``: the same command line as ``eventcoder``."""

from eventcoder.cli import main

if __name__ == "__main__":
    main()
