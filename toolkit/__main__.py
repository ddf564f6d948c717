"""``python -m toolkit`` runs the ``draft`` command."""

from toolkit.cli import main

raise SystemExit(main())
