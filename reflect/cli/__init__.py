"""The command line: argument parsing and console output; the work is done by the core."""
