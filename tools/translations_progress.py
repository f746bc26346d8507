"""Translations, thirteenth batch: exports written behind a progress bar (issue 16) and what
is said when one cannot be written. Same care and the same review note as
translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("Writing the book", "כותבים את הספר", "جارٍ كتابة الكتاب", "A escrever o livro",
     "Scrittura del libro"),
    ("Writing the story", "כותבים את הסיפור", "جارٍ كتابة القصة", "A escrever a história",
     "Scrittura della storia"),
    ("Writing the interview record", "כותבים את תיעוד הריאיון", "جارٍ كتابة سجل المقابلة",
     "A escrever o registo da entrevista", "Scrittura del verbale dell'intervista"),
    ("Writing the review copy", "כותבים את עותק הבדיקה", "جارٍ كتابة نسخة المراجعة",
     "A escrever a cópia para revisão", "Scrittura della copia di revisione"),
    ("Writing the interview guide", "כותבים את מדריך הריאיון", "جارٍ كتابة دليل المقابلة",
     "A escrever o guião de entrevista", "Scrittura della traccia d'intervista"),
    ("Writing the consent form", "כותבים את טופס ההסכמה", "جارٍ كتابة استمارة الموافقة",
     "A escrever o formulário de consentimento", "Scrittura del modulo di consenso"),
    ("Writing Markdown files", "כותבים קובצי Markdown", "جارٍ كتابة ملفات Markdown",
     "A escrever ficheiros Markdown", "Scrittura dei file Markdown"),
    ("sessions", "מפגשים", "الجلسات", "sessões", "sessioni"),
    ("Could not write {path}: {reason}. Check that the folder exists, that you may write there "
     "and that the disk is not full.",
     "לא ניתן היה לכתוב את {path}: {reason}. בדקו שהתיקייה קיימת, שמותר לכם לכתוב בה ושהדיסק "
     "אינו מלא.",
     "تعذّرت كتابة {path}: {reason}. تأكّد من أن المجلد موجود، وأنه يُسمح لك بالكتابة فيه، وأن "
     "القرص غير ممتلئ.",
     "Não foi possível escrever {path}: {reason}. Verifique se a pasta existe, se pode escrever "
     "nela e se o disco não está cheio.",
     "Impossibile scrivere {path}: {reason}. Controlla che la cartella esista, che tu possa "
     "scriverci e che il disco non sia pieno."),
    ("The export stopped on an unexpected error; nothing else was changed. A private crash "
     "report (no answer text) is in {path}.",
     "הייצוא נעצר בשל שגיאה לא צפויה; שום דבר אחר לא שונה. דוח קריסה פרטי (ללא טקסט של "
     "תשובות) נמצא ב-{path}.",
     "توقف التصدير بسبب خطأ غير متوقع؛ لم يتغير شيء آخر. يوجد تقرير عطل خاص (دون نص "
     "الإجابات) في {path}.",
     "A exportação parou devido a um erro inesperado; nada mais foi alterado. Um relatório de "
     "falha privado (sem texto das respostas) está em {path}.",
     "L'esportazione si è interrotta per un errore imprevisto; nient'altro è stato modificato. "
     "Un rapporto di errore privato (senza il testo delle risposte) si trova in {path}."),
    ("No story can be printed yet", "עדיין אין סיפור שאפשר להדפיס", "لا توجد بعد قصة يمكن طباعتها",
     "Ainda nenhuma história pode ser impressa", "Nessuna storia può ancora essere stampata"),
    ("A story is printed once it is analysed and everyone quoted in it approved their words (c "
     "in the story). A draft has every ready story and says DRAFT on each page.",
     "סיפור מודפס לאחר שנותח וכל מי שמצוטט בו אישר את דבריו (c במסך הסיפור). טיוטה כוללת כל "
     "סיפור מוכן, ובכל עמוד כתוב בה טיוטה.",
     "تُطبع القصة بعد تحليلها وموافقة كل من اقتُبس كلامه فيها على كلماته (c في شاشة القصة). "
     "المسودة تضم كل قصة جاهزة، وتحمل كلمة مسودة في كل صفحة.",
     "Uma história é impressa depois de analisada e de todos os citados aprovarem as suas "
     "palavras (c na história). Um rascunho tem todas as histórias prontas e diz RASCUNHO em "
     "cada página.",
     "Una storia viene stampata quando è analizzata e tutte le persone citate hanno approvato "
     "le proprie parole (c nella storia). Una bozza contiene ogni storia pronta e riporta BOZZA "
     "su ogni pagina."),
    ("Print a draft", "הדפסת טיוטה", "طباعة مسودة", "Imprimir um rascunho", "Stampa una bozza"),
    ("the subtitle on the title page", "כותרת המשנה בעמוד השער", "العنوان الفرعي في صفحة العنوان",
     "o subtítulo na página de rosto", "il sottotitolo nel frontespizio"),
    ("the department or service on the title page (default: the stories' services)",
     "המחלקה או השירות בעמוד השער (ברירת מחדל: השירותים של הסיפורים)",
     "القسم أو الخدمة في صفحة العنوان (الافتراضي: خدمات القصص)",
     "o departamento ou serviço na página de rosto (por omissão: os serviços das histórias)",
     "il dipartimento o servizio nel frontespizio (predefinito: i servizi delle storie)"),
    ("the editors' names, for the title page", "שמות העורכים, לעמוד השער",
     "أسماء المحررين، لصفحة العنوان", "os nomes dos editores, para a página de rosto",
     "i nomi dei curatori, per il frontespizio"),
    ("the year on the title page (default: this year)", "השנה בעמוד השער (ברירת מחדל: השנה)",
     "السنة في صفحة العنوان (الافتراضي: هذه السنة)",
     "o ano na página de rosto (por omissão: este ano)",
     "l'anno nel frontespizio (predefinito: quest'anno)"),
    ("Edited by {editors}", "בעריכת {editors}", "تحرير: {editors}", "Organização de {editors}",
     "A cura di {editors}"),
]

PLURALS: dict = {}
