"""Translations, fifth batch: what the documents write (session, story and book exports) and the
first start's questions (language, right-to-left check). Same care and the same review note as
translations_interview.py."""

FOUND_IN = ("{count} of {total} story: {titles}", "{count} of {total} stories: {titles}")
BOOK_LEAD = ("{count} story of success, and the principles of action drawn from it. All names "
             "are pseudonyms.",
             "{count} stories of success, and the principles of action drawn from them. All "
             "names are pseudonyms.")

HE = {
    "Learning from Success": "למידה מהצלחות",
    "Which language should reflect speak?": "באיזו שפה reflect ידבר?",
    "Does this line read correctly?": "האם השורה הזאת נקראת נכון?",
    "This is a line in your language, with a name (Dana) and the year 2026.":
        "זוהי שורה בשפה שלך, עם שם (Dana) והשנה 2026.",
    "reflect puts right-to-left text in reading order itself. Some terminals do it as well (mlterm, Konsole with bidi on, some VTE terminals), and then every line reads backwards.":
        "reflect מסדר בעצמו טקסט מימין לשמאל בסדר הקריאה. יש מסופים שעושים זאת גם הם (mlterm, Konsole עם bidi פעיל, חלק ממסופי VTE), ואז כל שורה נקראת הפוך.",
    "Now the terminal puts the line in order, not reflect. Does it read correctly now?":
        "עכשיו המסוף מסדר את השורה, ולא reflect. האם היא נקראת נכון עכשיו?",
    "Yes, it reads correctly": "כן, היא נקראת נכון",
    "No, it reads backwards": "לא, היא נקראת הפוך",
    "Continue": "המשך",
    "This terminal shows right-to-left lines backwards either way. reflect will put them in order itself; for a terminal that shows them well, see \"Languages and right-to-left text\" in the README.":
        "המסוף הזה מציג שורות מימין לשמאל הפוך בכל מקרה. reflect יסדר אותן בעצמו; למסוף שמציג אותן היטב, ראו \"Languages and right-to-left text\" בקובץ README.",
    "By": "מאת",
    "Follows up": "המשך ל",
    "Found in": "נמצא ב",
    "Flagged: {flags}.": "סומן: {flags}.",
    "No common principles drawn yet.": "עדיין לא נוסחו עקרונות משותפים.",
    "No principles formulated yet.": "עדיין לא נוסחו עקרונות פעולה.",
    "No supporting passage linked yet.": "עדיין לא קושר קטע תומך.",
    "Not answered.": "לא נענתה.",
    "Skipped.": "דולגה.",
    "The people interviewed": "המרואיינים",
    "What was done": "מה נעשה",
    "Why it is a success": "למה זו הצלחה",
    "balanced": "מאוזן",
    "given": "ניתנה",
    "refused": "סורבה",
    "quote": "ציטוט",
    "no story is marked ready for the book (edit a story: 'Ready for the book')":
        "אין סיפור שסומן כמוכן לספר (ערכו סיפור: 'מוכן לספר')",
    "one-sided: only faults seen": "חד־צדדי: רואים רק ליקויים",
    "one-sided: only strengths seen": "חד־צדדי: רואים רק חוזקות",
    "too few entries to judge": "מעט מדי פריטים כדי לשפוט",
    "that story no longer exists": "הסיפור הזה כבר לא קיים",
    "the reflection of {date}": "הרפלקציה מ־{date}",
    "{id} (version {version})": "{id} (גרסה {version})",
    "{label}:": "{label}:",
    "{label}: ": "{label}: ",
    "{positive} positive, {negative} negative ({verdict})":
        "{positive} חיוביים, {negative} שליליים ({verdict})",
    "{state}, {method} ({who})": "{state}, {method} ({who})",
    "{state}, {method}, recorded by {who} (text {version})":
        "{state}, {method}, נרשמה בידי {who} (נוסח {version})",
    "{status}, locked": "{status}, נעול",
    "“{quote}”": "\"{quote}\"",
    FOUND_IN: ("{count} מתוך סיפור אחד: {titles}", "{count} מתוך שני סיפורים: {titles}",
               "{count} מתוך {total} סיפורים: {titles}"),
    BOOK_LEAD: ("סיפור הצלחה אחד, ועקרונות הפעולה שנלמדו ממנו. כל השמות בדויים.",
                "שני סיפורי הצלחה, ועקרונות הפעולה שנלמדו מהם. כל השמות בדויים.",
                "{count} סיפורי הצלחה, ועקרונות הפעולה שנלמדו מהם. כל השמות בדויים."),
}

