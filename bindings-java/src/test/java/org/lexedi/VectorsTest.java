package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every shared vector (tests/vectors/) and the public LEX conformance vectors. */
class VectorsTest {
    @TestFactory
    Stream<DynamicTest> sharedVectors() throws Exception {
        Path dir = VectorSupport.repoRoot().resolve("tests/vectors");
        List<Path> files = VectorSupport.vectorFiles(dir);
        assertTrue(!files.isEmpty() || !dir.toFile().isDirectory(), "no vectors found in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> run(f)));
    }

    @TestFactory
    Stream<DynamicTest> publicConformanceVectors() throws Exception {
        Path spec = VectorSupport.specDir();
        if (!spec.toFile().isDirectory()) {
            String why = "LEX_SPEC_DIR " + spec + " not found: public vectors skipped";
            System.err.println(why);
            assumeTrue(false, why);
        }
        Path dir = spec.resolve("tests/conformance");
        List<Path> files = VectorSupport.vectorFiles(dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    static void run(Path file) throws Exception {
        JsonNode v = VectorSupport.read(file);
        if (v.has("specFile") && !VectorSupport.specDir().toFile().isDirectory()) {
            String why = v.path("id").asText("") + ": LEX_SPEC_DIR " + VectorSupport.specDir() + " not found: skipped";
            System.err.println(why);
            assumeTrue(false, why);
        }
        String op = v.path("operation").asText("validate");
        JsonNode expected = v.path("expected");
        switch (op) {
            case "validate":
                validate(v, file, expected);
                break;
            case "parse":
                parse(v, file, expected);
                break;
            case "convert":
                convert(v, file, expected);
                break;
            case "fingerprint": {
                JsonNode in = v.get("input");
                assertEquals(expected.get("fingerprint").asText(),
                        Lex.fingerprint(in.path("email").asText(""), in.path("phone").asText(""),
                                in.path("lastName").asText("")));
                break;
            }
            case "transition":
                transition(v, expected);
                break;
            case "acknowledge":
                acknowledge(v, file, expected);
                break;
            case "receive":
                receive(v, file);
                break;
            case "may-forward":
                mayForward(v, file, expected);
                break;
            default:
                fail("unknown operation " + op + " in " + file);
        }
    }

    private static Format format(JsonNode v, String key) {
        return v.hasNonNull(key) ? Format.fromWireName(v.get(key).asText()) : null;
    }

    private static ReadMode mode(JsonNode v) {
        return v.has("mode") ? ReadMode.fromWireName(v.get("mode").asText()) : ReadMode.TOLERANT;
    }

    private static void expectError(JsonNode want, LexException e) {
        assertEquals(want.get("code").asText(), e.getCode(), e.toString());
        Location l = e.getLocation();
        Map<String, Long> longs = Map.of(
                "line", l.getLine().orElse(-1),
                "column", l.getColumn().orElse(-1),
                "offset", l.getOffset().orElse(-1),
                "segment", l.getSegment().orElse(-1),
                "element", l.getElement().orElse(-1));
        for (Map.Entry<String, Long> k : longs.entrySet()) {
            if (want.has(k.getKey())) {
                assertEquals(want.get(k.getKey()).asLong(), (long) k.getValue(), k.getKey() + " of " + e);
            }
        }
        if (want.has("segmentId")) {
            assertEquals(want.get("segmentId").asText(), l.getSegmentId().orElse(null), e.toString());
        }
    }

    private static void validate(JsonNode v, Path file, JsonNode expected) throws Exception {
        if (expected.has("firstSubmission")) {
            idempotency(v, file, expected);
            return;
        }
        byte[] input = VectorSupport.inputBytes(v, file, "input");
        ValidationOptions opts = VectorSupport.options(v);
        if (expected.has("error")) {
            LexException e = assertThrows(LexException.class, () -> Lex.validate(input, opts));
            expectError(expected.get("error"), e);
            return;
        }
        Report r = Lex.validate(input, opts);
        assertNull(VectorSupport.compareReport(r, expected, v.path("id").asText("")));
    }

    private static void idempotency(JsonNode v, Path file, JsonNode expected) throws Exception {
        ValidationOptions opts = VectorSupport.options(v);
        try (Receiver rx = new Receiver(opts)) {
            Receipt first = rx.receive(VectorSupport.inputBytes(v, file, "input"));
            Receipt second = rx.receive(VectorSupport.inputBytes(v, file, v.has("duplicate") ? "duplicate" : "input"));
            assertEquals(expected.get("firstSubmission").get("valid").asBoolean(), first.getReport().isValid());
            assertTrue(!first.isDuplicate());
            JsonNode dup = expected.get("duplicateSubmission");
            assertEquals(dup.get("valid").asBoolean(), second.getReport().isValid());
            assertEquals(dup.path("idempotent").asBoolean(true), second.isDuplicate());
            assertEquals(first.getHttpStatus(), second.getHttpStatus());
            assertEquals(first.getAck().map(Message::getMessageId), second.getAck().map(Message::getMessageId));
            if (dup.has("acknowledgmentStatus")) {
                assertEquals(dup.get("acknowledgmentStatus").asText(), ackStatus(second.getAck().orElseThrow()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static String ackStatus(Message ack) {
        Map<String, Object> lex = (Map<String, Object>) ack.toMap().get("lex");
        Map<String, Object> payload = (Map<String, Object>) lex.get("payload");
        return (String) ((Map<String, Object>) payload.get("acknowledgment")).get("status");
    }

    private static void parse(JsonNode v, Path file, JsonNode expected) throws Exception {
        byte[] input = VectorSupport.inputBytes(v, file, "input");
        if (expected.has("error")) {
            LexException e = assertThrows(LexException.class, () -> Lex.parseAll(input, format(v, "format"), mode(v)));
            expectError(expected.get("error"), e);
            return;
        }
        List<Message> all = Lex.parseAll(input, format(v, "format"), mode(v));
        if (expected.has("messages")) {
            assertEquals(expected.get("messages").asInt(), all.size());
        }
        if (expected.has("tree")) {
            assertEquals(1, all.size());
            assertEquals(VectorSupport.JSON.writeValueAsString(expected.get("tree")),
                    VectorSupport.JSON.writeValueAsString(VectorSupport.tree(all.get(0))));
        }
        if (expected.has("warnings")) {
            List<String> want = new ArrayList<>();
            expected.get("warnings").forEach(n -> want.add(n.isTextual() ? n.asText() : n.path("code").asText()));
            List<String> got = new ArrayList<>();
            for (Message m : all) {
                m.getReadWarnings().forEach(i -> got.add(i.getCode()));
            }
            assertEquals(want, got);
        }
    }

    private static void convert(JsonNode v, Path file, JsonNode expected) throws Exception {
        byte[] input = VectorSupport.inputBytes(v, file, "input");
        Format to = format(v, "to");
        Format from = format(v, "from");
        boolean pretty = v.path("pretty").asBoolean(false);
        if (expected.has("error")) {
            LexException e = assertThrows(LexException.class, () -> Lex.convert(input, to, from, mode(v), pretty));
            expectError(expected.get("error"), e);
            return;
        }
        String out = Lex.convert(input, to, from, mode(v), pretty);
        if (expected.has("output")) {
            assertEquals(expected.get("output").asText(), out);
        }
        if (expected.path("roundTrip").asBoolean(false)) {
            List<Message> before = Lex.parseAll(input, from, mode(v));
            List<Message> after = Lex.parseAll(out.getBytes(StandardCharsets.UTF_8), to, mode(v));
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i).toJson(false), after.get(i).toJson(false));
            }
        }
    }

    private static void transition(JsonNode v, JsonNode expected) {
        JsonNode in = v.get("input");
        TransitionPolicy p = in.has("policy") ? TransitionPolicy.fromWireName(in.get("policy").asText())
                : TransitionPolicy.DEFAULT;
        if (expected.has("error")) {
            LexException e = assertThrows(LexException.class,
                    () -> Lex.checkTransition(in.get("from").asText(), in.get("to").asText(), p));
            expectError(expected.get("error"), e);
            return;
        }
        assertEquals(expected.get("verdict").asText(),
                Lex.checkTransition(in.get("from").asText(), in.get("to").asText(), p).wireName());
    }

    private static void acknowledge(JsonNode v, Path file, JsonNode expected) throws Exception {
        byte[] input = VectorSupport.inputBytes(v, file, "input");
        String status = v.hasNonNull("status") ? v.get("status").asText() : null;
        String messageId = v.hasNonNull("messageId") ? v.get("messageId").asText() : null;
        if (expected.has("error")) {
            LexException e = assertThrows(LexException.class, () -> {
                Message m = Lex.parse(input);
                Report r = v.path("validate").asBoolean(true) ? Lex.validate(m, VectorSupport.options(v)) : null;
                Lex.acknowledge(m, r, status, VectorSupport.now(v), messageId);
            });
            expectError(expected.get("error"), e);
            return;
        }
        Message m = Lex.parse(input);
        Report r = v.path("validate").asBoolean(true) ? Lex.validate(m, VectorSupport.options(v)) : null;
        Message ack = Lex.acknowledge(m, r, status, VectorSupport.now(v), messageId);
        if (expected.has("tree")) {
            assertEquals(VectorSupport.JSON.writeValueAsString(expected.get("tree")),
                    VectorSupport.JSON.writeValueAsString(VectorSupport.tree(ack)));
        }
        if (expected.has("status")) {
            assertEquals(expected.get("status").asText(), ackStatus(ack));
        }
        if (expected.has("correlationId")) {
            assertEquals(expected.get("correlationId").asText(), VectorSupport.tree(ack).at("/lex/header/correlationId").asText());
        }
    }

    private static void mayForward(JsonNode v, Path file, JsonNode expected) throws Exception {
        JsonNode in = v.get("input");
        Message m = Lex.parse(VectorSupport.JSON.writeValueAsBytes(
                VectorSupport.template(in.get("message"), VectorSupport.now(v))));
        ForwardDecision d = Lex.mayForward(m, in.path("recipient").asText(""), VectorSupport.now(v));
        if (expected.has("allowed")) {
            assertEquals(expected.get("allowed").asBoolean(), d.isAllowed(), d.toString());
        }
        if (expected.has("code")) {
            assertEquals(expected.get("code").asText(), d.getCode());
        }
        if (expected.has("ruleId")) {
            JsonNode r = expected.get("ruleId");
            assertEquals(r.isNull() ? null : r.asText(), d.getRuleId().orElse(null));
        }
        if (expected.has("policy")) {
            JsonNode p = expected.get("policy");
            assertEquals(p.isNull() ? null : p.asText(), d.getPolicy().orElse(null));
        }
        if (expected.has("auditRequired")) {
            assertEquals(expected.get("auditRequired").asBoolean(), d.isAuditRequired());
        }
        if (expected.has("retainUntil")) {
            JsonNode r = expected.get("retainUntil");
            assertEquals(r.isNull() ? null : r.asText(), d.getRetainUntil().orElse(null));
        }
    }

    private static void receive(JsonNode v, Path file) throws Exception {
        try (Receiver rx = new Receiver(VectorSupport.options(v))) {
            Iterator<JsonNode> steps = v.get("steps").elements();
            int n = 0;
            while (steps.hasNext()) {
                JsonNode step = steps.next();
                n++;
                JsonNode want = step.get("expected");
                byte[] input = step.has("inputText")
                        ? step.get("inputText").asText().getBytes(StandardCharsets.UTF_8)
                        : VectorSupport.JSON.writeValueAsBytes(VectorSupport.template(step.get("input"), VectorSupport.now(v)));
                Receipt r = rx.receive(input);
                String where = "step " + n + ": " + r + " " + r.getReport();
                if (want.has("outcome")) {
                    assertEquals(want.get("outcome").asText(), r.getOutcome().wireName(), where);
                }
                if (want.has("duplicate")) {
                    assertEquals(want.get("duplicate").asBoolean(), r.isDuplicate(), where);
                }
                if (want.has("httpStatus")) {
                    assertEquals(want.get("httpStatus").asInt(), r.getHttpStatus(), where);
                }
                if (want.has("valid")) {
                    assertEquals(want.get("valid").asBoolean(), r.getReport().isValid(), where);
                }
                if (want.has("codes")) {
                    List<String> codes = new ArrayList<>();
                    want.get("codes").forEach(c -> codes.add(c.asText()));
                    List<String> got = new ArrayList<>();
                    r.getReport().getIssues().forEach(i -> got.add(i.getCode()));
                    assertEquals(codes.stream().sorted().toList(), got.stream().sorted().toList(), where);
                }
                if (want.has("ackStatus")) {
                    assertEquals(want.get("ackStatus").asText(), r.getAck().map(VectorsTest::ackStatus).orElse(null), where);
                }
                if (want.has("routing")) {
                    JsonNode d = want.get("routing");
                    assertEquals(d.isNull() ? null : d.asText(), r.getRouting().orElse(null), where);
                }
                if (want.has("duplicateOfLead")) {
                    JsonNode d = want.get("duplicateOfLead");
                    assertEquals(d.isNull() ? null : d.asText(), r.getDuplicateOfLead().orElse(null), where);
                }
            }
        }
    }
}
