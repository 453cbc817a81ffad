package com.scopelock.outreach.generator.service;

import java.util.List;
import java.util.Set;

/**
 * The words of {@link RuleBasedLabeler} in English, Russian, Spanish, Portuguese, German and French (mixed freely).
 * A phrase is words separated by spaces, matched against {@link ReplyTokens} words: {@code word*} matches any
 * word starting with {@code word}, {@code ~} skips up to two words. Words are lower case, {@code ё} written
 * {@code е}, French elisions written apart ({@code m' intéresse}).
 */
final class LabelLexicon {
    private LabelLexicon() {
    }

    /** Interest. Negated ("not interested", "не интересно", "no me interesa") it becomes a refusal. */
    static final List<String> POSITIVE = List.of(
            "yes", "yeah", "yep", "yup", "sure", "sure thing", "absolutely", "definitely", "of course",
            "interested", "interesting", "intrigued", "curious", "keen", "tell me more", "tell me about it",
            "count me in", "i'm in", "im in", "i am in", "sign me up", "let's talk", "lets talk", "let's chat",
            "let's do it", "lets do it", "let's go", "lets go", "i'd love", "id love", "i would love", "would love",
            "love to", "happy to chat", "happy to talk", "happy to hear", "send the details", "send me the details",
            "send details", "send me details", "sounds good", "sounds great", "sounds cool", "sounds fun",
            "sounds amazing", "sounds awesome", "sounds legit", "sounds nice", "sounds like fun", "why not",
            "can't wait", "cant wait", "cannot wait", "looking forward", "been looking for", "exactly what i",
            "wouldn't say no", "would not say no", "can't say no", "cant say no", "not a bad idea", "not bad",
            "no doubt", "yes please", "please do", "go ahead", "i'm down", "im down", "down for it", "hell yes",
            "couldn't be more interested", "could not be more interested", "not not interested",
            "i don't see why not", "i dont see why not", "learn more", "hear more", "know more", "more info",
            "go on", "i'm game", "im game", "details please", "what's next", "whats next", "had me at",
            "i'd like to", "id like to", "would like to", "want to try",
            "👍", "🔥", "🚀", "😍", "🙌", "💯", "✅", "🤩", "💪",
            // ru
            "да", "конечно", "интересн*", "интересует", "заинтересовал*", "давай*", "расскаж*", "подробнее", "я в деле", "звучит круто",
            "звучит классно", "звучит интересно", "почему бы и нет", "с удовольствием", "хочу узнать",
            "ничего не имею против", "было бы интересно", "согласен", "согласна",
            // es
            "sí", "claro", "me interesa*", "interesad*", "interesante", "cuéntame", "cuentame", "cuéntame más",
            "me encantaría", "me encantaria", "por qué no", "por que no", "suena bien", "suena genial", "dale",
            "con gusto", "saber más", "saber mas", "me apunto",
            // pt
            "sim", "tenho interesse", "interessad*", "me conta", "conta mais", "adoraria", "com certeza",
            "pode mandar", "bora", "quero participar", "parece legal", "não vejo a hora", "nao vejo a hora", "saber mais", "quero saber",
            // de
            "ja", "klingt gut", "klingt spannend", "klingt interessant", "klingt super", "interessiert",
            "interessant", "interesse", "erzähl*", "erzaehl*", "gerne", "gern", "warum nicht", "auf jeden fall",
            "bin dabei", "klar", "mehr erfahren",
            // fr
            "oui", "m' intéresse*", "m' interesse*", "intéressé*", "intéressant*", "dites m' en plus",
            "raconte*", "en savoir plus", "sympa", "avec plaisir", "pourquoi pas", "carrément", "partant*", "volontiers", "bien sûr");