AR = {
    "Learning from Success": "التعلّم من النجاح",
    "Which language should reflect speak?": "بأي لغة يتحدث reflect؟",
    "Does this line read correctly?": "هل يُقرأ هذا السطر بشكل صحيح؟",
    "This is a line in your language, with a name (Dana) and the year 2026.":
        "هذا سطر بلغتك، فيه اسم (Dana) والسنة 2026.",
    "reflect puts right-to-left text in reading order itself. Some terminals do it as well (mlterm, Konsole with bidi on, some VTE terminals), and then every line reads backwards.":
        "يرتّب reflect النص المكتوب من اليمين إلى اليسار بترتيب القراءة بنفسه. بعض الطرفيات تفعل ذلك أيضًا (mlterm، وKonsole مع تفعيل bidi، وبعض طرفيات VTE)، فيُقرأ عندها كل سطر معكوسًا.",
    "Now the terminal puts the line in order, not reflect. Does it read correctly now?":
        "الآن ترتّب الطرفية السطر، لا reflect. هل يُقرأ بشكل صحيح الآن؟",
    "Yes, it reads correctly": "نعم، يُقرأ بشكل صحيح",
    "No, it reads backwards": "لا، يُقرأ معكوسًا",
    "Continue": "متابعة",
    "This terminal shows right-to-left lines backwards either way. reflect will put them in order itself; for a terminal that shows them well, see \"Languages and right-to-left text\" in the README.":
        "تعرض هذه الطرفية الأسطر المكتوبة من اليمين إلى اليسار معكوسة في الحالتين. سيرتّبها reflect بنفسه؛ لطرفية تعرضها جيدًا، راجع \"Languages and right-to-left text\" في ملف README.",
    "By": "بواسطة",
    "Follows up": "متابعة لـ",
    "Found in": "ورد في",
    "Flagged: {flags}.": "مُعلَّم: {flags}.",
    "No common principles drawn yet.": "لم تُستخلص مبادئ مشتركة بعد.",
    "No principles formulated yet.": "لم تُصَغ مبادئ عمل بعد.",
    "No supporting passage linked yet.": "لم يُربط مقطع داعم بعد.",
    "Not answered.": "لم تتم الإجابة.",
    "Skipped.": "تم التخطي.",
    "The people interviewed": "الأشخاص الذين أُجريت معهم المقابلات",
    "What was done": "ما الذي تم فعله",
    "Why it is a success": "لماذا تُعدّ نجاحًا",
    "balanced": "متوازن",
    "given": "أُعطيت",
    "refused": "رُفضت",
    "quote": "اقتباس",
    "no story is marked ready for the book (edit a story: 'Ready for the book')":
        "لا توجد قصة معلَّمة بأنها جاهزة للكتاب (عدّل قصة: 'جاهزة للكتاب')",
    "one-sided: only faults seen": "أحادي الجانب: لا تُرى إلا الأخطاء",
    "one-sided: only strengths seen": "أحادي الجانب: لا تُرى إلا نقاط القوة",
    "too few entries to judge": "المدخلات أقل من أن يُحكم عليها",
    "that story no longer exists": "هذه القصة لم تعد موجودة",
    "the reflection of {date}": "التأمل بتاريخ {date}",
    "{id} (version {version})": "{id} (الإصدار {version})",
    "{label}:": "{label}:",
    "{label}: ": "{label}: ",
    "{positive} positive, {negative} negative ({verdict})":
        "{positive} إيجابية، {negative} سلبية ({verdict})",
    "{state}, {method} ({who})": "{state}، {method} ({who})",
    "{state}, {method}, recorded by {who} (text {version})":
        "{state}، {method}، سجّلها {who} (النص {version})",
    "{status}, locked": "{status}، مقفلة",
    "“{quote}”": "«{quote}»",
    FOUND_IN: ("{count} من {total} قصص: {titles}", "{count} من قصة واحدة: {titles}",
               "{count} من قصتين: {titles}", "{count} من {total} قصص: {titles}",
               "{count} من {total} قصة: {titles}", "{count} من {total} قصة: {titles}"),
    BOOK_LEAD: ("لا قصص نجاح.",
                "قصة نجاح واحدة، ومبادئ العمل المستخلصة منها. كل الأسماء مستعارة.",
                "قصتا نجاح، ومبادئ العمل المستخلصة منهما. كل الأسماء مستعارة.",
                "{count} قصص نجاح، ومبادئ العمل المستخلصة منها. كل الأسماء مستعارة.",
                "{count} قصة نجاح، ومبادئ العمل المستخلصة منها. كل الأسماء مستعارة.",
                "{count} قصة نجاح، ومبادئ العمل المستخلصة منها. كل الأسماء مستعارة."),
}

