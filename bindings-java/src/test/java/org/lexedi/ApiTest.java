package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiTest {
    static String example() throws Exception {
        return Files.readString(VectorSupport.repoRoot().resolve("examples/lead.json"));
    }

    @Test
    void constantsMatchTheStandard() {
        assertEquals(15, Lex.STATUSES.size());
        assertEquals("CART", Lex.STATUSES.get(0));
        assertEquals("ARCHIVED", Lex.STATUSES.get(14));
        assertEquals(List.of("LEAD", "ASSET", "ACKNOWLEDGMENT", "SUBSCRIPTION", "LEAD_CLOSURE"), Lex.MESSAGE_TYPES);
        assertEquals("1.0", Lex.LEX_VERSION);
        assertTrue(Lex.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"));
        assertEquals(15, LeadStatus.values().length);
        for (LeadStatus s : LeadStatus.values()) {
            assertEquals(Lex.STATUSES.get(s.ordinal()), s.wireName());
        }
    }

    @Test
    void parsesAndExposesTheMessage() throws Exception {
        Message m = Lex.parse(example());
        assertEquals("LEAD", m.getMessageType());
        assertEquals("5f0c6a52-3d1e-4b8a-9c41-7e2b9d0f1a23", m.getMessageId());
        Map<String, Object> tree = m.toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> lex = (Map<String, Object>) tree.get("lex");
        assertEquals(List.of("header", "payload"), List.copyOf(lex.keySet()));
        assertEquals(Lex.fingerprint("amara.okafor@example.org", "+447700900123", "Okafor"), m.fingerprint().orElseThrow());
        assertEquals(m, Lex.parse(m.toJson(false)));
        assertTrue(m.toJson().contains("\n  \"lex\": {"));
    }

    @Test
    void numbersKeepTheirLexeme() {
        String src = "{\"lex\":{\"header\":{},\"payload\":{},\"x\":[15.0,1e400,7]}}";
        Message m = Lex.parse(src);
        assertEquals(src, m.toJson(false));
        @SuppressWarnings("unchecked")
        List<Object> x = (List<Object>) ((Map<String, Object>) m.toMap().get("lex")).get("x");
        assertEquals(new BigDecimal("15.0"), x.get(0));
        assertEquals(7L, x.get(2));
    }

    @Test
    void validatesWithOptions() throws Exception {
        Report ok = Lex.validate(example());
        assertTrue(ok.isValid());
        assertTrue(ok.getErrors().isEmpty());

        String bad = example().replace("\"LEAD\"", "\"INQUIRY\"");
        Report r = Lex.validate(bad);
        assertFalse(r.isValid());
        Issue i = r.getErrors().get(0);
        assertEquals(Level.CRITICAL, i.getLevel());
        assertEquals("INVALID_ENUM_VALUE", i.getCode());
        assertEquals("lex.header.messageType", i.getField());
        assertEquals("/lex/header/messageType", i.getPointer());
        assertEquals("INQUIRY", i.getRejectedValue().orElseThrow());
        assertEquals(Lex.MESSAGE_TYPES, i.getAllowedValues().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> r.getErrors().clear());

        String future = example().replace("2026-05-04T09:30:00Z", "2026-05-04T09:32:00Z");
        ValidationOptions early = ValidationOptions.builder().now("2026-05-04T09:30:00Z").build();
        assertTrue(Lex.validate(future, early).hasCode("TIMESTAMP_IN_FUTURE"));
        assertFalse(Lex.validate(future).hasCode("TIMESTAMP_IN_FUTURE"));
    }

    @Test
    void strictModeTurnsNormalisationsIntoErrors() throws Exception {
        String aliased = example().replace("\"emailAddress\"", "\"email\"");
        Message m = Lex.parse(aliased);
        assertEquals("ALIAS_NORMALIZED", m.getReadWarnings().get(0).getCode());
        assertTrue(Lex.validate(m).isValid());
        Report strict = Lex.validate(m, ValidationOptions.builder().mode(ReadMode.STRICT).build());
        assertFalse(strict.isValid());
        assertEquals("ALIAS_NORMALIZED", strict.getErrors().get(0).getCode());
    }

    @Test
    void convertsToJson() throws Exception {
        String compact = Lex.convert(example().getBytes(StandardCharsets.UTF_8), Format.JSON, null, ReadMode.TOLERANT, false);
        assertFalse(compact.contains("\n"));
        assertEquals(Lex.parse(example()), Lex.parse(compact));
        assertEquals(Format.JSON, Lex.detect(compact.getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertFalse(Lex.detect("hello".getBytes(StandardCharsets.UTF_8)).isPresent());
    }

    @Test
    void buildsAndAcknowledges() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> lead = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                Lex.parse(example()).toMap().get("lex")).get("payload")).get("lead");
        Message m = Lex.newMessage(MessageType.LEAD, lead, "PORTAL-1", "DEALER-1");
        assertEquals("LEAD", m.getMessageType());
        assertTrue(m.getMessageId().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertNotEquals(m.getMessageId(), Lex.newMessage(MessageType.LEAD, lead, "PORTAL-1", "DEALER-1").getMessageId());
        Map<String, Object> incomplete = new LinkedHashMap<>();
        incomplete.put("leadId", "LEAD-2026-000001");
        ArgumentException bad = assertThrows(ArgumentException.class,
                () -> Lex.newMessage(MessageType.LEAD, incomplete, "PORTAL-1", "DEALER-1"));
        assertTrue(bad.getMessage().contains("REQUIRED_FIELD_MISSING"), bad.getMessage());

        ForwardDecision open = Lex.mayForward(m, "DEALER-2");
        assertTrue(open.isAllowed());
        assertEquals("FORWARD_NO_GOVERNANCE", open.getCode());

        Message received = Lex.parse(example());
        Message ack = Lex.acknowledge(received);
        assertEquals("ACKNOWLEDGMENT", ack.getMessageType());
        assertEquals("RECEIVED", VectorsTest.ackStatus(ack));
        Message fixed = Lex.acknowledge(received, null, "ACCEPTED", "2026-05-04T09:31:00Z",
                "0c6f3f2e-4a5b-4c6d-8e7f-901234567890");
        assertEquals("0c6f3f2e-4a5b-4c6d-8e7f-901234567890", fixed.getMessageId());
        assertEquals("RECEIVED", VectorsTest.ackStatus(fixed));
        assertThrows(ArgumentException.class, () -> Lex.acknowledge(received, null, "MAYBE"));
        assertThrows(ArgumentException.class, () -> Lex.acknowledge(ack));
    }

    @Test
    void transitions() {
        assertFalse(Lex.transitionAllowed("DELIVERED", "IN_NEGOTIATION"));
        assertTrue(Lex.transitionAllowed(LeadStatus.DELIVERED, LeadStatus.ARCHIVED));
        assertEquals(Transition.UNLISTED, Lex.checkTransition("SHOPPING", "DELIVERED", TransitionPolicy.DEFAULT));
        assertEquals(Transition.FORBIDDEN, Lex.checkTransition("SHOPPING", "ORDER", TransitionPolicy.STRICT_TABLE));
        ArgumentException e = assertThrows(ArgumentException.class, () -> Lex.transitionAllowed("ABANDONED", "CART"));
        assertEquals("INVALID_ARGUMENT", e.getCode());
    }

    @Test
    void transitionFastPathAgreesWithTheCoreEverywhere() {
        // checkTransition passes positions and ordinals through JNI; every pair and policy must
        // give the verdict the string export gives.
        int forbidden = 0;
        for (TransitionPolicy policy : TransitionPolicy.values()) {
            for (String from : Lex.STATUSES) {
                for (String to : Lex.STATUSES) {
                    Transition viaStrings =
                            Transition.fromWireName(Native.checkTransition(from, to, policy.wireName()));
                    assertEquals(viaStrings, Lex.checkTransition(from, to, policy), from + " -> " + to + " " + policy);
                    forbidden += viaStrings == Transition.FORBIDDEN ? 1 : 0;
                }
            }
        }
        assertTrue(forbidden > 0 && forbidden < 2 * 15 * 15, "both verdicts occur: " + forbidden);
        ArgumentException bad = assertThrows(ArgumentException.class, () -> Native.checkTransitionAt(15, 0, 0));
        assertEquals("INVALID_ARGUMENT", bad.getCode());
        assertThrows(ArgumentException.class, () -> Native.checkTransitionAt(0, -1, 0));
        assertThrows(ArgumentException.class, () -> Native.checkTransitionAt(0, 0, 2));
        assertThrows(ArgumentException.class, () -> Lex.checkTransition("CART", "NOT_A_STATUS", TransitionPolicy.DEFAULT));
        assertThrows(NullPointerException.class, () -> Lex.checkTransition("CART", "SHOPPING", null));
    }

    @Test
    void fingerprintFollowsTheDedupSpec() {
        assertEquals("e2e4f6dbeafc638514584d10d630e5e3739f574308b20ae1cc80681e9e39d1d1",
                Lex.fingerprint(" Jane.Smith@Example.com ", "+1 (415) 555-1234", " Smith "));
        assertEquals("c7da5d8fcd691500e11b03dc7c565d6ab6f50f1878d001c36d741c9efee87b5f",
                Lex.fingerprint("eva.mueller@example.com", "+4915551234567", "Müller"));
    }

    @Test
    void mapInputKeepsOrderAndRejectsNonJsonValues() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("messageType", "LEAD");
        Map<String, Object> lex = new LinkedHashMap<>();
        lex.put("header", header);
        lex.put("payload", Map.of());
        lex.put("z", List.of(1, 2.5, true, "s"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lex", lex);
        Message m = Lex.parse(root);
        assertEquals("{\"lex\":{\"header\":{\"messageType\":\"LEAD\"},\"payload\":{},\"z\":[1,2.5,true,\"s\"]}}",
                m.toJson(false));
        lex.put("bad", Double.NaN);
        assertThrows(ArgumentException.class, () -> Lex.parse(root));
        lex.remove("bad");
        lex.put("bad", new Object());
        assertThrows(ArgumentException.class, () -> Lex.parse(root));
    }
}
