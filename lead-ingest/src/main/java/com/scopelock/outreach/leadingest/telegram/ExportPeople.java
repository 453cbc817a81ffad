package com.scopelock.outreach.leadingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadLinks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything one import learns from a Telegram export, message by message, and the lead records it gives at the
 * end (the team_members.json shape, so they go through the same validation). The export's owner and the
 * configured team members are never leads; bots, deleted accounts and non-user senders are skipped.
 */
public final class ExportPeople {
    private static final String DELETED_ACCOUNT = "Deleted Account";

    private final Scoring scoring;
    private final ScoringConfig config;
    private final String owner;
    private final Map<Long, String> team = new HashMap<>();
    private final Map<Long, ExportPerson> people = new HashMap<>();
    private final List<ExportChat> chats = new ArrayList<>();
    private ExportChat topChat;
    private boolean seen;

    /** What the export gave for one lead. */
    public interface LeadHandler {
        void onLead(JsonNode record, LeadLinks links);
    }

    ExportPeople(Scoring scoring, String owner) {
        this.scoring = scoring;
        this.config = scoring.config();
        this.owner = owner;
        config.teamMembers().forEach((member, id) -> team.put(id, member));
    }

    /** Whether anything Telegram-shaped was read. */
    public boolean seen() {
        return seen;
    }

    void markSeen() {
        seen = true;
    }

    void ownerId(long id) {
        team.put(id, owner);
    }

    ExportChat newChat() {
        ExportChat chat = new ExportChat();
        chats.add(chat);
        return chat;
    }

    /** The chat of a single-chat export (its name/type/id are top-level fields). */
    ExportChat topChat() {
        if (topChat == null) {
            topChat = newChat();
        }
        return topChat;
    }

    void chatRead(ExportChat chat) {
        chat.senders = null;
    }

    void message(ExportChat chat, JsonNode m) {
        if (!m.isObject() || "service".equals(m.path("type").asText()) || chat.isSavedMessages()) {
            return;
        }
        long sender = userId(m.path("from_id").asText(""));
        long messageId = m.path("id").asLong(0);
        JsonNode from = m.get("from");
        if (sender <= 0 || from == null || !from.isTextual() || from.textValue().isBlank()
                || DELETED_ACCOUNT.equals(from.textValue())) {
            return; // a channel or anonymous admin posting, or a deleted account
        }
        chat.senders.put(messageId, sender);
        ExportPerson person = people.computeIfAbsent(sender, ExportPerson::new);
        person.name = from.textValue();
        person.bot |= isBotName(person.name) || chat.isBotChat() && sender == chat.id;
        person.posted(chat);
        String member = team.get(sender);
        if (member != null) {
            chat.teamMembers.add(member);
        }
        long replyTo = m.path("reply_to_message_id").asLong(0);
        long target = replyTo > 0 ? chat.senders.get(replyTo, -1) : -1;
        if (target > 0 && target != sender) {
            person.repliedWith(target);
            people.get(target).repliedWith(sender);
        }
        if (m.has("forwarded_from")) {
            return; // someone else's words
        }
        String text = text(m.get("text"));
        long signals = text.isEmpty() ? 0 : scoring.signals(text);
        if (signals == 0 || messageId <= 0) {
            return;
        }
        if (person.counts == null) {
            person.counts = new int[scoring.signalNames().size()];
        }
        for (int i = 0; i < person.counts.length; i++) {
            if ((signals & (1L << i)) != 0) {
                person.counts[i]++;
            }
        }
        long time = time(m);
        String date = m.path("date").asText("");
        if (!isLocalDateTime(date)) {
            date = LocalDateTime.ofEpochSecond(time, 0, ZoneOffset.UTC).toString();
        }
        person.matched(new ExportPerson.Match(time, messageId, date, cut(text),
                scoring.signalNames().get(Long.numberOfTrailingZeros(signals))), config.maxMatchingMessages());
    }

    /** Calls {@code handler} for every lead, by telegram id. */
    public void emit(LeadHandler handler) {
        for (ExportChat chat : chats) {
            chat.teamMembers.add(owner); // the owner exported the chat, so the owner is in it
        }
        people.values().stream().filter(this::isLead).sorted(Comparator.comparingLong(p -> p.id))
                .forEach(p -> handler.onLead(record(p), links(p)));
    }

    private boolean isLead(ExportPerson p) {
        return !p.bot && !team.containsKey(p.id) && p.matched >= Math.max(1, config.minMatchingMessages());
    }

