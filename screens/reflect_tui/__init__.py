"""The Textual UI of reflect. Screens hold no SQL and no method rules: they ask `reflect`."""