    /** A refusal. Ignored inside a question ("Not interested? Me?"). */
    static final List<String> DECLINE = List.of(
            "no thanks", "no thank you", "nope", "nah", "not for me", "not really", "not my thing",
            "i'll pass", "ill pass", "i will pass", "i pass", "hard pass", "i'm good", "im good", "i am good",
            "not looking", "i don't think so", "i dont think so", "don't want", "dont want", "do not want",
            "no interest", "spam", "not a fit", "decline", "happy where i am", "cup of tea",
            "not the right person", "not the right fit", "👎",
            "нет интереса", "не мое", "не надо", "неинтересно", "не актуально",
            "no gracias", "no es para mí", "no es para mi",
            "não obrigad*", "nao obrigad*", "não é pra mim", "nao e pra mim",
            "kein bedarf", "nein danke",
            "non merci", "très peu pour moi", "pas pour moi");

    /** A refusal when a segment says only this (plus {@link #FILLERS}): "No.", "Lol no", "Spasibo, no нет". */
    static final Set<String> BARE_DECLINE = Set.of(
            "no", "nope", "nah", "never", "pass", "нет", "неа", "не", "nunca", "paso", "não", "nao", "nein",
            "non", "jamais", "niet");

    /** An opt-out when a segment says only this (plus fillers): "STOP", "Stop. Just stop.". */
    static final Set<String> BARE_STOP = Set.of("stop", "stopp", "стоп", "хватит", "basta", "arrête", "arrêtez");

    static final Set<String> FILLERS = Set.of(
            "please", "pls", "plz", "just", "it", "now", "lol", "sorry", "thanks", "thank", "you", "way", "thx",
            "спасибо", "извините", "пожалуйста", "gracias", "por", "favor", "obrigado", "obrigada", "valeu",
            "danke", "bitte", "merci", "désolé", "desole", "s'", "il", "vous", "plaît", "no");

    /** Explicit opt-outs that need no verb analysis. */
    static final List<String> OPT_OUT = List.of(
            "unsubscrib*", "remove me", "remove my", "delete my number", "delete my contact", "take me off",
            "leave me alone", "lose my number", "no more messages",
            "отпиш*", "удали* меня", "удалите мой", "оставьте меня в покое", "отстаньте", "отстань",
            "bórrame", "borrame", "elimíname", "eliminame", "déjame en paz", "dejame en paz", "date de baja",
            "me tira* da lista", "me remov*", "me deixa em paz", "me deixe em paz",
            "abmelden", "austragen", "nicht mehr schreiben", "nicht mehr kontaktieren", "nicht mehr anschreiben", "lass mich in ruhe", "lassen sie mich in ruhe",
            "désabonn*", "desabonn*", "laisse* moi tranquille", "fiche* moi la paix");

    /** Automatic absence answers. */
    static final List<String> OUT_OF_OFFICE = List.of(
            "out of office", "out of the office", "ooo", "auto reply", "autoreply", "automatic reply",
            "autoresponder", "on vacation", "on holiday", "on leave", "parental leave", "maternity leave",
            "currently away", "away until", "i am away", "i'm away", "will respond when i return",
            "limited access", "в отпуске", "автоответ", "de vacaciones", "fuera de la oficina", "respuesta automática",
            "de férias", "de ferias", "fora do escritório", "resposta automática", "im urlaub", "abwesend",
            "außer haus", "automatische antwort", "en vacances", "absent*", "en congé", "réponse automatique");

    /** Not now, but not no. Negated ("not busy") it means nothing. */
    static final List<String> DEFERRAL = List.of(
            "later", "not now", "not right now", "not today", "not at the moment", "not this week", "busy",
            "swamped", "traveling until", "travelling until", "ping me", "reach out again", "reach out later",
            "check back", "get back to you", "get back to me", "ask me again", "message me then", "write me later",
            "give me a couple", "give me a few", "in a few months", "in a couple of", "in a few weeks",
            "let me think", "think about it", "after my", "another time", "some other time", "circle back",
            "try me in", "try me later", "hectic",
            "позже", "потом", "занят*", "некогда", "через месяц", "через неделю", "через пару", "сейчас не", "после праздников", "после отпуска",
            "más tarde", "mas tarde", "ocupad*", "ahora no", "otro momento", "después hablamos", "despues hablamos", "más adelante", "luego",
            "mais tarde", "agora não", "agora nao", "outra hora", "depois",
            "später", "spaeter", "keine zeit", "gerade nicht", "beschäftigt", "jetzt nicht",
            "plus tard", "pas maintenant", "occupé*", "recontact*");

