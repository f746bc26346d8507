"""Translations, ninth batch: the interview as it happens (issue 15): the review before
finishing, word counts. Same care and the same review note as translations_interview.py.
Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("Interview record written", "רשומת הריאיון נכתבה", "كُتب سجلّ المقابلة", "Registo da entrevista escrito",
     "Verbale dell'intervista scritto"),
    ("Interviews  (Enter opens; r: its record; l: lock a completed one)",
     "ריאיונות  (Enter פותח; r: הרשומה שלו; l: נעילת ריאיון שהושלם)",
     "المقابلات  (Enter للفتح؛ r: سجلّها؛ l: قفل مقابلة مكتملة)",
     "Entrevistas  (Enter abre; r: o registo; l: bloqueia uma concluída)",
     "Interviste  (Enter apre; r: il verbale; l: blocca una completata)"),
    ("No interview yet: run one from an informant (Enter or i).",
     "אין עדיין ריאיון: קיימו אחד דרך מרואיין/ת (Enter או i).",
     "لا مقابلة بعد: أجرِ واحدة من خلال مُقابَل (Enter أو i).",
     "Ainda não há entrevistas: faça uma a partir de um informante (Enter ou i).",
     "Ancora nessuna intervista: falla da un informatore (Enter o i)."),
    ("Record", "רשומה", "السجلّ", "Registo", "Verbale"),
    ("the record of one interview (or reflection): every question in order with its answer, flags and the consent, as Markdown, .docx and PDF",
     "הרשומה של ריאיון אחד (או רפלקציה): כל שאלה לפי הסדר עם התשובה, הסימונים וההסכמה, כ־Markdown, כ־.docx וכ־PDF",
     "سجلّ مقابلة واحدة (أو تأمل): كل سؤال بالترتيب مع إجابته وعلاماته والموافقة، بصيغ Markdown و.docx وPDF",
     "o registo de uma entrevista (ou reflexão): cada pergunta por ordem com a resposta, as marcas e o consentimento, em Markdown, .docx e PDF",
     "il verbale di un'intervista (o riflessione): ogni domanda in ordine con la risposta, i segni e il consenso, in Markdown, .docx e PDF"),
    ("the session's id, or its first characters (Markdown exports end their file names with them; in the app, r on a story's interview writes the same record)",
     "המזהה של המפגש, או התווים הראשונים שלו (ייצואי Markdown מסיימים בהם את שמות הקבצים; באפליקציה, r על ריאיון בסיפור כותב את אותה רשומה)",
     "معرّف الجلسة، أو أحرفه الأولى (تنتهي أسماء ملفات تصدير Markdown بها؛ وفي التطبيق، r على مقابلة في قصة يكتب السجلّ نفسه)",
     "o id da sessão, ou os primeiros caracteres (as exportações Markdown terminam o nome dos ficheiros com eles; na aplicação, r numa entrevista de uma história escreve o mesmo registo)",
     "l'id della sessione, o i suoi primi caratteri (le esportazioni Markdown terminano il nome dei file con essi; nell'app, r su un'intervista di una storia scrive lo stesso verbale)"),
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
