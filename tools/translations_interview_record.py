"""Translations, ninth batch: the interview as it happens (issue 15): the review before
finishing, word counts. Same care and the same review note as translations_interview.py.
Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("(review {date})", "(מעקב {date})", "(مراجعة {date})", "(revisão {date})", "(verifica {date})"),
    ("{value} of {max}", "{value} מתוך {max}", "{value} من {max}", "{value} de {max}", "{value} su {max}"),
    ("Answer", "תשובה", "الإجابة", "Resposta", "Risposta"),
    ("Flags", "סימונים", "العلامات", "Marcas", "Segni"),
    ("Words", "מילים", "كلمات", "Palavras", "Parole"),
    ("not answered", "לא נענתה", "بلا إجابة", "sem resposta", "senza risposta"),
    ("{answered} of {total} answered, {skipped} skipped; {words} words. Enter opens a question; "
     "F10 finishes.",
     "{answered} מתוך {total} נענו, {skipped} דולגו; {words} מילים. Enter פותח שאלה; F10 מסיים.",
     "أُجيب عن {answered} من {total}، وتُخطّي {skipped}؛ {words} كلمة. Enter يفتح سؤالًا؛ F10 "
     "يُنهي.",
     "{answered} de {total} respondidas, {skipped} saltadas; {words} palavras. Enter abre uma "
     "pergunta; F10 termina.",
     "{answered} su {total} con risposta, {skipped} saltate; {words} parole. Enter apre una "
     "domanda; F10 conclude."),
]

WORDS = ("{count} word", "{count} words")

PLURALS = {
    "he": {WORDS: ("מילה אחת", "שתי מילים", "{count} מילים")},
    "ar": {WORDS: ("لا كلمات", "كلمة واحدة", "كلمتان", "{count} كلمات", "{count} كلمة",
                   "{count} كلمة")},
    "pt": {WORDS: ("{count} palavra", "{count} palavras", "{count} palavras")},
    "it": {WORDS: ("{count} parola", "{count} parole", "{count} parole")},
}

TRANSLATIONS = {language: {row[0]: row[index] for row in ROWS} | PLURALS[language]
                for index, language in enumerate(("he", "ar", "pt", "it"), start=1)}
