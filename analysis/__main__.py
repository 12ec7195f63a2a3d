"""`python -m analysis PATH... --out DIR` and `python -m analysis share PATH...`: see analysis.cli."""

from analysis.cli import main

raise SystemExit(main())
