"""Translations, tenth batch: the interview as it happens (issue 15): the recording, time
codes, interviewer notes, everyone present. Same care and the same review note as
translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("{label}: {people}", "{label}: {people}", "{label}: {people}", "{label}: {people}",
     "{label}: {people}"),
    ("F2 note · F3 time code · F4 recording", "F2 הערה · F3 קוד זמן · F4 הקלטה",
     "F2 ملاحظة · F3 رمز الوقت · F4 التسجيل", "F2 nota · F3 código de tempo · F4 gravação",
     "F2 nota · F3 codice temporale · F4 registrazione"),
    ("'{role}' is not a role at an interview; use one of {roles}",
     "'{role}' אינו תפקיד בריאיון; השתמשו באחד מאלה: {roles}",
     "'{role}' ليس دورًا في مقابلة؛ استخدم أحد هذه: {roles}",
     "'{role}' não é um papel numa entrevista; use um de {roles}",
     "'{role}' non è un ruolo in un'intervista; usa uno di {roles}"),
    ("'{typed}' is not a time: type what the recorder shows, as 12:31 or 1:02:03.",
     "'{typed}' אינו זמן: הקלידו את מה שמראה המקליט, כמו 12:31 או 1:02:03.",
     "'{typed}' ليس وقتًا: اكتب ما يعرضه المسجّل، مثل 12:31 أو 1:02:03.",
     "'{typed}' não é uma hora: escreva o que o gravador mostra, como 12:31 ou 1:02:03.",
     "'{typed}' non è un tempo: scrivi ciò che mostra il registratore, come 12:31 o 1:02:03."),
    ("Also present", "נוכחים נוספים", "حاضرون آخرون", "Também presentes", "Presenti anche"),
    ("Also present (co-interviewers, observers, interpreters)",
     "נוכחים נוספים (מראיינים שותפים, צופים, מתורגמנים)",
     "حاضرون آخرون (مُحاورون مشاركون، مراقبون، مترجمون)",
     "Também presentes (co-entrevistadores, observadores, intérpretes)",
     "Presenti anche (co-intervistatori, osservatori, interpreti)"),
    ("Interviewer's note", "הערת המראיין/ת", "ملاحظة المُحاوِر", "Nota do entrevistador",
     "Nota dell'intervistatore"),
    ("Note", "הערה", "ملاحظة", "Nota", "Nota"),
    ("Note kept (yours, apart from the answer).", "ההערה נשמרה (שלך, בנפרד מהתשובה).",
     "حُفظت الملاحظة (ملاحظتك، منفصلة عن الإجابة).",
     "Nota guardada (sua, à parte da resposta).",
     "Nota salvata (tua, separata dalla risposta)."),
    ("Recording", "הקלטה", "التسجيل", "Gravação", "Registrazione"),
    ("Remove last", "הסרת האחרון", "إزالة الأخير", "Remover o último", "Togli l'ultimo"),
    ("The recording started", "ההקלטה התחילה", "بدأ التسجيل", "A gravação começou",
     "La registrazione è iniziata"),
    ("Time", "זמן", "الوقت", "Tempo", "Tempo"),
    ("Time code", "קוד זמן", "رمز الوقت", "Código de tempo", "Codice temporale"),
    ("Time codes", "קודי זמן", "رموز الوقت", "Códigos de tempo", "Codici temporali"),
    ("Time codes now count from the recording.", "קודי הזמן נספרים עכשיו מתחילת ההקלטה.",
     "تُحسب رموز الوقت الآن من بداية التسجيل.",
     "Os códigos de tempo contam agora a partir da gravação.",
     "I codici temporali ora contano dalla registrazione."),
    ("Type the name of the person present, then Add.",
     "הקלידו את שם האדם הנוכח, ואז הוספה.", "اكتب اسم الشخص الحاضر، ثم إضافة.",
     "Escreva o nome da pessoa presente e depois Adicionar.",
     "Scrivi il nome della persona presente, poi Aggiungi."),
    ("Type the note, or press Esc.", "הקלידו את ההערה, או הקישו Esc.",
     "اكتب الملاحظة، أو اضغط Esc.", "Escreva a nota, ou prima Esc.",
     "Scrivi la nota, o premi Esc."),
    ("Type the recorder's time, or 0.", "הקלידו את הזמן שבמקליט, או 0.",
     "اكتب وقت المسجّل، أو 0.", "Escreva a hora do gravador, ou 0.",
     "Scrivi il tempo del registratore, o 0."),
    ("What does the recorder show now? Press Enter on 0 if it has just started; type its time "
     "(12:31 or 1:02:03) if it started earlier.",
     "מה מראה המקליט עכשיו? הקישו Enter על 0 אם הוא התחיל זה עתה; הקלידו את הזמן שלו (12:31 או "
     "1:02:03) אם התחיל קודם.",
     "ماذا يعرض المسجّل الآن؟ اضغط Enter على 0 إن كان قد بدأ للتو؛ اكتب وقته (12:31 أو 1:02:03) "
     "إن بدأ قبل ذلك.",
     "O que mostra agora o gravador? Prima Enter em 0 se acabou de começar; escreva a hora dele "
     "(12:31 ou 1:02:03) se começou antes.",
     "Che cosa mostra ora il registratore? Premi Invio su 0 se è appena partito; scrivi il suo "
     "tempo (12:31 o 1:02:03) se è partito prima."),
    ("What you observed (a silence, tears, someone came in), context, or something to check "
     "later. Kept apart from the informant's words; never published.",
     "מה שראית (שתיקה, דמעות, מישהו נכנס), הקשר, או משהו לבדוק אחר כך. נשמר בנפרד מדברי "
     "המרואיין/ת; לעולם לא מתפרסם.",
     "ما لاحظته (صمت، دموع، دخول أحدهم)، أو سياق، أو أمر للتحقق منه لاحقًا. يُحفظ منفصلًا عن "
     "كلام المُقابَل؛ ولا يُنشر أبدًا.",
     "O que observou (um silêncio, lágrimas, alguém entrou), contexto, ou algo a verificar "
     "depois. Guardado à parte das palavras do informante; nunca publicado.",
     "Ciò che hai osservato (un silenzio, lacrime, qualcuno è entrato), il contesto, o qualcosa "
     "da verificare. Tenuto separato dalle parole dell'informatore; mai pubblicato."),
    ("answered {code}", "נענתה {code}", "أُجيب {code}", "respondida {code}",
     "risposta {code}"),
    ("asked {code}", "נשאלה {code}", "سُئل {code}", "perguntada {code}", "chiesta {code}"),
    ("co-interviewer", "מראיין/ת שותף/ה", "مُحاوِر مشارك", "co-entrevistador",
     "co-intervistatore"),
    ("everyone present needs a name", "לכל נוכח/ת צריך שם", "يحتاج كل حاضر إلى اسم",
     "cada pessoa presente precisa de um nome", "ogni presente ha bisogno di un nome"),
    ("interpreter", "מתורגמן/ית", "مترجم", "intérprete", "interprete"),
    ("interviewer", "מראיין/ת", "مُحاوِر", "entrevistador", "intervistatore"),
    ("interviewer's note", "הערת המראיין/ת", "ملاحظة المُحاوِر", "nota do entrevistador",
     "nota dell'intervistatore"),
    ("into the recording, which started at {time} UTC; [⏱…] marks the interview clock, before "
     "it",
     "לתוך ההקלטה, שהתחילה ב־{time} UTC; [⏱…] מסמן את שעון הריאיון, לפניה",
     "داخل التسجيل الذي بدأ في {time} UTC؛ و[⏱…] يشير إلى ساعة المقابلة قبله",
     "na gravação, que começou às {time} UTC; [⏱…] marca o relógio da entrevista, antes dela",
     "nella registrazione, iniziata alle {time} UTC; [⏱…] indica l'orologio dell'intervista, "
     "prima di essa"),
    ("name", "שם", "الاسم", "nome", "nome"),
    ("observer", "צופה", "مراقب", "observador", "osservatore"),
    ("the interview's own clock (no recording started)",
     "השעון של הריאיון עצמו (לא הותחלה הקלטה)", "ساعة المقابلة نفسها (لم يبدأ تسجيل)",
     "o relógio da própria entrevista (nenhuma gravação iniciada)",
     "l'orologio dell'intervista stessa (nessuna registrazione avviata)"),
    ("the note is empty", "ההערה ריקה", "الملاحظة فارغة", "a nota está vazia",
     "la nota è vuota"),
]

NOTES = ("Your note:", "Your notes:")

PLURALS = {
    "he": {NOTES: ("ההערה שלך:", "ההערות שלך:", "ההערות שלך:")},
    "ar": {NOTES: ("ملاحظاتك:", "ملاحظتك:", "ملاحظتاك:", "ملاحظاتك:", "ملاحظاتك:",
                   "ملاحظاتك:")},
    "pt": {NOTES: ("A sua nota:", "As suas notas:", "As suas notas:")},
    "it": {NOTES: ("La tua nota:", "Le tue note:", "Le tue note:")},
}
