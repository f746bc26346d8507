"""Translations: the offline journal of a team server (issue 31, point 3): saves kept on the
laptop while the server cannot be reached, and what is said when it is back. Same care and
the same review note as translations_interview.py. Each row: English, Hebrew, Arabic,
Portuguese, Italian."""

ROWS = [
    ("offline: kept on this laptop",
     "לא מקוון: נשמר במחשב הנייד הזה",
     "غير متصل: محفوظ على هذا الحاسوب المحمول",
     "offline: guardado neste portátil",
     "offline: conservato su questo portatile"),
    ("Back online", "חזרה לחיבור", "عاد الاتصال", "De novo em linha", "Di nuovo in linea"),
    ("the server cannot be reached, and the offline journal on this laptop could not keep the "
     "save either ({problem})",
     "אין גישה לשרת, וגם יומן העבודה הלא מקוון במחשב הנייד הזה לא הצליח לשמור את השמירה "
     "({problem})",
     "لا يمكن الوصول إلى الخادم، ولم يتمكن سجل العمل دون اتصال على هذا الحاسوب المحمول من "
     "حفظ التغيير أيضًا ({problem})",
     "não é possível chegar ao servidor, e o diário offline deste portátil também não "
     "conseguiu guardar a gravação ({problem})",
     "il server non è raggiungibile, e nemmeno il registro offline di questo portatile è "
     "riuscito a conservare il salvataggio ({problem})"),
    ("the offline journal {path} is encrypted: give the passphrase ({env}) to open it, so "
     "that the saves it keeps reach the server",
     "יומן העבודה הלא מקוון {path} מוצפן: תנו את מילת הצופן ({env}) כדי לפתוח אותו, כך "
     "שהשמירות שבו יגיעו לשרת",
     "سجل العمل دون اتصال {path} مشفّر: أدخل عبارة المرور ({env}) لفتحه، كي تصل التغييرات "
     "المحفوظة فيه إلى الخادم",
     "o diário offline {path} está cifrado: indique a frase-passe ({env}) para o abrir, para "
     "que as gravações que guarda cheguem ao servidor",
     "il registro offline {path} è cifrato: indica la passphrase ({env}) per aprirlo, così "
     "che i salvataggi che conserva raggiungano il server"),
    ("wrong passphrase for the offline journal {path}; nothing was changed",
     "מילת צופן שגויה ליומן העבודה הלא מקוון {path}; דבר לא שונה",
     "عبارة مرور خاطئة لسجل العمل دون اتصال {path}؛ لم يتغير شيء",
     "frase-passe errada para o diário offline {path}; nada foi alterado",
     "passphrase sbagliata per il registro offline {path}; non è stato cambiato nulla"),
    ("the offline journal {path} cannot be read ({problem}); move it aside to start a new one",
     "לא ניתן לקרוא את יומן העבודה הלא מקוון {path} ({problem}); הזיזו אותו הצידה כדי להתחיל "
     "יומן חדש",
     "لا يمكن قراءة سجل العمل دون اتصال {path} ({problem})؛ انقله جانبًا لبدء سجل جديد",
     "não é possível ler o diário offline {path} ({problem}); mova-o para outro lado para "
     "começar um novo",
     "il registro offline {path} non si può leggere ({problem}); spostalo altrove per "
     "iniziarne uno nuovo"),
    ("the team server cannot be reached, and this session was not opened here: try again "
     "when it is back",
     "אין גישה לשרת הצוות, והמפגש הזה לא נפתח כאן: נסו שוב כשהשרת יחזור",
     "لا يمكن الوصول إلى خادم الفريق، ولم تُفتح هذه الجلسة هنا: حاول مجددًا عند عودته",
     "não é possível chegar ao servidor da equipa, e esta sessão não foi aberta aqui: tente "
     "de novo quando ele voltar",
     "il server del gruppo non è raggiungibile, e questa sessione non è stata aperta qui: "
     "riprova quando torna"),
    ("the team server cannot be reached: this needs it. What you typed is kept on this laptop "
     "and goes to the server when it is back; try again then.",
     "אין גישה לשרת הצוות, ופעולה זו זקוקה לו. מה שהקלדתם נשמר במחשב הנייד הזה ויעבור לשרת "
     "כשיחזור; נסו שוב אז.",
     "لا يمكن الوصول إلى خادم الفريق، وهذا يحتاج إليه. ما كتبته محفوظ على هذا الحاسوب المحمول "
     "ويصل إلى الخادم عند عودته؛ حاول مجددًا حينها.",
     "não é possível chegar ao servidor da equipa, e isto precisa dele. O que escreveu fica "
     "guardado neste portátil e vai para o servidor quando ele voltar; tente de novo nessa "
     "altura.",
     "il server del gruppo non è raggiungibile, e questo ne ha bisogno. Ciò che hai scritto è "
     "conservato su questo portatile e va al server quando torna; riprova allora."),
]

