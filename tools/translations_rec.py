"""Translations of the laptop recording (issue 34, point 1): (English, Hebrew, Arabic,
Portuguese, Italian). Key labels take the context "key" ("key\x04Record", as gettext joins
them; tools/tables_to_po.py reads that form)."""

ROWS = [
    ("unknown audio codec '{codec}'",
     "מקודד שמע לא מוכר '{codec}'",
     "مُرمِّز صوت غير معروف '{codec}'",
     "codec de áudio desconhecido '{codec}'",
     "codec audio sconosciuto '{codec}'"),
    ("Opus cannot carry audio at {rate} Hz",
     "‏Opus אינו יכול לשאת שמע ב־{rate} הרץ",
     "لا يستطيع Opus حمل صوت بتردد {rate} هرتز",
     "o Opus não consegue transportar áudio a {rate} Hz",
     "Opus non può trasportare audio a {rate} Hz"),
    ("a recording's audio could not be decoded: {error}",
     "לא ניתן היה לפענח את השמע של הקלטה: {error}",
     "تعذّر فكّ ترميز صوت التسجيل: {error}",
     "não foi possível descodificar o áudio de uma gravação: {error}",
     "impossibile decodificare l'audio di una registrazione: {error}"),
    ("a recording comes from the laptop or an imported file",
     "הקלטה מגיעה מהמחשב הנייד או מקובץ מיובא",
     "يأتي التسجيل من الحاسوب المحمول أو من ملف مستورد",
     "uma gravação vem do portátil ou de um ficheiro importado",
     "una registrazione viene dal portatile o da un file importato"),
    ("this session is {status}; reopen it to record",
     "המפגש הזה {status}; יש לפתוח אותו מחדש כדי להקליט",
     "هذه الجلسة {status}؛ أعِد فتحها للتسجيل",
     "esta sessão está {status}; reabra-a para gravar",
     "questa sessione è {status}; riaprila per registrare"),
    ("that recording no longer exists",
     "ההקלטה הזו כבר לא קיימת",
     "هذا التسجيل لم يعد موجودًا",
     "essa gravação já não existe",
     "quella registrazione non esiste più"),
    ("No microphone could be opened ({detail}). Check that one is connected and not muted or "
     "used by another program, or record with a separate recorder and press F4.",
     "לא ניתן היה לפתוח מיקרופון ({detail}). יש לבדוק שמיקרופון מחובר, לא מושתק ולא בשימוש "
     "של תוכנה אחרת, או להקליט במקליט נפרד וללחוץ F4.",
     "تعذّر فتح أي ميكروفون ({detail}). تحقّق من أن ميكروفونًا موصول وغير مكتوم ولا يستخدمه "
     "برنامج آخر، أو سجّل بجهاز تسجيل منفصل واضغط F4.",
     "Não foi possível abrir nenhum microfone ({detail}). Verifique se há um ligado, sem som "
     "cortado e não usado por outro programa, ou grave com um gravador à parte e prima F4.",
     "Impossibile aprire un microfono ({detail}). Controlla che ce ne sia uno collegato, non "
     "silenziato e non usato da un altro programma, oppure registra con un registratore a "
     "parte e premi F4."),
    ("none is named '{name}'",
     "אין מיקרופון בשם '{name}'",
     "لا يوجد ميكروفون باسم '{name}'",
     "nenhum se chama '{name}'",
     "nessuno si chiama '{name}'"),
    ("{file} could not be read as audio: {error}",
     "לא ניתן היה לקרוא את {file} כשמע: {error}",
     "تعذّرت قراءة {file} كملف صوتي: {error}",
     "não foi possível ler {file} como áudio: {error}",
     "impossibile leggere {file} come audio: {error}"),
    ("key\x04Record", "הקלט", "سجّل", "Gravar", "Registra"),
    ("key\x04Stop rec", "עצור", "أوقف", "Parar", "Ferma"),
    ("{who}'s consent record does not say whether they agree to be recorded. Ask them, and "
     "record their answer with F4, before recording with F5.",
     "רישום ההסכמה של {who} אינו אומר אם הם מסכימים להקלטה. יש לשאול, ולרשום את התשובה "
     "ב־F4, לפני הקלטה ב־F5.",
     "سجلّ موافقة {who} لا يذكر إن كان يوافق على التسجيل. اسأله وسجّل جوابه بـ F4 قبل "
     "التسجيل بـ F5.",
     "O registo de consentimento de {who} não diz se aceita ser gravado/a. Pergunte-lhe e "
     "registe a resposta com F4 antes de gravar com F5.",
     "Il consenso registrato di {who} non dice se accetta di essere registrato/a. Chiediglielo "
     "e registra la risposta con F4 prima di registrare con F5."),
    ("Recording on this laptop.",
     "מקליט במחשב הנייד הזה.",
     "التسجيل جارٍ على هذا الحاسوب المحمول.",
     "A gravar neste portátil.",
     "Registrazione su questo portatile."),
    ("the recording is being started",
     "ההקלטה מתחילה",
     "التسجيل قيد البدء",
     "a gravação está a começar",
     "la registrazione sta per iniziare"),
    ("Recording stopped: {time} kept in the database.",
     "ההקלטה נעצרה: {time} נשמרו במסד הנתונים.",
     "توقّف التسجيل: حُفظ {time} في قاعدة البيانات.",
     "Gravação parada: {time} guardados na base de dados.",
     "Registrazione fermata: {time} conservati nel database."),
    ("The recording is not being written: {error}. It is kept and tried again.",
     "ההקלטה לא נכתבת: {error}. היא נשמרת ותנוסה שוב.",
     "لا يُكتب التسجيل: {error}. يُحتفظ به وتُعاد المحاولة.",
     "A gravação não está a ser escrita: {error}. É guardada e tenta-se de novo.",
     "La registrazione non viene scritta: {error}. Viene conservata e si riprova."),
    ("This laptop is recording: time codes count from its recording. Stop it (F8) before "
     "setting a separate recorder's time with F4.",
     "המחשב הנייד הזה מקליט: קודי הזמן נספרים מההקלטה שלו. יש לעצור אותה (F8) לפני הגדרת "
     "הזמן של מקליט נפרד ב־F4.",
     "هذا الحاسوب المحمول يسجّل: تُحسب رموز الوقت من تسجيله. أوقفه (F8) قبل ضبط وقت جهاز "
     "تسجيل منفصل بـ F4.",
     "Este portátil está a gravar: os códigos de tempo contam a partir da sua gravação. "
     "Pare-a (F8) antes de indicar o tempo de um gravador à parte com F4.",
     "Questo portatile sta registrando: i codici temporali contano dalla sua registrazione. "
     "Fermala (F8) prima di indicare il tempo di un registratore a parte con F4."),
    ("starting…", "מתחיל…", "يبدأ…", "a começar…", "avvio…"),
    ("paused", "מושהה", "متوقّف مؤقتًا", "em pausa", "in pausa"),
]

