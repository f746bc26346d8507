"""Translations, issue 28/29 (lead): backups that follow the database's encryption, a backup
that could not be made. Same care and the same review note as translations_interview.py.
Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("today's automatic backup could not be made ({problem}); it is tried again at the next "
     "start",
     "הגיבוי האוטומטי של היום לא נוצר ({problem}); ניסיון נוסף ייעשה בהפעלה הבאה",
     "تعذّر إنشاء النسخة الاحتياطية التلقائية لهذا اليوم ({problem})؛ ستُعاد المحاولة عند "
     "التشغيل التالي",
     "a cópia de segurança automática de hoje não pôde ser feita ({problem}); será tentada "
     "de novo no próximo arranque",
     "il backup automatico di oggi non è stato possibile ({problem}); si riprova al prossimo "
     "avvio"),
    ("No backup today", "אין גיבוי היום", "لا نسخة احتياطية اليوم", "Sem cópia de segurança hoje",
     "Nessun backup oggi"),
    ("Removed {copy}: a copy that could not be encrypted (a raw or damaged copy, or one keyed "
     "with a passphrase no longer known), so nothing readable is left behind.",
     "{copy} הוסר: עותק שלא ניתן היה להצפין (עותק גולמי או פגום, או עותק שהוצפן בסיסמה שכבר "
     "אינה ידועה), כדי שלא יישאר דבר קריא.",
     "أُزيل {copy}: نسخة تعذّر تشفيرها (نسخة خام أو تالفة، أو مشفّرة بعبارة مرور لم تعد "
     "معروفة)، كي لا يبقى شيء مقروء.",
     "Removido {copy}: uma cópia que não pôde ser cifrada (uma cópia em bruto ou danificada, "
     "ou cifrada com uma frase-passe que já não se conhece), para que nada legível fique para "
     "trás.",
     "Rimosso {copy}: una copia che non si poteva cifrare (una copia grezza o danneggiata, o "
     "cifrata con una passphrase non più nota), perché non resti nulla di leggibile."),
    ("The passphrase of {path} is changed.", "הסיסמה של {path} הוחלפה.",
     "تغيّرت عبارة مرور {path}.", "A frase-passe de {path} foi alterada.",
     "La passphrase di {path} è cambiata."),
    ("{db} is encrypted and {backup} is not: give the database's passphrase, and the backup "
     "is encrypted with it on its way in",
     "{db} מוצפן ו־{backup} אינו מוצפן: תנו את הסיסמה של מסד הנתונים, והגיבוי יוצפן בה "
     "בדרכו פנימה",
     "{db} مشفّر و{backup} غير مشفّر: أدخل عبارة مرور قاعدة البيانات، فتُشفَّر النسخة "
     "الاحتياطية بها أثناء استعادتها",
     "{db} está cifrada e {backup} não: indique a frase-passe da base de dados, e a cópia é "
     "cifrada com ela ao ser reposta",
     "{db} è cifrato e {backup} no: indica la passphrase del database, e il backup viene "
     "cifrato con essa mentre rientra"),
]

ENCRYPTED_COPIES = ("{count} backup or copy beside it is encrypted the same way.",
                    "{count} backups and copies beside it are encrypted the same way.")

PLURALS = {
    "he": {ENCRYPTED_COPIES: ("גיבוי או עותק {count} לידו מוצפן באותו אופן.",
                              "{count} גיבויים ועותקים לידו מוצפנים באותו אופן.",
                              "{count} גיבויים ועותקים לידו מוצפנים באותו אופן.")},
    "ar": {ENCRYPTED_COPIES: ("لا نسخ بجانبه ({count}).",
                              "نسخة احتياطية أو نسخة واحدة بجانبه ({count}) مشفّرة بالطريقة نفسها.",
                              "نسختان بجانبه ({count}) مشفّرتان بالطريقة نفسها.",
                              "{count} نسخ احتياطية ونسخ بجانبه مشفّرة بالطريقة نفسها.",
                              "{count} نسخة احتياطية ونسخة بجانبه مشفّرة بالطريقة نفسها.",
                              "{count} نسخة احتياطية ونسخة بجانبه مشفّرة بالطريقة نفسها.")},
    "pt": {ENCRYPTED_COPIES: ("{count} cópia de segurança ou cópia ao lado é cifrada da mesma "
                              "forma.",
                              "{count} cópias de segurança e cópias ao lado são cifradas da "
                              "mesma forma.",
                              "{count} cópias de segurança e cópias ao lado são cifradas da "
                              "mesma forma.")},
    "it": {ENCRYPTED_COPIES: ("{count} backup o copia accanto è cifrato allo stesso modo.",
                              "{count} backup e copie accanto sono cifrati allo stesso modo.",
                              "{count} backup e copie accanto sono cifrati allo stesso modo.")},
}
