"""Translations: nothing irreversible because a file said so, and the demo kept apart (issue
28, points 3 and 4): erasures waiting for confirmation after an import, `reflect erase`, the
demo database and its DEMO mark. Same care and the same review note as
translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    # erasures that arrive in a bundle, and `reflect erase`
    ("{who} ({story}) withdrew, says the bundle: their words are hidden here too; nothing is "
     "deleted.",
     "{who} ({story}) חזר/ה בו/ה, לפי החבילה: הדברים שלו/ה מוסתרים גם כאן; דבר אינו נמחק.",
     "{who} ({story}) انسحب، بحسب الحزمة: كلامه مخفي هنا أيضًا؛ لا يُحذف شيء.",
     "{who} ({story}) desistiu, diz o pacote: as suas palavras ficam também ocultas aqui; "
     "nada é apagado.",
     "{who} ({story}) si è ritirato, dice il pacchetto: le sue parole sono nascoste anche qui; "
     "nulla viene cancellato."),
    ("Erasures waiting for confirmation: {count}. Their words are hidden like a withdrawal; "
     "nothing is deleted until someone here erases them:",
     "מחיקות הממתינות לאישור: {count}. הדברים מוסתרים כמו אחרי חזרה מהסכמה; דבר אינו נמחק עד "
     "שמישהו כאן ימחק אותם:",
     "عمليات محو بانتظار التأكيد: {count}. الكلام مخفي كما بعد الانسحاب؛ لا يُحذف شيء حتى "
     "يمحوه أحد هنا:",
     "Apagamentos à espera de confirmação: {count}. As palavras ficam ocultas como após uma "
     "desistência; nada é apagado até alguém aqui as apagar:",
     "Cancellazioni in attesa di conferma: {count}. Le parole sono nascoste come dopo un "
     "ritiro; nulla viene cancellato finché qualcuno qui non le cancella:"),
    ("{who} ({story}): {answers} answers, {notes} notes; erased on {date} by {by}, from "
     "{source}",
     "{who} ({story}): {answers} תשובות, {notes} הערות; נמחק ב־{date} על ידי {by}, מתוך "
     "{source}",
     "{who} ({story}): {answers} إجابات، {notes} ملاحظات؛ مُحي في {date} بواسطة {by}، من "
     "{source}",
     "{who} ({story}): {answers} respostas, {notes} notas; apagado em {date} por {by}, de "
     "{source}",
     "{who} ({story}): {answers} risposte, {notes} note; cancellato il {date} da {by}, da "
     "{source}"),
    ("someone unnamed", "מישהו ללא שם", "شخص غير مُسمّى", "alguém sem nome", "qualcuno senza nome"),
    ("an earlier import", "ייבוא קודם", "استيراد سابق", "uma importação anterior",
     "un'importazione precedente"),
    ("to erase them here for good: {command}", "כדי למחוק אותם כאן לצמיתות: {command}",
     "لمحوها هنا نهائيًا: {command}", "para as apagar aqui de vez: {command}",
     "per cancellarle qui per sempre: {command}"),
    ("erase a withdrawn informant's words for good (with --confirm); without arguments, list "
     "the erasures from bundles waiting for confirmation",
     "מחיקה לצמיתות של דברי מרואיין/ת שחזר/ה בו/ה (עם --confirm); בלי ארגומנטים: רשימת "
     "המחיקות מחבילות שממתינות לאישור",
     "محو كلام مُقابَل منسحب نهائيًا (مع --confirm)؛ بلا وسائط: قائمة عمليات المحو الواردة "
     "في الحزم والتي تنتظر التأكيد",
     "apagar de vez as palavras de um informante que desistiu (com --confirm); sem "
     "argumentos, listar os apagamentos vindos de pacotes à espera de confirmação",
     "cancellare per sempre le parole di un informatore che si è ritirato (con --confirm); "
     "senza argomenti, elencare le cancellazioni arrivate nei pacchetti in attesa di "
     "conferma"),
    ("erase now; without it, nothing is deleted and the command says what would go",
     "למחוק עכשיו; בלעדיו דבר אינו נמחק והפקודה רק אומרת מה יימחק",
     "امحُ الآن؛ من دونه لا يُحذف شيء ويقول الأمر فقط ما الذي سيُحذف",
     "apagar agora; sem isto nada é apagado e o comando diz o que iria",
     "cancella ora; senza, nulla viene cancellato e il comando dice cosa andrebbe via"),
    ("who erases (kept in the audit trail)", "מי מוחק/ת (נשמר ביומן הביקורת)",
     "من يمحو (يُحفظ في سجل التدقيق)", "quem apaga (fica no registo de auditoria)",
     "chi cancella (resta nel registro di controllo)"),
    ("No erasure is waiting for confirmation.", "אין מחיקה הממתינה לאישור.",
     "لا توجد عملية محو تنتظر التأكيد.", "Nenhum apagamento está à espera de confirmação.",
     "Nessuna cancellazione è in attesa di conferma."),
    ("give the informant's pseudonym after the story: reflect erase STORY PSEUDONYM --confirm",
     "כתבו את הכינוי של המרואיין/ת אחרי הסיפור: reflect erase STORY PSEUDONYM --confirm",
     "اكتب الاسم المستعار للمُقابَل بعد القصة: reflect erase STORY PSEUDONYM --confirm",
     "indique o pseudónimo do informante a seguir à história: reflect erase STORY PSEUDONYM "
     "--confirm",
     "indica lo pseudonimo dell'informatore dopo la storia: reflect erase STORY PSEUDONYM "
     "--confirm"),
    ("{count} informants called '{name}' in '{story}' (they are: {names})",
     "{count} מרואיינים בשם '{name}' ב־'{story}' (יש: {names})",
     "{count} مُقابَلين باسم '{name}' في '{story}' (هم: {names})",
     "{count} informantes chamados '{name}' em '{story}' (são: {names})",
     "{count} informatori chiamati '{name}' in '{story}' (sono: {names})"),
    ("Erasing {who}'s words deletes {answers} answers, {notes} interviewer's notes and "
     "{evidence} evidence links from this database for good; they cannot be brought back. "
     "Backups, bundles and documents made before still hold them (README, 'What an erasure "
     "cannot reach').",
     "מחיקת הדברים של {who} מוחקת ממסד הנתונים הזה לצמיתות {answers} תשובות, {notes} הערות "
     "מראיין ו־{evidence} קישורי ראיה; אי אפשר להחזיר אותם. גיבויים, חבילות ומסמכים שנעשו "
     "קודם עדיין מכילים אותם (README, 'What an erasure cannot reach').",
     "محو كلام {who} يحذف من قاعدة البيانات هذه نهائيًا {answers} إجابات و{notes} ملاحظات "
     "للمُقابِل و{evidence} روابط أدلة؛ لا يمكن استعادتها. النسخ الاحتياطية والحزم والوثائق "
     "المصنوعة قبل ذلك ما زالت تحملها (README، 'What an erasure cannot reach').",
     "Apagar as palavras de {who} elimina de vez desta base de dados {answers} respostas, "
     "{notes} notas do entrevistador e {evidence} ligações de evidência; não podem ser "
     "recuperadas. Cópias de segurança, pacotes e documentos feitos antes ainda as contêm "
     "(README, 'What an erasure cannot reach').",
     "Cancellare le parole di {who} elimina per sempre da questo database {answers} risposte, "
     "{notes} note dell'intervistatore e {evidence} collegamenti di evidenza; non si possono "
     "recuperare. Backup, pacchetti e documenti fatti prima le contengono ancora (README, "
     "'What an erasure cannot reach')."),
    ("Nothing was deleted. To erase them: {command}", "דבר לא נמחק. כדי למחוק אותם: {command}",
     "لم يُحذف شيء. لمحوها: {command}", "Nada foi apagado. Para as apagar: {command}",
     "Nulla è stato cancellato. Per cancellarle: {command}"),
    ("Erased for good: {answers} answers, {notes} notes, {evidence} evidence links of {who}; "
     "the database file was compacted.",
     "נמחקו לצמיתות: {answers} תשובות, {notes} הערות, {evidence} קישורי ראיה של {who}; קובץ "
     "מסד הנתונים נדחס.",
     "مُحي نهائيًا: {answers} إجابات، {notes} ملاحظات، {evidence} روابط أدلة لـ {who}؛ "
     "وضُغط ملف قاعدة البيانات.",
     "Apagado de vez: {answers} respostas, {notes} notas, {evidence} ligações de evidência "
     "de {who}; o ficheiro da base de dados foi compactado.",
     "Cancellato per sempre: {answers} risposte, {notes} note, {evidence} collegamenti di "
     "evidenza di {who}; il file del database è stato compattato."),
    # the demo, apart from real work
    ("DEMO: invented stories", "הדגמה: סיפורים בדויים", "عرض تجريبي: قصص مُختلَقة",
     "DEMONSTRAÇÃO: histórias inventadas", "DEMO: storie inventate"),
    ("reflect · DEMO: invented stories", "reflect · הדגמה: סיפורים בדויים",
     "reflect · عرض تجريبي: قصص مُختلَقة", "reflect · DEMONSTRAÇÃO: histórias inventadas",
     "reflect · DEMO: storie inventate"),
    ("This database holds real stories; the demo's invented stories never go beside them. The "
     "demo has its own database: 'reflect demo' opens {demo} (or give it an empty one: "
     "'reflect --db FILE demo'). Nothing was changed.",
     "מסד הנתונים הזה מכיל סיפורים אמיתיים; הסיפורים הבדויים של ההדגמה לעולם אינם נכנסים "
     "לצדם. להדגמה יש מסד נתונים משלה: 'reflect demo' פותח את {demo} (או תנו לה מסד ריק: "
     "'reflect --db FILE demo'). דבר לא שונה.",
     "قاعدة البيانات هذه تحوي قصصًا حقيقية؛ ولا توضع قصص العرض التجريبي المُختلَقة بجانبها "
     "أبدًا. للعرض التجريبي قاعدة بياناته الخاصة: 'reflect demo' يفتح {demo} (أو أعطه قاعدة "
     "فارغة: 'reflect --db FILE demo'). لم يتغيّر شيء.",
     "Esta base de dados tem histórias reais; as histórias inventadas da demonstração nunca "
     "ficam ao lado delas. A demonstração tem a sua própria base de dados: 'reflect demo' abre "
     "{demo} (ou dê-lhe uma vazia: 'reflect --db FILE demo'). Nada foi alterado.",
     "Questo database contiene storie reali; le storie inventate della demo non vanno mai "
     "accanto a loro. La demo ha un suo database: 'reflect demo' apre {demo} (oppure dagliene "
     "uno vuoto: 'reflect --db FILE demo'). Nulla è stato cambiato."),
    ("{path} carries the demo's invented stories ({titles}), and this database holds real "
     "work: demo stories never go beside it. Nothing was imported. To look at them, import it "
     "into the demo database: reflect --db {demo} import {path}",
     "{path} מכיל את הסיפורים הבדויים של ההדגמה ({titles}), ומסד הנתונים הזה מכיל עבודה "
     "אמיתית: סיפורי הדגמה לעולם אינם נכנסים לצדה. דבר לא יובא. כדי לעיין בהם, ייבאו אותו "
     "למסד ההדגמה: reflect --db {demo} import {path}",
     "{path} يحمل قصص العرض التجريبي المُختلَقة ({titles})، وقاعدة البيانات هذه تحوي عملًا "
     "حقيقيًا: لا توضع قصص العرض التجريبي بجانبه أبدًا. لم يُستورد شيء. للاطلاع عليها، "
     "استوردها إلى قاعدة بيانات العرض التجريبي: reflect --db {demo} import {path}",
     "{path} traz as histórias inventadas da demonstração ({titles}), e esta base de dados tem "
     "trabalho real: as histórias da demonstração nunca ficam ao lado dele. Nada foi "
     "importado. Para as ver, importe-o para a base de dados da demonstração: reflect --db "
     "{demo} import {path}",
     "{path} contiene le storie inventate della demo ({titles}), e questo database contiene "
     "lavoro reale: le storie della demo non vanno mai accanto. Nulla è stato importato. Per "
     "vederle, importalo nel database della demo: reflect --db {demo} import {path}"),
    ("The demo's invented stories are in {db}, apart from your own work. Back to your own "
     "data: run reflect without 'demo'.",
     "הסיפורים הבדויים של ההדגמה נמצאים ב־{db}, בנפרד מהעבודה שלכם. כדי לחזור לנתונים "
     "שלכם: הריצו את reflect בלי 'demo'.",
     "قصص العرض التجريبي المُختلَقة موجودة في {db}، بعيدًا عن عملك. للعودة إلى بياناتك: "
     "شغّل reflect من دون 'demo'.",
     "As histórias inventadas da demonstração estão em {db}, à parte do seu trabalho. Para "
     "voltar aos seus dados: execute reflect sem 'demo'.",
     "Le storie inventate della demo sono in {db}, separate dal tuo lavoro. Per tornare ai "
     "tuoi dati: esegui reflect senza 'demo'."),
    ("open the demo: invented stories in their own database (demo.db in the user data dir, "
     "or --db), never in yours",
     "פתיחת ההדגמה: סיפורים בדויים במסד נתונים משלהם (demo.db בתיקיית הנתונים של המשתמש, "
     "או --db), לעולם לא במסד שלכם",
     "فتح العرض التجريبي: قصص مُختلَقة في قاعدة بياناتها الخاصة (demo.db في مجلد بيانات "
     "المستخدم، أو --db)، لا في قاعدتك أبدًا",
     "abrir a demonstração: histórias inventadas na sua própria base de dados (demo.db na "
     "pasta de dados do utilizador, ou --db), nunca na sua",
     "apri la demo: storie inventate in un database tutto loro (demo.db nella cartella dati "
     "dell'utente, o --db), mai nel tuo"),
    ("only load the demo set; do not start the app", "רק לטעון את ערכת ההדגמה; בלי להפעיל את "
     "היישום", "حمّل مجموعة العرض التجريبي فقط؛ لا تشغّل التطبيق",
     "apenas carregar o conjunto de demonstração; não iniciar a aplicação",
     "carica solo l'insieme della demo; non avviare l'app"),
]
