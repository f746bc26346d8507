"""Translations, eleventh batch: the informant's say (issue 15): member checks, review
copies, the book's approval gate, withdrawal and erasure. Same care and the same review note
as translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("'{outcome}' is not a member-check outcome; use one of {outcomes}",
     "'{outcome}' אינה תוצאה של בדיקת משתתפים; השתמשו באחת מאלה: {outcomes}",
     "'{outcome}' ليست نتيجة لمراجعة المشارك؛ استخدم إحدى هذه: {outcomes}",
     "'{outcome}' não é um resultado da verificação pelo participante; use um de {outcomes}",
     "'{outcome}' non è un esito della verifica con l'informatore; usa uno di {outcomes}"),
    ("'{typed}' is not a date: write it as 2026-12-04.",
     "'{typed}' אינו תאריך: כתבו אותו כך: 2026-12-04.",
     "'{typed}' ليس تاريخًا: اكتبه هكذا 2026-12-04.",
     "'{typed}' não é uma data: escreva-a como 2026-12-04.",
     "'{typed}' non è una data: scrivila come 2026-12-04."),
    ("Add an informant first (a).", "הוסיפו קודם מרואיין/ת (a).", "أضف مُقابَلًا أولًا (a).",
     "Adicione primeiro um informante (a).", "Aggiungi prima un informatore (a)."),
    ("DRAFT", "טיוטה", "مسودة", "RASCUNHO", "BOZZA"),
    ("Erase their words", "מחיקת הדברים שלהם", "محو كلامهم", "Apagar as suas palavras",
     "Cancella le sue parole"),
    ("Erase {who}'s words for good?", "למחוק לצמיתות את דברי {who}?",
     "محو كلام {who} نهائيًا؟", "Apagar de vez as palavras de {who}?",
     "Cancellare per sempre le parole di {who}?"),
    ("Erased", "נמחק", "مُحي", "Apagado", "Cancellato"),
    ("Erased for good: {answers} answers, {notes} notes, {evidence} evidence links. See the "
     "README on backups and bundles already sent.",
     "נמחק לצמיתות: {answers} תשובות, {notes} הערות, {evidence} קישורי ראיה. ראו ב־README על "
     "גיבויים וחבילות שכבר נשלחו.",
     "مُحي نهائيًا: {answers} إجابات، {notes} ملاحظات، {evidence} روابط أدلة. راجع README بشأن "
     "النسخ الاحتياطية والحزم المرسلة سابقًا.",
     "Apagado de vez: {answers} respostas, {notes} notas, {evidence} ligações de evidência. "
     "Veja no README as cópias de segurança e os pacotes já enviados.",
     "Cancellato per sempre: {answers} risposte, {notes} note, {evidence} collegamenti di "
     "evidenza. Vedi nel README i backup e i pacchetti già inviati."),
    ("For", "עבור", "إلى", "Para", "Per"),
    ("Informants  (Enter or i: interview; a: add; c: their check)",
     "מרואיינים  (Enter או i: ריאיון; a: הוספה; c: הבדיקה שלהם)",
     "المُقابَلون  (Enter أو i: مقابلة؛ a: إضافة؛ c: مراجعتهم)",
     "Informantes  (Enter ou i: entrevista; a: adicionar; c: a sua verificação)",
     "Informatori  (Invio o i: intervista; a: aggiungi; c: la loro verifica)"),
    ("Member check", "בדיקת משתתפים", "مراجعة المشارك", "Verificação", "Verifica"),
    ("Member check: {who}", "בדיקת משתתפים: {who}", "مراجعة المشارك: {who}",
     "Verificação pelo participante: {who}", "Verifica con l'informatore: {who}"),
    ("No answers recorded.", "לא נרשמו תשובות.", "لم تُسجَّل إجابات.",
     "Nenhuma resposta registada.", "Nessuna risposta registrata."),
    ("None of your words is quoted as evidence yet.", "אף אחד מדבריך עדיין לא צוטט כראיה.",
     "لم يُقتبس أيّ من كلامك كدليل بعد.",
     "Nenhuma das suas palavras foi ainda citada como evidência.",
     "Nessuna delle tue parole è ancora citata come evidenza."),
    ("Not erased: the name typed was not {who}.", "לא נמחק: השם שהוקלד אינו {who}.",
     "لم يُمحَ شيء: الاسم المكتوب ليس {who}.", "Não apagado: o nome escrito não era {who}.",
     "Non cancellato: il nome scritto non era {who}."),
    ("Not in this book yet", "עדיין לא בספר הזה", "ليست في هذا الكتاب بعد",
     "Ainda não estão neste livro", "Non ancora in questo libro"),
    ("Now: {state}", "כעת: {state}", "الآن: {state}", "Agora: {state}", "Ora: {state}"),
    ("Passages quoted as evidence", "קטעים שצוטטו כראיה", "مقاطع مُقتبسة كأدلة",
     "Passagens citadas como evidência", "Passaggi citati come evidenza"),
    ("Review copy written", "עותק לעיון נכתב", "كُتبت نسخة المراجعة",
     "Cópia para revisão escrita", "Copia di revisione scritta"),
    ("Supports the principle", "תומך בעיקרון", "يدعم المبدأ", "Sustenta o princípio",
     "Sostiene il principio"),
    ("Their answers, your notes on them and the evidence cut from them are deleted from this "
     "database and cannot be brought back. Type {who} to confirm.",
     "התשובות שלהם, ההערות שלך עליהן והראיות שנלקחו מהן יימחקו ממסד הנתונים הזה ולא ניתן "
     "יהיה לשחזר אותן. הקלידו {who} לאישור.",
     "ستُحذف إجاباتهم وملاحظاتك عليها والأدلة المأخوذة منها من قاعدة البيانات هذه ولا يمكن "
     "استعادتها. اكتب {who} للتأكيد.",
     "As respostas, as suas notas sobre elas e as evidências retiradas delas são apagadas "
     "desta base de dados e não podem ser recuperadas. Escreva {who} para confirmar.",
     "Le risposte, le tue note su di esse e le evidenze tratte da esse vengono cancellate da "
     "questo database e non si possono recuperare. Scrivi {who} per confermare."),
    ("This is everything of yours that may be quoted when the story is published, exactly as "
     "it would appear. Please tell us: you approve it, you approve it with changes (mark "
     "them), or you withdraw (then nothing of yours is used).",
     "זה כל מה ששלך שעשוי להיות מצוטט כשהסיפור יפורסם, בדיוק כפי שיופיע. אנא אמרו לנו: "
     "מאשרים, מאשרים עם שינויים (סמנו אותם), או חוזרים בכם (ואז לא ייעשה שימוש בשום דבר "
     "שלכם).",
     "هذا كل ما قد يُقتبس من كلامك عند نشر القصة، تمامًا كما سيظهر. أخبرنا من فضلك: توافق، "
     "أو توافق مع تعديلات (حدّدها)، أو تنسحب (فلا يُستخدم شيء من كلامك).",
     "Isto é tudo o que é seu e pode ser citado quando a história for publicada, exatamente "
     "como apareceria. Diga-nos: aprova, aprova com alterações (assinale-as), ou retira-se "
     "(e nada seu será usado).",
     "Questo è tutto ciò che di tuo può essere citato quando la storia sarà pubblicata, "
     "esattamente come apparirebbe. Dicci: approvi, approvi con modifiche (segnale), o ti "
     "ritiri (e nulla di tuo sarà usato)."),
    ("Type the pseudonym, or press Esc.", "הקלידו את הכינוי, או הקישו Esc.",
     "اكتب الاسم المستعار، أو اضغط Esc.", "Escreva o pseudónimo, ou prima Esc.",
     "Scrivi lo pseudonimo, o premi Esc."),
    ("What they said", "מה הם אמרו", "ماذا قالوا", "O que disseram", "Che cosa hanno detto"),
    ("What you said", "מה שאמרת", "ما قلته", "O que disse", "Ciò che hai detto"),
    ("Withdrawn", "חזרה מהסכמה", "انسحاب", "Retirado", "Ritirato"),
    ("Write their review copy (.docx and .md)", "כתיבת העותק לעיון שלהם (.docx ו־.md)",
     "كتابة نسخة المراجعة الخاصة بهم (.docx و.md)",
     "Escrever a cópia para revisão (.docx e .md)",
     "Scrivi la loro copia di revisione (.docx e .md)"),
    ("Your words in “{story}”", "הדברים שלך ב״{story}״", "كلامك في «{story}»",
     "As suas palavras em “{story}”", "Le tue parole in “{story}”"),
    ("also the stories whose informants have not approved yet, with DRAFT on every page",
     "גם הסיפורים שהמרואיינים בהם עדיין לא אישרו, עם 'טיוטה' בכל עמוד",
     "وأيضًا القصص التي لم يوافق مُقابَلوها بعد، مع «مسودة» في كل صفحة",
     "também as histórias cujos informantes ainda não aprovaram, com RASCUNHO em cada página",
     "anche le storie i cui informatori non hanno ancora approvato, con BOZZA su ogni pagina"),
    ("an informant's own words as they will be quoted, for them to approve (member check)",
     "דברי המרואיין/ת עצמם כפי שיצוטטו, לאישורם (בדיקת משתתפים)",
     "كلام المُقابَل نفسه كما سيُقتبس، ليوافق عليه (مراجعة المشارك)",
     "as palavras do próprio informante tal como serão citadas, para as aprovar (verificação)",
     "le parole dell'informatore come saranno citate, perché le approvi (verifica)"),
    ("approved", "אושר", "وافق", "aprovado", "approvato"),
    ("approved with changes", "אושר עם שינויים", "وافق مع تعديلات", "aprovado com alterações",
     "approvato con modifiche"),
    ("how: in person, by phone, by letter", "איך: פנים אל פנים, בטלפון, במכתב",
     "كيف: حضوريًا، بالهاتف، برسالة", "como: em pessoa, por telefone, por carta",
     "come: di persona, per telefono, per lettera"),
    ("no informant '{name}' in '{story}' (they are: {names})",
     "אין מרואיין/ת '{name}' ב־'{story}' (יש: {names})",
     "لا يوجد مُقابَل '{name}' في '{story}' (الموجودون: {names})",
     "nenhum informante '{name}' em '{story}' (são: {names})",
     "nessun informatore '{name}' in '{story}' (sono: {names})"),
    ("not checked yet", "טרם נבדק", "لم تتم المراجعة بعد", "ainda não verificado",
     "non ancora verificato"),
    ("note (optional)", "הערה (לא חובה)", "ملاحظة (اختيارية)", "nota (opcional)",
     "nota (facoltativa)"),
    ("the informant's pseudonym", "הכינוי של המרואיין/ת", "الاسم المستعار للمُقابَل",
     "o pseudónimo do informante", "lo pseudonimo dell'informatore"),
    ("withdrawn", "חזר/ה בו/ה", "انسحب", "retirado", "ritirato"),
    ("withdrawn by the informant: this passage can no longer be used",
     "המרואיין/ת חזר/ה בו/ה: אין עוד להשתמש בקטע הזה",
     "انسحب المُقابَل: لم يعد ممكنًا استخدام هذا المقطع",
     "retirado pelo informante: esta passagem já não pode ser usada",
     "ritirato dall'informatore: questo passaggio non può più essere usato"),
    ("{who} has not withdrawn: record the withdrawal first (only a withdrawn informant's words "
     "can be erased)",
     "{who} לא חזר/ה בו/ה: רשמו קודם את החזרה מההסכמה (רק דברי מרואיין/ת שחזר/ה בו/ה ניתנים "
     "למחיקה)",
     "لم ينسحب {who}: سجّل الانسحاب أولًا (لا يُمحى إلا كلام مُقابَل انسحب)",
     "{who} não se retirou: registe primeiro a retirada (só as palavras de um informante que "
     "se retirou podem ser apagadas)",
     "{who} non si è ritirato: registra prima il ritiro (si possono cancellare solo le parole "
     "di un informatore che si è ritirato)"),
    ("{who} withdrew their consent: their words are hidden everywhere and cannot be opened (the "
     "story screen can erase them for good)",
     "{who} חזר/ה בו/ה מההסכמה: דבריהם מוסתרים בכל מקום ואי אפשר לפתוח אותם (במסך הסיפור "
     "אפשר למחוק אותם לצמיתות)",
     "سحب {who} موافقته: كلامه مخفي في كل مكان ولا يمكن فتحه (يمكن محوه نهائيًا من شاشة "
     "القصة)",
     "{who} retirou o consentimento: as suas palavras estão escondidas em todo o lado e não "
     "podem ser abertas (o ecrã da história pode apagá-las de vez)",
     "{who} ha ritirato il consenso: le sue parole sono nascoste ovunque e non si possono "
     "aprire (la schermata della storia può cancellarle per sempre)"),
    ("{who} withdrew: there is nothing of theirs to review",
     "{who} חזר/ה בו/ה: אין שום דבר שלהם לעיון", "انسحب {who}: لا شيء من كلامه للمراجعة",
     "{who} retirou-se: não há nada seu para rever",
     "{who} si è ritirato: non c'è nulla di suo da rivedere"),
    ("{who}'s words are hidden from every view, export and bundle. Nothing is deleted unless "
     "you erase them.",
     "דברי {who} מוסתרים מכל תצוגה, ייצוא וחבילה. שום דבר לא נמחק אלא אם תמחקו אותם.",
     "كلام {who} مخفي عن كل عرض وتصدير وحزمة. لا يُحذف شيء ما لم تمحُه.",
     "As palavras de {who} ficam escondidas de todas as vistas, exportações e pacotes. Nada "
     "é apagado a menos que as apague.",
     "Le parole di {who} sono nascoste da ogni vista, esportazione e pacchetto. Nulla viene "
     "cancellato a meno che tu non le cancelli."),
]

WITHDRAWN = ("{count} withdrawn", "{count} withdrawn")

PLURALS = {
    "he": {WITHDRAWN: ("{count} חזר בו", "{count} חזרו בהם", "{count} חזרו בהם")},
    "ar": {WITHDRAWN: ("{count} مسحوبة", "{count} مسحوب", "{count} مسحوبان", "{count} مسحوبة",
                       "{count} مسحوبًا", "{count} مسحوب")},
    "pt": {WITHDRAWN: ("{count} retirada", "{count} retiradas", "{count} retiradas")},
    "it": {WITHDRAWN: ("{count} ritirata", "{count} ritirate", "{count} ritirate")},
}
