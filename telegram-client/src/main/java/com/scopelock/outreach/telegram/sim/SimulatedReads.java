package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import java.util.Comparator;
import java.util.List;

/** The read functions of one logged-in account, answered from a world snapshot. */
final class SimulatedReads {
    private final SimWorld world;
    private final long me;

    SimulatedReads(SimWorld world, long me) {
        this.world = world;
        this.me = me;
    }

    ObjectNode answer(ObjectNode request, String type, SimulatedClientSession session) {
        return switch (type) {
            case "getMe" -> SimJson.user(world.user(me));
            case "getUser" -> {
                SimWorld.User user = world.user(request.path("user_id").asLong());
                if (user == null) {
                    throw session.error(404, "Not Found");
                }
                yield SimJson.user(user);
            }
            case "getChat" -> {
                SimWorld.Chat chat = chat(request, session);
                List<SimWorld.Message> messages = newestFirst(chat);
                yield SimJson.chat(chat, messages.isEmpty() ? null : messages.getFirst());
            }
            case "loadChats" -> {
                if (!session.markChatsLoaded()) {
                    throw session.error(404, "Not Found");
                }
                world.chats.stream().filter(c -> c.ownerUserId == me)
                        .sorted(Comparator.comparingLong(this::lastSeq).reversed())
                        .forEach(c -> session.announce(world, c.chatId));
                yield SimJson.ok();
            }
            case "getChats" -> {
                ObjectNode chats = chats(request.path("limit").asInt(100));
                chats.path("chat_ids").forEach(id -> session.announce(world, id.asLong()));
                yield chats;
            }
            case "getChatHistory" -> history(request, session);
            case "getMessage" -> {
                SimWorld.Chat chat = chat(request, session);
                long id = request.path("message_id").asLong();
                yield newestFirst(chat).stream().filter(m -> m.id == id).findFirst().map(SimJson::message)
                        .orElseThrow(() -> session.error(404, "Not Found"));
            }
            default -> throw session.error(400, "SIMULATED TELEGRAM does not implement " + type);
        };
    }

    private SimWorld.Chat chat(ObjectNode request, SimulatedClientSession session) {
        SimWorld.Chat chat = world.chat(me, request.path("chat_id").asLong());
        if (chat == null) {
            throw session.error(400, "Chat not found");
        }
        session.announce(world, chat.chatId);
        return chat;
    }

    private List<SimWorld.Message> newestFirst(SimWorld.Chat chat) {
        return world.messagesOf(me, chat.chatId).stream()
                .sorted(Comparator.comparingLong((SimWorld.Message m) -> m.id).reversed()).toList();
    }

    private ObjectNode chats(int limit) {
        List<SimWorld.Chat> mine = world.chats.stream().filter(c -> c.ownerUserId == me)
                .sorted(Comparator.comparingLong(this::lastSeq).reversed()).toList();
        ObjectNode json = Json.object("chats").put("total_count", mine.size());
        ArrayNode ids = json.putArray("chat_ids");
        mine.stream().limit(Math.max(0, limit)).forEach(c -> ids.add(c.chatId));
        return json;
    }

    private long lastSeq(SimWorld.Chat chat) {
        return world.messagesOf(me, chat.chatId).stream().mapToLong(m -> m.seq).max().orElse(0);
    }

    /**
     * Messages with id &lt; from_message_id (all when 0), newest first; a negative offset adds up to -offset
     * messages with id &gt;= from_message_id, as in TDLib.
     */
    private ObjectNode history(ObjectNode request, SimulatedClientSession session) {
        SimWorld.Chat chat = chat(request, session);
        int limit = request.path("limit").asInt();
        int offset = request.path("offset").asInt();
        if (limit <= 0 || limit > 100) {
            throw session.error(400, "Parameter limit must be positive and at most 100");
        }
        if (offset > 0 || offset < -99 || limit < -offset) {
            throw session.error(400, "Parameter offset must be in [-99, 0] and limit >= -offset");
        }
        long from = request.path("from_message_id").asLong();
        List<SimWorld.Message> all = newestFirst(chat);
        List<SimWorld.Message> newer = from == 0 ? List.of()
                : all.stream().filter(m -> m.id >= from).toList().reversed().stream().limit(-offset).toList()
                .reversed();
        List<SimWorld.Message> older = all.stream().filter(m -> from == 0 || m.id < from).toList();
        ObjectNode json = Json.object("messages");
        ArrayNode messages = json.putArray("messages");
        java.util.stream.Stream.concat(newer.stream(), older.stream()).limit(limit)
                .forEach(m -> messages.add(SimJson.message(m)));
        json.put("total_count", messages.size());
        return json;
    }
}
