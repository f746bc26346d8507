"""Translations for the exact CSV tables and the .xlsx workbook (issue 33, point 2). Same care
and the same review note as translations_interview.py. Each row: English, Hebrew, Arabic,
Portuguese, Italian."""

ROWS = [
    ("tidy CSV files for R, pandas and other code, every cell exactly as stored (for a spreadsheet program: export xlsx)",
     "קובצי CSV מסודרים ל־R, ל־pandas ולקוד אחר, כל תא בדיוק כפי שנשמר (לתוכנת גיליונות: export xlsx)",
     "ملفات CSV مرتبة لـ R وpandas وغيرها من الشيفرات، كل خلية كما حُفظت تمامًا (لبرنامج الجداول الإلكترونية: export xlsx)",
     "ficheiros CSV arrumados para R, pandas e outro código, cada célula exatamente como guardada (para uma folha de cálculo: export xlsx)",
     "file CSV ordinati per R, pandas e altro codice, ogni cella esattamente come salvata (per un foglio di calcolo: export xlsx)"),
    ("the same tables as one .xlsx workbook for spreadsheet programs: every text cell a string, never a formula",
     "אותן טבלאות כחוברת עבודה אחת ‎.xlsx לתוכנות גיליונות: כל תא טקסט הוא מחרוזת, לעולם לא נוסחה",
     "الجداول نفسها في مصنف ‎.xlsx واحد لبرامج الجداول الإلكترونية: كل خلية نصية سلسلة نصية، وليست صيغة أبدًا",
     "as mesmas tabelas num único livro .xlsx para folhas de cálculo: cada célula de texto é uma cadeia, nunca uma fórmula",
     "le stesse tabelle in un'unica cartella di lavoro .xlsx per i fogli di calcolo: ogni cella di testo è una stringa, mai una formula"),
    ("file (default: exports/reflect-TIME.xlsx in the data dir)",
     "קובץ (ברירת מחדל: exports/reflect-TIME.xlsx בתיקיית הנתונים)",
     "ملف (الافتراضي: exports/reflect-TIME.xlsx في مجلد البيانات)",
     "ficheiro (por omissão: exports/reflect-TIME.xlsx na pasta de dados)",
     "file (predefinito: exports/reflect-TIME.xlsx nella cartella dati)"),
    ("Writing the workbook", "כותב את חוברת העבודה", "جارٍ كتابة المصنف", "A escrever o livro",
     "Scrittura della cartella di lavoro"),
    ("{count} cell(s) held more than the 32,767 characters a spreadsheet cell can: they end there in the workbook; the CSV export holds them whole",
     "{count} תאים הכילו יותר מ־32,767 התווים שתא בגיליון יכול להכיל: בחוברת העבודה הם נקטעים שם; ייצוא ה־CSV מכיל אותם במלואם",
     "{count} خلية احتوت أكثر من 32,767 حرفًا، وهو أقصى ما تتسع له خلية الجدول: تنتهي عنده في المصنف؛ وتصدير CSV يحتويها كاملة",
     "{count} célula(s) tinham mais do que os 32 767 caracteres que cabem numa célula: no livro terminam aí; a exportação CSV tem-nas inteiras",
     "{count} cella/e contenevano più dei 32.767 caratteri che una cella può contenere: nella cartella di lavoro finiscono lì; l'esportazione CSV le contiene intere"),
]
