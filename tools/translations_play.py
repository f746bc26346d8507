"""Translations: recordings from a phone, playback, and the recording under the rules of the
words (issue 34, points 2, 3 and 5). Each row: English, Hebrew, Arabic, Portuguese, Italian.
The recording is הקלטה / التسجيل / gravação / registrazione, as in the consent line; a bundle
חבילה / حزمة / pacote / pacchetto; sealed נעול / مختوم / selado / sigillato; time codes קודי זמן /
رموز الوقت / códigos de tempo / codici temporali. Key labels (context "key") are in KEY_ROWS,
plural forms in PLURALS."""

ROWS = [
    ("'{typed}' is not a number of seconds nor a time like 1:02:03",
     "'{typed}' אינו מספר שניות ואינו זמן כמו 1:02:03",
     "'{typed}' ليس عددًا من الثواني ولا وقتًا مثل 1:02:03",
     "'{typed}' não é um número de segundos nem uma hora como 1:02:03",
     "'{typed}' non è un numero di secondi né un tempo come 1:02:03"),
    ("'{typed}' is not an offset within a day",
     "'{typed}' אינו היסט בתוך יממה",
     "'{typed}' ليس إزاحة ضمن يوم واحد",
     "'{typed}' não é um desvio dentro de um dia",
     "'{typed}' non è uno scostamento entro un giorno"),
    ("--redact cannot hide names in the recordings' sound: export with --with-audio or with "
     "--redact, not both. Nothing was written.",
     "‎--redact‏ אינו יכול להסתיר שמות בקול של ההקלטות: ייצאו עם ‎--with-audio‏ או עם ‎--redact‏, "
     "לא עם שניהם. דבר לא נכתב.",
     "لا يستطيع ‎--redact‏ إخفاء الأسماء في صوت التسجيلات: صدِّر مع ‎--with-audio‏ أو مع "
     "‎--redact‏، لا مع الاثنين. لم يُكتب شيء.",
     "--redact não consegue ocultar nomes no som das gravações: exporte com --with-audio ou com "
     "--redact, não com os dois. Nada foi escrito.",
     "--redact non può nascondere i nomi nel suono delle registrazioni: esporta con --with-audio "
     "o con --redact, non con entrambi. Non è stato scritto nulla."),
    ("Aligned with the time codes of the recorder synchronised with F4: the file's start is at "
     "{start}. If the answers' times do not match what you hear, delete it (reflect recording "
     "delete) and import it again with --offset.",
     "מיושר לקודי הזמן של המקליט שסונכרן ב־F4: תחילת הקובץ היא ב־{start}. אם זמני התשובות אינם "
     "תואמים את מה שאתם שומעים, מחקו אותה (reflect recording delete) וייבאו אותה שוב עם ‎--offset‏.",
     "مُحاذى مع رموز الوقت للمسجِّل الذي تمت مزامنته بـ F4: بداية الملف عند {start}. إذا لم تطابق "
     "أوقات الإجابات ما تسمعه، احذفه (reflect recording delete) واستورده مرة أخرى مع ‎--offset‏.",
     "Alinhado com os códigos de tempo do gravador sincronizado com F4: o início do ficheiro "
     "está em {start}. Se os tempos das respostas não corresponderem ao que ouve, apague-a "
     "(reflect recording delete) e importe-a de novo com --offset.",
     "Allineato ai codici temporali del registratore sincronizzato con F4: l'inizio del file è "
     "a {start}. Se i tempi delle risposte non corrispondono a ciò che senti, eliminala (reflect "
     "recording delete) e importala di nuovo con --offset."),
    ("Attached {path} to the interview {session}: {length} of sound, kept inside the database "
     "({size} bytes).",
     "{path} צורף לריאיון {session}: {length} של קול, שמור בתוך מסד הנתונים ({size} בתים).",
     "أُرفق {path} بالمقابلة {session}: {length} من الصوت، محفوظ داخل قاعدة البيانات ({size} بايت).",
     "{path} foi anexado à entrevista {session}: {length} de som, guardado dentro da base de "
     "dados ({size} bytes).",
     "{path} è stato allegato all'intervista {session}: {length} di suono, conservato nel "
     "database ({size} byte)."),
    ("Deleted the recording {id} ({length}) and its sound.",
     "ההקלטה {id} ({length}) והקול שלה נמחקו.",
     "حُذف التسجيل {id} ({length}) وصوته.",
     "A gravação {id} ({length}) e o seu som foram apagados.",
     "La registrazione {id} ({length}) e il suo suono sono stati eliminati."),
    ("Deleting the recording {id} ({length}) deletes its sound from this database for good. "
     "Nothing was deleted. To delete it: reflect recording delete {session} {id} --confirm",
     "מחיקת ההקלטה {id} ({length}) מוחקת את הקול שלה ממסד הנתונים הזה לצמיתות. דבר לא נמחק. "
     "כדי למחוק אותה: reflect recording delete {session} {id} --confirm",
     "حذف التسجيل {id} ({length}) يحذف صوته من قاعدة البيانات هذه نهائيًا. لم يُحذف شيء. "
     "لحذفه: reflect recording delete {session} {id} --confirm",
     "Apagar a gravação {id} ({length}) apaga o seu som desta base de dados de vez. Nada foi "
     "apagado. Para a apagar: reflect recording delete {session} {id} --confirm",
     "Eliminare la registrazione {id} ({length}) cancella per sempre il suo suono da questo "
     "database. Non è stato eliminato nulla. Per eliminarla: reflect recording delete {session} "
     "{id} --confirm"),
    ("Highlight an answer to hear it.",
     "סמנו תשובה כדי לשמוע אותה.",
     "ظلِّل إجابة لتسمعها.",
     "Destaque uma resposta para a ouvir.",
     "Evidenzia una risposta per ascoltarla."),
    ("Importing the recording", "מייבא את ההקלטה", "استيراد التسجيل", "A importar a gravação",
     "Importazione della registrazione"),
    ("No recording of this session to show (none was made or attached, or its informant "
     "withdrew).",
     "אין הקלטה של המפגש הזה להצגה (לא נעשתה או צורפה אחת, או שהמרואיין/ת חזר/ה בו/ה).",
     "لا يوجد تسجيل لهذه الجلسة لعرضه (لم يُسجَّل أو يُرفق أي تسجيل، أو أن المُشارِك/ة انسحب).",
     "Nenhuma gravação desta sessão para mostrar (nenhuma foi feita ou anexada, ou o informante "
     "retirou-se).",
     "Nessuna registrazione di questa sessione da mostrare (non ne è stata fatta né allegata "
     "nessuna, oppure l'intervistato si è ritirato)."),
    ("No sound output was found on this computer (no speakers, headphones or sound server "
     "reachable): the recording cannot be played here. Connect headphones, or play it on a "
     "computer with sound.",
     "לא נמצא פלט קול במחשב הזה (אין רמקולים, אוזניות או שרת קול זמינים): אי אפשר לנגן כאן את "
     "ההקלטה. חברו אוזניות, או נגנו אותה במחשב עם קול.",
     "لم يُعثر على مخرج صوت في هذا الحاسوب (لا سماعات ولا سماعات رأس ولا خادم صوت متاح): لا يمكن "
     "تشغيل التسجيل هنا. وصِّل سماعات رأس، أو شغِّله على حاسوب فيه صوت.",
     "Não foi encontrada saída de som neste computador (sem altifalantes, auscultadores ou "
     "servidor de som acessível): a gravação não pode ser ouvida aqui. Ligue auscultadores, ou "
     "ouça-a num computador com som.",
     "Nessuna uscita audio trovata su questo computer (nessun altoparlante, cuffia o server "
     "audio raggiungibile): la registrazione non può essere ascoltata qui. Collega delle cuffie, "
     "o ascoltala su un computer con l'audio."),
    ("Playback needs the miniaudio package, which is missing from this installation: install "
     "reflect again (pip install --force-reinstall reflect).",
     "הנגינה צריכה את החבילה miniaudio, שחסרה בהתקנה הזו: התקינו את reflect מחדש (pip install "
     "--force-reinstall reflect).",
     "يحتاج التشغيل إلى حزمة miniaudio، وهي مفقودة من هذا التثبيت: ثبِّت reflect من جديد (pip "
     "install --force-reinstall reflect).",
     "A reprodução precisa do pacote miniaudio, que falta nesta instalação: instale o reflect "
     "de novo (pip install --force-reinstall reflect).",
     "La riproduzione richiede il pacchetto miniaudio, che manca in questa installazione: "
     "installa di nuovo reflect (pip install --force-reinstall reflect)."),
    ("Recorded in the interview ({source}), kept by reflect; {length} s.",
     "הוקלט בריאיון ({source}), שמור ב־reflect; {length} שניות.",
     "سُجِّل في المقابلة ({source})، ويحفظه reflect؛ {length} ث.",
     "Gravado na entrevista ({source}), guardado pelo reflect; {length} s.",
     "Registrato nell'intervista ({source}), conservato da reflect; {length} s."),
    ("Recordings belong to interviews; this session is a reflection. Nothing was imported.",
     "הקלטות שייכות לריאיונות; המפגש הזה הוא רפלקציה. דבר לא יובא.",
     "التسجيلات تخص المقابلات؛ هذه الجلسة تأمل. لم يُستورد شيء.",
     "As gravações pertencem a entrevistas; esta sessão é uma reflexão. Nada foi importado.",
     "Le registrazioni appartengono alle interviste; questa sessione è una riflessione. Non è "
     "stato importato nulla."),
    ("The answers as typed during the interview (notes, not a word-for-word transcript), each "
     "synchronised with the moment its question was asked.",
     "התשובות כפי שהוקלדו במהלך הריאיון (רשימות, לא תמלול מילה במילה), כל אחת מסונכרנת עם הרגע "
     "שבו נשאלה השאלה שלה.",
     "الإجابات كما كُتبت أثناء المقابلة (ملاحظات، لا تفريغ نصي حرفي)، كل واحدة مُزامَنة مع لحظة "
     "طرح سؤالها.",
     "As respostas tal como escritas durante a entrevista (notas, não uma transcrição palavra a "
     "palavra), cada uma sincronizada com o momento em que a sua pergunta foi feita.",
     "Le risposte come scritte durante l'intervista (appunti, non una trascrizione parola per "
     "parola), ognuna sincronizzata con il momento in cui è stata posta la sua domanda."),
    ("The informant of this interview withdrew: no recording of it may be added. Nothing was "
     "imported.",
     "המרואיין/ת בריאיון הזה חזר/ה בו/ה: אסור להוסיף לו הקלטה. דבר לא יובא.",
     "المُشارِك/ة في هذه المقابلة انسحب: لا يجوز إضافة تسجيل لها. لم يُستورد شيء.",
     "O informante desta entrevista retirou-se: não pode ser acrescentada nenhuma gravação. "
     "Nada foi importado.",
     "L'intervistato di questa intervista si è ritirato: non può esserle aggiunta alcuna "
     "registrazione. Non è stato importato nulla."),
    ("There is no recording of this interview to play (none was made or attached, or its "
     "informant withdrew).",
     "אין הקלטה של הריאיון הזה לנגן (לא נעשתה או צורפה אחת, או שהמרואיין/ת חזר/ה בו/ה).",
     "لا يوجد تسجيل لهذه المقابلة لتشغيله (لم يُسجَّل أو يُرفق أي تسجيل، أو أن المُشارِك/ة انسحب).",
     "Não há gravação desta entrevista para ouvir (nenhuma foi feita ou anexada, ou o "
     "informante retirou-se).",
     "Non c'è una registrazione di questa intervista da ascoltare (non ne è stata fatta né "
     "allegata nessuna, oppure l'intervistato si è ritirato)."),
    ("This answer has no time code, so its place in the recording is not known.",
     "לתשובה הזו אין קוד זמן, ולכן מקומה בהקלטה אינו ידוע.",
     "ليس لهذه الإجابة رمز وقت، لذا مكانها في التسجيل غير معروف.",
     "Esta resposta não tem código de tempo, por isso o seu lugar na gravação é desconhecido.",
     "Questa risposta non ha un codice temporale, quindi il suo punto nella registrazione non "
     "è noto."),
    ("This answer's time code was taken on the interview's clock before the recorder started: "
     "it does not point into the recording.",
     "קוד הזמן של התשובה הזו נלקח בשעון הריאיון לפני שהמקליט התחיל: הוא אינו מצביע לתוך ההקלטה.",
     "أُخذ رمز وقت هذه الإجابة من ساعة المقابلة قبل أن يبدأ المسجِّل: لا يشير إلى داخل التسجيل.",
     "O código de tempo desta resposta foi tirado no relógio da entrevista antes de o gravador "
     "começar: não aponta para dentro da gravação.",
     "Il codice temporale di questa risposta è stato preso sull'orologio dell'intervista prima "
     "che il registratore partisse: non indica un punto della registrazione."),
    ("This bundle carries the interviews' voices and is not sealed: keep it as safe as the "
     "database, or export it again with --to.",
     "החבילה הזו נושאת את קולות הריאיונות ואינה נעולה: שמרו עליה בבטחה כמו על מסד הנתונים, או "
     "ייצאו אותה שוב עם ‎--to‏.",
     "تحمل هذه الحزمة أصوات المقابلات وهي غير مختومة: احفظها بأمان مثل قاعدة البيانات، أو صدِّرها "
     "مرة أخرى مع ‎--to‏.",
     "Este pacote leva as vozes das entrevistas e não está selado: guarde-o com tanto cuidado "
     "como a base de dados, ou exporte-o de novo com --to.",
     "Questo pacchetto contiene le voci delle interviste e non è sigillato: custodiscilo con la "
     "stessa cura del database, o esportalo di nuovo con --to."),
    ("This interview has no sync point (F4): the file's start was put at {start} on the "
     "interview's own clock. If the answers' times do not match what you hear, delete it "
     "(reflect recording delete) and import it again with --offset.",
     "לריאיון הזה אין נקודת סנכרון (F4): תחילת הקובץ הוצבה ב־{start} בשעון של הריאיון עצמו. אם "
     "זמני התשובות אינם תואמים את מה שאתם שומעים, מחקו אותה (reflect recording delete) וייבאו "
     "אותה שוב עם ‎--offset‏.",
     "ليس لهذه المقابلة نقطة مزامنة (F4): وُضعت بداية الملف عند {start} على ساعة المقابلة نفسها. "
     "إذا لم تطابق أوقات الإجابات ما تسمعه، احذفه (reflect recording delete) واستورده مرة أخرى "
     "مع ‎--offset‏.",
     "Esta entrevista não tem ponto de sincronização (F4): o início do ficheiro foi posto em "
     "{start} no relógio da própria entrevista. Se os tempos das respostas não corresponderem "
     "ao que ouve, apague-a (reflect recording delete) e importe-a de novo com --offset.",
     "Questa intervista non ha un punto di sincronizzazione (F4): l'inizio del file è stato "
     "posto a {start} sull'orologio dell'intervista stessa. Se i tempi delle risposte non "
     "corrispondono a ciò che senti, eliminala (reflect recording delete) e importala di nuovo "
     "con --offset."),
    ("a session's recordings", "ההקלטות של מפגש", "تسجيلات جلسة", "as gravações de uma sessão",
     "le registrazioni di una sessione"),
    ("also each interview's recording, as an audio source with its transcript and sync points "
     "where there is one",
     "גם ההקלטה של כל ריאיון, כמקור שמע עם התמלול ונקודות הסנכרון שלו היכן שיש",
     "وأيضًا تسجيل كل مقابلة، كمصدر صوتي مع نصه المُفرَّغ ونقاط المزامنة حيث توجد",
     "também a gravação de cada entrevista, como fonte de áudio com a sua transcrição e pontos "
     "de sincronização onde os houver",
     "anche la registrazione di ogni intervista, come fonte audio con la sua trascrizione e i "
     "punti di sincronizzazione dove ci sono"),
    ("also the interviews' recordings (their sound); without it a bundle carries none. Seal "
     "such a bundle (--to): voices identify people",
     "גם ההקלטות של הריאיונות (הקול שלהן); בלעדיו חבילה אינה נושאת אף אחת. נעלו חבילה כזו "
     "(‎--to‏): קולות מזהים אנשים",
     "وأيضًا تسجيلات المقابلات (صوتها)؛ من دونه لا تحمل الحزمة أيًّا منها. اختم مثل هذه الحزمة "
     "(‎--to‏): الأصوات تكشف هوية الناس",
     "também as gravações das entrevistas (o seu som); sem isto um pacote não leva nenhuma. "
     "Sele um pacote assim (--to): as vozes identificam as pessoas",
     "anche le registrazioni delle interviste (il loro suono); senza, un pacchetto non ne "
     "contiene nessuna. Sigilla un pacchetto così (--to): le voci identificano le persone"),
    ("an interview's recordings: attach one made on a phone, list them",
     "ההקלטות של ריאיון: צירוף הקלטה שנעשתה בטלפון, רשימתן",
     "تسجيلات مقابلة: إرفاق تسجيل صُنع على هاتف، وعرضها",
     "as gravações de uma entrevista: anexar uma feita num telemóvel, listá-las",
     "le registrazioni di un'intervista: allegarne una fatta con un telefono, elencarle"),
    ("attach a recording made elsewhere (wav, flac, mp3, ogg; m4a/aac with PyAV) to an "
     "interview, aligned with its time codes; reflect keeps the audio inside the database",
     "צירוף הקלטה שנעשתה במקום אחר (wav, flac, mp3, ogg; m4a/aac עם PyAV) לריאיון, מיושרת לקודי "
     "הזמן שלו; reflect שומר את הקול בתוך מסד הנתונים",
     "إرفاق تسجيل صُنع في مكان آخر (wav، flac، mp3، ogg؛ m4a/aac مع PyAV) بمقابلة، مُحاذى مع رموز "
     "الوقت الخاصة بها؛ يحفظ reflect الصوت داخل قاعدة البيانات",
     "anexar a uma entrevista uma gravação feita noutro lado (wav, flac, mp3, ogg; m4a/aac com "
     "PyAV), alinhada com os seus códigos de tempo; o reflect guarda o áudio dentro da base de "
     "dados",
     "allegare a un'intervista una registrazione fatta altrove (wav, flac, mp3, ogg; m4a/aac "
     "con PyAV), allineata ai suoi codici temporali; reflect conserva l'audio nel database"),
    ("delete now; without it, nothing is deleted and the command says what would go",
     "למחוק עכשיו; בלעדיו דבר אינו נמחק והפקודה רק אומרת מה יימחק",
     "احذف الآن؛ من دونه لا يُحذف شيء ويقول الأمر فقط ما الذي سيُحذف",
     "apagar agora; sem isto nada é apagado e o comando diz o que iria",
     "elimina ora; senza, nulla viene eliminato e il comando dice cosa andrebbe via"),
    ("delete one of a session's recordings and all its sound (with --confirm)",
     "מחיקת אחת מההקלטות של מפגש וכל הקול שלה (עם ‎--confirm‏)",
     "حذف أحد تسجيلات جلسة وكل صوته (مع ‎--confirm‏)",
     "apagar uma das gravações de uma sessão e todo o seu som (com --confirm)",
     "eliminare una delle registrazioni di una sessione e tutto il suo suono (con --confirm)"),
    ("imported file", "קובץ מיובא", "ملف مستورد", "ficheiro importado", "file importato"),
    ("reflect keeps its own copy of the audio (in the database, encrypted with it when the "
     "database is): the original file {path} can now be deleted, from the phone too.",
     "reflect שומר עותק משלו של הקול (במסד הנתונים, מוצפן איתו כשמסד הנתונים מוצפן): עכשיו אפשר "
     "למחוק את הקובץ המקורי {path}, גם מהטלפון.",
     "يحفظ reflect نسخته الخاصة من الصوت (في قاعدة البيانات، مشفَّرة معها عندما تكون مشفَّرة): "
     "يمكن الآن حذف الملف الأصلي {path}، من الهاتف أيضًا.",
     "O reflect guarda a sua própria cópia do áudio (na base de dados, cifrada com ela quando a "
     "base de dados o está): o ficheiro original {path} pode agora ser apagado, também do "
     "telemóvel.",
     "reflect conserva una propria copia dell'audio (nel database, cifrata con esso quando il "
     "database lo è): il file originale {path} ora può essere eliminato, anche dal telefono."),
    ("seconds", "שניות", "ثوانٍ", "segundos", "secondi"),
    ("the interview's id, or its first characters", "המזהה של הריאיון, או התווים הראשונים שלו",
     "معرّف المقابلة، أو أحرفه الأولى", "o id da entrevista, ou os seus primeiros caracteres",
     "l'id dell'intervista, o i suoi primi caratteri"),
    ("the recording's id, or its first characters (reflect recording list)",
     "המזהה של ההקלטה, או התווים הראשונים שלו (reflect recording list)",
     "معرّف التسجيل، أو أحرفه الأولى (reflect recording list)",
     "o id da gravação, ou os seus primeiros caracteres (reflect recording list)",
     "l'id della registrazione, o i suoi primi caratteri (reflect recording list)"),
    ("the session's id, or its first characters", "המזהה של המפגש, או התווים הראשונים שלו",
     "معرّف الجلسة، أو أحرفه الأولى", "o id da sessão, ou os seus primeiros caracteres",
     "l'id della sessione, o i suoi primi caratteri"),
    ("this laptop", "המחשב הנייד הזה", "هذا الحاسوب المحمول", "este portátil",
     "questo portatile"),
    ("where the file's start falls on the interview's time codes, in seconds or as 1:02:03 "
     "(negative: it started earlier); default: 0, the recorder's 00:00:00 as synchronised with "
     "F4 (or the interview's clock without F4)",
     "היכן נופלת תחילת הקובץ על קודי הזמן של הריאיון, בשניות או כמו 1:02:03 (שלילי: הוא התחיל "
     "קודם); ברירת מחדל: 0, ה־00:00:00 של המקליט כפי שסונכרן ב־F4 (או שעון הריאיון בלי F4)",
     "أين تقع بداية الملف على رموز وقت المقابلة، بالثواني أو مثل 1:02:03 (سالب: بدأ قبل ذلك)؛ "
     "الافتراضي: 0، أي 00:00:00 للمسجِّل كما زُومن بـ F4 (أو ساعة المقابلة من دون F4)",
     "onde o início do ficheiro cai nos códigos de tempo da entrevista, em segundos ou como "
     "1:02:03 (negativo: começou antes); por omissão: 0, o 00:00:00 do gravador tal como "
     "sincronizado com F4 (ou o relógio da entrevista sem F4)",
     "dove cade l'inizio del file sui codici temporali dell'intervista, in secondi o come "
     "1:02:03 (negativo: è iniziato prima); predefinito: 0, lo 00:00:00 del registratore come "
     "sincronizzato con F4 (o l'orologio dell'intervista senza F4)"),
    ("{id}  {source}  {length}  starts at {start} on the time codes  {name}",
     "{id}  {source}  {length}  מתחילה ב־{start} על קודי הזמן  {name}",
     "{id}  {source}  {length}  يبدأ عند {start} على رموز الوقت  {name}",
     "{id}  {source}  {length}  começa em {start} nos códigos de tempo  {name}",
     "{id}  {source}  {length}  inizia a {start} sui codici temporali  {name}"),
    ("{path} holds no sound. Nothing was imported.",
     "{path} אינו מכיל קול. דבר לא יובא.",
     "{path} لا يحتوي على صوت. لم يُستورد شيء.",
     "{path} não contém som. Nada foi importado.",
     "{path} non contiene suono. Non è stato importato nulla."),
    ("{path} is an {kind} recording. reflect reads those with PyAV, which is not installed "
     "here: install it with  pip install av  (it comes with the transcription extra,  pip "
     "install 'reflect[transcribe]'), or convert the file to WAV, FLAC or MP3 first (most phone "
     "recorder apps can share it as WAV; ffmpeg -i FILE recording.flac  on a computer). Nothing "
     "was imported.",
     "{path} הוא הקלטת {kind}. reflect קורא אותן בעזרת PyAV, שאינו מותקן כאן: התקינו אותו עם  pip "
     "install av  (הוא מגיע עם התוסף לתמלול,  pip install 'reflect[transcribe]'), או המירו קודם "
     "את הקובץ ל־WAV, ‏FLAC או MP3 (רוב אפליקציות ההקלטה בטלפון יכולות לשתף אותו כ־WAV; ‏ffmpeg "
     "-i FILE recording.flac  במחשב). דבר לא יובא.",
     "{path} تسجيل من نوع {kind}. يقرأ reflect هذه التسجيلات بواسطة PyAV، وهو غير مثبّت هنا: "
     "ثبِّته بالأمر  pip install av  (يأتي مع إضافة التفريغ النصي،  pip install "
     "'reflect[transcribe]')، أو حوِّل الملف أولًا إلى WAV أو FLAC أو MP3 (معظم تطبيقات التسجيل في "
     "الهاتف تستطيع مشاركته بصيغة WAV؛  ffmpeg -i FILE recording.flac  على حاسوب). لم يُستورد شيء.",
     "{path} é uma gravação {kind}. O reflect lê-as com o PyAV, que não está instalado aqui: "
     "instale-o com  pip install av  (vem com o extra de transcrição,  pip install "
     "'reflect[transcribe]'), ou converta primeiro o ficheiro para WAV, FLAC ou MP3 (a maioria "
     "das aplicações de gravação do telemóvel pode partilhá-lo como WAV;  ffmpeg -i FILE "
     "recording.flac  num computador). Nada foi importado.",
     "{path} è una registrazione {kind}. reflect le legge con PyAV, che qui non è installato: "
     "installalo con  pip install av  (arriva con l'extra di trascrizione,  pip install "
     "'reflect[transcribe]'), oppure converti prima il file in WAV, FLAC o MP3 (la maggior parte "
     "delle app di registrazione del telefono può condividerlo come WAV;  ffmpeg -i FILE "
     "recording.flac  su un computer). Non è stato importato nulla."),
    ("{path} is not a recording reflect can read ({problem}). Nothing was imported.",
     "{path} אינו הקלטה ש־reflect יכול לקרוא ({problem}). דבר לא יובא.",
     "{path} ليس تسجيلًا يستطيع reflect قراءته ({problem}). لم يُستورد شيء.",
     "{path} não é uma gravação que o reflect consiga ler ({problem}). Nada foi importado.",
     "{path} non è una registrazione che reflect possa leggere ({problem}). Non è stato "
     "importato nulla."),
    ("{path} is not a recording reflect can read: it reads WAV, FLAC, MP3 and Ogg files, and "
     "AAC (m4a) with PyAV installed. Nothing was imported.",
     "{path} אינו הקלטה ש־reflect יכול לקרוא: הוא קורא קובצי WAV, ‏FLAC, ‏MP3 ו־Ogg, ו־AAC (m4a) "
     "כש־PyAV מותקן. דבר לא יובא.",
     "{path} ليس تسجيلًا يستطيع reflect قراءته: يقرأ ملفات WAV وFLAC وMP3 وOgg، وAAC (m4a) عند "
     "تثبيت PyAV. لم يُستورد شيء.",
     "{path} não é uma gravação que o reflect consiga ler: lê ficheiros WAV, FLAC, MP3 e Ogg, e "
     "AAC (m4a) com o PyAV instalado. Nada foi importado.",
     "{path} non è una registrazione che reflect possa leggere: legge file WAV, FLAC, MP3 e "
     "Ogg, e AAC (m4a) con PyAV installato. Non è stato importato nulla."),
    ("{path} looks like a {kind} file but could not be decoded ({problem}): it may be cut "
     "short or damaged. Nothing was imported.",
     "{path} נראה כמו קובץ {kind} אבל לא ניתן היה לפענח אותו ({problem}): ייתכן שהוא קטוע או "
     "פגום. דבר לא יובא.",
     "يبدو {path} ملفًا من نوع {kind} لكن تعذّر فك ترميزه ({problem}): ربما هو مقطوع أو تالف. لم "
     "يُستورد شيء.",
     "{path} parece um ficheiro {kind} mas não pôde ser descodificado ({problem}): pode estar "
     "cortado ou danificado. Nada foi importado.",
     "{path} sembra un file {kind} ma non è stato possibile decodificarlo ({problem}): potrebbe "
     "essere troncato o danneggiato. Non è stato importato nulla."),
    ("{sign} {position} / {length}{speed}   space: play/pause · ←/→: 5 s · s: slower",
     "{sign} {position} / {length}{speed}   רווח: נגינה/השהיה · ←/→: 5 שנ׳ · s: לאט יותר",
     "{sign} {position} / {length}{speed}   مسافة: تشغيل/إيقاف مؤقت · ←/→: 5 ث · s: أبطأ",
     "{sign} {position} / {length}{speed}   espaço: ouvir/pausa · ←/→: 5 s · s: mais devagar",
     "{sign} {position} / {length}{speed}   spazio: ascolta/pausa · ←/→: 5 s · s: più lento"),
    ("{source}: recording", "{source}: הקלטה", "{source}: التسجيل", "{source}: gravação",
     "{source}: registrazione"),
    ("{source}: recording {number}", "{source}: הקלטה {number}", "{source}: التسجيل {number}",
     "{source}: gravação {number}", "{source}: registrazione {number}"),
    ("{where}: a recording's sound is not base64 text; the file is damaged. Nothing was "
     "imported.",
     "{where}: הקול של הקלטה אינו טקסט base64; הקובץ פגום. דבר לא יובא.",
     "{where}: صوت أحد التسجيلات ليس نصًا بترميز base64؛ الملف تالف. لم يُستورد شيء.",
     "{where}: o som de uma gravação não é texto base64; o ficheiro está danificado. Nada foi "
     "importado.",
     "{where}: il suono di una registrazione non è testo base64; il file è danneggiato. Non è "
     "stato importato nulla."),
]

