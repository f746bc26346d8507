"""Translations: the session screen while it reads the session (issue 30, point 2). Same care
and the same review note as translations_interview.py. Each row: English, Hebrew, Arabic,
Portuguese, Italian."""

ROWS = [
    ("Opening…", "פותח…", "جارٍ الفتح…", "A abrir…", "Apertura…"),
]
