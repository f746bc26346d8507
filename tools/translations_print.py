"""Translations, twelfth batch: printing and publishing (issue 16): the book's title page and
contents, the interview guide, the consent form, the publication gate. Same care and the same
review note as translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese,
Italian."""

ROWS = [
    ("Stories  (p: print an interview guide or consent form)",
     "סיפורים  (p: הדפסת מדריך ריאיון או טופס הסכמה)",
     "القصص  (p: طباعة دليل مقابلة أو استمارة موافقة)",
     "Histórias  (p: imprimir guião ou formulário de consentimento)",
     "Storie  (p: stampa una traccia d'intervista o un modulo di consenso)"),
    ("Print", "הדפסה", "طباعة", "Imprimir", "Stampa"),
    ("Ready to print", "מוכן להדפסה", "جاهز للطباعة", "Pronto a imprimir", "Pronto da stampare"),
    ("Print the guide of…", "הדפסת המדריך של…", "طباعة دليل…", "Imprimir o guião de…",
     "Stampa la traccia di…"),
    ("'{id}' is not an interview protocol: it has no consent text",
     "'{id}' אינו פרוטוקול ריאיון: אין בו נוסח הסכמה",
     "'{id}' ليس بروتوكول مقابلة: لا نص موافقة فيه",
     "'{id}' não é um protocolo de entrevista: não tem texto de consentimento",
     "'{id}' non è un protocollo d'intervista: non ha un testo di consenso"),
    ("'{id}' is not in {language}; it is in: {languages}",
     "'{id}' אינו ב־{language}; הוא קיים ב: {languages}",
     "'{id}' غير متوفر بـ{language}؛ متوفر بـ: {languages}",
     "'{id}' não existe em {language}; existe em: {languages}",
     "'{id}' non è in {language}; è in: {languages}"),
    ("All names are pseudonyms.", "כל השמות בדויים.", "جميع الأسماء مستعارة.",
     "Todos os nomes são pseudónimos.", "Tutti i nomi sono pseudonimi."),
    ("Consent form", "טופס הסכמה", "استمارة الموافقة", "Formulário de consentimento",
     "Modulo di consenso"),
    ("Consent text version", "גרסת נוסח ההסכמה", "نسخة نص الموافقة",
     "Versão do texto de consentimento", "Versione del testo di consenso"),
    ("Consent, before the first question", "הסכמה, לפני השאלה הראשונה",
     "الموافقة، قبل السؤال الأول", "Consentimento, antes da primeira pergunta",
     "Consenso, prima della prima domanda"),
    ("Contents", "תוכן העניינים", "المحتويات", "Índice", "Indice"),
    ("Date", "תאריך", "التاريخ", "Data", "Data"),
    ("Gathered with the Learning from Success method: interviews with the workers and the "
     "families about one success each.",
     "נאסף בשיטת הלמידה מהצלחות: ריאיונות עם העובדים ועם המשפחות על הצלחה אחת בכל פעם.",
     "جُمع بمنهج التعلّم من النجاحات: مقابلات مع العاملين ومع الأسر حول نجاح واحد في كل مرة.",
     "Recolhido com o método Aprender com o Sucesso: entrevistas com os profissionais e as "
     "famílias sobre um sucesso de cada vez.",
     "Raccolto con il metodo Imparare dal successo: interviste con gli operatori e le famiglie "
     "su un successo alla volta."),
    ("How consent was given (verbal, written, recorded)",
     "כיצד ניתנה ההסכמה (בעל פה, בכתב, בהקלטה)",
     "كيف أُعطيت الموافقة (شفهيًا، كتابيًا، بالتسجيل)",
     "Como foi dado o consentimento (verbal, escrito, gravado)",
     "Come è stato dato il consenso (verbale, scritto, registrato)"),
    ("Informant (pseudonym)", "מרואיין/ת (כינוי)", "المُقابَل (الاسم المستعار)",
     "Informante (pseudónimo)", "Informatore (pseudonimo)"),
    ("Interviewer (name)", "מראיין/ת (שם)", "المُحاوِر (الاسم)", "Entrevistador (nome)",
     "Intervistatore (nome)"),
    ("Signature of the informant", "חתימת המרואיין/ת", "توقيع المُقابَل",
     "Assinatura do informante", "Firma dell'informatore"),
    ("Signature of the interviewer", "חתימת המראיין/ת", "توقيع المُحاوِر",
     "Assinatura do entrevistador", "Firma dell'intervistatore"),
    ("Stories of success and the principles of action drawn from them",
     "סיפורי הצלחה ועקרונות הפעולה שנלמדו מהם", "قصص نجاح ومبادئ العمل المستخلصة منها",
     "Histórias de sucesso e os princípios de ação que delas se tiraram",
     "Storie di successo e i principi d'azione tratti da esse"),
    ("Suggested time", "זמן מומלץ", "الوقت المقترح", "Tempo sugerido", "Tempo suggerito"),
    ("The story, topic by topic", "הסיפור, נושא אחר נושא", "القصة، موضوعًا بعد موضوع",
     "A história, tema a tema", "La storia, tema per tema"),
    ("These stories are marked ready but are not analysed yet, or wait for their informants' "
     "approval of the words quoted (the member check).",
     "הסיפורים האלה סומנו כמוכנים אך עדיין לא נותחו, או ממתינים לאישור המרואיינים לדברים "
     "המצוטטים (בדיקת משתתפים).",
     "هذه القصص معلَّمة كجاهزة لكنها لم تُحلَّل بعد، أو تنتظر موافقة المُقابَلين على الكلام "
     "المُقتبس (مراجعة المشارك).",
     "Estas histórias estão marcadas como prontas mas ainda não foram analisadas, ou esperam a "
     "aprovação dos informantes às palavras citadas (a verificação).",
     "Queste storie sono segnate come pronte ma non sono ancora analizzate, o attendono "
     "l'approvazione degli informatori sulle parole citate (la verifica)."),
    ("a protocol's consent form to print and sign", "טופס ההסכמה של פרוטוקול, להדפסה ולחתימה",
     "استمارة موافقة البروتوكول، للطباعة والتوقيع",
     "o formulário de consentimento de um protocolo, para imprimir e assinar",
     "il modulo di consenso di un protocollo, da stampare e firmare"),
    ("its status is {status}; it goes in once analysed",
     "הסטטוס שלו הוא {status}; הוא ייכנס לאחר שינותח",
     "حالتها {status}؛ تدخل بعد تحليلها",
     "o estado é {status}; entra quando for analisada",
     "lo stato è {status}; entra una volta analizzata"),
    ("no protocol '{id}'; these are: {ids}", "אין פרוטוקול '{id}'; אלה הקיימים: {ids}",
     "لا يوجد بروتوكول '{id}'؛ الموجود: {ids}", "nenhum protocolo '{id}'; existem: {ids}",
     "nessun protocollo '{id}'; ci sono: {ids}"),
    ("no ready story can be printed yet ({waiting}). Mark stories analysed and record the "
     "member checks in the story screen (c), or print a draft (--draft).",
     "אף סיפור מוכן עדיין אינו יכול להיות מודפס ({waiting}). סמנו סיפורים כמנותחים ורשמו את "
     "בדיקות המשתתפים במסך הסיפור (c), או הדפיסו טיוטה (--draft).",
     "لا يمكن طباعة أي قصة جاهزة بعد ({waiting}). علّم القصص كمحلَّلة وسجّل مراجعات المشاركين "
     "في شاشة القصة (c)، أو اطبع مسودة (--draft).",
     "nenhuma história pronta pode ainda ser impressa ({waiting}). Marque histórias como "
     "analisadas e registe as verificações no ecrã da história (c), ou imprima um rascunho "
     "(--draft).",
     "nessuna storia pronta può ancora essere stampata ({waiting}). Segna le storie come "
     "analizzate e registra le verifiche nella schermata della storia (c), o stampa una bozza "
     "(--draft)."),
    ("one of its languages (default: the interface language when the protocol has it, else "
     "its own)",
     "אחת השפות שלו (ברירת מחדל: שפת הממשק אם הפרוטוקול קיים בה, אחרת שפתו שלו)",
     "إحدى لغاته (الافتراضي: لغة الواجهة إن توفر بها البروتوكول، وإلا لغته الأصلية)",
     "uma das suas línguas (por omissão: a da interface quando o protocolo a tem, senão a sua)",
     "una delle sue lingue (predefinita: quella dell'interfaccia se il protocollo la ha, "
     "altrimenti la sua)"),
    ("the interview guide of a protocol, to print: stages, times, questions, probes, room to "
     "write, the consent text",
     "מדריך הריאיון של פרוטוקול, להדפסה: שלבים, זמנים, שאלות, שאלות המשך, מקום לכתיבה, נוסח "
     "ההסכמה",
     "دليل المقابلة لبروتوكول، للطباعة: المراحل، الأوقات، الأسئلة، أسئلة المتابعة، مساحة "
     "للكتابة، نص الموافقة",
     "o guião de entrevista de um protocolo, para imprimir: etapas, tempos, perguntas, "
     "sondagens, espaço para escrever, o texto de consentimento",
     "la traccia d'intervista di un protocollo, da stampare: fasi, tempi, domande, "
     "approfondimenti, spazio per scrivere, il testo di consenso"),
    ("the protocol's id (see 'reflect protocols list')",
     "המזהה של הפרוטוקול (ראו 'reflect protocols list')",
     "معرّف البروتوكول (انظر 'reflect protocols list')",
     "o id do protocolo (veja 'reflect protocols list')",
     "l'id del protocollo (vedi 'reflect protocols list')"),
    ("{minutes} min", "{minutes} דק׳", "{minutes} دقيقة", "{minutes} min", "{minutes} min"),
]
