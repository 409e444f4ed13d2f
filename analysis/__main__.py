"""``python -m analysis`` runs the ``newsdesk`` command line."""

from analysis.cli import main

raise SystemExit(main())
