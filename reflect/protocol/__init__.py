"""Protocols as data: the schema and catalog of protocol files, the balance rule and how an
answer reads as text. Pure: no database, so the store can snapshot a protocol."""