BACK = ("The team server is back: {count} save kept on this laptop is on it now.",
        "The team server is back: {count} saves kept on this laptop are on it now.")
MET = ("{count} of them met an edit made elsewhere meanwhile: the later edit was kept, the "
       "other is kept as a superseded version.",
       "{count} of them met edits made elsewhere meanwhile: the later edit was kept, the other "
       "is kept as a superseded version.")
KEPT = ("{count} save made while it could not be reached is kept on this laptop: it goes to "
        "the server when reflect starts with the server back.",
        "{count} saves made while it could not be reached are kept on this laptop: they go to "
        "the server when reflect starts with the server back.")

PLURALS = {
    "he": {
        BACK: ("שרת הצוות חזר: שמירה {count} שנשמרה במחשב הנייד הזה נמצאת בו עכשיו.",
               "שרת הצוות חזר: {count} שמירות שנשמרו במחשב הנייד הזה נמצאות בו עכשיו.",
               "שרת הצוות חזר: {count} שמירות שנשמרו במחשב הנייד הזה נמצאות בו עכשיו."),
        MET: ("{count} מהן נתקלה בעריכה שנעשתה במקום אחר בינתיים: העריכה המאוחרת נשמרה, "
              "והאחרת נשמרת כגרסה שהוחלפה.",
              "{count} מהן נתקלו בעריכות שנעשו במקום אחר בינתיים: העריכה המאוחרת נשמרה, "
              "והאחרת נשמרת כגרסה שהוחלפה.",
              "{count} מהן נתקלו בעריכות שנעשו במקום אחר בינתיים: העריכה המאוחרת נשמרה, "
              "והאחרת נשמרת כגרסה שהוחלפה."),
        KEPT: ("שמירה {count} שנעשתה כשלא הייתה גישה אליו נשמרת במחשב הנייד הזה: היא תעבור "
               "לשרת כש־reflect יופעל והשרת יחזור.",
               "{count} שמירות שנעשו כשלא הייתה גישה אליו נשמרות במחשב הנייד הזה: הן יעברו "
               "לשרת כש־reflect יופעל והשרת יחזור.",
               "{count} שמירות שנעשו כשלא הייתה גישה אליו נשמרות במחשב הנייד הזה: הן יעברו "
               "לשרת כש־reflect יופעל והשרת יחזור."),
    },
    "ar": {
        BACK: ("عاد خادم الفريق: لا تغييرات ({count}) محفوظة على هذا الحاسوب المحمول.",
               "عاد خادم الفريق: التغيير الوحيد ({count}) المحفوظ على هذا الحاسوب المحمول صار "
               "عليه الآن.",
               "عاد خادم الفريق: التغييران ({count}) المحفوظان على هذا الحاسوب المحمول صارا "
               "عليه الآن.",
               "عاد خادم الفريق: {count} تغييرات محفوظة على هذا الحاسوب المحمول صارت عليه "
               "الآن.",
               "عاد خادم الفريق: {count} تغييرًا محفوظًا على هذا الحاسوب المحمول صار عليه "
               "الآن.",
               "عاد خادم الفريق: {count} تغيير محفوظ على هذا الحاسوب المحمول صار عليه الآن."),
        MET: ("لم يصادف أيٌّ منها ({count}) تعديلًا أُجري في مكان آخر.",
              "صادف واحد منها ({count}) تعديلًا أُجري في مكان آخر في الأثناء: حُفظ التعديل "
              "الأحدث، وحُفظ الآخر نسخةً مستبدَلة.",
              "صادف اثنان منها ({count}) تعديلات أُجريت في مكان آخر في الأثناء: حُفظ التعديل "
              "الأحدث، وحُفظ الآخر نسخةً مستبدَلة.",
              "صادف {count} منها تعديلات أُجريت في مكان آخر في الأثناء: حُفظ التعديل الأحدث، "
              "وحُفظ الآخر نسخةً مستبدَلة.",
              "صادف {count} منها تعديلات أُجريت في مكان آخر في الأثناء: حُفظ التعديل الأحدث، "
              "وحُفظ الآخر نسخةً مستبدَلة.",
              "صادف {count} منها تعديلات أُجريت في مكان آخر في الأثناء: حُفظ التعديل الأحدث، "
              "وحُفظ الآخر نسخةً مستبدَلة."),
        KEPT: ("لا تغييرات ({count}) محفوظة على هذا الحاسوب المحمول.",
               "تغيير واحد ({count}) أُجري حين تعذّر الوصول إليه محفوظ على هذا الحاسوب "
               "المحمول: يصل إلى الخادم حين يبدأ reflect والخادم عائد.",
               "تغييران ({count}) أُجريا حين تعذّر الوصول إليه محفوظان على هذا الحاسوب "
               "المحمول: يصلان إلى الخادم حين يبدأ reflect والخادم عائد.",
               "{count} تغييرات أُجريت حين تعذّر الوصول إليه محفوظة على هذا الحاسوب المحمول: "
               "تصل إلى الخادم حين يبدأ reflect والخادم عائد.",
               "{count} تغييرًا أُجري حين تعذّر الوصول إليه محفوظ على هذا الحاسوب المحمول: "
               "تصل إلى الخادم حين يبدأ reflect والخادم عائد.",
               "{count} تغيير أُجري حين تعذّر الوصول إليه محفوظ على هذا الحاسوب المحمول: "
               "تصل إلى الخادم حين يبدأ reflect والخادم عائد."),
    },
    "pt": {
        BACK: ("O servidor da equipa voltou: {count} gravação guardada neste portátil já está "
               "nele.",
               "O servidor da equipa voltou: {count} gravações guardadas neste portátil já "
               "estão nele.",
               "O servidor da equipa voltou: {count} gravações guardadas neste portátil já "
               "estão nele."),
        MET: ("{count} delas encontrou uma edição feita noutro lado entretanto: ficou a edição "
              "mais recente, a outra fica guardada como versão substituída.",
              "{count} delas encontraram edições feitas noutro lado entretanto: ficou a edição "
              "mais recente, a outra fica guardada como versão substituída.",
              "{count} delas encontraram edições feitas noutro lado entretanto: ficou a edição "
              "mais recente, a outra fica guardada como versão substituída."),
        KEPT: ("{count} gravação feita quando não se chegava a ele está guardada neste "
               "portátil: vai para o servidor quando o reflect arrancar com o servidor de "
               "volta.",
               "{count} gravações feitas quando não se chegava a ele estão guardadas neste "
               "portátil: vão para o servidor quando o reflect arrancar com o servidor de "
               "volta.",
               "{count} gravações feitas quando não se chegava a ele estão guardadas neste "
               "portátil: vão para o servidor quando o reflect arrancar com o servidor de "
               "volta."),
    },
    "it": {
        BACK: ("Il server del gruppo è tornato: {count} salvataggio conservato su questo "
               "portatile ora è sul server.",
               "Il server del gruppo è tornato: {count} salvataggi conservati su questo "
               "portatile ora sono sul server.",
               "Il server del gruppo è tornato: {count} salvataggi conservati su questo "
               "portatile ora sono sul server."),
        MET: ("{count} di essi ha incontrato una modifica fatta altrove nel frattempo: è "
              "rimasta la modifica più recente, l'altra è conservata come versione sostituita.",
              "{count} di essi hanno incontrato modifiche fatte altrove nel frattempo: è "
              "rimasta la modifica più recente, l'altra è conservata come versione sostituita.",
              "{count} di essi hanno incontrato modifiche fatte altrove nel frattempo: è "
              "rimasta la modifica più recente, l'altra è conservata come versione "
              "sostituita."),
        KEPT: ("{count} salvataggio fatto mentre non era raggiungibile è conservato su questo "
               "portatile: va al server quando reflect si avvia con il server di nuovo "
               "disponibile.",
               "{count} salvataggi fatti mentre non era raggiungibile sono conservati su questo "
               "portatile: vanno al server quando reflect si avvia con il server di nuovo "
               "disponibile.",
               "{count} salvataggi fatti mentre non era raggiungibile sono conservati su questo "
               "portatile: vanno al server quando reflect si avvia con il server di nuovo "
               "disponibile."),
    },
}
