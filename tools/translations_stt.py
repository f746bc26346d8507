"""Translations: the draft transcript (issue 34, point 4): `reflect transcribe`, the model
folder, the review's transcript panel and its keys. Each row: English, Hebrew, Arabic,
Portuguese, Italian. "Transcript" is תמלול / نص مُفرَّغ / transcrição / trascrizione; the
recording is הקלטה / التسجيل / gravação / registrazione, as in the consent line. Key labels
(context "key") are in KEY_ROWS."""

ROWS = [
    ("Transcription needs the optional extra, which is not installed: {command}",
     "תמלול דורש את התוסף האופציונלי, שאינו מותקן: {command}",
     "يحتاج التفريغ النصي إلى الإضافة الاختيارية، وهي غير مثبّتة: {command}",
     "A transcrição precisa do extra opcional, que não está instalado: {command}",
     "La trascrizione richiede l'extra opzionale, che non è installato: {command}"),
    ("no transcription model: give a model folder with --model PATH (a CTranslate2 Whisper "
     "model; the README says where to get one per language), or remember one with --model PATH "
     "--save",
     "אין מודל תמלול: ציינו תיקיית מודל עם ‎--model PATH‏ (מודל Whisper בפורמט CTranslate2; "
     "ב־README כתוב מאיפה להשיג מודל לכל שפה), או שמרו אחד עם ‎--model PATH --save‏",
     "لا يوجد نموذج للتفريغ النصي: حدِّد مجلد نموذج باستخدام ‎--model PATH‏ (نموذج Whisper "
     "بصيغة CTranslate2؛ يذكر ملف README من أين تحصل على نموذج لكل لغة)، أو احفظ واحدًا باستخدام "
     "‎--model PATH --save‏",
     "nenhum modelo de transcrição: indique uma pasta de modelo com --model PATH (um modelo "
     "Whisper CTranslate2; o README diz onde obter um para cada língua), ou memorize uma com "
     "--model PATH --save",
     "nessun modello di trascrizione: indica una cartella di modello con --model PATH (un "
     "modello Whisper CTranslate2; il README dice dove trovarne uno per lingua), oppure "
     "memorizzane uno con --model PATH --save"),
    ("the model folder {path} does not exist", "תיקיית המודל {path} אינה קיימת",
     "مجلد النموذج {path} غير موجود", "a pasta de modelo {path} não existe",
     "la cartella del modello {path} non esiste"),
    ("{path} is not a CTranslate2 Whisper model folder that loads offline: it lacks {files}",
     "{path} אינה תיקיית מודל Whisper בפורמט CTranslate2 שנטענת בלי רשת: חסרים בה {files}",
     "{path} ليس مجلد نموذج Whisper بصيغة CTranslate2 يُحمَّل دون اتصال: ينقصه {files}",
     "{path} não é uma pasta de modelo Whisper CTranslate2 que carregue sem rede: falta-lhe "
     "{files}",
     "{path} non è una cartella di modello Whisper CTranslate2 caricabile senza rete: le manca "
     "{files}"),
    ("could not load the model in {path}: {problem}",
     "לא ניתן לטעון את המודל שב־{path}: {problem}",
     "تعذّر تحميل النموذج في {path}: {problem}",
     "não foi possível carregar o modelo em {path}: {problem}",
     "impossibile caricare il modello in {path}: {problem}"),
    ("Whisper models do not know the language '{language}'",
     "מודלי Whisper אינם מכירים את השפה '{language}'",
     "نماذج Whisper لا تعرف اللغة '{language}'",
     "os modelos Whisper não conhecem a língua '{language}'",
     "i modelli Whisper non conoscono la lingua '{language}'"),
    ("the model {model} knows only English, and this session is in '{language}': give a "
     "multilingual model with --model PATH",
     "המודל {model} מכיר רק אנגלית, והמפגש הזה בשפה '{language}': ציינו מודל רב־לשוני עם "
     "‎--model PATH‏",
     "النموذج {model} يعرف الإنجليزية فقط، وهذه الجلسة باللغة '{language}': حدِّد نموذجًا "
     "متعدد اللغات باستخدام ‎--model PATH‏",
     "o modelo {model} só conhece inglês, e esta sessão está em '{language}': indique um "
     "modelo multilíngue com --model PATH",
     "il modello {model} conosce solo l'inglese, e questa sessione è in '{language}': indica "
     "un modello multilingue con --model PATH"),
    ("a draft transcript of a recorded session, made on this laptop in the session's language "
     "(needs the optional extra: pip install 'reflect[transcribe]')",
     "טיוטת תמלול של מפגש מוקלט, שנעשית במחשב הזה בשפת המפגש (דורש את התוסף האופציונלי: "
     "pip install 'reflect[transcribe]')",
     "مسودة تفريغ نصي لجلسة مسجّلة، تُنجَز على هذا الحاسوب بلغة الجلسة (تحتاج إلى الإضافة "
     "الاختيارية: pip install 'reflect[transcribe]')",
     "um rascunho de transcrição de uma sessão gravada, feito neste portátil na língua da "
     "sessão (precisa do extra opcional: pip install 'reflect[transcribe]')",
     "una bozza di trascrizione di una sessione registrata, fatta su questo portatile nella "
     "lingua della sessione (richiede l'extra opzionale: pip install 'reflect[transcribe]')"),
    ("the session's id (prefix)", "מזהה המפגש (או תחילתו)", "معرّف الجلسة (أو بدايته)",
     "o id da sessão (ou o seu início)", "l'id della sessione (o il suo inizio)"),
    ("the folder of a CTranslate2 Whisper model (by default the one saved with --save, else "
     "an installed model package)",
     "תיקייה של מודל Whisper בפורמט CTranslate2 (כברירת מחדל זו שנשמרה עם ‎--save‏, ואם אין, "
     "חבילת מודל מותקנת)",
     "مجلد نموذج Whisper بصيغة CTranslate2 (افتراضيًا المحفوظ باستخدام ‎--save‏، وإلا حزمة "
     "نموذج مثبّتة)",
     "a pasta de um modelo Whisper CTranslate2 (por omissão a memorizada com --save, senão um "
     "pacote de modelo instalado)",
     "la cartella di un modello Whisper CTranslate2 (di default quella memorizzata con --save, "
     "altrimenti un pacchetto di modello installato)"),
    ("remember the --model folder for the next transcriptions",
     "לזכור את תיקיית ‎--model‏ לתמלולים הבאים",
     "تذكُّر مجلد ‎--model‏ لعمليات التفريغ التالية",
     "memorizar a pasta de --model para as próximas transcrições",
     "memorizzare la cartella di --model per le prossime trascrizioni"),
    ("The model folder {folder} is saved in {path}.", "תיקיית המודל {folder} נשמרה ב־{path}.",
     "حُفظ مجلد النموذج {folder} في {path}.",
     "A pasta de modelo {folder} ficou guardada em {path}.",
     "La cartella del modello {folder} è salvata in {path}."),
    ("Transcribing", "מתמללים", "جارٍ التفريغ النصي", "A transcrever", "Trascrizione in corso"),
    ("Transcribed {audio} of recording in {seconds} s ({speed}× real time) with {model}, in "
     "'{language}'.",
     "תומללו {audio} של הקלטה ב־{seconds} שניות (פי {speed} מזמן אמת) עם {model}, בשפה "
     "'{language}'.",
     "فُرِّغ {audio} من التسجيل في {seconds} ث ({speed}× الزمن الحقيقي) باستخدام {model}، "
     "باللغة '{language}'.",
     "Transcritos {audio} de gravação em {seconds} s ({speed}× o tempo real) com {model}, em "
     "'{language}'.",
     "Trascritti {audio} di registrazione in {seconds} s ({speed}× il tempo reale) con "
     "{model}, in '{language}'."),
    ("The review (F10) shows each beside its answer, to accept, merge or edit.",
     "הסקירה (F10) מציגה כל אחד ליד התשובה שלו, כדי לקבל, למזג או לערוך.",
     "تعرض المراجعة (F10) كلًّا منها بجانب إجابته، للقبول أو الدمج أو التحرير.",
     "A revisão (F10) mostra cada uma ao lado da sua resposta, para aceitar, juntar ou editar.",
     "La revisione (F10) mostra ciascuna accanto alla sua risposta, da accettare, unire o "
     "modificare."),
    ("These questions have time codes on the interview's clock, not in the recording, so "
     "their words could not be found: {questions}",
     "לשאלות האלה יש חותמות זמן לפי שעון הריאיון, לא בהקלטה, ולכן לא ניתן היה למצוא את "
     "המילים שלהן: {questions}",
     "لهذه الأسئلة رموز زمنية على ساعة المقابلة، لا في التسجيل، لذا تعذّر إيجاد كلماتها: "
     "{questions}",
     "Estas perguntas têm códigos de tempo no relógio da entrevista, não na gravação, por isso "
     "as suas palavras não foram encontradas: {questions}",
     "Queste domande hanno codici temporali sull'orologio dell'intervista, non nella "
     "registrazione, quindi le loro parole non sono state trovate: {questions}"),
    ("this session has no recording to transcribe (record it, or attach one with 'reflect "
     "recording import')",
     "למפגש הזה אין הקלטה לתמלול (הקליטו אותו, או צרפו הקלטה עם 'reflect recording import')",
     "لا يوجد لهذه الجلسة تسجيل لتفريغه (سجّلها، أو أرفق تسجيلًا باستخدام 'reflect recording "
     "import')",
     "esta sessão não tem gravação para transcrever (grave-a, ou anexe uma com 'reflect "
     "recording import')",
     "questa sessione non ha una registrazione da trascrivere (registrala, o allegane una con "
     "'reflect recording import')"),
    ("no question of this session has a time code in the recording, so its words cannot be "
     "split by question",
     "לאף שאלה במפגש הזה אין חותמת זמן בהקלטה, ולכן אי אפשר לחלק את המילים לפי שאלות",
     "لا يوجد لأي سؤال في هذه الجلسة رمز زمني في التسجيل، لذا لا يمكن تقسيم الكلمات حسب "
     "الأسئلة",
     "nenhuma pergunta desta sessão tem um código de tempo na gravação, por isso as palavras "
     "não podem ser divididas por pergunta",
     "nessuna domanda di questa sessione ha un codice temporale nella registrazione, quindi le "
     "parole non si possono dividere per domanda"),
    ("the informant of this interview withdrew: their words are not transcribed or shown",
     "המרואיין/ת בריאיון הזה חזר/ה בו/ה: המילים שלו/ה אינן מתומללות ואינן מוצגות",
     "المُشارِك/ة في هذه المقابلة انسحب/ت: كلماته/ا لا تُفرَّغ ولا تُعرض",
     "o informante desta entrevista retirou-se: as suas palavras não são transcritas nem "
     "mostradas",
     "l'intervistato/a di questa intervista si è ritirato/a: le sue parole non vengono "
     "trascritte né mostrate"),
    ("there is no transcript of this question", "אין תמלול לשאלה הזאת",
     "لا يوجد نص مُفرَّغ لهذا السؤال", "não há transcrição desta pergunta",
     "non c'è una trascrizione di questa domanda"),
    ("Put in the answer", "להכניס לתשובה", "وضعه في الإجابة", "Pôr na resposta",
     "Metti nella risposta"),
    ("accepted into the answer", "התקבל לתשובה", "قُبِل في الإجابة", "aceite na resposta",
     "accettata nella risposta"),
    ("merged into the answer", "מוזג לתשובה", "دُمِج في الإجابة", "juntada à resposta",
     "unita alla risposta"),
    ("edited into the answer", "נערך והוכנס לתשובה", "حُرِّر ووُضِع في الإجابة",
     "editada e posta na resposta", "modificata e messa nella risposta"),
    ("Transcript ({model}, {span})", "תמלול ({model}, {span})", "النص المُفرَّغ ({model}، {span})",
     "Transcrição ({model}, {span})", "Trascrizione ({model}, {span})"),
    ("a accepts it into the answer (replacing its text), m merges it after the answer, e "
     "edits it first",
     "a מקבל אותו לתשובה (במקום הטקסט שלה), m ממזג אותו אחרי התשובה, e עורך אותו קודם",
     "a يقبله في الإجابة (بدلًا من نصها)، m يدمجه بعد الإجابة، e يحرّره أولًا",
     "a aceita-a na resposta (substituindo o texto), m junta-a depois da resposta, e edita-a "
     "primeiro",
     "a la accetta nella risposta (al posto del testo), m la unisce dopo la risposta, e la "
     "modifica prima"),
    ("The answer's text came from a transcript ({how}, model {model}).",
     "הטקסט של התשובה בא מתמלול ({how}, מודל {model}).",
     "جاء نص الإجابة من نص مُفرَّغ ({how}، النموذج {model}).",
     "O texto da resposta veio de uma transcrição ({how}, modelo {model}).",
     "Il testo della risposta viene da una trascrizione ({how}, modello {model})."),
    ("No transcript of this question: t transcribes the recordings on this laptop.",
     "אין תמלול לשאלה הזאת: t מתמלל את ההקלטות במחשב הזה.",
     "لا يوجد نص مُفرَّغ لهذا السؤال: t يفرّغ التسجيلات على هذا الحاسوب.",
     "Não há transcrição desta pergunta: t transcreve as gravações neste portátil.",
     "Nessuna trascrizione di questa domanda: t trascrive le registrazioni su questo "
     "portatile."),
    ("This question has no transcript.", "לשאלה הזאת אין תמלול.",
     "لا يوجد نص مُفرَّغ لهذا السؤال.", "Esta pergunta não tem transcrição.",
     "Questa domanda non ha una trascrizione."),
    ("Replace the answer with the transcript?", "להחליף את התשובה בתמלול?",
     "استبدال الإجابة بالنص المُفرَّغ؟", "Substituir a resposta pela transcrição?",
     "Sostituire la risposta con la trascrizione?"),
    ("Edit the transcript; Ctrl+S puts it in the answer's place",
     "ערכו את התמלול; Ctrl+S מכניס אותו במקום התשובה",
     "حرِّر النص المُفرَّغ؛ Ctrl+S يضعه مكان الإجابة",
     "Edite a transcrição; Ctrl+S põe-na no lugar da resposta",
     "Modifica la trascrizione; Ctrl+S la mette al posto della risposta"),
    ("The transcript is in the answer.", "התמלול נמצא בתשובה.", "النص المُفرَّغ في الإجابة.",
     "A transcrição está na resposta.", "La trascrizione è nella risposta."),
    ("Transcribing: loading the model…", "מתמללים: טוענים את המודל…",
     "جارٍ التفريغ النصي: تحميل النموذج…", "A transcrever: a carregar o modelo…",
     "Trascrizione: caricamento del modello…"),
    ("less than a minute left", "נותרה פחות מדקה", "تبقّى أقل من دقيقة",
     "falta menos de um minuto", "manca meno di un minuto"),
    ("Transcribing: {percent}% of {audio}", "מתמללים: {percent}% מתוך {audio}",
     "جارٍ التفريغ النصي: {percent}% من {audio}", "A transcrever: {percent}% de {audio}",
     "Trascrizione: {percent}% di {audio}"),
]

