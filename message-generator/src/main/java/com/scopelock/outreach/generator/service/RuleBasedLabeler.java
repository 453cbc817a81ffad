package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.service.ReplyTokens.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labeler that needs no CLI, in linear time (one pass over the words; phrases are at most a few words, and
 * every look-around is bounded; no regular expressions). Quoted text is not the sender's and is left out
 * ({@link ReplyTokens}). Phrases from {@link LabelLexicon} are matched longest first, left to right; then:
 * <ul>
 *   <li>an interest preceded (in its clause, within three words) by a negation is a refusal ("not interested",
 *       "ça ne m'intéresse pas"), unless a phrase owns the negation ("can't wait", "why not", "no doubt");</li>
 *   <li>an <b>opt-out</b> is explicit: "unsubscribe", "remove me", a stop verb followed by a contact verb
 *       ("stop messaging", "хватит писать", "pare de me mandar", "hör auf, mir zu schreiben"), a negated contact
 *       verb aimed at the sender ("don't contact me", "не пишите", "no me escribas", "ne me contactez plus",
 *       "schreib mir nicht mehr"), or a clause that is only "stop". A stop verb that is negated or not followed
 *       by a contact verb ("can't stop thinking about …") is nothing;</li>
 *   <li>interest wins over an opt-out or refusal in the same reply, except a refusal after a "but" that
 *       follows the interest ("sounds interesting, but not for me"); sarcasm markers (🙄, "yeah right") turn
 *       interest into refusal; refusals inside a question ("Not interested? Me?") do not count.</li>
 * </ul>
 * Decision: opt-out → unsubscribe; auto-reply → out_of_office; deferral → later; interest → interested;
 * refusal → not_interested; a question → question; a bare time → later; else other.
 */
public final class RuleBasedLabeler {
    enum Kind { POSITIVE, DECLINE, OPT_OUT, OUT_OF_OFFICE, DEFERRAL, TIME, SARCASM, SHIELD, QUESTION }

    private record Phrase(Kind kind, String[] parts) {
    }

    private static final Map<Integer, List<Phrase>> BY_FIRST_CHAR = new HashMap<>();
    private static final Map<Integer, List<Phrase>> QUESTION_OPENERS = new HashMap<>();

    static {
        index(BY_FIRST_CHAR, Kind.POSITIVE, LabelLexicon.POSITIVE);
        index(BY_FIRST_CHAR, Kind.DECLINE, LabelLexicon.DECLINE);
        index(BY_FIRST_CHAR, Kind.OPT_OUT, LabelLexicon.OPT_OUT);
        index(BY_FIRST_CHAR, Kind.OUT_OF_OFFICE, LabelLexicon.OUT_OF_OFFICE);
        index(BY_FIRST_CHAR, Kind.DEFERRAL, LabelLexicon.DEFERRAL);
        index(BY_FIRST_CHAR, Kind.TIME, LabelLexicon.TIME);
        index(BY_FIRST_CHAR, Kind.SARCASM, LabelLexicon.SARCASM);
        index(BY_FIRST_CHAR, Kind.SHIELD, LabelLexicon.SHIELD);
        index(QUESTION_OPENERS, Kind.QUESTION, LabelLexicon.QUESTION_OPENERS);
    }

    private static void index(Map<Integer, List<Phrase>> map, Kind kind, List<String> phrases) {
        for (String phrase : phrases) {
            String[] parts = phrase.split(" ");
            map.computeIfAbsent(parts[0].codePointAt(0), k -> new ArrayList<>()).add(new Phrase(kind, parts));
        }
    }

    private static final ReplyLabel OTHER = new ReplyLabel("neutral", "other");
    private static final int NEGATION_REACH = 3;

    public ReplyLabel label(String text) {
        if (text == null || text.isBlank()) {
            return OTHER;
        }
        return new Reading(ReplyTokens.of(text)).decide();
    }

    /** One reply being read. */
    private static final class Reading {
        private final ReplyTokens reply;
        private final List<Token> t;
        private final Kind[] owner;        // the kind of phrase a word belongs to, or null
        private final int[] clause;        // segment, also split at an unowned "but"
        private final int[] contrastsUpTo; // number of unowned contrast words before each index
        private int pos;
        private int neg;
        private int optOut;
        private int outOfOffice;
        private int deferral;
        private int time;
        private int sarcasm;
        private int lastPos = -1;
        private int lastNeg = -1;

        Reading(ReplyTokens reply) {
            this.reply = reply;
            this.t = reply.tokens();
            this.owner = new Kind[t.size()];
            this.clause = new int[t.size()];
            this.contrastsUpTo = new int[t.size() + 1];
        }