    private ObjectNode record(ExportPerson p) {
        ObjectNode record = JsonCodec.mapper().createObjectNode();
        int supervisor = scoring.supervisorScore(p.counts);
        int hustler = scoring.hustlerScore(p.counts);
        List<Map.Entry<ExportChat, int[]>> byMessages = chatsByMessages(p);
        record.put("telegram_id", p.id).put("name", p.name)
                .put("chat_type", byMessages.getFirst().getKey().chatType())
                .put("profile_type", scoring.profileType(supervisor, hustler))
                .put("supervisor_score", supervisor).put("hustler_score", hustler);
        ObjectNode signals = record.putObject("signals");
        for (int i = 0; i < p.counts.length; i++) {
            if (p.counts[i] > 0) {
                signals.put(scoring.signalNames().get(i), p.counts[i]);
            }
        }
        List<ExportPerson.Match> latest = new ArrayList<>(p.latest);
        latest.sort(p.latest.comparator().reversed());
        Set<String> samples = new LinkedHashSet<>();
        ArrayNode matching = record.putArray("matching_messages");
        for (ExportPerson.Match match : latest) {
            matching.addObject().put("message_id", match.messageId()).put("date", match.date())
                    .put("text_snippet", match.text()).put("signal_type", match.signal());
            if (samples.size() < config.maxSampleMessages()) {
                samples.add(match.text());
            }
        }
        samples.forEach(record.putArray("sample_messages")::add);
        ArrayNode groups = record.putArray("groups");
        byMessages.stream().map(Map.Entry::getKey).filter(c -> !"personal_chat".equals(c.chatType()))
                .map(ExportChat::displayName).distinct().limit(config.maxGroups()).forEach(groups::add);
        record.put("message_count", p.messages);
        return record;
    }

    private LeadLinks links(ExportPerson p) {
        List<LeadLinks.ChatLink> chatLinks = chatsByMessages(p).stream().limit(config.maxGroups())
                .map(e -> new LeadLinks.ChatLink(e.getKey().key(), e.getKey().displayName(), e.getKey().chatType(),
                        e.getValue()[0], List.copyOf(e.getKey().teamMembers)))
                .toList();
        List<LeadLinks.ReplyLink> replies = p.replies.entrySet().stream()
                .filter(e -> team.containsKey(e.getKey()) || isLeadId(e.getKey()))
                .sorted(Comparator.<Map.Entry<Long, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingLong(Map.Entry::getKey))
                .limit(config.maxReplyLinks())
                .map(e -> new LeadLinks.ReplyLink(e.getKey(), team.get(e.getKey()), e.getValue()[0]))
                .toList();
        return new LeadLinks(chatLinks, replies);
    }

    private boolean isLeadId(long id) {
        ExportPerson other = people.get(id);
        return other != null && isLead(other);
    }

    private static List<Map.Entry<ExportChat, int[]>> chatsByMessages(ExportPerson p) {
        List<Map.Entry<ExportChat, int[]>> entries = new ArrayList<>(p.chats.entrySet());
        entries.sort(Comparator.<Map.Entry<ExportChat, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparingLong(e -> e.getKey().id));
        return entries;
    }

    private boolean isBotName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return config.botNameSuffixes().stream().anyMatch(s -> !s.isBlank() && lower.endsWith(s.toLowerCase(Locale.ROOT)));
    }

    /** {@code user123} → 123; anything else (channel123, missing) → -1. */
    static long userId(String fromId) {
        if (!fromId.startsWith("user") || fromId.length() == 4 || fromId.length() > 23) {
            return -1;
        }
        long id = 0;
        for (int i = 4; i < fromId.length(); i++) {
            char c = fromId.charAt(i);
            if (c < '0' || c > '9' || id > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** {@code text} is a string or an array of strings and entities ({@code {"type":…, "text":…}}). */
    static String text(JsonNode text) {
        if (text == null) {
            return "";
        }
        if (text.isTextual()) {
            return text.textValue();
        }
        if (!text.isArray()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : text) {
            out.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
        }
        return out.toString();
    }

    private static long time(JsonNode m) {
        String unix = m.path("date_unixtime").asText("");
        try {
            if (!unix.isEmpty()) {
                return Long.parseLong(unix);
            }
            return LocalDateTime.parse(m.path("date").asText("")).toEpochSecond(ZoneOffset.UTC);
        } catch (NumberFormatException | DateTimeParseException e) {
            return 0;
        }
    }

    private static boolean isLocalDateTime(String date) {
        try {
            LocalDateTime.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String cut(String text) {
        String stripped = text.strip();
        int max = config.snippetLength();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = Character.isHighSurrogate(stripped.charAt(max - 1)) ? max - 1 : max;
        return stripped.substring(0, end);
    }

}
