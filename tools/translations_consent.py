"""Translations: consent to record asked on its own, and a member check that is not reversed by
accident (issue 28, points 5 and 6). Same care and the same review note as
translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    # The consent dialog
    ("Consent to record", "הסכמה להקלטה", "الموافقة على التسجيل", "Consentimento para gravar",
     "Consenso alla registrazione"),
    ("ask: not answered", "לשאול: אין תשובה", "اسأل: لا إجابة بعد", "perguntar: sem resposta",
     "chiedere: nessuna risposta"),
    ("yes, agrees to be recorded", "כן, מסכים/ה להקלטה", "نعم، يوافق/توافق على التسجيل",
     "sim, aceita ser gravado/a", "sì, accetta di essere registrato/a"),
    ("no recording", "בלי הקלטה", "بلا تسجيل", "sem gravação", "nessuna registrazione"),
    ("how", "איך", "كيف", "como", "come"),
    ("Ask whether they agree to be recorded, and choose the answer under 'Consent to record'.",
     "שאלו אם הם מסכימים להקלטה, ובחרו את התשובה תחת 'הסכמה להקלטה'.",
     "اسأل إن كانوا يوافقون على التسجيل، واختر الإجابة تحت 'الموافقة على التسجيل'.",
     "Pergunte se aceita ser gravado/a e escolha a resposta em 'Consentimento para gravar'.",
     "Chiedi se accetta di essere registrato/a e scegli la risposta in 'Consenso alla "
     "registrazione'."),
    ("↓ more below: PgDn, or scroll", "↓ יש עוד למטה: PgDn, או גלילה",
     "↓ المزيد أدناه: PgDn، أو مرّر", "↓ há mais abaixo: PgDn, ou deslize",
     "↓ continua sotto: PgDn, o scorri"),
    ("end of the text · PgUp goes back", "סוף הטקסט · PgUp חוזר למעלה",
     "نهاية النص · PgUp للعودة", "fim do texto · PgUp volta atrás",
     "fine del testo · PgUp torna indietro"),
    # Asking later, and F4
    ("This interview's consent record does not say whether {who} agrees to be recorded. Ask "
     "them now; no recording starts without a yes. The answer is kept with the consent record "
     "and cannot be changed later.",
     "רישום ההסכמה של הריאיון הזה לא אומר אם {who} מסכים/ה להקלטה. שאלו עכשיו; שום הקלטה לא "
     "מתחילה בלי כן. התשובה נשמרת עם רישום ההסכמה ולא ניתן לשנות אותה אחר כך.",
     "سجلّ الموافقة لهذه المقابلة لا يذكر إن كان {who} يوافق على التسجيل. اسأل الآن؛ لا يبدأ "
     "أي تسجيل دون موافقة. تُحفظ الإجابة مع سجلّ الموافقة ولا يمكن تغييرها لاحقًا.",
     "O registo de consentimento desta entrevista não diz se {who} aceita ser gravado/a. "
     "Pergunte agora; nenhuma gravação começa sem um sim. A resposta fica com o registo de "
     "consentimento e não pode ser alterada depois.",
     "Il registro del consenso di questa intervista non dice se {who} accetta di essere "
     "registrato/a. Chiedilo ora; nessuna registrazione inizia senza un sì. La risposta resta "
     "con il registro del consenso e non si può cambiare dopo."),
    ("How they answered", "איך ענו", "كيف أجابوا", "Como respondeu", "Come ha risposto"),
    ("Agrees to be recorded", "מסכים/ה להקלטה", "يوافق/توافق على التسجيل", "Aceita ser gravado/a",
     "Accetta la registrazione"),
    ("Does not agree", "לא מסכים/ה", "لا يوافق/توافق", "Não aceita", "Non accetta"),
    ("No recording", "אין הקלטה", "لا تسجيل", "Sem gravação", "Nessuna registrazione"),
    ("{who} did not agree to be recorded (their consent record says no): no recording may be "
     "made in this interview. Take notes instead (F2).",
     "{who} לא הסכים/ה להקלטה (ברישום ההסכמה כתוב לא): אסור להקליט בריאיון הזה. רשמו הערות "
     "במקום (F2).",
     "{who} لم يوافق/توافق على التسجيل (سجلّ الموافقة يقول لا): لا يجوز أي تسجيل في هذه "
     "المقابلة. دوّن ملاحظات بدلًا من ذلك (F2).",
     "{who} não aceitou ser gravado/a (o registo de consentimento diz não): não pode ser feita "
     "nenhuma gravação nesta entrevista. Tome notas em vez disso (F2).",
     "{who} non ha accettato di essere registrato/a (il registro del consenso dice no): in "
     "questa intervista non si può registrare. Prendi appunti invece (F2)."),
    ("Recorded: {who} does not agree to be recorded. No recording will be made.",
     "נרשם: {who} לא מסכים/ה להקלטה. לא תיעשה הקלטה.",
     "سُجّل: {who} لا يوافق/توافق على التسجيل. لن يُجرى أي تسجيل.",
     "Registado: {who} não aceita ser gravado/a. Não será feita nenhuma gravação.",
     "Registrato: {who} non accetta di essere registrato/a. Non si registrerà."),
    ("the interviewee", "המרואיין/ת", "المُقابَل", "o/a entrevistado/a", "l'intervistato/a"),
    ("The interviewee did not agree to be recorded: no recording may be made in this interview. "
     "Take notes instead (F2).",
     "המרואיין/ת לא הסכים/ה להקלטה: אסור להקליט בריאיון הזה. רשמו הערות במקום (F2).",
     "المُقابَل لم يوافق على التسجيل: لا يجوز أي تسجيل في هذه المقابلة. دوّن ملاحظات بدلًا من "
     "ذلك (F2).",
     "O/a entrevistado/a não aceitou ser gravado/a: não pode ser feita nenhuma gravação nesta "
     "entrevista. Tome notas em vez disso (F2).",
     "L'intervistato/a non ha accettato di essere registrato/a: in questa intervista non si può "
     "registrare. Prendi appunti invece (F2)."),
    ("Nobody recorded whether the interviewee agrees to be recorded: ask them, and record the "
     "answer, before a recording starts.",
     "אף אחד לא רשם אם המרואיין/ת מסכים/ה להקלטה: שאלו, ורשמו את התשובה, לפני שהקלטה מתחילה.",
     "لم يسجّل أحد إن كان المُقابَل يوافق على التسجيل: اسأله، وسجّل الإجابة، قبل بدء أي تسجيل.",
     "Ninguém registou se o/a entrevistado/a aceita ser gravado/a: pergunte e registe a resposta "
     "antes de começar uma gravação.",
     "Nessuno ha registrato se l'intervistato/a accetta di essere registrato/a: chiediglielo e "
     "registra la risposta prima che inizi una registrazione."),
    ("only an interview that takes place can be recorded",
     "אפשר להקליט רק ריאיון שמתקיים", "لا يمكن تسجيل إلا مقابلة تجري فعلًا",
     "só uma entrevista que se realiza pode ser gravada",
     "si può registrare solo un'intervista che ha luogo"),
    ("the answer about the recording was already recorded ({answer}); it is not changed "
     "afterwards",
     "התשובה על ההקלטה כבר נרשמה ({answer}); היא לא משתנה אחר כך",
     "الإجابة عن التسجيل سُجّلت من قبل ({answer})؛ ولا تُغيَّر بعد ذلك",
     "a resposta sobre a gravação já foi registada ({answer}); não é alterada depois",
     "la risposta sulla registrazione è già stata registrata ({answer}); non si cambia dopo"),
    # How it is shown: the record, the review
    ("agreed", "הסכים/ה", "وافق", "aceite", "accettato"),
    ("not asked", "לא נשאל", "لم يُسأل", "não perguntado", "non chiesto"),
    ("{state} ({how})", "{state} ({how})", "{state} ({how})", "{state} ({how})",
     "{state} ({how})"),
    ("Consent: {state}, {method} ({who}) · Recording: {recording}",
     "הסכמה: {state}, {method} ({who}) · הקלטה: {recording}",
     "الموافقة: {state}، {method} ({who}) · التسجيل: {recording}",
     "Consentimento: {state}, {method} ({who}) · Gravação: {recording}",
     "Consenso: {state}, {method} ({who}) · Registrazione: {recording}"),
    # The member check
    ("choose", "בחרו", "اختر", "escolha", "scegli"),
    ("Choose what they said first.", "בחרו קודם מה נאמר.", "اختر أولًا ما قالوه.",
     "Escolha primeiro o que disse.", "Scegli prima che cosa ha detto."),
    ("Take back {who}'s withdrawal?", "לבטל את החזרה מההסכמה של {who}?",
     "التراجع عن انسحاب {who}؟", "Anular a retirada de {who}?",
     "Annullare il ritiro di {who}?"),
    ("{who} withdrew. Recording '{outcome}' brings their words back into every view, export, "
     "book and bundle. Do it only if {who} said so.",
     "{who} חזר/ה בו/ה. רישום '{outcome}' מחזיר את הדברים שלהם לכל תצוגה, ייצוא, ספר וחבילה. "
     "עשו זאת רק אם {who} אמר/ה זאת.",
     "انسحب {who}. تسجيل '{outcome}' يعيد كلامهم إلى كل عرض وتصدير وكتاب وحزمة. لا تفعل ذلك "
     "إلا إذا قاله {who}.",
     "{who} retirou-se. Registar '{outcome}' traz as suas palavras de volta a todas as vistas, "
     "exportações, livros e pacotes. Faça-o só se {who} o disse.",
     "{who} si è ritirato/a. Registrare '{outcome}' riporta le sue parole in ogni vista, "
     "esportazione, libro e pacchetto. Fallo solo se {who} lo ha detto."),
    ("Yes, take it back", "כן, לבטל", "نعم، تراجع", "Sim, anular", "Sì, annulla"),
    ("{who} withdrew: recording '{outcome}' brings their words back into every view and "
     "export; confirm it to go on",
     "{who} חזר/ה בו/ה: רישום '{outcome}' מחזיר את הדברים שלהם לכל תצוגה וייצוא; אשרו כדי "
     "להמשיך",
     "انسحب {who}: تسجيل '{outcome}' يعيد كلامهم إلى كل عرض وتصدير؛ أكّد للمتابعة",
     "{who} retirou-se: registar '{outcome}' traz as suas palavras de volta a todas as vistas e "
     "exportações; confirme para continuar",
     "{who} si è ritirato/a: registrare '{outcome}' riporta le sue parole in ogni vista ed "
     "esportazione; conferma per continuare"),
    ("Erase for good", "מחיקה לצמיתות", "محو نهائي", "Apagar de vez", "Cancella per sempre"),
    # A second interview
    ("{who} already has a completed interview with this protocol: open it, or start another?",
     "ל־{who} כבר יש ריאיון שהושלם עם הפרוטוקול הזה: לפתוח אותו, או להתחיל עוד אחד?",
     "لدى {who} مقابلة مكتملة بهذا البروتوكول: أتفتحها، أم تبدأ أخرى؟",
     "{who} já tem uma entrevista concluída com este protocolo: abri-la, ou começar outra?",
     "{who} ha già un'intervista completata con questo protocollo: aprirla, o iniziarne "
     "un'altra?"),
    ("Open the completed interview ({date})", "פתיחת הריאיון שהושלם ({date})",
     "فتح المقابلة المكتملة ({date})", "Abrir a entrevista concluída ({date})",
     "Apri l'intervista completata ({date})"),
    ("Start another interview", "התחלת ריאיון נוסף", "بدء مقابلة أخرى", "Começar outra entrevista",
     "Inizia un'altra intervista"),
]
