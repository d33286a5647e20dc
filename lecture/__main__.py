"""``python -m lecture``: the lecture builder's command line."""

from .cli import main

raise SystemExit(main())