    /** A time without a deferral: later only when nothing else was said ("Vielleicht nächsten Monat"). */
    static final List<String> TIME = List.of(
            "next week", "next month", "next year", "tomorrow", "in january", "el próximo mes", "próximo mes",
            "la próxima semana", "semana que vem", "mês que vem", "nächste* woche", "nächste* monat",
            "la semaine prochaine", "le mois prochain", "на следующей неделе", "в следующем месяце");

    /** Sarcasm markers: every interest in the reply becomes a refusal. */
    static final List<String> SARCASM = List.of(
            "🙄", "😒", "yeah right", "just what i needed", "and i'm the pope", "as if", "sure buddy",
            "oh great another", "ага конечно", "ну да конечно");

    /** Phrases that only stop their words from counting ("no problem" is not a "no", "was busy" not a deferral). */
    static final List<String> SHIELD = List.of(
            "no problem", "no worries", "not gonna lie", "not going to lie", "not against", "not sure",
            "was busy", "been busy", "был занят", "была занята", "no hay problema", "sem problema*",
            "kein problem", "pas de souci", "pas de problème", "don't hesitate", "dont hesitate", "do not hesitate",
            "feel free", "не стесняйтесь", "no dudes", "n' hésite*", "n' hesite*");

    /** Words that turn a following interest into a refusal; "no" only right before it. */
    static final Set<String> NEGATORS = Set.of(
            "not", "never", "hardly", "не", "ни", "никогда", "nunca", "jamás", "jamas", "não", "nao", "nem",
            "nicht", "nie", "niemals", "ne", "n'", "pas", "jamais");

    static final Set<String> NEAR_NEGATORS = Set.of("no");

    /** "but" and its kind: what follows weighs more, and negation does not reach across. */
    static final Set<String> CONTRAST = Set.of(
            "but", "however", "though", "although", "но", "однако", "pero", "sino", "mas", "porém", "aber",
            "doch", "mais", "cependant");

    /** Verbs that end a contact: "stop messaging", "хватит писать", "deja de escribir". */
    static final Set<String> STOP_VERBS = Set.of(
            "stop", "stopp", "quit", "cease", "хватит", "прекрат*", "переста*", "deja", "dejen", "deje", "dejes",
            "dejar", "para", "pare", "parem", "parar", "arrête*", "arrete*", "aufhören", "aufhoeren");

    /** Ways of contacting someone, as they follow "stop", "don't" or "не". */
    static final Set<String> CONTACT_VERBS = Set.of(
            "contact*", "messag*", "text*", "writ*", "dm", "dms", "dming", "email*", "mail*", "ping*", "spam*",
            "bother*", "send*", "call*", "reach*",
            "пиши", "пишите", "писать", "присылай*", "беспоко*", "звони*", "контакт*", "спам*",
            "escrib*", "mand*", "molest*", "envi*", "llam*",
            "escrev*", "contat*", "lig*", "perturb*",
            "schreib*", "kontaktier*", "nachricht*", "anschreib*", "beläst*",
            "écri*", "ecri*", "envoy*", "harcel*");

    /** The first person as the object of those verbs. */
    static final Set<String> ME = Set.of("me", "мне", "меня", "m'", "moi", "mir", "mich", "uns", "us");

    /** Russian imperatives that need no object ("не пишите больше"). */
    static final Set<String> IMPERATIVE_CONTACT = Set.of("пиши", "пишите", "беспокойте", "звоните", "присылайте");

    /** A sentence starting like this asks something even without a question mark ("Is it remote"). */
    static final List<String> QUESTION_OPENERS = List.of(
            "what", "what's", "whats", "how", "who", "who's", "where", "when", "why", "which", "is it", "is this",
            "is there", "do i", "do you", "does it", "can i", "are you", "кто", "что", "как", "сколько", "зачем",
            "qué", "cómo", "cuánto", "quién", "o que", "quanto", "quem", "wie", "wer", "warum",
            "c'est quoi", "combien", "comment", "pourquoi");
}
