"""`python -m tui`: the terminal client."""

import sys

from tui.launcher import main

sys.exit(main())
