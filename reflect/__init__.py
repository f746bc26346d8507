"""reflect: guided Learning-from-Success interviews and solo reflection, saved in SQLite.

This package is the core. It never imports Textual (tests/unit/test_layers.py enforces it), so every
rule of the method can be used from the CLI, scripts and tests without a terminal.
"""

__version__ = "0.1.0"