KEY_ROWS = [
    ("Play", "נגן", "تشغيل", "Ouvir", "Ascolta"),
    ("Slower", "לאט", "أبطأ", "Devagar", "Lento"),
    ("−5 s", "−5 שנ׳", "−5 ث", "−5 s", "−5 s"),
    ("+5 s", "+5 שנ׳", "+5 ث", "+5 s", "+5 s"),
]

PLURALS = {'ar': {('Destroyed for good: {count} recording of their interviews (every second of its sound).', 'Destroyed for good: {count} recordings of their interviews (every second of their sound).'): ('أُتلفت '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'تسجيلات '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوتها).',
                                                                                                                                                                                                  'أُتلف '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  'تسجيل '
                                                                                                                                                                                                  'واحد '
                                                                                                                                                                                                  '({count}) '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوته).',
                                                                                                                                                                                                  'أُتلف '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  'تسجيلان '
                                                                                                                                                                                                  '({count}) '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوتهما).',
                                                                                                                                                                                                  'أُتلفت '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'تسجيلات '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوتها).',
                                                                                                                                                                                                  'أُتلف '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'تسجيلًا '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوتها).',
                                                                                                                                                                                                  'أُتلف '
                                                                                                                                                                                                  'نهائيًا: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'تسجيل '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'مقابلاتهم '
                                                                                                                                                                                                  '(كل '
                                                                                                                                                                                                  'ثانية '
                                                                                                                                                                                                  'من '
                                                                                                                                                                                                  'صوتها).'),
        ('The erasure also destroys {count} recording of their interviews, its sound with it.', 'The erasure also destroys {count} recordings of their interviews, their sound with them.'): ('يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'تسجيلات '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوتها '
                                                                                                                                                                                              'معها.',
                                                                                                                                                                                              'يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              'تسجيلًا '
                                                                                                                                                                                              'واحدًا '
                                                                                                                                                                                              '({count}) '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوته '
                                                                                                                                                                                              'معه.',
                                                                                                                                                                                              'يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              'تسجيلين '
                                                                                                                                                                                              '({count}) '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوتهما '
                                                                                                                                                                                              'معهما.',
                                                                                                                                                                                              'يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'تسجيلات '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوتها '
                                                                                                                                                                                              'معها.',
                                                                                                                                                                                              'يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'تسجيلًا '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوتها '
                                                                                                                                                                                              'معها.',
                                                                                                                                                                                              'يُتلف '
                                                                                                                                                                                              'المحو '
                                                                                                                                                                                              'أيضًا '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'تسجيل '
                                                                                                                                                                                              'من '
                                                                                                                                                                                              'مقابلاتهم، '
                                                                                                                                                                                              'وصوتها '
                                                                                                                                                                                              'معها.'),
        ('{count} recording as an audio source, with the typed answers as its synchronised transcript', '{count} recordings as audio sources, each with the typed answers as its synchronised transcript'): ('{count} '
                                                                                                                                                                                                             'تسجيلات '
                                                                                                                                                                                                             'كمصادر '
                                                                                                                                                                                                             'صوتية، '
                                                                                                                                                                                                             'لكل '
                                                                                                                                                                                                             'منها '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنص '
                                                                                                                                                                                                             'مُفرَّغ '
                                                                                                                                                                                                             'مُزامَن',
                                                                                                                                                                                                             'تسجيل '
                                                                                                                                                                                                             'واحد '
                                                                                                                                                                                                             '({count}) '
                                                                                                                                                                                                             'كمصدر '
                                                                                                                                                                                                             'صوتي، '
                                                                                                                                                                                                             'مع '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنصه '
                                                                                                                                                                                                             'المُفرَّغ '
                                                                                                                                                                                                             'المُزامَن',
                                                                                                                                                                                                             'تسجيلان '
                                                                                                                                                                                                             '({count}) '
                                                                                                                                                                                                             'كمصدرين '
                                                                                                                                                                                                             'صوتيين، '
                                                                                                                                                                                                             'لكل '
                                                                                                                                                                                                             'منهما '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنص '
                                                                                                                                                                                                             'مُفرَّغ '
                                                                                                                                                                                                             'مُزامَن',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيلات '
                                                                                                                                                                                                             'كمصادر '
                                                                                                                                                                                                             'صوتية، '
                                                                                                                                                                                                             'لكل '
                                                                                                                                                                                                             'منها '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنص '
                                                                                                                                                                                                             'مُفرَّغ '
                                                                                                                                                                                                             'مُزامَن',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيلًا '
                                                                                                                                                                                                             'كمصادر '
                                                                                                                                                                                                             'صوتية، '
                                                                                                                                                                                                             'لكل '
                                                                                                                                                                                                             'منها '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنص '
                                                                                                                                                                                                             'مُفرَّغ '
                                                                                                                                                                                                             'مُزامَن',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيل '
                                                                                                                                                                                                             'كمصادر '
                                                                                                                                                                                                             'صوتية، '
                                                                                                                                                                                                             'لكل '
                                                                                                                                                                                                             'منها '
                                                                                                                                                                                                             'الإجابات '
                                                                                                                                                                                                             'المكتوبة '
                                                                                                                                                                                                             'كنص '
                                                                                                                                                                                                             'مُفرَّغ '
                                                                                                                                                                                                             'مُزامَن'),
        ("{count} recording of this session has an id starting '{prefix}' (see reflect recording list)", "{count} recordings of this session have an id starting '{prefix}' (see reflect recording list)"): ('{count} '
                                                                                                                                                                                                             'تسجيلات '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفها '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             'تسجيل '
                                                                                                                                                                                                             'واحد '
                                                                                                                                                                                                             '({count}) '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفه '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             'تسجيلان '
                                                                                                                                                                                                             '({count}) '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفهما '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيلات '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفها '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيلًا '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفها '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'تسجيل '
                                                                                                                                                                                                             'لهذه '
                                                                                                                                                                                                             'الجلسة '
                                                                                                                                                                                                             'معرّفها '
                                                                                                                                                                                                             'يبدأ '
                                                                                                                                                                                                             'بـ '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(انظر '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)')},
 'he': {('Destroyed for good: {count} recording of their interviews (every second of its sound).', 'Destroyed for good: {count} recordings of their interviews (every second of their sound).'): ('הושמדה '
                                                                                                                                                                                                  'לצמיתות: '
                                                                                                                                                                                                  'הקלטה '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'של '
                                                                                                                                                                                                  'הריאיונות '
                                                                                                                                                                                                  'שלהם '
                                                                                                                                                                                                  '(כל '
                                                                                                                                                                                                  'שנייה '
                                                                                                                                                                                                  'מהקול '
                                                                                                                                                                                                  'שלה).',
                                                                                                                                                                                                  'הושמדו '
                                                                                                                                                                                                  'לצמיתות: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'הקלטות '
                                                                                                                                                                                                  'של '
                                                                                                                                                                                                  'הריאיונות '
                                                                                                                                                                                                  'שלהם '
                                                                                                                                                                                                  '(כל '
                                                                                                                                                                                                  'שנייה '
                                                                                                                                                                                                  'מהקול '
                                                                                                                                                                                                  'שלהן).',
                                                                                                                                                                                                  'הושמדו '
                                                                                                                                                                                                  'לצמיתות: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'הקלטות '
                                                                                                                                                                                                  'של '
                                                                                                                                                                                                  'הריאיונות '
                                                                                                                                                                                                  'שלהם '
                                                                                                                                                                                                  '(כל '
                                                                                                                                                                                                  'שנייה '
                                                                                                                                                                                                  'מהקול '
                                                                                                                                                                                                  'שלהן).'),
        ('The erasure also destroys {count} recording of their interviews, its sound with it.', 'The erasure also destroys {count} recordings of their interviews, their sound with them.'): ('המחיקה '
                                                                                                                                                                                              'משמידה '
                                                                                                                                                                                              'גם '
                                                                                                                                                                                              'הקלטה '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'של '
                                                                                                                                                                                              'הריאיונות '
                                                                                                                                                                                              'שלהם, '
                                                                                                                                                                                              'ואת '
                                                                                                                                                                                              'הקול '
                                                                                                                                                                                              'שלה '
                                                                                                                                                                                              'איתה.',
                                                                                                                                                                                              'המחיקה '
                                                                                                                                                                                              'משמידה '
                                                                                                                                                                                              'גם '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'הקלטות '
                                                                                                                                                                                              'של '
                                                                                                                                                                                              'הריאיונות '
                                                                                                                                                                                              'שלהם, '
                                                                                                                                                                                              'ואת '
                                                                                                                                                                                              'הקול '
                                                                                                                                                                                              'שלהן '
                                                                                                                                                                                              'איתן.',
                                                                                                                                                                                              'המחיקה '
                                                                                                                                                                                              'משמידה '
                                                                                                                                                                                              'גם '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'הקלטות '
                                                                                                                                                                                              'של '
                                                                                                                                                                                              'הריאיונות '
                                                                                                                                                                                              'שלהם, '
                                                                                                                                                                                              'ואת '
                                                                                                                                                                                              'הקול '
                                                                                                                                                                                              'שלהן '
                                                                                                                                                                                              'איתן.'),
        ('{count} recording as an audio source, with the typed answers as its synchronised transcript', '{count} recordings as audio sources, each with the typed answers as its synchronised transcript'): ('הקלטה '
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'כמקור '
                                                                                                                                                                                                             'שמע, '
                                                                                                                                                                                                             'עם '
                                                                                                                                                                                                             'התשובות '
                                                                                                                                                                                                             'המוקלדות '
                                                                                                                                                                                                             'כתמלול '
                                                                                                                                                                                                             'המסונכרן '
                                                                                                                                                                                                             'שלה',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'הקלטות '
                                                                                                                                                                                                             'כמקורות '
                                                                                                                                                                                                             'שמע, '
                                                                                                                                                                                                             'כל '
                                                                                                                                                                                                             'אחת '
                                                                                                                                                                                                             'עם '
                                                                                                                                                                                                             'התשובות '
                                                                                                                                                                                                             'המוקלדות '
                                                                                                                                                                                                             'כתמלול '
                                                                                                                                                                                                             'המסונכרן '
                                                                                                                                                                                                             'שלה',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'הקלטות '
                                                                                                                                                                                                             'כמקורות '
                                                                                                                                                                                                             'שמע, '
                                                                                                                                                                                                             'כל '
                                                                                                                                                                                                             'אחת '
                                                                                                                                                                                                             'עם '
                                                                                                                                                                                                             'התשובות '
                                                                                                                                                                                                             'המוקלדות '
                                                                                                                                                                                                             'כתמלול '
                                                                                                                                                                                                             'המסונכרן '
                                                                                                                                                                                                             'שלה'),
        ("{count} recording of this session has an id starting '{prefix}' (see reflect recording list)", "{count} recordings of this session have an id starting '{prefix}' (see reflect recording list)"): ('להקלטה '
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'של '
                                                                                                                                                                                                             'המפגש '
                                                                                                                                                                                                             'הזה '
                                                                                                                                                                                                             'יש '
                                                                                                                                                                                                             'מזהה '
                                                                                                                                                                                                             'שמתחיל '
                                                                                                                                                                                                             "ב־'{prefix}' "
                                                                                                                                                                                                             '(ראו '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             'ל־{count} '
                                                                                                                                                                                                             'הקלטות '
                                                                                                                                                                                                             'של '
                                                                                                                                                                                                             'המפגש '
                                                                                                                                                                                                             'הזה '
                                                                                                                                                                                                             'יש '
                                                                                                                                                                                                             'מזהה '
                                                                                                                                                                                                             'שמתחיל '
                                                                                                                                                                                                             "ב־'{prefix}' "
                                                                                                                                                                                                             '(ראו '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             'ל־{count} '
                                                                                                                                                                                                             'הקלטות '
                                                                                                                                                                                                             'של '
                                                                                                                                                                                                             'המפגש '
                                                                                                                                                                                                             'הזה '
                                                                                                                                                                                                             'יש '
                                                                                                                                                                                                             'מזהה '
                                                                                                                                                                                                             'שמתחיל '
                                                                                                                                                                                                             "ב־'{prefix}' "
                                                                                                                                                                                                             '(ראו '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)')},
 'it': {('Destroyed for good: {count} recording of their interviews (every second of its sound).', 'Destroyed for good: {count} recordings of their interviews (every second of their sound).'): ('Distrutta '
                                                                                                                                                                                                  'per '
                                                                                                                                                                                                  'sempre: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'registrazione '
                                                                                                                                                                                                  'delle '
                                                                                                                                                                                                  'sue '
                                                                                                                                                                                                  'interviste '
                                                                                                                                                                                                  '(ogni '
                                                                                                                                                                                                  'secondo '
                                                                                                                                                                                                  'del '
                                                                                                                                                                                                  'suo '
                                                                                                                                                                                                  'suono).',
                                                                                                                                                                                                  'Distrutte '
                                                                                                                                                                                                  'per '
                                                                                                                                                                                                  'sempre: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'registrazioni '
                                                                                                                                                                                                  'delle '
                                                                                                                                                                                                  'sue '
                                                                                                                                                                                                  'interviste '
                                                                                                                                                                                                  '(ogni '
                                                                                                                                                                                                  'secondo '
                                                                                                                                                                                                  'del '
                                                                                                                                                                                                  'loro '
                                                                                                                                                                                                  'suono).',
                                                                                                                                                                                                  'Distrutte '
                                                                                                                                                                                                  'per '
                                                                                                                                                                                                  'sempre: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'registrazioni '
                                                                                                                                                                                                  'delle '
                                                                                                                                                                                                  'sue '
                                                                                                                                                                                                  'interviste '
                                                                                                                                                                                                  '(ogni '
                                                                                                                                                                                                  'secondo '
                                                                                                                                                                                                  'del '
                                                                                                                                                                                                  'loro '
                                                                                                                                                                                                  'suono).'),
        ('The erasure also destroys {count} recording of their interviews, its sound with it.', 'The erasure also destroys {count} recordings of their interviews, their sound with them.'): ('La '
                                                                                                                                                                                              'cancellazione '
                                                                                                                                                                                              'distrugge '
                                                                                                                                                                                              'anche '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'registrazione '
                                                                                                                                                                                              'delle '
                                                                                                                                                                                              'sue '
                                                                                                                                                                                              'interviste, '
                                                                                                                                                                                              'con '
                                                                                                                                                                                              'il '
                                                                                                                                                                                              'suo '
                                                                                                                                                                                              'suono.',
                                                                                                                                                                                              'La '
                                                                                                                                                                                              'cancellazione '
                                                                                                                                                                                              'distrugge '
                                                                                                                                                                                              'anche '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'registrazioni '
                                                                                                                                                                                              'delle '
                                                                                                                                                                                              'sue '
                                                                                                                                                                                              'interviste, '
                                                                                                                                                                                              'con '
                                                                                                                                                                                              'il '
                                                                                                                                                                                              'loro '
                                                                                                                                                                                              'suono.',
                                                                                                                                                                                              'La '
                                                                                                                                                                                              'cancellazione '
                                                                                                                                                                                              'distrugge '
                                                                                                                                                                                              'anche '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'registrazioni '
                                                                                                                                                                                              'delle '
                                                                                                                                                                                              'sue '
                                                                                                                                                                                              'interviste, '
                                                                                                                                                                                              'con '
                                                                                                                                                                                              'il '
                                                                                                                                                                                              'loro '
                                                                                                                                                                                              'suono.'),
        ('{count} recording as an audio source, with the typed answers as its synchronised transcript', '{count} recordings as audio sources, each with the typed answers as its synchronised transcript'): ('{count} '
                                                                                                                                                                                                             'registrazione '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'fonte '
                                                                                                                                                                                                             'audio, '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             'le '
                                                                                                                                                                                                             'risposte '
                                                                                                                                                                                                             'scritte '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'trascrizione '
                                                                                                                                                                                                             'sincronizzata',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'registrazioni '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'fonti '
                                                                                                                                                                                                             'audio, '
                                                                                                                                                                                                             'ognuna '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             'le '
                                                                                                                                                                                                             'risposte '
                                                                                                                                                                                                             'scritte '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'trascrizione '
                                                                                                                                                                                                             'sincronizzata',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'registrazioni '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'fonti '
                                                                                                                                                                                                             'audio, '
                                                                                                                                                                                                             'ognuna '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             'le '
                                                                                                                                                                                                             'risposte '
                                                                                                                                                                                                             'scritte '
                                                                                                                                                                                                             'come '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'trascrizione '
                                                                                                                                                                                                             'sincronizzata'),
        ("{count} recording of this session has an id starting '{prefix}' (see reflect recording list)", "{count} recordings of this session have an id starting '{prefix}' (see reflect recording list)"): ('{count} '
                                                                                                                                                                                                             'registrazione '
                                                                                                                                                                                                             'di '
                                                                                                                                                                                                             'questa '
                                                                                                                                                                                                             'sessione '
                                                                                                                                                                                                             'ha '
                                                                                                                                                                                                             'un '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'che '
                                                                                                                                                                                                             'inizia '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(vedi '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'registrazioni '
                                                                                                                                                                                                             'di '
                                                                                                                                                                                                             'questa '
                                                                                                                                                                                                             'sessione '
                                                                                                                                                                                                             'hanno '
                                                                                                                                                                                                             'un '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'che '
                                                                                                                                                                                                             'inizia '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(vedi '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'registrazioni '
                                                                                                                                                                                                             'di '
                                                                                                                                                                                                             'questa '
                                                                                                                                                                                                             'sessione '
                                                                                                                                                                                                             'hanno '
                                                                                                                                                                                                             'un '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'che '
                                                                                                                                                                                                             'inizia '
                                                                                                                                                                                                             'con '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(vedi '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)')},
 'pt': {('Destroyed for good: {count} recording of their interviews (every second of its sound).', 'Destroyed for good: {count} recordings of their interviews (every second of their sound).'): ('Destruída '
                                                                                                                                                                                                  'de '
                                                                                                                                                                                                  'vez: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'gravação '
                                                                                                                                                                                                  'das '
                                                                                                                                                                                                  'suas '
                                                                                                                                                                                                  'entrevistas '
                                                                                                                                                                                                  '(cada '
                                                                                                                                                                                                  'segundo '
                                                                                                                                                                                                  'do '
                                                                                                                                                                                                  'seu '
                                                                                                                                                                                                  'som).',
                                                                                                                                                                                                  'Destruídas '
                                                                                                                                                                                                  'de '
                                                                                                                                                                                                  'vez: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'gravações '
                                                                                                                                                                                                  'das '
                                                                                                                                                                                                  'suas '
                                                                                                                                                                                                  'entrevistas '
                                                                                                                                                                                                  '(cada '
                                                                                                                                                                                                  'segundo '
                                                                                                                                                                                                  'do '
                                                                                                                                                                                                  'seu '
                                                                                                                                                                                                  'som).',
                                                                                                                                                                                                  'Destruídas '
                                                                                                                                                                                                  'de '
                                                                                                                                                                                                  'vez: '
                                                                                                                                                                                                  '{count} '
                                                                                                                                                                                                  'gravações '
                                                                                                                                                                                                  'das '
                                                                                                                                                                                                  'suas '
                                                                                                                                                                                                  'entrevistas '
                                                                                                                                                                                                  '(cada '
                                                                                                                                                                                                  'segundo '
                                                                                                                                                                                                  'do '
                                                                                                                                                                                                  'seu '
                                                                                                                                                                                                  'som).'),
        ('The erasure also destroys {count} recording of their interviews, its sound with it.', 'The erasure also destroys {count} recordings of their interviews, their sound with them.'): ('O '
                                                                                                                                                                                              'apagamento '
                                                                                                                                                                                              'destrói '
                                                                                                                                                                                              'também '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'gravação '
                                                                                                                                                                                              'das '
                                                                                                                                                                                              'suas '
                                                                                                                                                                                              'entrevistas, '
                                                                                                                                                                                              'e '
                                                                                                                                                                                              'o '
                                                                                                                                                                                              'seu '
                                                                                                                                                                                              'som '
                                                                                                                                                                                              'com '
                                                                                                                                                                                              'ela.',
                                                                                                                                                                                              'O '
                                                                                                                                                                                              'apagamento '
                                                                                                                                                                                              'destrói '
                                                                                                                                                                                              'também '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'gravações '
                                                                                                                                                                                              'das '
                                                                                                                                                                                              'suas '
                                                                                                                                                                                              'entrevistas, '
                                                                                                                                                                                              'e '
                                                                                                                                                                                              'o '
                                                                                                                                                                                              'seu '
                                                                                                                                                                                              'som '
                                                                                                                                                                                              'com '
                                                                                                                                                                                              'elas.',
                                                                                                                                                                                              'O '
                                                                                                                                                                                              'apagamento '
                                                                                                                                                                                              'destrói '
                                                                                                                                                                                              'também '
                                                                                                                                                                                              '{count} '
                                                                                                                                                                                              'gravações '
                                                                                                                                                                                              'das '
                                                                                                                                                                                              'suas '
                                                                                                                                                                                              'entrevistas, '
                                                                                                                                                                                              'e '
                                                                                                                                                                                              'o '
                                                                                                                                                                                              'seu '
                                                                                                                                                                                              'som '
                                                                                                                                                                                              'com '
                                                                                                                                                                                              'elas.'),
        ('{count} recording as an audio source, with the typed answers as its synchronised transcript', '{count} recordings as audio sources, each with the typed answers as its synchronised transcript'): ('{count} '
                                                                                                                                                                                                             'gravação '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'fonte '
                                                                                                                                                                                                             'de '
                                                                                                                                                                                                             'áudio, '
                                                                                                                                                                                                             'com '
                                                                                                                                                                                                             'as '
                                                                                                                                                                                                             'respostas '
                                                                                                                                                                                                             'escritas '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'a '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'transcrição '
                                                                                                                                                                                                             'sincronizada',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'gravações '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'fontes '
                                                                                                                                                                                                             'de '
                                                                                                                                                                                                             'áudio, '
                                                                                                                                                                                                             'cada '
                                                                                                                                                                                                             'uma '
                                                                                                                                                                                                             'com '
                                                                                                                                                                                                             'as '
                                                                                                                                                                                                             'respostas '
                                                                                                                                                                                                             'escritas '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'a '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'transcrição '
                                                                                                                                                                                                             'sincronizada',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'gravações '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'fontes '
                                                                                                                                                                                                             'de '
                                                                                                                                                                                                             'áudio, '
                                                                                                                                                                                                             'cada '
                                                                                                                                                                                                             'uma '
                                                                                                                                                                                                             'com '
                                                                                                                                                                                                             'as '
                                                                                                                                                                                                             'respostas '
                                                                                                                                                                                                             'escritas '
                                                                                                                                                                                                             'como '
                                                                                                                                                                                                             'a '
                                                                                                                                                                                                             'sua '
                                                                                                                                                                                                             'transcrição '
                                                                                                                                                                                                             'sincronizada'),
        ("{count} recording of this session has an id starting '{prefix}' (see reflect recording list)", "{count} recordings of this session have an id starting '{prefix}' (see reflect recording list)"): ('{count} '
                                                                                                                                                                                                             'gravação '
                                                                                                                                                                                                             'desta '
                                                                                                                                                                                                             'sessão '
                                                                                                                                                                                                             'tem '
                                                                                                                                                                                                             'um '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'que '
                                                                                                                                                                                                             'começa '
                                                                                                                                                                                                             'por '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(veja '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'gravações '
                                                                                                                                                                                                             'desta '
                                                                                                                                                                                                             'sessão '
                                                                                                                                                                                                             'têm '
                                                                                                                                                                                                             'um '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'que '
                                                                                                                                                                                                             'começa '
                                                                                                                                                                                                             'por '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(veja '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)',
                                                                                                                                                                                                             '{count} '
                                                                                                                                                                                                             'gravações '
                                                                                                                                                                                                             'desta '
                                                                                                                                                                                                             'sessão '
                                                                                                                                                                                                             'têm '
                                                                                                                                                                                                             'um '
                                                                                                                                                                                                             'id '
                                                                                                                                                                                                             'que '
                                                                                                                                                                                                             'começa '
                                                                                                                                                                                                             'por '
                                                                                                                                                                                                             "'{prefix}' "
                                                                                                                                                                                                             '(veja '
                                                                                                                                                                                                             'reflect '
                                                                                                                                                                                                             'recording '
                                                                                                                                                                                                             'list)')}}
