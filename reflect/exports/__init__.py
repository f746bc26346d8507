"""Exports read only from the database (through the store) and write files for people."""
