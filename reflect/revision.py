"""The schema revision this version of reflect writes, apart from the store so that it can be
read without importing SQLAlchemy (reflect.method.glance)."""

HEAD = "0023"
"""The newest revision in reflect/store/migrations/versions (a test checks that they agree)."""
