import sys

from tieout.linter.cli import main

sys.exit(main())
