package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void parseErrorsCarryCodeAndLocation() {
        ParseException e = assertThrows(ParseException.class, () -> Lex.parse("{\n  \"a\": 1,\n  \"a\": 2}"));
        assertEquals("DUPLICATE_KEY", e.getCode());
        assertEquals(3, e.getLocation().getLine().getAsLong());
        assertEquals(3, e.getLocation().getColumn().getAsLong());
        assertEquals(14, e.getLocation().getOffset().getAsLong());
        assertTrue(e.getMessage().contains("line 3, column 3"));

        assertEquals("SYNTAX_ERROR", assertThrows(ParseException.class, () -> Lex.parse("{\"lex\": [1, 2")).getCode());
        assertEquals("EMPTY_INPUT", assertThrows(ParseException.class, () -> Lex.parse("   ")).getCode());
        assertEquals("UNKNOWN_FORMAT", assertThrows(ParseException.class, () -> Lex.parse("hello")).getCode());
        assertEquals("NOT_A_LEX_MESSAGE", assertThrows(ParseException.class, () -> Lex.parse("{\"x\":1}")).getCode());
        assertEquals("INVALID_ENCODING", assertThrows(ParseException.class,
                () -> Lex.parse(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'})).getCode());
    }

    @Test
    void limitsAreExceptionsNotCrashes() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        LimitException e = assertThrows(LimitException.class, () -> Lex.parse("{\"lex\":" + deep + "}"));
        assertEquals("DEPTH_LIMIT_EXCEEDED", e.getCode());
        String big = "{\"lex\":{\"n\":" + "9".repeat(5_000) + "}}";
        assertEquals("TOKEN_LIMIT_EXCEEDED", assertThrows(LimitException.class, () -> Lex.parse(big)).getCode());
    }

    @Test
    void badArgumentsAreArgumentExceptions() {
        assertThrows(ArgumentException.class, () -> ValidationOptions.builder().level(4));
        assertThrows(IllegalArgumentException.class, () -> Lex.parse((String) null));
        ArgumentException e = assertThrows(ArgumentException.class, () -> Lex.validate("{\"lex\":{}}",
                ValidationOptions.builder().now("yesterday").build()));
        assertEquals("INVALID_ARGUMENT", e.getCode());
        ParseException p = assertThrows(ParseException.class, () -> Lex.convert(
                "hello".getBytes(StandardCharsets.UTF_8), Format.JSON, null, ReadMode.TOLERANT, true));
        assertEquals("UNKNOWN_FORMAT", p.getCode());
        assertThrows(IllegalArgumentException.class, () -> Lex.convert("{}", null));
    }

    @Test
    void aRustPanicBecomesAnException() {
        LexException e = assertThrows(LexException.class, Native::debugPanic);
        assertEquals("INTERNAL_ERROR", e.getCode());
        assertTrue(e.getMessage().contains("forced panic"));
        // The library still works afterwards.
        assertEquals(15, Lex.STATUSES.size());
        assertTrue(Lex.validate("{\"lex\":{\"header\":{}}}") != null);
    }
}
