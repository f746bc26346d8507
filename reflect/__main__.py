import sys

from reflect.cli.main import main

sys.exit(main())
