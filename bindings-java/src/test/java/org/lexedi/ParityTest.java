package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The operations added for parity, the error families, and bad input with the core's text. */
class ParityTest {
    private static Message lead() throws Exception {
        return Lex.parse(Files.readString(VectorSupport.repoRoot().resolve("examples/lead.json")));
    }

    @Test
    void x12FunctionalAckRoundTrip() throws Exception {
        String ack = Lex.x12FunctionalAck(lead().toX12());
        assertTrue(ack.startsWith("ISA") && ack.contains("ST*997*"), ack);
        List<Map<String, Object>> groups = Lex.x12ReadFunctionalAck(ack);
        assertEquals("PO", groups.get(0).get("functionalId"));
        assertEquals("A", groups.get(0).get("status"));
        assertThrows(ParseException.class, () -> Lex.x12FunctionalAck("{}"));
    }

    @Test
    void edifactContrlRoundTrip() throws Exception {
        String contrl = Lex.edifactContrl(lead().to(Format.EDIFACT, false));
        assertTrue(contrl.contains("CONTRL:D:3:UN"), contrl);
        assertEquals(Boolean.TRUE, Lex.edifactContrlRead(contrl).get(0).get("accepted"));
    }

    @Test
    void duplicateClosureAndSerializeAll() throws Exception {
        Message m = lead();
        Message closure = Lex.duplicateClosure(m, "LEAD-CANONICAL-1", "2026-05-04T10:00:00Z", null);
        assertEquals("LEAD_CLOSURE", closure.getMessageType());
        assertTrue(closure.toJson(false).contains("\"duplicateOfLeadId\":\"LEAD-CANONICAL-1\""));
        assertTrue(Lex.serializeAll(List.of(m, m), Format.X12, false).contains("GE*2*"));
        assertThrows(LexException.class, () -> Lex.serializeAll(List.of(m, m), Format.JSON, false));
    }

    @Test
    void everyFamilyHasOneClassUnderLexException() {
        for (Class<?> c : List.of(ParseException.class, LimitException.class, ArgumentException.class,
                ConversionException.class, IoException.class, InternalException.class)) {
            assertEquals(LexException.class, c.getSuperclass(), c.getName());
        }
    }

    private static void argument(String text, Executable call) {
        ArgumentException e = assertThrows(ArgumentException.class, call);
        assertEquals("INVALID_ARGUMENT", e.getCode());
        assertTrue(e.getMessage().startsWith("INVALID_ARGUMENT: " + text), e.getMessage());
    }

    @Test
    void badInputRaisesTheCoreArgumentError() throws Exception {
        argument("level must be 1, 2 or 3, not 0", () -> ValidationOptions.builder().level(0));
        argument("level must be 1, 2 or 3, not 4", () -> ValidationOptions.builder().level(4));
        argument("unknown format \"yaml\" (expected json, xml, x12 or edifact)", () -> Format.fromWireName("yaml"));
        argument("unknown transition policy \"lenient\"", () -> TransitionPolicy.fromWireName("lenient"));
        argument("unknown read mode \"loose\"", () -> ReadMode.fromWireName("loose"));
        argument("unknown message type \"lead\"", () -> MessageType.fromWireName("lead"));
        argument("unknown transition policy", () -> Native.checkTransition("CART", "SHOPPING", "sideways"));
        Receiver r = new Receiver();
        r.close();
        argument("the receiver was closed", () -> r.receive(lead()));
    }
}
