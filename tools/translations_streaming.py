"""Translations, fourteenth batch: bundles as a zip of JSON Lines, read as they stream (issue
18). Same care and the same review note as translations_interview.py. Each row: English,
Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("{path} is a zip file but not a reflect bundle (it has no {manifest}); {READS}. Nothing "
     "was imported.",
     "{path} הוא קובץ zip אבל לא חבילה של reflect (אין בו {manifest}); {READS}. דבר לא יובא.",
     "{path} ملف zip لكنه ليس حزمة reflect (لا يحتوي على {manifest})؛ {READS}. لم يُستورد "
     "شيء.",
     "{path} é um ficheiro zip mas não um pacote do reflect (não tem {manifest}); {READS}. "
     "Nada foi importado.",
     "{path} è un file zip ma non un pacchetto di reflect (non ha {manifest}); {READS}. Non è "
     "stato importato nulla."),
    ("{path} is damaged: the zip file cannot be read (probably cut short while copying; copy "
     "it again). Nothing was imported.",
     "{path} פגום: אי אפשר לקרוא את קובץ ה־zip (כנראה נקטע בזמן ההעתקה; העתיקו אותו שוב). דבר "
     "לא יובא.",
     "{path} تالف: لا يمكن قراءة ملف zip (ربما انقطع أثناء النسخ؛ انسخه مرة أخرى). لم "
     "يُستورد شيء.",
     "{path} está danificado: o ficheiro zip não pode ser lido (provavelmente ficou cortado "
     "ao copiar; copie-o de novo). Nada foi importado.",
     "{path} è danneggiato: il file zip non si può leggere (probabilmente è stato troncato "
     "durante la copia; copialo di nuovo). Non è stato importato nulla."),
    ("{path}: {manifest} is not valid JSON; the file is damaged. Nothing was imported.",
     "{path}: {manifest} אינו JSON תקין; הקובץ פגום. דבר לא יובא.",
     "{path}: {manifest} ليس JSON صالحًا؛ الملف تالف. لم يُستورد شيء.",
     "{path}: {manifest} não é JSON válido; o ficheiro está danificado. Nada foi importado.",
     "{path}: {manifest} non è JSON valido; il file è danneggiato. Non è stato importato "
     "nulla."),
    ("{path}: {member} is missing; the file is damaged. Nothing was imported.",
     "{path}: {member} חסר; הקובץ פגום. דבר לא יובא.",
     "{path}: {member} مفقود؛ الملف تالف. لم يُستورد شيء.",
     "{path}: falta {member}; o ficheiro está danificado. Nada foi importado.",
     "{path}: manca {member}; il file è danneggiato. Non è stato importato nulla."),
    ("{where}: not valid JSON ({msg}); the file is damaged. Nothing was imported.",
     "{where}: אינו JSON תקין ({msg}); הקובץ פגום. דבר לא יובא.",
     "{where}: ليس JSON صالحًا ({msg})؛ الملف تالف. لم يُستورد شيء.",
     "{where}: não é JSON válido ({msg}); o ficheiro está danificado. Nada foi importado.",
     "{where}: non è JSON valido ({msg}); il file è danneggiato. Non è stato importato nulla."),
    ("Could not typeset the PDF (nothing was written): {problem}",
     "לא ניתן היה לסדר את ה-PDF (דבר לא נכתב): {problem}",
     "تعذّر تنضيد ملف PDF (لم يُكتب شيء): {problem}",
     "Não foi possível compor o PDF (nada foi escrito): {problem}",
     "Impossibile comporre il PDF (non è stato scritto nulla): {problem}"),
    ("Typst was stopped by the system (signal {signal}), most often because the computer ran "
     "out of memory for a document this long; close other programs and try again",
     "המערכת עצרה את Typst (אות {signal}), לרוב כי למחשב לא היה די זיכרון למסמך ארוך כל כך; "
     "סגרו תוכנות אחרות ונסו שוב",
     "أوقف النظام Typst (الإشارة {signal})، وغالبًا لأن ذاكرة الحاسوب لم تكفِ لمستند بهذا "
     "الطول؛ أغلق البرامج الأخرى وحاول مرة أخرى",
     "O sistema parou o Typst (sinal {signal}), quase sempre porque o computador ficou sem "
     "memória para um documento tão longo; feche outros programas e tente de novo",
     "Il sistema ha fermato Typst (segnale {signal}), quasi sempre perché il computer ha "
     "esaurito la memoria per un documento così lungo; chiudi altri programmi e riprova"),
]

PLURALS: dict = {}
