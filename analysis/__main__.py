"""`python -m analysis PATH... --out DIR` and `python -m analysis share PATH...`: see analysis.cli."""

from analysis.cli import main

if __name__ == "__main__":  # a store build's worker processes import this module again
    raise SystemExit(main())
