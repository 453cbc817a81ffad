package com.scopelock.outreach.testsupport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a realistic Telegram Desktop JSON export (machine-readable format), deterministic from a seed: several
 * chats, thousands of people in four languages with emoji, replies, service messages, forwarded and edited
 * messages, text as a string or as entities, a bot, a deleted account, channel posts. Streamed to the output, so
 * a million messages never sit in memory.
 *
 * <p>Into it are planted known people ({@link #PLANTED}) whose messages are fixed: each planted signal message
 * carries exactly one signal phrase of lead-ingest's default lists, their other messages none, and nobody else
 * replies to them, so a test can compute their signal counts, scores and reply counts on its own. The export's
 * owner ({@link #OWNER_ID}) and a team member ({@link #TEAM_MEMBER} = {@link #TEAM_MEMBER_ID}) also post signal
 * phrases and must not become leads; so do {@link #BOT_ID} and {@link #DELETED_ID}.
 *
 * <p>{@code java -cp … TelegramExportGenerator OUT.json SEED MESSAGES PEOPLE CHATS [single]}
 */
public final class TelegramExportGenerator {
    public static final long OWNER_ID = 9_000_000_000L;
    public static final String TEAM_MEMBER = "bob";
    public static final long TEAM_MEMBER_ID = 9_000_000_009L;
    public static final long BOT_ID = 9_000_000_007L;
    public static final long DELETED_ID = 9_000_000_008L;
    public static final long FIRST_CHAT_ID = 1_000_000_001L;
    /** Background people have ids from here on. */
    public static final long FIRST_PERSON_ID = 1_000_000L;

    public static final List<String> SIGNALS = List.of("raider", "earner", "builder", "supervisor", "hustler");

    /** One sentence per signal and language, each with exactly one phrase of that signal's default list. */
    static final Map<String, List<String>> SIGNAL_TEXT = Map.of(
            "raider", List.of("Raided the thread, 20 likes in 🔥", "Рейд завершён, 15 лайков", "Hice retuit a todo", "我转推了三条"),
            "earner", List.of("Any way to earn here?", "Где тут заработать? 💰", "Quiero ganar dinero", "想赚钱 💵"),
            "builder", List.of("I wrote a script for the wallet", "Написал скрипт для кошелька 🤖", "Desplegué el contrato", "我部署了合约"),
            "supervisor", List.of("Let's track who posts daily 📊", "Я координирую команду", "Coordiné el equipo", "我来协调大家"),
            "hustler", List.of("Completed all tasks today ✅", "Выполнил все задания", "Completé las tareas", "任务完成了 💪"));
    /** Texts with no phrase of any signal. */
    static final List<String> FILLER = List.of("gm 🚀", "good morning everyone", "lol 😂", "what's the price today?",
            "anyone here?", "nice one 👍", "thanks!", "see you tomorrow", "wen moon 🌕", "Привет всем 👋",
            "Как дела?", "Спасибо, друзья", "Доброе утро ☀️", "¿Qué tal?", "Gracias 🙏", "¡Hola a todos! 🎉",
            "大家好 🌞", "谢谢", "今天天气不错", "ok");
    private static final String[] FIRST = {"Liam", "Olivia", "Noah", "Emma", "Иван", "Мария", "Алексей", "Ольга",
            "Mateo", "Lucía", "Santiago", "Valentina", "伟", "芳", "娜", "Yusuf", "Aisha", "Chen", "Dmitri", "Zoe"};
    private static final String[] LAST = {"Smith", "Петров", "García", "王", "Ivanova", "Silva", "Kim", "Müller",
            "Rossi", "Nowak", "", "🦄", "Tanaka", "Lopez"};
    private static final String[] CHAT_TYPES = {"private_supergroup", "public_supergroup", "private_group"};

    /** A planted person: signal messages (all in the first of their chats), a filler in each of their chats. */
    public record Planted(long telegramId, String name, Map<String, Integer> signals, List<Integer> chats) {
        public int count(String signal) {
            return signals.getOrDefault(signal, 0);
        }
    }

    /** Replies planted between two people (either may be the team member or owner), all in chat {@code chat}. */
    public record PlantedReplies(long from, long to, int count, int chat) {
    }

    public static final Planted ANA = new Planted(9_000_000_001L, "Ana Lima 🌸", Map.of("hustler", 4, "raider", 2), List.of(0, 1));
    public static final Planted DMITRI = new Planted(9_000_000_002L, "Дмитрий Петров", Map.of("supervisor", 3, "builder", 2), List.of(0));
    public static final Planted WEI = new Planted(9_000_000_003L, "李伟", Map.of("supervisor", 2, "hustler", 2), List.of(1));
    public static final Planted SOFIA = new Planted(9_000_000_004L, "Sofía Ruiz", Map.of("earner", 2), List.of(2));
    /** Only filler: never a lead. */
    public static final Planted QUIET = new Planted(9_000_000_005L, "Quiet Person", Map.of(), List.of(0));
    /** Signal phrases only in forwarded messages (someone else's words): never a lead. */
    public static final Planted FORWARDER = new Planted(9_000_000_006L, "Forwarding Fred", Map.of(), List.of(0));
    public static final List<Planted> PLANTED = List.of(ANA, DMITRI, WEI, SOFIA, QUIET, FORWARDER);
    public static final List<PlantedReplies> PLANTED_REPLIES = List.of(
            new PlantedReplies(DMITRI.telegramId(), ANA.telegramId(), 3, 0),
            new PlantedReplies(ANA.telegramId(), DMITRI.telegramId(), 1, 0),
            new PlantedReplies(TEAM_MEMBER_ID, WEI.telegramId(), 2, 1),
            new PlantedReplies(OWNER_ID, SOFIA.telegramId(), 1, 2));

    private final SplittableRandom random;
    private final int messages;
    private final int people;
    private final int chats;
    private final boolean single;
    private final String[] names;

    public TelegramExportGenerator(long seed, int messages, int people, int chats, boolean single) {
        if (chats < 3 || people < 10) {
            throw new IllegalArgumentException("at least 3 chats and 10 people");
        }
        this.random = new SplittableRandom(seed);
        this.messages = messages;
        this.people = people;
        this.chats = single ? 3 : chats;
        this.single = single;
        this.names = new String[people];
        for (int i = 0; i < people; i++) {
            String last = LAST[random.nextInt(LAST.length)];
            names[i] = FIRST[random.nextInt(FIRST.length)] + (last.isEmpty() ? "" : " " + last);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: TelegramExportGenerator OUT.json SEED MESSAGES PEOPLE CHATS [single]");
            System.exit(64);
        }
        new TelegramExportGenerator(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), args.length > 5 && "single".equals(args[5])).write(Path.of(args[0]));
    }

    public void write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chat {@code index}'s id. */
    public static long chatId(int index) {
        return FIRST_CHAT_ID + index;
    }

    public static String chatName(int index) {
        return switch (index) {
            case 0 -> "Solana Builders 🛠";
            case 1 -> "UBC Raiders";
            case 2 -> "Крипто чат";
            default -> "Comunidad " + index;
        };
    }

    public void write(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            if (single) {
                // a single chat's export: the chat itself at the top (chat 0 only)
                json.writeStartObject();
                writeChatBody(json, 0, messages);
                json.writeEndObject();
                return;
            }
            json.writeStartObject();
            json.writeStringField("about", "Here is the data you requested. Remember: Telegram is ad free.");
            json.writeObjectFieldStart("personal_information");
            json.writeNumberField("user_id", OWNER_ID);
            json.writeStringField("first_name", "Alice");
            json.writeStringField("last_name", "");
            json.writeStringField("phone_number", "+1 555 0100");
            json.writeStringField("username", "@alice_team");
            json.writeStringField("bio", "");
            json.writeEndObject();
            json.writeObjectFieldStart("contacts");
            json.writeStringField("about", "contacts");
            json.writeArrayFieldStart("list");
            json.writeStartObject();
            json.writeStringField("first_name", "Bob");
            json.writeStringField("phone_number", "+1 555 0101");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("chats");
            json.writeStringField("about", "This page lists all chats from this export.");
            json.writeArrayFieldStart("list");
            int perChat = messages / chats;
            for (int c = 0; c < chats; c++) {
                json.writeStartObject();
                writeChatBody(json, c, c == chats - 1 ? messages - perChat * (chats - 1) : perChat);
                json.writeEndObject();
            }
            // a bot's chat and the owner's saved messages: no leads in either
            json.writeStartObject();
            json.writeStringField("name", "PromoBot");
            json.writeStringField("type", "bot_chat");
            json.writeNumberField("id", BOT_ID);
            json.writeArrayFieldStart("messages");
            writeMessage(json, 1, BOT_ID, "PromoBot", SIGNAL_TEXT.get("earner").get(0), 0, null, false);
            writeMessage(json, 2, OWNER_ID, "Alice", "/start", 0, null, false);
            json.writeEndArray();
            json.writeEndObject();
            json.writeStartObject();
            json.writeStringField("type", "saved_messages");
            json.writeNumberField("id", OWNER_ID);
            json.writeArrayFieldStart("messages");
            writeMessage(json, 1, OWNER_ID, "Alice", SIGNAL_TEXT.get("hustler").get(0), 0, null, false);
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("left_chats");
            json.writeStringField("about", "left chats");
            json.writeArrayFieldStart("list");
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** A planted message: sender, text, and which planted message of the chat it answers (-1: none). */
    private record Scripted(long from, String name, String text, int replyTo, boolean forwarded) {
    }

    private List<Scripted> script(int chat) {
        List<Scripted> script = new ArrayList<>();
        for (Planted p : PLANTED) {
            if (!p.chats().contains(chat)) {
                continue;
            }
            if (p.chats().getFirst() == chat) {
                // all planted signal messages in the person's first chat; a filler in every chat of theirs
                for (String signal : SIGNALS) {
                    for (int i = 0; i < p.count(signal); i++) {
                        script.add(new Scripted(p.telegramId(), p.name(), signalText(signal), -1, false));
                    }
                }
            }
            script.add(new Scripted(p.telegramId(), p.name(), FILLER.get(random.nextInt(FILLER.size())), -1, false));
            if (p == FORWARDER) {
                script.add(new Scripted(p.telegramId(), p.name(), signalText("hustler"), -1, true));
                script.add(new Scripted(p.telegramId(), p.name(), signalText("raider"), -1, true));
            }
        }
        for (PlantedReplies r : PLANTED_REPLIES) {
            if (r.chat() != chat) {
                continue;
            }
            for (int i = 0; i < r.count(); i++) {
                // the answered message: a filler of the one answered, then the answer (a filler too)
                script.add(new Scripted(r.to(), nameOf(r.to()), FILLER.get(random.nextInt(FILLER.size())), -1, false));
                script.add(new Scripted(r.from(), nameOf(r.from()), FILLER.get(random.nextInt(FILLER.size())),
                        script.size() - 1, false));
            }
        }
        // the owner, the team member, the bot and a deleted account say signal phrases too
        script.add(new Scripted(OWNER_ID, "Alice", signalText("supervisor"), -1, false));
        script.add(new Scripted(TEAM_MEMBER_ID, "Bob", signalText("raider"), -1, false));
        script.add(new Scripted(BOT_ID, "PromoBot", signalText("earner"), -1, false));
        script.add(new Scripted(DELETED_ID, null, signalText("hustler"), -1, false));
        return script;
    }

    private static String nameOf(long id) {
        if (id == OWNER_ID) {
            return "Alice";
        }
        if (id == TEAM_MEMBER_ID) {
            return "Bob";
        }
        return PLANTED.stream().filter(p -> p.telegramId() == id).findFirst().orElseThrow().name();
    }

    /** Planted phrases count exactly and must not depend on the counts of a chat's other senders. */
    private String signalText(String signal) {
        List<String> texts = SIGNAL_TEXT.get(signal);
        return texts.get(random.nextInt(texts.size()));
    }

    private void writeChatBody(JsonGenerator json, int chat, int count) throws IOException {
        json.writeStringField("name", chatName(chat));
        json.writeStringField("type", CHAT_TYPES[chat % CHAT_TYPES.length]);
        json.writeNumberField("id", chatId(chat));
        json.writeArrayFieldStart("messages");
        List<Scripted> script = script(chat);
        int[] scriptIds = new int[script.size()];
        // scripted messages at evenly spread positions, in order
        int step = Math.max(1, count / (script.size() + 1));
        long[] recent = new long[1024];
        long[] recentSender = new long[1024];
        int recentCount = 0;
        int next = 0;
        int id = 0;
        for (int i = 0; i < count || next < script.size(); i++) {
            id++;
            if (next < script.size() && (i + 1) % step == 0 || i >= count) {
                Scripted s = script.get(next);
                scriptIds[next] = id;
                writeMessage(json, id, s.from(), s.name(), s.text(), s.replyTo() < 0 ? 0 : scriptIds[s.replyTo()],
                        s.forwarded() ? "Some Channel" : null, false);
                next++;
                continue;
            }
            int kind = random.nextInt(100);
            if (kind < 2) {
                writeService(json, id, background(chat));
                continue;
            }
            if (kind < 3) {
                writeChannelPost(json, id, chat);
                continue;
            }
            int person = background(chat);
            long from = FIRST_PERSON_ID + person;
            String text = random.nextInt(100) < 20 ? signalText(SIGNALS.get(random.nextInt(SIGNALS.size())))
                    : FILLER.get(random.nextInt(FILLER.size()));
            long replyTo = 0;
            if (recentCount > 0 && random.nextInt(100) < 30) {
                int r = random.nextInt(Math.min(recentCount, recent.length));
                if (recentSender[r] != from) {
                    replyTo = recent[r];
                }
            }
            writeMessage(json, id, from, names[person], text, replyTo, kind < 5 ? "Crypto News" : null, kind < 10);
            recent[recentCount % recent.length] = id;
            recentSender[recentCount % recent.length] = from;
            recentCount++;
        }
        json.writeEndArray();
    }

    /** Background people: each chat draws from an overlapping window of everyone, so people share chats. */
    private int background(int chat) {
        int window = Math.max(10, people * 2 / chats);
        int start = (int) ((long) chat * (people - window) / Math.max(1, chats - 1));
        return start + random.nextInt(window);
    }

    private void writeService(JsonGenerator json, int id, int person) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("type", "service");
        writeDate(json, id);
        json.writeStringField("actor", names[person]);
        json.writeStringField("actor_id", "user" + (FIRST_PERSON_ID + person));
        json.writeStringField("action", "join_group_by_link");
        json.writeStringField("inviter", "Group");
        json.writeStringField("text", "");
        json.writeArrayFieldStart("text_entities");
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeChannelPost(JsonGenerator json, int id, int chat) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("type", "message");
        writeDate(json, id);
        json.writeStringField("from", chatName(chat));
        json.writeStringField("from_id", "channel" + chatId(chat));
        json.writeStringField("text", signalText("raider"));
        json.writeEndObject();
    }

    private void writeMessage(JsonGenerator json, int id, long from, String name, String text, long replyTo,
                              String forwardedFrom, boolean edited) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("type", "message");
        writeDate(json, id);
        if (edited) {
            json.writeStringField("edited", LocalDateTime.ofEpochSecond(time(id) + 60, 0, ZoneOffset.UTC).toString());
            json.writeStringField("edited_unixtime", Long.toString(time(id) + 60));
        }
        if (name == null) {
            json.writeNullField("from"); // a deleted account
        } else {
            json.writeStringField("from", name);
        }
        json.writeStringField("from_id", "user" + from);
        if (forwardedFrom != null) {
            json.writeStringField("forwarded_from", forwardedFrom);
        }
        if (replyTo > 0) {
            json.writeNumberField("reply_to_message_id", replyTo);
        }
        if (id % 3 == 0) {
            // text as entities: plain parts and a bold part, as Telegram writes formatted text
            int cut = text.indexOf(' ');
            json.writeArrayFieldStart("text");
            if (cut > 0) {
                json.writeString(text.substring(0, cut + 1));
                json.writeStartObject();
                json.writeStringField("type", "bold");
                json.writeStringField("text", text.substring(cut + 1));
                json.writeEndObject();
            } else {
                json.writeString(text);
            }
            json.writeEndArray();
        } else {
            json.writeStringField("text", text);
        }
        json.writeEndObject();
    }

    private static long time(int id) {
        return 1_700_000_000L + id * 37L;
    }

    private static void writeDate(JsonGenerator json, int id) throws IOException {
        json.writeStringField("date", LocalDateTime.ofEpochSecond(time(id), 0, ZoneOffset.UTC).toString());
        json.writeStringField("date_unixtime", Long.toString(time(id)));
    }

    /** The documented default scoring (lead-ingest/README.md), computed here independently of lead-ingest. */
    public static int supervisorScore(Planted p) {
        return Math.min(15, 3 * p.count("supervisor") + p.count("builder"));
    }

    public static int hustlerScore(Planted p) {
        return Math.min(15, 3 * p.count("hustler") + 2 * p.count("raider") + p.count("earner"));
    }

    public static String profileType(Planted p) {
        boolean s = supervisorScore(p) >= 6;
        boolean h = hustlerScore(p) >= 6;
        return s && h ? "both" : s ? "supervisor" : h ? "hustler" : "unknown";
    }

    /** Replies between two planted people (either direction), as the generator wrote them. */
    public static int repliesBetween(long a, long b) {
        return PLANTED_REPLIES.stream().filter(r -> r.from() == a && r.to() == b || r.from() == b && r.to() == a)
                .mapToInt(PlantedReplies::count).sum();
    }

}