_DRAFTED = ("{count} question has a draft transcript.",
            "{count} questions have a draft transcript.")
_REPLACED = ("The answer's {count} typed word is replaced by the transcript (the audit trail "
             "keeps that it changed). To keep it, merge instead (m).",
             "The answer's {count} typed words are replaced by the transcript (the audit trail "
             "keeps that they changed). To keep them, merge instead (m).")
_LEFT = ("about {count} min left", "about {count} min left")

PLURALS = {
    # he: one, two, other
    "he": {
        _DRAFTED: ("לשאלה אחת יש טיוטת תמלול.", "לשתי שאלות יש טיוטת תמלול.",
                   "ל־{count} שאלות יש טיוטת תמלול."),
        _REPLACED: ("המילה המוקלדת היחידה של התשובה תוחלף בתמלול (יומן הביקורת שומר שהיא "
                    "השתנתה). כדי לשמור אותה, מזגו במקום זאת (m).",
                    "שתי המילים המוקלדות של התשובה יוחלפו בתמלול (יומן הביקורת שומר שהן "
                    "השתנו). כדי לשמור אותן, מזגו במקום זאת (m).",
                    "{count} המילים המוקלדות של התשובה יוחלפו בתמלול (יומן הביקורת שומר שהן "
                    "השתנו). כדי לשמור אותן, מזגו במקום זאת (m)."),
        _LEFT: ("נותרה בערך דקה", "נותרו בערך שתי דקות",
                "נותרו בערך {count} דקות"),
    },
    # ar: zero, one, two, few, many, other
    "ar": {
        _DRAFTED: ("لا يوجد سؤال له مسودة تفريغ نصي.",
                   "سؤال واحد له مسودة تفريغ نصي.",
                   "سؤالان لهما مسودة تفريغ نصي.",
                   "{count} أسئلة لها مسودة تفريغ نصي.",
                   "{count} سؤالًا لها مسودة تفريغ نصي.",
                   "{count} سؤال لها مسودة تفريغ نصي."),
        _REPLACED: tuple(
            f"ستُستبدل {words} المكتوبة في الإجابة بالنص المُفرَّغ (يحفظ سجل التدقيق أنها "
            "تغيّرت). للإبقاء عليها، ادمج بدلًا من ذلك (m)."
            for words in ("كلماتها", "الكلمة الواحدة",
                          "الكلمتان", "الكلمات الـ{count}", "الكلمات الـ{count}",
                          "الكلمات الـ{count}")),
        _LEFT: ("تبقّى أقل من دقيقة", "تبقّت دقيقة تقريبًا",
                "تبقّت دقيقتان تقريبًا", "تبقّى نحو {count} دقائق",
                "تبقّى نحو {count} دقيقة", "تبقّى نحو {count} دقيقة"),
    },
    # pt (Portugal) and it: one, millions, other
    "pt": {
        _DRAFTED: ("{count} pergunta tem um rascunho de transcrição.",
                   "{count} perguntas têm um rascunho de transcrição.",
                   "{count} perguntas têm um rascunho de transcrição."),
        _REPLACED: ("A {count} palavra escrita da resposta é substituída pela transcrição (o "
                    "registo de auditoria guarda que mudou). Para a manter, junte em vez disso "
                    "(m).",
                    "As {count} palavras escritas da resposta são substituídas pela "
                    "transcrição (o registo de auditoria guarda que mudaram). Para as manter, "
                    "junte em vez disso (m).",
                    "As {count} palavras escritas da resposta são substituídas pela "
                    "transcrição (o registo de auditoria guarda que mudaram). Para as manter, "
                    "junte em vez disso (m)."),
        _LEFT: ("falta cerca de {count} min", "faltam cerca de {count} min",
                "faltam cerca de {count} min"),
    },
    "it": {
        _DRAFTED: ("{count} domanda ha una bozza di trascrizione.",
                   "{count} domande hanno una bozza di trascrizione.",
                   "{count} domande hanno una bozza di trascrizione."),
        _REPLACED: ("La {count} parola scritta della risposta viene sostituita dalla "
                    "trascrizione (il registro di controllo conserva che è cambiata). Per "
                    "tenerla, unisci invece (m).",
                    "Le {count} parole scritte della risposta vengono sostituite dalla "
                    "trascrizione (il registro di controllo conserva che sono cambiate). Per "
                    "tenerle, unisci invece (m).",
                    "Le {count} parole scritte della risposta vengono sostituite dalla "
                    "trascrizione (il registro di controllo conserva che sono cambiate). Per "
                    "tenerle, unisci invece (m)."),
        _LEFT: ("manca circa {count} min", "mancano circa {count} min",
                "mancano circa {count} min"),
    },
}

KEY_ROWS = [
    ("Accept", "קבלה", "قبول", "Aceitar", "Accetta"),
    ("Merge", "מיזוג", "دمج", "Juntar", "Unisci"),
    ("Edit", "עריכה", "تحرير", "Editar", "Modifica"),
    ("Transcribe", "תמלול", "تفريغ", "Transcrever", "Trascrivi"),
    ("Save", "שמירה", "حفظ", "Guardar", "Salva"),
]
"""Key labels (msgctxt "key"): tools/tables_to_po.py fills them under that context."""
