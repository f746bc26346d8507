"""Translations: the gate on an informant's words (issue 28, item 2): a withdrawn informant
is named by no one, a principle resting only on withdrawn words is held from the book. Same
care and the same review note as translations_interview.py. Each row: English, Hebrew,
Arabic, Portuguese, Italian."""

ROWS = [
    ("Withdrawn informant", "מרואיין/ת שחזר/ה בו/ה", "مُقابَل انسحب",
     "Informante que se retirou", "Informatore ritirato"),
    ("Not in the final book: every passage it rested on was withdrawn by its informant.",
     "לא בספר הסופי: כל קטע שעליו נשען הוסר על ידי המרואיין/ת שאמר/ה אותו.",
     "ليس في الكتاب النهائي: كل مقطع استند إليه سحبه المُقابَل الذي قاله.",
     "Fora do livro final: todas as passagens em que se apoiava foram retiradas pelo seu "
     "informante.",
     "Non nel libro finale: ogni passaggio su cui si reggeva è stato ritirato dal suo "
     "informatore."),
    ("This informant withdrew their consent: their words are hidden everywhere and cannot be "
     "opened (their member check, c in the story screen, can erase them for good)",
     "המרואיין/ת חזר/ה בו/ה מההסכמה: דבריהם מוסתרים בכל מקום ואי אפשר לפתוח אותם (בדיקת "
     "המשתתפים שלהם, c במסך הסיפור, יכולה למחוק אותם לצמיתות)",
     "سحب هذا المُقابَل موافقته: كلامه مخفي في كل مكان ولا يمكن فتحه (مراجعته، c في شاشة "
     "القصة، يمكنها محوه نهائيًا)",
     "Este informante retirou o consentimento: as suas palavras estão escondidas em todo o "
     "lado e não podem ser abertas (a sua verificação, c no ecrã da história, pode apagá-las "
     "de vez)",
     "Questo informatore ha ritirato il consenso: le sue parole sono nascoste ovunque e non si "
     "possono aprire (la sua verifica, c nella schermata della storia, può cancellarle per "
     "sempre)"),
    ("This informant withdrew their consent: no interview with them is opened or started. "
     "Their member check is c.",
     "המרואיין/ת חזר/ה בו/ה מההסכמה: שום ריאיון איתם לא נפתח ולא מתחיל. בדיקת המשתתפים "
     "שלהם: c.",
     "سحب هذا المُقابَل موافقته: لا تُفتح معه أي مقابلة ولا تبدأ. مراجعته: c.",
     "Este informante retirou o consentimento: nenhuma entrevista com ele é aberta ou "
     "iniciada. A sua verificação é c.",
     "Questo informatore ha ritirato il consenso: nessuna intervista con lui viene aperta o "
     "iniziata. La sua verifica è c."),
    ("held: its evidence was withdrawn", "מוחזק: הראיות שלו הוסרו", "مُعلَّق: سُحبت أدلته",
     "retido: as suas evidências foram retiradas", "sospeso: le sue evidenze sono state ritirate"),
]