PT = {
    "Learning from Success": "Aprender com o Sucesso",
    "Which language should reflect speak?": "Em que língua deve o reflect falar?",
    "Does this line read correctly?": "Esta linha lê-se corretamente?",
    "This is a line in your language, with a name (Dana) and the year 2026.":
        "Esta é uma linha na sua língua, com um nome (Dana) e o ano 2026.",
    "reflect puts right-to-left text in reading order itself. Some terminals do it as well (mlterm, Konsole with bidi on, some VTE terminals), and then every line reads backwards.":
        "O reflect põe o texto da direita para a esquerda na ordem de leitura. Alguns terminais também o fazem (mlterm, Konsole com bidi ativo, alguns terminais VTE) e então cada linha lê-se ao contrário.",
    "Now the terminal puts the line in order, not reflect. Does it read correctly now?":
        "Agora é o terminal que ordena a linha, não o reflect. Lê-se corretamente agora?",
    "Yes, it reads correctly": "Sim, lê-se corretamente",
    "No, it reads backwards": "Não, lê-se ao contrário",
    "Continue": "Continuar",
    "This terminal shows right-to-left lines backwards either way. reflect will put them in order itself; for a terminal that shows them well, see \"Languages and right-to-left text\" in the README.":
        "Este terminal mostra as linhas da direita para a esquerda ao contrário em ambos os casos. O reflect vai ordená-las; para um terminal que as mostre bem, veja \"Languages and right-to-left text\" no README.",
    "By": "Por",
    "Follows up": "Dá seguimento a",
    "Found in": "Presente em",
    "Flagged: {flags}.": "Marcada: {flags}.",
    "No common principles drawn yet.": "Ainda não foram extraídos princípios comuns.",
    "No principles formulated yet.": "Ainda não foram formulados princípios de ação.",
    "No supporting passage linked yet.": "Ainda não há nenhum excerto de suporte ligado.",
    "Not answered.": "Sem resposta.",
    "Skipped.": "Saltada.",
    "The people interviewed": "As pessoas entrevistadas",
    "What was done": "O que foi feito",
    "Why it is a success": "Porque é um sucesso",
    "balanced": "equilibrada",
    "given": "dado",
    "refused": "recusado",
    "quote": "citação",
    "no story is marked ready for the book (edit a story: 'Ready for the book')":
        "nenhuma história está marcada como pronta para o livro (edite uma história: 'Pronta para o livro')",
    "one-sided: only faults seen": "unilateral: só vê falhas",
    "one-sided: only strengths seen": "unilateral: só vê pontos fortes",
    "too few entries to judge": "entradas insuficientes para avaliar",
    "that story no longer exists": "essa história já não existe",
    "the reflection of {date}": "a reflexão de {date}",
    "{id} (version {version})": "{id} (versão {version})",
    "{label}:": "{label}:",
    "{label}: ": "{label}: ",
    "{positive} positive, {negative} negative ({verdict})":
        "{positive} positivos, {negative} negativos ({verdict})",
    "{state}, {method} ({who})": "{state}, {method} ({who})",
    "{state}, {method}, recorded by {who} (text {version})":
        "{state}, {method}, registado por {who} (texto {version})",
    "{status}, locked": "{status}, bloqueada",
    "“{quote}”": "«{quote}»",
    FOUND_IN: ("{count} de {total} história: {titles}", "{count} de {total} histórias: {titles}",
               "{count} de {total} histórias: {titles}"),
    BOOK_LEAD: ("{count} história de sucesso e os princípios de ação que dela se retiram. Todos "
                "os nomes são pseudónimos.",
                "{count} histórias de sucesso e os princípios de ação que delas se retiram. Todos "
                "os nomes são pseudónimos.",
                "{count} histórias de sucesso e os princípios de ação que delas se retiram. Todos "
                "os nomes são pseudónimos."),
}

