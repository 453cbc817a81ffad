package com.scopelock.outreach.api.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contact search's text → an exact telegram id or a full-text query of plain word prefixes, never syntax. */
class ContactSearchTest {
    @Test
    void digitsAreATelegramIdAndWordsBecomePrefixes() {
        assertEquals(7944133972L, ContactListService.search(" 7944133972 ").telegramId());
        assertEquals(7944133972L, ContactListService.search("@7944133972").telegramId());
        assertEquals("liam* ubc*", ContactListService.search("Liam (UBC").fullText());
        assertEquals("liam_ubc*", ContactListService.search("@liam_ubc").fullText());
        assertEquals("josé* x", ContactListService.search("JOSÉ x").fullText());
        assertNull(ContactListService.search("  ").fullText());
    }

    @Test
    void queryOperatorsOfTheFullTextEngineAreOnlySeparators() {
        assertEquals("aa* bb* cc* dd*", ContactListService.search("aa|-bb @cc:{dd}").fullText());
        assertTrue(ContactListService.search("*|@{}()-~%\"'").nothing());
        assertEquals("99999999999999999999*", ContactListService.search("99999999999999999999").fullText(),
                "too long for a telegram id: searched as a word");
    }

    @Test
    void longTextIsCutToSixWordsOfFortyCharacters() {
        String query = ContactListService.search("w".repeat(100) + " b c d e f g h").fullText();
        assertEquals(6, query.split(" ").length);
        assertEquals(41, query.split(" ")[0].length()); // 40 + the prefix star
    }
}
