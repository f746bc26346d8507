"""The one exception type the UI and CLI show to users as a plain message."""


class ReflectError(Exception):
    """A problem the user can act on; its text says what is wrong and what to do."""