IT = {
    "Learning from Success": "Imparare dal successo",
    "Which language should reflect speak?": "In quale lingua deve parlare reflect?",
    "Does this line read correctly?": "Questa riga si legge correttamente?",
    "This is a line in your language, with a name (Dana) and the year 2026.":
        "Questa è una riga nella tua lingua, con un nome (Dana) e l'anno 2026.",
    "reflect puts right-to-left text in reading order itself. Some terminals do it as well (mlterm, Konsole with bidi on, some VTE terminals), and then every line reads backwards.":
        "reflect mette da sé il testo da destra a sinistra nell'ordine di lettura. Alcuni terminali lo fanno a loro volta (mlterm, Konsole con bidi attivo, alcuni terminali VTE) e allora ogni riga si legge al contrario.",
    "Now the terminal puts the line in order, not reflect. Does it read correctly now?":
        "Ora è il terminale a ordinare la riga, non reflect. Si legge correttamente adesso?",
    "Yes, it reads correctly": "Sì, si legge correttamente",
    "No, it reads backwards": "No, si legge al contrario",
    "Continue": "Continua",
    "This terminal shows right-to-left lines backwards either way. reflect will put them in order itself; for a terminal that shows them well, see \"Languages and right-to-left text\" in the README.":
        "Questo terminale mostra al contrario le righe da destra a sinistra in entrambi i casi. reflect le ordinerà da sé; per un terminale che le mostri bene, vedi \"Languages and right-to-left text\" nel README.",
    "By": "Di",
    "Follows up": "Fa seguito a",
    "Found in": "Presente in",
    "Flagged: {flags}.": "Segnata: {flags}.",
    "No common principles drawn yet.": "Non sono ancora stati ricavati principi comuni.",
    "No principles formulated yet.": "Non sono ancora stati formulati principi d'azione.",
    "No supporting passage linked yet.": "Nessun brano a sostegno collegato per ora.",
    "Not answered.": "Senza risposta.",
    "Skipped.": "Saltata.",
    "The people interviewed": "Le persone intervistate",
    "What was done": "Che cosa è stato fatto",
    "Why it is a success": "Perché è un successo",
    "balanced": "equilibrata",
    "given": "dato",
    "refused": "rifiutato",
    "quote": "citazione",
    "no story is marked ready for the book (edit a story: 'Ready for the book')":
        "nessuna storia è segnata come pronta per il libro (modifica una storia: 'Pronta per il libro')",
    "one-sided: only faults seen": "unilaterale: vede solo i difetti",
    "one-sided: only strengths seen": "unilaterale: vede solo i punti di forza",
    "too few entries to judge": "troppo poche voci per giudicare",
    "that story no longer exists": "quella storia non esiste più",
    "the reflection of {date}": "la riflessione del {date}",
    "{id} (version {version})": "{id} (versione {version})",
    "{label}:": "{label}:",
    "{label}: ": "{label}: ",
    "{positive} positive, {negative} negative ({verdict})":
        "{positive} positivi, {negative} negativi ({verdict})",
    "{state}, {method} ({who})": "{state}, {method} ({who})",
    "{state}, {method}, recorded by {who} (text {version})":
        "{state}, {method}, registrato da {who} (testo {version})",
    "{status}, locked": "{status}, bloccata",
    "“{quote}”": "«{quote}»",
    FOUND_IN: ("{count} su {total} storia: {titles}", "{count} su {total} storie: {titles}",
               "{count} su {total} storie: {titles}"),
    BOOK_LEAD: ("{count} storia di successo e i principi d'azione che se ne ricavano. Tutti i "
                "nomi sono pseudonimi.",
                "{count} storie di successo e i principi d'azione che se ne ricavano. Tutti i "
                "nomi sono pseudonimi.",
                "{count} storie di successo e i principi d'azione che se ne ricavano. Tutti i "
                "nomi sono pseudonimi."),
}

TRANSLATIONS = {"he": HE, "ar": AR, "pt": PT, "it": IT}