        ReplyLabel decide() {
            if (t.isEmpty()) {
                return OTHER;
            }
            List<int[]> matches = matchPhrases();
            splitClauses();
            for (int[] m : matches) {
                count(Kind.values()[m[0]], m[1]);
            }
            bareClauses();
            optOutVerbs();
            if (sarcasm > 0) {
                neg += pos + 1;
                lastNeg = Math.max(lastNeg, lastPos);
                pos = 0;
            }
            int polarity = polarity();
            if (optOut > 0 && polarity <= 0) {
                return new ReplyLabel("negative", "unsubscribe");
            }
            if (outOfOffice > 0 && polarity <= 0) {
                return new ReplyLabel("neutral", "out_of_office");
            }
            if (deferral > 0) {
                return new ReplyLabel(polarity > 0 ? "positive" : "neutral", "later");
            }
            if (polarity > 0) {
                return new ReplyLabel("positive", "interested");
            }
            if (polarity < 0) {
                return new ReplyLabel("negative", "not_interested");
            }
            if (isQuestion()) {
                return new ReplyLabel("neutral", "question");
            }
            return time > 0 ? new ReplyLabel("neutral", "later") : OTHER;
        }

        /** Longest phrase at each word, left to right; the words of a phrase are owned by it. */
        private List<int[]> matchPhrases() {
            List<int[]> matches = new ArrayList<>();
            int i = 0;
            while (i < t.size()) {
                List<Phrase> candidates = BY_FIRST_CHAR.get(t.get(i).text().codePointAt(0));
                Phrase best = null;
                int bestEnd = -1;
                if (candidates != null) {
                    for (Phrase p : candidates) {
                        int end = matchAt(p, i);
                        if (end > bestEnd) {
                            best = p;
                            bestEnd = end;
                        }
                    }
                }
                if (best == null) {
                    i++;
                    continue;
                }
                for (int k = i; k < bestEnd; k++) {
                    owner[k] = best.kind();
                }
                matches.add(new int[]{best.kind().ordinal(), i});
                i = bestEnd;
            }
            return matches;
        }

        /** The index after the phrase when it matches at {@code start} within one sentence, else -1. */
        private int matchAt(Phrase p, int start) {
            if (start + p.parts().length > t.size()) {
                return -1;
            }
            int sentence = t.get(start).sentence();
            for (int k = 0; k < p.parts().length; k++) {
                Token token = t.get(start + k);
                if (token.sentence() != sentence || !matches(p.parts()[k], token.text())) {
                    return -1;
                }
            }
            return start + p.parts().length;
        }

        private void splitClauses() {
            int id = 0;
            int contrasts = 0;
            for (int i = 0; i < t.size(); i++) {
                if (i > 0 && t.get(i).segment() != t.get(i - 1).segment()) {
                    id++;
                }
                contrastsUpTo[i] = contrasts;
                if (owner[i] == null && LabelLexicon.CONTRAST.contains(t.get(i).text())) {
                    contrasts++;
                    id++;
                }
                clause[i] = id;
            }
            contrastsUpTo[t.size()] = contrasts;
        }

        private void count(Kind kind, int at) {
            boolean inQuestion = reply.isQuestion(t.get(at).sentence());
            switch (kind) {
                case POSITIVE -> {
                    if (!negated(at)) {
                        pos++;
                        lastPos = at;
                    } else if (!inQuestion) {
                        refusal(at);
                    }
                }
                case DECLINE -> {
                    if (!inQuestion) {
                        refusal(at);
                    }
                }
                case DEFERRAL -> deferral += negated(at) ? 0 : 1;
                case TIME -> time++;
                case OPT_OUT -> optOut++;
                case OUT_OF_OFFICE -> outOfOffice++;
                case SARCASM -> sarcasm++;
                default -> {
                }
            }
        }

        private void refusal(int at) {
            neg++;
            lastNeg = Math.max(lastNeg, at);
        }

        /** A free negation word shortly before {@code at} in the same clause. */
        private boolean negated(int at) {
            for (int j = at - 1; j >= 0 && j >= at - NEGATION_REACH && clause[j] == clause[at]; j--) {
                if (owner[j] != null) {
                    continue;
                }
                String w = t.get(j).text();
                if (isNegator(w) || (j == at - 1 && LabelLexicon.NEAR_NEGATORS.contains(w))) {
                    return true;
                }
            }
            return false;
        }

        /** Clauses that are only "no" / "stop" (and politeness). */
        private void bareClauses() {
            int start = 0;
            while (start < t.size()) {
                int end = start;
                while (end < t.size() && clause[end] == clause[start]) {
                    end++;
                }
                boolean onlyFillers = true;
                boolean stop = false;
                boolean no = false;
                for (int k = start; k < end && onlyFillers; k++) {
                    String w = t.get(k).text();
                    if (LabelLexicon.CONTRAST.contains(w) && owner[k] == null) {
                        continue;
                    }
                    stop |= LabelLexicon.BARE_STOP.contains(w);
                    no |= LabelLexicon.BARE_DECLINE.contains(w);
                    onlyFillers = owner[k] == null && (LabelLexicon.BARE_STOP.contains(w)
                            || LabelLexicon.BARE_DECLINE.contains(w) || LabelLexicon.FILLERS.contains(w)
                            || !Character.isLetterOrDigit(w.codePointAt(0)));
                }
                if (onlyFillers && stop) {
                    optOut++;
                } else if (onlyFillers && no && !reply.isQuestion(t.get(start).sentence())) {
                    refusal(start);
                }
                start = end;
            }
        }