_LOST = ("The last second of the recording could not be written: {error}",
         "The last {count} seconds of the recording could not be written: {error}")

PLURALS = {
    "he": {_LOST: ("לא ניתן היה לכתוב את השנייה האחרונה של ההקלטה: {error}",
                   "לא ניתן היה לכתוב את {count} השניות האחרונות של ההקלטה: {error}",
                   "לא ניתן היה לכתוב את {count} השניות האחרונות של ההקלטה: {error}")},
    "ar": {_LOST: ("تعذّرت كتابة آخر {count} ثانية من التسجيل: {error}",
                   "تعذّرت كتابة الثانية الأخيرة من التسجيل: {error}",
                   "تعذّرت كتابة آخر ثانيتين ({count}) من التسجيل: {error}",
                   "تعذّرت كتابة آخر {count} ثوانٍ من التسجيل: {error}",
                   "تعذّرت كتابة آخر {count} ثانية من التسجيل: {error}",
                   "تعذّرت كتابة آخر {count} ثانية من التسجيل: {error}")},
    "pt": {_LOST: ("Não foi possível escrever o último segundo da gravação: {error}",
                   "Não foi possível escrever os últimos {count} segundos da gravação: {error}",
                   "Não foi possível escrever os últimos {count} segundos da gravação: {error}")},
    "it": {_LOST: ("Impossibile scrivere l'ultimo secondo della registrazione: {error}",
                   "Impossibile scrivere gli ultimi {count} secondi della registrazione: {error}",
                   "Impossibile scrivere gli ultimi {count} secondi della registrazione: {error}")},
}
