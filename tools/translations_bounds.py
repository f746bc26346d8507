"""Translations: bounded work on any input, and erasures while another program reads the file
(issue 29, points 5 and 8). Same care and the same review note as translations_interview.py.
Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("--compact takes no story or pseudonym: reflect erase --compact",
     "--compact אינו מקבל סיפור או כינוי: reflect erase --compact",
     "لا يأخذ --compact قصة ولا اسمًا مستعارًا: reflect erase --compact",
     "--compact não leva história nem pseudónimo: reflect erase --compact",
     "--compact non vuole storia né pseudonimo: reflect erase --compact"),
    ("Erased for good: {answers} answers, {notes} notes, {evidence} evidence links of {who}.",
     "נמחקו לצמיתות: {answers} תשובות, {notes} הערות, {evidence} קישורי ראיה של {who}.",
     "مُحيت نهائيًا: {answers} إجابات، {notes} ملاحظات، {evidence} روابط أدلة لـ {who}.",
     "Apagados de vez: {answers} respostas, {notes} notas, {evidence} ligações de evidência "
     "de {who}.",
     "Cancellati per sempre: {answers} risposte, {notes} note, {evidence} collegamenti di "
     "evidenza di {who}."),
    ("Still in the file", "עדיין בקובץ", "ما زالت في الملف", "Ainda no ficheiro",
     "Ancora nel file"),
    ("The database file was compacted: erased words have left it and its write-ahead log.",
     "קובץ מסד הנתונים נדחס: המילים שנמחקו יצאו ממנו ומיומן הכתיבה שלו.",
     "ضُغط ملف قاعدة البيانات: خرجت الكلمات الممحوّة منه ومن سجل الكتابة المسبقة.",
     "O ficheiro da base de dados foi compactado: as palavras apagadas saíram dele e do seu "
     "registo de escrita antecipada.",
     "Il file del database è stato compattato: le parole cancellate ne sono uscite, e anche "
     "dal suo registro write-ahead."),
    ("The erased words are gone from every table, but copies stay in the database file and "
     "its write-ahead log while it is still open in {who}: they leave the file when that "
     "program closes it. It is finished at reflect's next start, or run 'reflect erase "
     "--compact' once it has closed.",
     "המילים שנמחקו אינן עוד בשום טבלה, אבל עותקים נשארים בקובץ מסד הנתונים וביומן הכתיבה "
     "שלו כל עוד הוא פתוח ב־{who}: הם יוצאים מהקובץ כשהתוכנה הזאת סוגרת אותו. הדבר יושלם "
     "בהפעלה הבאה של reflect, או הריצו 'reflect erase --compact' אחרי שנסגר.",
     "لم تعد الكلمات الممحوّة في أي جدول، لكن نسخًا منها تبقى في ملف قاعدة البيانات وسجل "
     "الكتابة المسبقة ما دام مفتوحًا في {who}: تخرج من الملف حين يغلقه ذلك البرنامج. يكتمل "
     "ذلك عند التشغيل التالي لـ reflect، أو شغّل 'reflect erase --compact' بعد إغلاقه.",
     "As palavras apagadas já não estão em nenhuma tabela, mas ficam cópias no ficheiro da "
     "base de dados e no seu registo de escrita antecipada enquanto estiver aberto em {who}: "
     "saem do ficheiro quando esse programa o fechar. Fica concluído no próximo arranque do "
     "reflect, ou execute 'reflect erase --compact' depois de ele fechar.",
     "Le parole cancellate non sono più in nessuna tabella, ma ne restano copie nel file del "
     "database e nel suo registro write-ahead finché è aperto in {who}: escono dal file "
     "quando quel programma lo chiude. Si completa al prossimo avvio di reflect, oppure "
     "esegui 'reflect erase --compact' dopo la chiusura."),
    ("The erased words are gone from every table, but the server still keeps their old rows "
     "on disk while another session uses those tables: run 'reflect erase --compact' when "
     "nobody else is using the database.",
     "המילים שנמחקו אינן עוד בשום טבלה, אבל השרת עדיין שומר את השורות הישנות שלהן בדיסק "
     "כל עוד חיבור אחר משתמש בטבלאות האלה: הריצו 'reflect erase --compact' כשאף אחד אחר "
     "אינו משתמש במסד הנתונים.",
     "لم تعد الكلمات الممحوّة في أي جدول، لكن الخادم ما زال يحتفظ بصفوفها القديمة على القرص "
     "ما دامت جلسة أخرى تستخدم تلك الجداول: شغّل 'reflect erase --compact' حين لا يستخدم "
     "أحد آخر قاعدة البيانات.",
     "As palavras apagadas já não estão em nenhuma tabela, mas o servidor ainda guarda as "
     "suas linhas antigas no disco enquanto outra sessão usar essas tabelas: execute "
     "'reflect erase --compact' quando mais ninguém estiver a usar a base de dados.",
     "Le parole cancellate non sono più in nessuna tabella, ma il server conserva ancora le "
     "loro vecchie righe su disco finché un'altra sessione usa quelle tabelle: esegui "
     "'reflect erase --compact' quando nessun altro usa il database."),
    ("a device", "התקן", "جهاز", "um dispositivo", "un dispositivo"),
    ("a folder", "תיקייה", "مجلد", "uma pasta", "una cartella"),
    ("a named pipe (FIFO)", "צינור בעל שם (FIFO)", "أنبوب مسمّى (FIFO)",
     "um pipe com nome (FIFO)", "una pipe con nome (FIFO)"),
    ("a socket", "שקע (socket)", "مقبس (socket)", "um socket", "un socket"),
    ("a special file", "קובץ מיוחד", "ملف خاص", "um ficheiro especial", "un file speciale"),
    ("another connection that is still reading", "חיבור אחר שעדיין קורא",
     "اتصال آخر ما زال يقرأ", "outra ligação que ainda está a ler",
     "un'altra connessione che sta ancora leggendo"),
    ("it is {kind}, not a file: a protocol must be an ordinary YAML file; move it out of the "
     "protocols folder",
     "זהו {kind}, לא קובץ: פרוטוקול חייב להיות קובץ YAML רגיל; הוציאו אותו מתיקיית "
     "הפרוטוקולים",
     "إنه {kind}، وليس ملفًا: يجب أن يكون البروتوكول ملف YAML عاديًا؛ انقله خارج مجلد "
     "البروتوكولات",
     "é {kind}, não um ficheiro: um protocolo tem de ser um ficheiro YAML comum; tire-o da "
     "pasta dos protocolos",
     "è {kind}, non un file: un protocollo dev'essere un normale file YAML; spostalo fuori "
     "dalla cartella dei protocolli"),
    ("it is {size}, more than {limit}, the most a protocol file may be (the shipped ones are "
     "under 10 kB): it is not read; shorten it or split it in two protocols",
     "גודלו {size}, יותר מ־{limit}, הגודל המרבי של קובץ פרוטוקול (אלה שמגיעים עם התוכנה "
     "קטנים מ־10 kB): הוא לא נקרא; קצרו אותו או חלקו אותו לשני פרוטוקולים",
     "حجمه {size}، أكثر من {limit}، وهو أقصى حجم لملف بروتوكول (الملفات المرفقة أقل من "
     "10 kB): لم يُقرأ؛ اختصره أو قسّمه إلى بروتوكولين",
     "tem {size}, mais do que {limit}, o máximo que um ficheiro de protocolo pode ter (os que "
     "vêm com o programa têm menos de 10 kB): não é lido; encurte-o ou divida-o em dois "
     "protocolos",
     "è di {size}, più di {limit}, il massimo per un file di protocollo (quelli forniti sono "
     "sotto i 10 kB): non viene letto; accorcialo o dividilo in due protocolli"),
    ("it leads to {target}, which is {kind}, not a file: a protocol must be an ordinary YAML "
     "file; remove the link or point it at one",
     "הוא מוביל אל {target}, שהוא {kind}, לא קובץ: פרוטוקול חייב להיות קובץ YAML רגיל; "
     "הסירו את הקישור או כוונו אותו לקובץ כזה",
     "إنه يشير إلى {target}، وهو {kind}، وليس ملفًا: يجب أن يكون البروتوكول ملف YAML عاديًا؛ "
     "احذف الرابط أو وجّهه إلى ملف كهذا",
     "leva a {target}, que é {kind}, não um ficheiro: um protocolo tem de ser um ficheiro "
     "YAML comum; remova a ligação ou aponte-a para um",
     "porta a {target}, che è {kind}, non un file: un protocollo dev'essere un normale file "
     "YAML; togli il collegamento o puntalo a un file simile"),
    ("its zip directory", "ספריית ה־zip שלו", "فهرس ملف zip", "o seu diretório zip",
     "la sua directory zip"),
    ("make erased words leave the database file now (after an erasure made while another "
     "program had the file open)",
     "להוציא עכשיו את המילים שנמחקו מקובץ מסד הנתונים (אחרי מחיקה שנעשתה כשתוכנה אחרת "
     "החזיקה את הקובץ פתוח)",
     "إخراج الكلمات الممحوّة من ملف قاعدة البيانات الآن (بعد محو جرى وبرنامج آخر يفتح "
     "الملف)",
     "fazer as palavras apagadas saírem já do ficheiro da base de dados (depois de um "
     "apagamento feito com o ficheiro aberto noutro programa)",
     "far uscire ora dal file del database le parole cancellate (dopo una cancellazione "
     "fatta mentre un altro programma aveva il file aperto)"),
    ("{path} is {kind}, not a file: give the bundle file itself. Nothing was imported.",
     "{path} הוא {kind}, לא קובץ: תנו את קובץ החבילה עצמו. דבר לא יובא.",
     "{path} هو {kind}، وليس ملفًا: أعطِ ملف الحزمة نفسه. لم يُستورد شيء.",
     "{path} é {kind}, não um ficheiro: indique o próprio ficheiro do pacote. Nada foi "
     "importado.",
     "{path} è {kind}, non un file: indica il file del pacchetto stesso. Non è stato "
     "importato nulla."),
    ("{path} is {size}, more than {limit}: a bundle of format 1 or 2 (not a zip file) is read "
     "whole, so reflect reads none larger. Export it again with a newer reflect (its bundles "
     "are zip files, read a row at a time). Nothing was imported.",
     "גודלו של {path} הוא {size}, יותר מ־{limit}: חבילה בפורמט 1 או 2 (לא קובץ zip) נקראת "
     "בשלמותה, ולכן reflect אינו קורא חבילה גדולה מזה. ייצאו אותה שוב עם reflect חדש יותר "
     "(החבילות שלו הן קובצי zip, הנקראים שורה אחר שורה). דבר לא יובא.",
     "حجم {path} هو {size}، أكثر من {limit}: حزمة التنسيق 1 أو 2 (ليست ملف zip) تُقرأ "
     "كاملة، لذا لا يقرأ reflect حزمة أكبر. صدّرها مرة أخرى بإصدار أحدث من reflect (حزمه "
     "ملفات zip تُقرأ صفًا صفًا). لم يُستورد شيء.",
     "{path} tem {size}, mais do que {limit}: um pacote de formato 1 ou 2 (não um ficheiro "
     "zip) é lido inteiro, por isso o reflect não lê nenhum maior. Exporte-o de novo com um "
     "reflect mais recente (os seus pacotes são ficheiros zip, lidos uma linha de cada vez). "
     "Nada foi importado.",
     "{path} è di {size}, più di {limit}: un pacchetto di formato 1 o 2 (non un file zip) "
     "viene letto intero, quindi reflect non ne legge di più grandi. Esportalo di nuovo con "
     "un reflect più recente (i suoi pacchetti sono file zip, letti una riga alla volta). Non "
     "è stato importato nulla."),
    ("{path} leads to {target}, which is {kind}, not a file: give the bundle file itself. "
     "Nothing was imported.",
     "{path} מוביל אל {target}, שהוא {kind}, לא קובץ: תנו את קובץ החבילה עצמו. דבר לא יובא.",
     "{path} يشير إلى {target}، وهو {kind}، وليس ملفًا: أعطِ ملف الحزمة نفسه. لم يُستورد "
     "شيء.",
     "{path} leva a {target}, que é {kind}, não um ficheiro: indique o próprio ficheiro do "
     "pacote. Nada foi importado.",
     "{path} porta a {target}, che è {kind}, non un file: indica il file del pacchetto "
     "stesso. Non è stato importato nulla."),
    ("{path}: its tables come to {size} once inflated, more than {limit}, the most reflect "
     "imports from one bundle (a bundle of 100,000 interviews is about 1.5 GB). Nothing was "
     "imported. Check where the file came from before trying anything else with it.",
     "{path}: הטבלאות שלו מגיעות ל־{size} אחרי פריסה, יותר מ־{limit}, המרב ש־reflect מייבא "
     "מחבילה אחת (חבילה של 100,000 ראיונות היא כ־1.5 GB). דבר לא יובא. בדקו מאין הגיע הקובץ "
     "לפני שתנסו לעשות בו משהו אחר.",
     "{path}: تبلغ جداوله {size} بعد فكّ الضغط، أكثر من {limit}، وهو أقصى ما يستورده reflect "
     "من حزمة واحدة (حزمة من 100,000 مقابلة نحو 1.5 GB). لم يُستورد شيء. تحقّق من مصدر الملف "
     "قبل أن تجرّب به أي شيء آخر.",
     "{path}: as suas tabelas chegam a {size} depois de descompactadas, mais do que {limit}, "
     "o máximo que o reflect importa de um pacote (um pacote de 100 000 entrevistas tem cerca "
     "de 1,5 GB). Nada foi importado. Verifique de onde veio o ficheiro antes de tentar outra "
     "coisa com ele.",
     "{path}: le sue tabelle arrivano a {size} una volta decompresse, più di {limit}, il "
     "massimo che reflect importa da un pacchetto (un pacchetto di 100.000 interviste è di "
     "circa 1,5 GB). Non è stato importato nulla. Controlla da dove viene il file prima di "
     "provare altro con esso."),
    ("{path}: {member} line {number} is longer than {limit}, the longest row reflect imports "
     "(a row is one answer, note or protocol); it was refused before being read whole, and "
     "nothing was imported. If the bundle is yours, shorten that text where it was written "
     "and export again; otherwise do not import it.",
     "{path}: שורה {number} של {member} ארוכה מ־{limit}, השורה הארוכה ביותר ש־reflect מייבא "
     "(שורה היא תשובה, הערה או פרוטוקול אחד); היא נדחתה לפני שנקראה כולה, ודבר לא יובא. "
     "אם החבילה שלכם, קצרו את הטקסט הזה במקום שבו נכתב וייצאו שוב; אחרת אל תייבאו אותה.",
     "{path}: السطر {number} من {member} أطول من {limit}، وهو أطول صف يستورده reflect (الصف "
     "إجابة أو ملاحظة أو بروتوكول واحد)؛ رُفض قبل أن يُقرأ كاملًا، ولم يُستورد شيء. إن كانت "
     "الحزمة لك، فاختصر ذلك النص حيث كُتب وصدّر من جديد؛ وإلا فلا تستوردها.",
     "{path}: a linha {number} de {member} é mais longa do que {limit}, a linha mais longa "
     "que o reflect importa (uma linha é uma resposta, nota ou protocolo); foi recusada antes "
     "de ser lida inteira, e nada foi importado. Se o pacote é seu, encurte esse texto onde "
     "foi escrito e exporte de novo; caso contrário, não o importe.",
     "{path}: la riga {number} di {member} è più lunga di {limit}, la riga più lunga che "
     "reflect importa (una riga è una risposta, una nota o un protocollo); è stata rifiutata "
     "prima di leggerla intera, e non è stato importato nulla. Se il pacchetto è tuo, accorcia "
     "quel testo dove è stato scritto ed esporta di nuovo; altrimenti non importarlo."),
    ("{path}: {what} is {size}; in a bundle reflect writes it is never more than {limit}. The "
     "file is damaged or was not written by reflect: nothing was imported; ask for the file "
     "again.",
     "{path}: {what} בגודל {size}; בחבילה ש־reflect כותב הוא לעולם אינו גדול מ־{limit}. "
     "הקובץ פגום או שלא reflect כתב אותו: דבר לא יובא; בקשו את הקובץ שוב.",
     "{path}: حجم {what} هو {size}؛ وفي حزمة يكتبها reflect لا يزيد أبدًا على {limit}. الملف "
     "تالف أو لم يكتبه reflect: لم يُستورد شيء؛ اطلب الملف مرة أخرى.",
     "{path}: {what} tem {size}; num pacote escrito pelo reflect nunca passa de {limit}. O "
     "ficheiro está danificado ou não foi escrito pelo reflect: nada foi importado; peça o "
     "ficheiro de novo.",
     "{path}: {what} è di {size}; in un pacchetto scritto da reflect non supera mai "
     "{limit}. Il file è danneggiato o non è stato scritto da reflect: non è stato importato "
     "nulla; chiedi di nuovo il file."),
    ("{where}: its JSON is nested more than {limit} levels deep (a bundle needs four at "
     "most): the file is damaged or was not written by reflect. Nothing was imported.",
     "{where}: ה־JSON שלו מקונן לעומק של יותר מ־{limit} רמות (חבילה צריכה ארבע לכל היותר): "
     "הקובץ פגום או שלא reflect כתב אותו. דבר לא יובא.",
     "{where}: JSON الخاص به متداخل بعمق يزيد على {limit} مستوى (تحتاج الحزمة أربعة على "
     "الأكثر): الملف تالف أو لم يكتبه reflect. لم يُستورد شيء.",
     "{where}: o seu JSON está aninhado em mais de {limit} níveis (um pacote precisa de "
     "quatro, no máximo): o ficheiro está danificado ou não foi escrito pelo reflect. Nada "
     "foi importado.",
     "{where}: il suo JSON è annidato per più di {limit} livelli (a un pacchetto ne bastano "
     "quattro): il file è danneggiato o non è stato scritto da reflect. Non è stato importato "
     "nulla."),
]
