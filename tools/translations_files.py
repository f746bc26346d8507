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
]
