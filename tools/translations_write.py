"""Translations: writing files without trusting the folder, and every failure in words (issue
29, points 3 and 8): --force, existing and read-only files, the database refused as a target,
a full disk, bytes that are not UTF-8, a database in memory. Same care and the same review
note as translations_interview.py. Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("'{text}' is not a whole number from 1 to {most}",
     "'{text}' אינו מספר שלם בין 1 ל־{most}",
     "'{text}' ليس عددًا صحيحًا من 1 إلى {most}",
     "'{text}' não é um número inteiro de 1 a {most}",
     "'{text}' non è un numero intero da 1 a {most}"),
    ("Replace", "להחליף", "استبدال", "Substituir", "Sostituisci"),
    ("Replace the earlier export?", "להחליף את הייצוא הקודם?", "استبدال التصدير السابق؟",
     "Substituir a exportação anterior?", "Sostituire l'esportazione precedente?"),
    ("a file", "קובץ", "ملف", "um ficheiro", "un file"),
    ("answers to show (default 20, at most 10,000)",
     "כמה תשובות להציג (ברירת מחדל 20, לכל היותר 10,000)",
     "عدد الإجابات المعروضة (الافتراضي 20، وبحد أقصى 10,000)",
     "respostas a mostrar (por omissão 20, no máximo 10.000)",
     "risposte da mostrare (predefinito 20, al massimo 10.000)"),
    ("argument {number} ({shown}) is not valid UTF-8 text; reflect reads its arguments as "
     "UTF-8. Type it again in a UTF-8 terminal, or rename the file.",
     "הארגומנט {number} ({shown}) אינו טקסט UTF-8 תקין; reflect קורא את הארגומנטים שלו "
     "כ־UTF-8. הקלידו אותו שוב במסוף UTF-8, או שנו את שם הקובץ.",
     "الوسيط {number} ({shown}) ليس نصًا صالحًا بترميز UTF-8؛ يقرأ reflect وسائطه بترميز "
     "UTF-8. اكتبه مجددًا في طرفية UTF-8، أو غيّر اسم الملف.",
     "o argumento {number} ({shown}) não é texto UTF-8 válido; o reflect lê os argumentos em "
     "UTF-8. Escreva-o de novo num terminal UTF-8, ou mude o nome do ficheiro.",
     "l'argomento {number} ({shown}) non è testo UTF-8 valido; reflect legge gli argomenti in "
     "UTF-8. Riscrivilo in un terminale UTF-8, o rinomina il file."),
    ("cannot create the data folder {path} ({problem}). Set REFLECT_DATA_DIR to a folder you "
     "may write in, or make this one writable.",
     "אי אפשר ליצור את תיקיית הנתונים {path} ({problem}). הגדירו את REFLECT_DATA_DIR לתיקייה "
     "שמותר לכם לכתוב בה, או אפשרו כתיבה בתיקייה הזו.",
     "تعذّر إنشاء مجلد البيانات {path} ({problem}). اضبط REFLECT_DATA_DIR على مجلد يُسمح لك "
     "بالكتابة فيه، أو اجعل هذا المجلد قابلًا للكتابة.",
     "não é possível criar a pasta de dados {path} ({problem}). Defina REFLECT_DATA_DIR para "
     "uma pasta onde possa escrever, ou torne esta gravável.",
     "impossibile creare la cartella dei dati {path} ({problem}). Imposta REFLECT_DATA_DIR su "
     "una cartella in cui puoi scrivere, o rendi scrivibile questa."),
    ("could not write the backup to {target}: {problem}. Give a file or an existing folder you "
     "may write in.",
     "לא ניתן היה לכתוב את הגיבוי אל {target}: {problem}. תנו קובץ או תיקייה קיימת שמותר לכם "
     "לכתוב בה.",
     "تعذّرت كتابة النسخة الاحتياطية في {target}: {problem}. أعطِ ملفًا أو مجلدًا موجودًا "
     "يُسمح لك بالكتابة فيه.",
     "não foi possível escrever a cópia de segurança em {target}: {problem}. Indique um "
     "ficheiro ou uma pasta existente onde possa escrever.",
     "impossibile scrivere il backup in {target}: {problem}. Indica un file o una cartella "
     "esistente in cui puoi scrivere."),
    ("could not write {path}: {reason}. Nothing was left half-written.",
     "לא ניתן היה לכתוב את {path}: {reason}. שום דבר לא נשאר כתוב למחצה.",
     "تعذّرت كتابة {path}: {reason}. لم يبقَ شيء مكتوب جزئيًا.",
     "não foi possível escrever {path}: {reason}. Nada ficou escrito a meio.",
     "impossibile scrivere {path}: {reason}. Non è rimasto nulla scritto a metà."),
    ("its folder does not exist, or a file stands where a folder should be. Check the path",
     "התיקייה שלו אינה קיימת, או שקובץ נמצא במקום שבו צריכה להיות תיקייה. בדקו את הנתיב",
     "مجلده غير موجود، أو يوجد ملف حيث يجب أن يكون مجلد. تحقّق من المسار",
     "a pasta não existe, ou há um ficheiro onde devia estar uma pasta. Verifique o caminho",
     "la cartella non esiste, o c'è un file dove dovrebbe esserci una cartella. Controlla il "
     "percorso"),
    ("reflect: could not use {path}: {problem}. Check that it exists, that you may read and "
     "write there and that the disk is not full.",
     "reflect: לא ניתן היה להשתמש ב־{path}: {problem}. בדקו שהוא קיים, שמותר לכם לקרוא ולכתוב "
     "שם ושהדיסק אינו מלא.",
     "reflect: تعذّر استخدام {path}: {problem}. تحقّق من أنه موجود، وأنه يُسمح لك بالقراءة "
     "والكتابة هناك، وأن القرص غير ممتلئ.",
     "reflect: não foi possível usar {path}: {problem}. Verifique que existe, que pode ler e "
     "escrever aí e que o disco não está cheio.",
     "reflect: impossibile usare {path}: {problem}. Controlla che esista, che tu possa leggere "
     "e scrivere lì e che il disco non sia pieno."),
    ("the disk failed to write (removed, failing or a network share gone). Check the disk and "
     "try again",
     "הדיסק נכשל בכתיבה (נותק, תקול, או שתיקיית רשת נעלמה). בדקו את הדיסק ונסו שוב",
     "فشل القرص في الكتابة (أُزيل، أو معطوب، أو اختفى مجلد الشبكة). تحقّق من القرص وحاول "
     "مجددًا",
     "o disco falhou ao escrever (removido, avariado ou uma partilha de rede perdida). Verifique "
     "o disco e tente de novo",
     "il disco non è riuscito a scrivere (rimosso, guasto o una condivisione di rete sparita). "
     "Controlla il disco e riprova"),
    ("the disk is full (or your share of it is used up). Free some space and try again",
     "הדיסק מלא (או שהמכסה שלכם נוצלה). פנו מקום ונסו שוב",
     "القرص ممتلئ (أو استُنفدت حصتك منه). أفرغ بعض المساحة وحاول مجددًا",
     "o disco está cheio (ou a sua quota esgotou-se). Liberte espaço e tente de novo",
     "il disco è pieno (o la tua quota è esaurita). Libera spazio e riprova"),
    ("the disk is mounted read-only. Write to another disk or folder",
     "הדיסק מחובר לקריאה בלבד. כתבו לדיסק או לתיקייה אחרים",
     "القرص مركّب للقراءة فقط. اكتب إلى قرص أو مجلد آخر",
     "o disco está montado só para leitura. Escreva noutro disco ou pasta",
     "il disco è montato in sola lettura. Scrivi su un altro disco o cartella"),
    ("the environment variable {name} is not valid UTF-8 text; set it again in a UTF-8 "
     "terminal.",
     "משתנה הסביבה {name} אינו טקסט UTF-8 תקין; הגדירו אותו שוב במסוף UTF-8.",
     "متغير البيئة {name} ليس نصًا صالحًا بترميز UTF-8؛ اضبطه مجددًا في طرفية UTF-8.",
     "a variável de ambiente {name} não é texto UTF-8 válido; defina-a de novo num terminal "
     "UTF-8.",
     "la variabile d'ambiente {name} non è testo UTF-8 valido; reimpostala in un terminale "
     "UTF-8."),
    ("the file is larger than this disk or your limits allow (a FAT-formatted USB stick takes "
     "at most 4 GB). Write it to another disk",
     "הקובץ גדול ממה שהדיסק הזה או המגבלות שלכם מאפשרים (החסן נייד בפורמט FAT מקבל לכל היותר "
     "4 GB). כתבו אותו לדיסק אחר",
     "الملف أكبر مما يسمح به هذا القرص أو حدودك (ذاكرة USB بتنسيق FAT تقبل 4 GB على الأكثر). "
     "اكتبه إلى قرص آخر",
     "o ficheiro é maior do que este disco ou os seus limites permitem (uma pen USB formatada "
     "em FAT aceita no máximo 4 GB). Escreva-o noutro disco",
     "il file è più grande di quanto permettano questo disco o i tuoi limiti (una chiavetta "
     "USB formattata FAT accetta al massimo 4 GB). Scrivilo su un altro disco"),
    ("the name is too long for this disk. Choose a shorter path",
     "השם ארוך מדי לדיסק הזה. בחרו נתיב קצר יותר",
     "الاسم طويل جدًا لهذا القرص. اختر مسارًا أقصر",
     "o nome é demasiado longo para este disco. Escolha um caminho mais curto",
     "il nome è troppo lungo per questo disco. Scegli un percorso più corto"),
    ("write over files that already exist (never over the database or its backups, nor a file "
     "made read-only)",
     "לכתוב על קבצים שכבר קיימים (לעולם לא על מסד הנתונים או הגיבויים שלו, וגם לא על קובץ "
     "שהוגדר לקריאה בלבד)",
     "الكتابة فوق ملفات موجودة (وليس أبدًا فوق قاعدة البيانات أو نسخها الاحتياطية، ولا فوق "
     "ملف جُعل للقراءة فقط)",
     "escrever por cima de ficheiros que já existem (nunca da base de dados nem das suas cópias "
     "de segurança, nem de um ficheiro tornado só de leitura)",
     "scrivere sopra file già esistenti (mai sopra il database o i suoi backup, né sopra un "
     "file reso di sola lettura)"),
    ("you may not write in that folder (or over that file). Choose another folder",
     "אין לכם הרשאה לכתוב בתיקייה הזו (או על הקובץ הזה). בחרו תיקייה אחרת",
     "لا يُسمح لك بالكتابة في هذا المجلد (أو فوق هذا الملف). اختر مجلدًا آخر",
     "não tem permissão para escrever nessa pasta (ou por cima desse ficheiro). Escolha outra "
     "pasta",
     "non hai il permesso di scrivere in quella cartella (o sopra quel file). Scegli un'altra "
     "cartella"),
    ("{db} is a database in memory: everything written to it is lost when reflect ends. Give "
     "a file path (or a server URL) with --db.",
     "{db} הוא מסד נתונים בזיכרון: כל מה שנכתב אליו אובד כש־reflect נסגר. תנו נתיב לקובץ (או "
     "כתובת שרת) עם ‎--db.",
     "{db} قاعدة بيانات في الذاكرة: كل ما يُكتب فيها يضيع عند انتهاء reflect. أعطِ مسار ملف "
     "(أو عنوان خادم) مع ‎--db.",
     "{db} é uma base de dados em memória: tudo o que lá se escreve perde-se quando o reflect "
     "termina. Indique o caminho de um ficheiro (ou o URL de um servidor) com --db.",
     "{db} è un database in memoria: tutto ciò che vi si scrive va perso quando reflect "
     "termina. Indica il percorso di un file (o l'URL di un server) con --db."),
    ("{path} is a folder, so no file of that name can be written there. Choose another name "
     "with --out.",
     "{path} היא תיקייה, ולכן אי אפשר לכתוב שם קובץ בשם הזה. בחרו שם אחר עם ‎--out.",
     "{path} مجلد، لذا لا يمكن كتابة ملف بهذا الاسم هناك. اختر اسمًا آخر مع ‎--out.",
     "{path} é uma pasta, por isso não se pode escrever lá um ficheiro com esse nome. Escolha "
     "outro nome com --out.",
     "{path} è una cartella, quindi lì non si può scrivere un file con quel nome. Scegli un "
     "altro nome con --out."),
    ("{path} is read-only, so reflect did not write over it (and did not change its "
     "permissions). Make it writable if it should be replaced, or write elsewhere with --out.",
     "{path} מוגדר לקריאה בלבד, ולכן reflect לא כתב עליו (ולא שינה את ההרשאות שלו). אפשרו בו "
     "כתיבה אם יש להחליפו, או כתבו למקום אחר עם ‎--out.",
     "{path} للقراءة فقط، لذا لم يكتب reflect فوقه (ولم يغيّر أذوناته). اجعله قابلًا للكتابة "
     "إن كان يجب استبداله، أو اكتب في مكان آخر مع ‎--out.",
     "{path} é só de leitura, por isso o reflect não escreveu por cima (nem mudou as suas "
     "permissões). Torne-o gravável se deve ser substituído, ou escreva noutro lado com --out.",
     "{path} è di sola lettura, quindi reflect non ci ha scritto sopra (né ha cambiato i suoi "
     "permessi). Rendilo scrivibile se va sostituito, o scrivi altrove con --out."),
    ("{path} is the database or one of its own files (its journal, a backup); an export never "
     "writes over it, even with --force. Choose another file or folder with --out.",
     "{path} הוא מסד הנתונים או אחד מקבציו (היומן שלו, גיבוי); ייצוא לעולם אינו כותב עליו, "
     "גם עם ‎--force. בחרו קובץ או תיקייה אחרים עם ‎--out.",
     "{path} هو قاعدة البيانات أو أحد ملفاتها (سجلّها، نسخة احتياطية)؛ لا يكتب التصدير فوقه "
     "أبدًا، حتى مع ‎--force. اختر ملفًا أو مجلدًا آخر مع ‎--out.",
     "{path} é a base de dados ou um dos seus ficheiros (o diário, uma cópia de segurança); uma "
     "exportação nunca escreve por cima, mesmo com --force. Escolha outro ficheiro ou pasta "
     "com --out.",
     "{path} è il database o uno dei suoi file (il giornale, un backup); un'esportazione non ci "
     "scrive mai sopra, nemmeno con --force. Scegli un altro file o cartella con --out."),
    ("{problem}. Check the folder and the disk, then try again",
     "{problem}. בדקו את התיקייה ואת הדיסק, ואז נסו שוב",
     "{problem}. تحقّق من المجلد والقرص، ثم حاول مجددًا",
     "{problem}. Verifique a pasta e o disco e tente de novo",
     "{problem}. Controlla la cartella e il disco, poi riprova"),
]

FILES = ("{count} file", "{count} files")
EXISTS = ("{files} already exists, and reflect does not write over a file unless told to: "
          "nothing was written. Add --force to replace it, or choose another name or folder "
          "with --out.",
          "{files} already exist, and reflect does not write over a file unless told to: "
          "nothing was written. Add --force to replace them, or choose another name or "
          "folder with --out.")
ASK = ("{files} is already in {folder}, from an earlier export. Replace it with this one? "
       "(No: nothing is written.)",
       "{files} are already in {folder}, from an earlier export. Replace them with this one? "
       "(No: nothing is written.)")

_HE_EXISTS = ("{files} כבר קיים, ו־reflect אינו כותב על קובץ בלי שמבקשים זאת: שום דבר לא "
              "נכתב. הוסיפו ‎--force כדי להחליפו, או בחרו שם או תיקייה אחרים עם ‎--out.")
_HE_EXISTS_MANY = ("{files} כבר קיימים, ו־reflect אינו כותב על קובץ בלי שמבקשים זאת: שום דבר "
                   "לא נכתב. הוסיפו ‎--force כדי להחליפם, או בחרו שם או תיקייה אחרים עם "
                   "‎--out.")
_HE_ASK = "{files} כבר נמצא ב־{folder}, מייצוא קודם. להחליפו בזה? (לא: שום דבר לא נכתב.)"
_HE_ASK_MANY = "{files} כבר נמצאים ב־{folder}, מייצוא קודם. להחליפם בזה? (לא: שום דבר לא נכתב.)"
_AR_EXISTS = ("{files} موجود مسبقًا، ولا يكتب reflect فوق ملف دون أن يُطلب منه: لم يُكتب شيء. "
              "أضف ‎--force لاستبداله، أو اختر اسمًا أو مجلدًا آخر مع ‎--out.")
_AR_EXISTS_MANY = ("{files} موجودة مسبقًا، ولا يكتب reflect فوق ملف دون أن يُطلب منه: لم يُكتب "
                   "شيء. أضف ‎--force لاستبدالها، أو اختر اسمًا أو مجلدًا آخر مع ‎--out.")
_AR_ASK = ("{files} موجود مسبقًا في {folder} من تصدير سابق. هل تستبدله بهذا؟ (لا: لن يُكتب "
           "شيء.)")
_AR_ASK_MANY = ("{files} موجودة مسبقًا في {folder} من تصدير سابق. هل تستبدلها بهذا؟ (لا: لن "
                "يُكتب شيء.)")
_PT_EXISTS = ("{files} já existe, e o reflect não escreve por cima de um ficheiro sem que lho "
              "peçam: nada foi escrito. Acrescente --force para o substituir, ou escolha outro "
              "nome ou pasta com --out.")
_PT_EXISTS_MANY = ("{files} já existem, e o reflect não escreve por cima de um ficheiro sem que "
                   "lho peçam: nada foi escrito. Acrescente --force para os substituir, ou "
                   "escolha outro nome ou pasta com --out.")
_PT_ASK = ("{files} já está em {folder}, de uma exportação anterior. Substituí-lo por esta? "
           "(Não: nada é escrito.)")
_PT_ASK_MANY = ("{files} já estão em {folder}, de uma exportação anterior. Substituí-los por "
                "esta? (Não: nada é escrito.)")
_IT_EXISTS = ("{files} esiste già, e reflect non scrive sopra un file se non glielo si chiede: "
              "non è stato scritto nulla. Aggiungi --force per sostituirlo, o scegli un altro "
              "nome o cartella con --out.")
_IT_EXISTS_MANY = ("{files} esistono già, e reflect non scrive sopra un file se non glielo si "
                   "chiede: non è stato scritto nulla. Aggiungi --force per sostituirli, o "
                   "scegli un altro nome o cartella con --out.")
_IT_ASK = ("{files} è già in {folder}, da un'esportazione precedente. Sostituirlo con questa? "
           "(No: non viene scritto nulla.)")
_IT_ASK_MANY = ("{files} sono già in {folder}, da un'esportazione precedente. Sostituirli con "
                "questa? (No: non viene scritto nulla.)")

PLURALS = {
    "he": {FILES: ("קובץ אחד", "שני קבצים", "{count} קבצים"),
           EXISTS: (_HE_EXISTS, _HE_EXISTS_MANY, _HE_EXISTS_MANY),
           ASK: (_HE_ASK, _HE_ASK_MANY, _HE_ASK_MANY)},
    "ar": {FILES: ("لا ملفات", "ملف واحد", "ملفان", "{count} ملفات", "{count} ملفًا",
                   "{count} ملف"),
           EXISTS: (_AR_EXISTS_MANY, _AR_EXISTS, _AR_EXISTS_MANY, _AR_EXISTS_MANY,
                    _AR_EXISTS_MANY, _AR_EXISTS_MANY),
           ASK: (_AR_ASK_MANY, _AR_ASK, _AR_ASK_MANY, _AR_ASK_MANY, _AR_ASK_MANY,
                 _AR_ASK_MANY)},
    "pt": {FILES: ("{count} ficheiro", "{count} ficheiros", "{count} ficheiros"),
           EXISTS: (_PT_EXISTS, _PT_EXISTS_MANY, _PT_EXISTS_MANY),
           ASK: (_PT_ASK, _PT_ASK_MANY, _PT_ASK_MANY)},
    "it": {FILES: ("{count} file", "{count} file", "{count} file"),
           EXISTS: (_IT_EXISTS, _IT_EXISTS_MANY, _IT_EXISTS_MANY),
           ASK: (_IT_ASK, _IT_ASK_MANY, _IT_ASK_MANY)},
}
