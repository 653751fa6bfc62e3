package org.huijian.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void reportsEveryBrokenRuleWithItsField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Checks()
                .text("code", " ", 10)
                .text("name", "x".repeat(11), 10)
                .matches("phone", "12a", Pattern.compile("\\d+"), "digits")
                .required("kind", null)
                .done());
        assertEquals(List.of("code", "name", "phone", "kind"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
        assertEquals("is 11 characters long; at most 10 allowed", e.violations().get(1).message());
    }

    @Test
    void countsChineseCharactersAsOneEach() {
        assertDoesNotThrow(() -> new Checks().text("name", "广州市天河区律师视频会见中心", 14).done());
        assertThrows(InvalidInputException.class, () -> new Checks().text("name", "广州市天河区律师视频会见中心", 13).done());
    }

    @Test
    void rejectsControlCharacters() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Checks().optionalText("note", "a\u0000b", 10).done());
        assertEquals("contains control characters", e.violations().get(0).message());
    }

    @Test
    void optionalTextAcceptsNull() {
        assertDoesNotThrow(() -> new Checks().optionalText("note", null, 10).done());
    }
}