        /** "stop messaging", "don't contact me", "не пишите", "schreib mir nicht mehr". */
        private void optOutVerbs() {
            for (int i = 0; i < t.size(); i++) {
                if (owner[i] == Kind.POSITIVE || owner[i] == Kind.SHIELD) {
                    continue;
                }
                String w = t.get(i).text();
                if (isStopVerb(i) && !negatedVerb(i) && contactVerbAfter(i, 5) >= 0) {
                    optOut++;
                } else if (owner[i] == null && (isNegator(w) || w.equals("no"))) {
                    int verb = contactVerbAfter(i, 4);
                    if (verb >= 0 && (LabelLexicon.IMPERATIVE_CONTACT.contains(t.get(verb).text())
                            || meBetween(i + 1, Math.min(verb + 2, t.size() - 1), i))) {
                        optOut++;
                    }
                }
                if (w.equals("nicht") || w.equals("nie")) {
                    for (int j = i - 1; j >= 0 && j >= i - 3 && sameSentence(i, j); j--) {
                        if (anyMatches(LabelLexicon.CONTACT_VERBS, t.get(j).text()) && meBetween(j + 1, i - 1, i)) {
                            optOut++;
                            break;
                        }
                    }
                }
            }
        }

        private boolean isStopVerb(int i) {
            String w = t.get(i).text();
            if (w.equals("auf") && i > 0) {
                String before = t.get(i - 1).text();
                return before.startsWith("hör") || before.startsWith("hoer");
            }
            if (!anyMatches(LabelLexicon.STOP_VERBS, w)) {
                return false;
            }
            boolean romance = w.startsWith("dej") || w.startsWith("par") || w.startsWith("arr");
            return !romance || (i + 1 < t.size() && t.get(i + 1).text().equals("de"));
        }

        /** "can't stop …", "no puedo dejar de …", "не могу перестать …". */
        private boolean negatedVerb(int i) {
            for (int j = i - 1; j >= 0 && j >= i - 2 && sameSentence(i, j); j--) {
                String w = t.get(j).text();
                if (isNegator(w) || w.equals("no")) {
                    return true;
                }
            }
            return false;
        }

        private int contactVerbAfter(int i, int reach) {
            for (int j = i + 1; j < t.size() && j <= i + reach && sameSentence(i, j); j++) {
                if (anyMatches(LabelLexicon.CONTACT_VERBS, t.get(j).text())) {
                    return j;
                }
            }
            return -1;
        }

        private boolean meBetween(int from, int to, int anchor) {
            for (int k = from; k <= to; k++) {
                if (!sameSentence(anchor, k)) {
                    return false;
                }
                String w = t.get(k).text();
                if (LabelLexicon.ME.contains(w) || (k > from && w.endsWith("me") && w.length() > 6)) {
                    return true;
                }
            }
            return false;
        }

        private boolean sameSentence(int a, int b) {
            return t.get(a).sentence() == t.get(b).sentence();
        }

        /** 1 interest, -1 refusal, 0 neither; a refusal wins only after a "but" that follows the interest. */
        private int polarity() {
            if (pos > 0 && neg > 0) {
                boolean butBetween = lastNeg > lastPos && contrastsUpTo[lastNeg] > contrastsUpTo[lastPos + 1];
                return butBetween ? -1 : 1;
            }
            return pos > 0 ? 1 : neg > 0 ? -1 : 0;
        }

        private boolean isQuestion() {
            for (int s = 0; s < reply.sentences(); s++) {
                if (reply.isQuestion(s)) {
                    return true;
                }
            }
            for (int i = 0; i < t.size(); i++) {
                if (i == 0 || t.get(i).sentence() != t.get(i - 1).sentence()) {
                    List<Phrase> openers = QUESTION_OPENERS.get(t.get(i).text().codePointAt(0));
                    if (openers != null) {
                        for (Phrase p : openers) {
                            if (matchAt(p, i) > 0) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }

    private static boolean isNegator(String w) {
        return LabelLexicon.NEGATORS.contains(w) || w.endsWith("n't") || w.startsWith("kein")
                || NEGATIONS_WITHOUT_APOSTROPHE.contains(w);
    }

    private static final Set<String> NEGATIONS_WITHOUT_APOSTROPHE = Set.of(
            "dont", "cant", "cannot", "wont", "didnt", "doesnt", "isnt", "wouldnt", "couldnt", "shouldnt");

    private static boolean anyMatches(Set<String> patterns, String word) {
        if (patterns.contains(word)) {
            return true;
        }
        for (String p : patterns) {
            if (p.endsWith("*") && word.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String part, String word) {
        return part.endsWith("*") ? word.startsWith(part.substring(0, part.length() - 1)) : part.equals(word);
    }
}
