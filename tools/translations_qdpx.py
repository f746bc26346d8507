"""Translations: the REFI-QDA project (.qdpx) in the interface's language (issue 33, point
1): its source headings, variables and code names. The same terms as the screens: informant
מרואיין/ת, المُقابَل/ة, informante, informatore/trice; story סיפור, القصة, história, storia.
Each row: English, Hebrew, Arabic, Portuguese, Italian."""

ROWS = [
    ("Story: {title}", "סיפור: {title}", "القصة: {title}", "História: {title}",
     "Storia: {title}"),
    ("Informant: {who}", "מרואיין/ת: {who}", "المُقابَل/ة: {who}", "Informante: {who}",
     "Informatore/trice: {who}"),
    ("Started: {when} UTC", "התחיל: {when} UTC", "بدأت: {when} UTC", "Início: {when} UTC",
     "Iniziata: {when} UTC"),
    ("Story status", "מצב הסיפור", "حالة القصة", "Estado da história", "Stato della storia"),
    ("Interview: informant", "ריאיון: מרואיין/ת", "المقابلة: المُقابَل/ة",
     "Entrevista: informante", "Intervista: informatore/trice"),
    ("Interview: role", "ריאיון: תפקיד", "المقابلة: الدور", "Entrevista: papel",
     "Intervista: ruolo"),
    ("Interview: story", "ריאיון: סיפור", "المقابلة: القصة", "Entrevista: história",
     "Intervista: storia"),
    ("Interview: service", "ריאיון: שירות", "المقابلة: الخدمة", "Entrevista: serviço",
     "Intervista: servizio"),
    ("Marked as quote", "סומן כציטוט", "مُعلَّم كاقتباس", "Marcado como citação",
     "Segnato come citazione"),
    ("Passages the interviewer marked as quotes",
     "קטעים שהמראיין/ת סימן/ה כציטוטים", "مقاطع علّمها المُحاور كاقتباسات",
     "Passagens que o entrevistador marcou como citações",
     "Passaggi che l'intervistatore ha segnato come citazioni"),
    ("Common principle drawn from {count} principles",
     "עיקרון משותף שנגזר מ־{count} עקרונות", "مبدأ مشترك مستخلص من {count} مبادئ",
     "Princípio comum extraído de {count} princípios",
     "Principio comune tratto da {count} principi"),
]
