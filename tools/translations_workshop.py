"""Translations: the principles workshop at 80x24 (issue 33), one informant at a time. Each
row: English, Hebrew, Arabic, Portuguese, Italian. "Next informant" is a footer label: short in
Portuguese and Italian, where the footer has the least room."""

ROWS = [
    ("Next informant", "המרואיין/ת הבא/ה", "الشخص التالي", "Seguinte", "Successivo"),
    ("{position}/{count}", "{position}/{count}", "{position}/{count}", "{position}/{count}",
     "{position}/{count}"),
    ("Fill in the parts; the sentence appears here.",
     "מלאו את החלקים; המשפט יופיע כאן.",
     "املأ الأجزاء؛ تظهر الجملة هنا.",
     "Preencha as partes; a frase aparece aqui.",
     "Compila le parti; la frase compare qui."),
]
