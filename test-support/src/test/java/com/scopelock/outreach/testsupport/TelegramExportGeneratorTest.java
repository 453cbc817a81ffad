package com.scopelock.outreach.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramExportGeneratorTest {
    private static byte[] export(long seed, boolean single) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TelegramExportGenerator(seed, 3_000, 300, 4, single).write(out);
        return out.toByteArray();
    }

    @Test
    void theSameSeedWritesTheSameExport() throws IOException {
        assertTrue(Arrays.equals(export(7, false), export(7, false)));
        assertFalse(Arrays.equals(export(7, false), export(8, false)));
    }

    @Test
    void writesTheAccountAndTheSingleChatShapes() throws IOException {
        JsonNode account = new ObjectMapper().readTree(export(7, false));
        assertEquals(TelegramExportGenerator.OWNER_ID, account.at("/personal_information/user_id").asLong());
        assertEquals(6, account.at("/chats/list").size(), "4 group chats, a bot chat, saved messages");
        int messages = 0;
        for (int c = 0; c < 4; c++) {
            messages += account.at("/chats/list/" + c + "/messages").size();
        }
        assertTrue(messages >= 3_000, "at least the asked messages (plus the planted ones): " + messages);
        JsonNode single = new ObjectMapper().readTree(export(7, true));
        assertEquals(TelegramExportGenerator.chatId(0), single.get("id").asLong());
        assertTrue(single.get("messages").isArray());
        assertFalse(single.has("personal_information"));
    }

    @Test
    void plantedSignalTextsCarryOnlyTheirOwnKeywordFamily() {
        // the sentences a planted person gets for one signal never reuse another signal's sentences
        TelegramExportGenerator.SIGNAL_TEXT.forEach((signal, texts) -> TelegramExportGenerator.SIGNAL_TEXT.forEach(
                (other, otherTexts) -> {
                    if (!signal.equals(other)) {
                        assertTrue(texts.stream().noneMatch(otherTexts::contains));
                    }
                }));
        assertEquals(TelegramExportGenerator.SIGNALS.size(), TelegramExportGenerator.SIGNAL_TEXT.size());
    }
}
