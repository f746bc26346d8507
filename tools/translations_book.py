"""Translations for the book a department prints from the app (issue 33, point 3): the
title page dialog on b, the command line's remembered defaults, the draft's status page.
Same care and the same review note as translations_interview.py. Each row: English, Hebrew,
Arabic, Portuguese, Italian."""

ROWS = [
    ("The book's title page", "עמוד השער של הספר", "صفحة عنوان الكتاب",
     "A página de rosto do livro", "Il frontespizio del libro"),
    ("The book's title page (a draft)", "עמוד השער של הספר (טיוטה)",
     "صفحة عنوان الكتاب (مسودة)", "A página de rosto do livro (rascunho)",
     "Il frontespizio del libro (bozza)"),
    ("Subtitle", "כותרת משנה", "العنوان الفرعي", "Subtítulo", "Sottotitolo"),
    ("Department or service", "מחלקה או שירות", "القسم أو الخدمة", "Departamento ou serviço",
     "Dipartimento o servizio"),
    ("Edited by", "עריכה", "تحرير", "Organização", "A cura di"),
    ("Year", "שנה", "السنة", "Ano", "Anno"),
    ("the services of the stories", "השירותים של הסיפורים", "خدمات القصص",
     "os serviços das histórias", "i servizi delle storie"),
    ("e.g. N. Levi, S. Amir", "לדוגמה: נ. לוי, ש. עמיר", "مثلًا: ن. ليفي، س. عامر",
     "p. ex. N. Levi, S. Amir", "ad es. N. Levi, S. Amir"),
    ("Kept in this database for the next book.", "נשמר במסד הנתונים הזה לספר הבא.",
     "يُحفظ في قاعدة البيانات هذه للكتاب التالي.",
     "Guardado nesta base de dados para o próximo livro.",
     "Conservato in questo database per il prossimo libro."),
    ("The book needs a title.", "לספר צריכה להיות כותרת.", "يحتاج الكتاب إلى عنوان.",
     "O livro precisa de um título.", "Il libro ha bisogno di un titolo."),
    ("Write (ctrl+s)", "כתיבה (ctrl+s)", "كتابة (ctrl+s)", "Escrever (ctrl+s)",
     "Scrivi (ctrl+s)"),
    ("Write the book", "כתיבת הספר", "كتابة الكتاب", "Escrever o livro", "Scrivi il libro"),
    ("Left out until analysed and approved: {titles}.",
     "נשארו מחוץ לספר עד שינותחו ויאושרו: {titles}.",
     "مستبعدة حتى تُحلَّل وتُعتمد: {titles}.",
     "Deixadas de fora até serem analisadas e aprovadas: {titles}.",
     "Lasciate fuori finché non sono analizzate e approvate: {titles}."),
    ("Left out until analysed and approved (a draft lists them): {titles}.",
     "נשארו מחוץ לספר עד שינותחו ויאושרו (טיוטה מפרטת אותם): {titles}.",
     "مستبعدة حتى تُحلَّل وتُعتمد (المسودة تسردها): {titles}.",
     "Deixadas de fora até serem analisadas e aprovadas (um rascunho lista-as): {titles}.",
     "Lasciate fuori finché non sono analizzate e approvate (una bozza le elenca): {titles}."),
    ("Not in the final book yet", "עדיין לא בספר הסופי", "ليست في الكتاب النهائي بعد",
     "Ainda não estão no livro final", "Non ancora nel libro finale"),
    ("This draft prints these stories, but the book leaves them out until they are analysed "
     "and their informants approved the words quoted (the member check).",
     "הטיוטה הזו מדפיסה את הסיפורים האלה, אבל הספר משאיר אותם בחוץ עד שינותחו והמרואיינים "
     "יאשרו את הדברים המצוטטים (בדיקת משתתפים).",
     "تطبع هذه المسودة هذه القصص، لكن الكتاب يستبعدها حتى تُحلَّل ويوافق المُقابَلون على "
     "الكلام المُقتبس (مراجعة المشارك).",
     "Este rascunho imprime estas histórias, mas o livro deixa-as de fora até serem "
     "analisadas e os seus informantes aprovarem as palavras citadas (a verificação pelo "
     "participante).",
     "Questa bozza stampa queste storie, ma il libro le lascia fuori finché non sono "
     "analizzate e i loro informatori non hanno approvato le parole citate (la verifica con "
     "l'informatore)."),
    ("the book's title (default: the last book's from this database, or Learning from "
     "Success, in the interface language)",
     "כותרת הספר (ברירת מחדל: של הספר הקודם ממסד הנתונים הזה, או „למידה מהצלחות”, בשפת "
     "הממשק)",
     "عنوان الكتاب (الافتراضي: عنوان الكتاب السابق من قاعدة البيانات هذه، أو «التعلّم من "
     "النجاح» بلغة الواجهة)",
     "o título do livro (por omissão: o do último livro desta base de dados, ou Aprender com "
     "o Sucesso, na língua da interface)",
     "il titolo del libro (predefinito: quello dell'ultimo libro di questo database, o "
     "Imparare dal successo, nella lingua dell'interfaccia)"),
    ("the subtitle on the title page (default: the last book's)",
     "כותרת המשנה בעמוד השער (ברירת מחדל: של הספר הקודם)",
     "العنوان الفرعي في صفحة العنوان (الافتراضي: عنوان الكتاب السابق)",
     "o subtítulo na página de rosto (por omissão: o do último livro)",
     "il sottotitolo nel frontespizio (predefinito: quello dell'ultimo libro)"),
    ("the department or service on the title page, and the document's author when no "
     "editors are named (default: the last book's, or the stories' services)",
     "המחלקה או השירות בעמוד השער, ומחבר המסמך כשלא צוינו עורכים (ברירת מחדל: של הספר "
     "הקודם, או השירותים של הסיפורים)",
     "القسم أو الخدمة في صفحة العنوان، ومؤلف المستند حين لا يُذكر محررون (الافتراضي: ما في "
     "الكتاب السابق، أو خدمات القصص)",
     "o departamento ou serviço na página de rosto, e o autor do documento quando não se "
     "indicam editores (por omissão: o do último livro, ou os serviços das histórias)",
     "il dipartimento o servizio nel frontespizio, e l'autore del documento se non si "
     "indicano curatori (predefinito: quello dell'ultimo libro, o i servizi delle storie)"),
    ("the editors' names, for the title page and the document's author (default: the last "
     "book's)",
     "שמות העורכים, לעמוד השער ולמחבר המסמך (ברירת מחדל: של הספר הקודם)",
     "أسماء المحررين، لصفحة العنوان ولمؤلف المستند (الافتراضي: ما في الكتاب السابق)",
     "os nomes dos editores, para a página de rosto e o autor do documento (por omissão: os "
     "do último livro)",
     "i nomi dei curatori, per il frontespizio e l'autore del documento (predefinito: quelli "
     "dell'ultimo libro)"),
    ("the year on the title page (default: the last book's, or this year)",
     "השנה בעמוד השער (ברירת מחדל: של הספר הקודם, או השנה)",
     "السنة في صفحة العنوان (الافتراضي: سنة الكتاب السابق، أو هذه السنة)",
     "o ano na página de rosto (por omissão: o do último livro, ou este ano)",
     "l'anno nel frontespizio (predefinito: quello dell'ultimo libro, o quest'anno)"),
]

PLURALS: dict = {}
