"""`python -m analysis PATH... --out DIR`: see analysis.cli."""

from analysis.cli import main

raise SystemExit(main())
