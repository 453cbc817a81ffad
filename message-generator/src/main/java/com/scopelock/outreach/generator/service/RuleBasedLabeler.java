package com.scopelock.outreach.generator.service;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The keyword fallback when the CLI is unavailable or answers nonsense. First matching rule wins; the order
 * puts the strong "stop" signals before "not interested" before "interested" (so "not interested" is never
 * read as interest). Basic English, Russian, Spanish, French, German and Portuguese words.
 */
public final class RuleBasedLabeler {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private record Rule(Pattern pattern, ReplyLabel label) {
    }

    private static Rule rule(String regex, String sentiment, String intent) {
        return new Rule(Pattern.compile(regex, FLAGS), new ReplyLabel(sentiment, intent));
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b(?:stop|unsubscribe|remove me|don'?t (?:contact|message|write|text)|do not (?:contact|message|write)"
                    + "|leave me alone|spam|reported|block(?:ed)?|стоп|отпиш\\w*|не пиши\\w*|хватит"
                    + "|no me (?:escribas|contactes)|arrête\\w*|désabonn\\w*|hör auf|abmelden)\\b",
                    "negative", "unsubscribe"),
            rule("\\b(?:not interested|no thanks|no,? thank you|not for me|no interest|pass\\b|нет,? спасибо"
                    + "|не интересн\\w*|no me interesa|no,? gracias|pas intéressé\\w*|non merci|kein interesse"
                    + "|nein,? danke|não,? obrigad\\w*|não tenho interesse)", "negative", "not_interested"),
            rule("\\b(?:out of (?:the )?office|on (?:vacation|holiday|leave)|vacation|away until|auto-?reply|ooo"
                    + "|в отпуске|de vacaciones|en vacances|im urlaub|urlaub|de férias)\\b", "neutral", "out_of_office"),
            rule("\\b(?:later|busy|next week|next month|tomorrow|not now|not right now|another time|some other time"
                    + "|in a (?:few|couple)|позже|потом|занят\\w*|más tarde|ocupad\\w*|plus tard|occupé\\w*|später"
                    + "|beschäftigt|mais tarde)\\b", "neutral", "later"),
            rule("\\b(?:yes|yeah|yep|sure thing|interested|tell me more|sounds (?:good|great|interesting)|let'?s talk"
                    + "|i'?m in|count me in|i'?d love|love to|keen|да|интересно|давай\\w*|расскажи\\w*|sí|claro"
                    + "|me interesa|oui|intéressé\\w*|ja|gerne|interessiert|sim|tenho interesse)\\b",
                    "positive", "interested"),
            rule("[?¿？]", "neutral", "question"));

    private static final ReplyLabel OTHER = new ReplyLabel("neutral", "other");

    public ReplyLabel label(String text) {
        if (text == null || text.isBlank()) {
            return OTHER;
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule.label();
            }
        }
        return OTHER;
    }
}
