package com.scopelock.outreach.generator.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reply as words for {@link RuleBasedLabeler}, in one linear pass and without regular expressions: quoted text
 * (lines starting with {@code >}, text between paired double quotes “…” «…» „…“ "…") is left out, because it is
 * somebody else's words; words are lower-cased ({@code ё} → {@code е}, ’ → '); hyphens split words; French
 * elisions ({@code m'}, {@code n'}, {@code qu'} …) become their own word; every emoji is a word.
 * Each word knows its sentence (ended by . ! ? ; … or a line break) and its segment (also ended by , : — ( ) and
 * the like), and whether its sentence is a question.
 */
final class ReplyTokens {
    /** Longer replies are read up to here (Telegram's own limit is 4096 characters). */
    static final int MAX_CHARS = 20_000;

    record Token(String text, int sentence, int segment) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final List<Boolean> questionSentence = new ArrayList<>();

    private ReplyTokens() {
    }

    List<Token> tokens() {
        return tokens;
    }

    boolean isQuestion(int sentence) {
        return sentence < questionSentence.size() && questionSentence.get(sentence);
    }

    int sentences() {
        return questionSentence.size();
    }

    static ReplyTokens of(String text) {
        String capped = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        ReplyTokens own = scan(withoutQuotes(capped));
        return own.tokens.isEmpty() ? scan(capped) : own;
    }

    /** Quoted lines and quoted passages removed; an unclosed quote keeps its text. */
    static String withoutQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int first = lineStart;
            while (first < lineEnd && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            if (first >= lineEnd || text.charAt(first) != '>') {
                out.append(text, lineStart, lineEnd);
            }
            out.append('\n');
            lineStart = lineEnd + 1;
        }
        String lines = out.toString();
        StringBuilder kept = new StringBuilder(lines.length());
        int quoteStart = -1;
        char closer = 0;
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (quoteStart >= 0) {
                if (c == closer || (closer == '“' && c == '”')) {
                    quoteStart = -1;
                    kept.append(' ');
                }
                continue;
            }
            char close = switch (c) {
                case '"' -> '"';
                case '“' -> '”';
                case '«' -> '»';
                case '„' -> '“';
                default -> 0;
            };
            if (close != 0) {
                quoteStart = i;
                closer = close;
                kept.append(' ');
            } else {
                kept.append(c);
            }
        }
        if (quoteStart >= 0) {
            kept.append(lines, quoteStart + 1, lines.length());
        }
        return kept.toString();
    }

    private static ReplyTokens scan(String text) {
        ReplyTokens r = new ReplyTokens();
        int sentence = 0;
        int segment = 0;
        boolean sentenceHasWords = false;
        boolean question = false;
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || (isApostrophe(cp) && !word.isEmpty() && next < text.length()
                        && Character.isLetter(text.codePointAt(next)))) {
                word.appendCodePoint(isApostrophe(cp) ? '\'' : normalized(cp));
                i = next;
                continue;
            }
            if (!word.isEmpty()) {
                r.addWord(word, sentence, segment);
                sentenceHasWords = true;
                word.setLength(0);
            }
            if (isEmoji(cp)) {
                r.tokens.add(new Token(new String(Character.toChars(cp)), sentence, segment));
                sentenceHasWords = true;
            } else if (cp == '?' || cp == '？' || cp == '¿') {
                if (cp == '¿') {
                    question = true;
                } else {
                    sentence = r.endSentence(sentence, sentenceHasWords, sentenceHasWords);
                    question = false;
                    sentenceHasWords = false;
                    segment++;
                }
            } else if (cp == '.' || cp == '!' || cp == '¡' || cp == ';' || cp == '…' || cp == '\n' || cp == '。') {
                if (sentenceHasWords) {
                    sentence = r.endSentence(sentence, true, question);
                    question = false;
                    sentenceHasWords = false;
                }
                segment++;
            } else if (cp == ',' || cp == ':' || cp == '—' || cp == '–' || cp == '(' || cp == ')' || cp == '/'
                    || cp == '"' || cp == '«' || cp == '»') {
                segment++;
            }
            i = next;
        }
        if (!word.isEmpty()) {
            r.addWord(word, sentence, segment);
            sentenceHasWords = true;
        }
        r.endSentence(sentence, sentenceHasWords, question);
        return r;
    }

    /** Records whether the sentence was a question; a sentence without words (e.g. "?!") is not counted. */
    private int endSentence(int sentence, boolean hasWords, boolean question) {
        if (!hasWords) {
            return sentence;
        }
        while (questionSentence.size() <= sentence) {
            questionSentence.add(false);
        }
        questionSentence.set(sentence, question);
        return sentence + 1;
    }

    private void addWord(StringBuilder word, int sentence, int segment) {
        String w = word.toString();
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0 && apostrophe <= 2 && isElision(w.substring(0, apostrophe))) {
            tokens.add(new Token(w.substring(0, apostrophe + 1), sentence, segment));
            w = w.substring(apostrophe + 1);
        }
        tokens.add(new Token(w, sentence, segment));
    }

    /** French elided words: m'intéresse → m' + intéresse (English i'm, don't keep their apostrophe). */
    private static boolean isElision(String prefix) {
        return switch (prefix) {
            case "c", "d", "j", "l", "m", "n", "s", "t", "qu" -> true;
            default -> false;
        };
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == 'ʼ' || cp == '`';
    }

    private static int normalized(int cp) {
        int lower = Character.toLowerCase(cp);
        return lower == 'ё' ? 'е' : lower;
    }

    private static boolean isEmoji(int cp) {
        if (cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
            return false;
        }
        return Character.getType(cp) == Character.OTHER_SYMBOL || (cp >= 0x1F300 && cp <= 0x1FAFF);
    }

    @Override
    public String toString() {
        return tokens.stream().map(Token::text).toList().toString().toLowerCase(Locale.ROOT);
    }
}
