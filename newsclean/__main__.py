"""``python -m newsclean``: the same as the ``newsclean`` command."""

import sys

from newsclean.cli import main

sys.exit(main())
