package org.lexedi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads shared vectors and compares results exactly as tests/vectors/README.md specifies. */
final class VectorSupport {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    static final String DEFAULT_NOW = "2026-04-03T12:00:00Z";
    private static final Pattern NOW_PLUS = Pattern.compile("\\{\\{NOW_PLUS_(\\d+)S\\}\\}");

    private VectorSupport() {}

    static Path repoRoot() {
        return Path.of(System.getProperty("lex.repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The upstream standard: $LEX_SPEC_DIR (the Makefile exports it), else beside the repository. */
    static Path specDir() {
        String env = System.getenv("LEX_SPEC_DIR");
        Path dir = env == null || env.isEmpty() ? repoRoot().resolve("../shared/spec/lex-1.0") : Path.of(env);
        return dir.toAbsolutePath().normalize();
    }

    static List<Path> vectorFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    static JsonNode read(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    static String now(JsonNode v) {
        return v.hasNonNull("now") ? v.get("now").asText() : DEFAULT_NOW;
    }

    /** Replaces {{NOW_PLUS_NS}} in every string of the tree. */
    static JsonNode template(JsonNode node, String now) {
        if (node.isTextual()) {
            Matcher m = NOW_PLUS.matcher(node.asText());
            if (m.find()) {
                Instant t = Instant.parse(now).plusSeconds(Long.parseLong(m.group(1)));
                return TextNode.valueOf(m.replaceAll(DateTimeFormatter.ISO_INSTANT.format(t)));
            }
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), template(e.getValue(), now)));
            return copy;
        }
        if (node.isArray()) {
            var arr = JSON.createArrayNode();
            node.forEach(n -> arr.add(template(n, now)));
            return arr;
        }
        return node;
    }

    /** The raw input bytes of a vector (input, inputText, inputFile or specFile). */
    static byte[] inputBytes(JsonNode v, Path file, String key) throws IOException {
        String now = now(v);
        if (v.has(key)) {
            return JSON.writeValueAsBytes(template(v.get(key), now));
        }
        if (v.has("inputText")) {
            return v.get("inputText").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (v.has("inputFile")) {
            return Files.readAllBytes(file.getParent().resolve(v.get("inputFile").asText()));
        }
        if (v.has("specFile")) {
            return Files.readAllBytes(specDir().resolve(v.get("specFile").asText()));
        }
        throw new IllegalArgumentException("vector has no input");
    }

    static int level(JsonNode v) {
        if (v.has("conformanceLevel")) {
            return v.get("conformanceLevel").asInt();
        }
        if (v.has("level") && v.get("level").isTextual()) {
            return Integer.parseInt(v.get("level").asText().replace("L", ""));
        }
        if (v.has("level") && v.get("level").isInt()) {
            return v.get("level").asInt();
        }
        return 2;
    }

    static ValidationOptions options(JsonNode v) {
        ValidationOptions.Builder b = ValidationOptions.builder().level(level(v)).now(now(v));
        if (v.has("mode")) {
            b.mode(ReadMode.fromWireName(v.get("mode").asText()));
        }
        if (v.has("policy")) {
            b.policy(TransitionPolicy.fromWireName(v.get("policy").asText()));
        }
        if (v.has("previousState") && v.get("previousState").has("status")) {
            b.previousStatus(v.get("previousState").get("status").asText());
        }
        return b.build();
    }

    /**
     * Extra issues tolerated on the public conformance vectors, {@code id code level}: the same
     * table as the Rust runner ({@code conformance/src/lib.rs}, docs/decisions.md D20).
     */
    static final List<String> PUBLIC_EXTRAS = List.of(
            "TC-010 ALIAS_NORMALIZED WARNING",
            "TC-012 CONSENT_RECORD_REQUIRED ERROR",
            "TC-014 ALIAS_NORMALIZED WARNING",
            "TC-014 LI-009 WARNING",
            "TC-014 REQUIRED_FIELD_MISSING WARNING",
            "TC-015 ALIAS_NORMALIZED WARNING",
            "TC-015 LI-009 WARNING",
            "TC-015 CONSENT_RECORD_REQUIRED ERROR");

    /** Returns null when the report matches {@code expected}, else a description of the difference. */
    static String compareReport(Report r, JsonNode expected, String id) {
        if (expected.has("valid") && expected.get("valid").asBoolean() != r.isValid()) {
            return "valid: expected " + expected.get("valid") + ", got " + r;
        }
        String e = compareIssues(r.getErrors(), expected.get("errors"), "errors", id);
        if (e != null) {
            return e + " in " + r;
        }
        String w = compareIssues(r.getWarnings(), expected.get("warnings"), "warnings", id);
        return w == null ? null : w + " in " + r;
    }

    private static String compareIssues(List<Issue> actual, JsonNode expected, String what, String id) {
        if (expected == null) {
            return null;
        }
        List<JsonNode> exp = new ArrayList<>();
        expected.forEach(exp::add);
        // The most specific expectations first, so a loose one cannot steal their match.
        exp.sort((a, b) -> Integer.compare(b.size(), a.size()));
        List<Issue> left = new ArrayList<>(actual);
        for (JsonNode x : exp) {
            Iterator<Issue> it = left.iterator();
            boolean found = false;
            while (it.hasNext()) {
                if (matches(it.next(), x)) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return what + ": missing " + x;
            }
        }
        left.removeIf(i -> PUBLIC_EXTRAS.contains(id + " " + i.getCode() + " " + i.getLevel().wireName()));
        return left.isEmpty() ? null : what + ": unexpected " + left;
    }

    private static boolean matches(Issue i, JsonNode x) {
        if (!i.getCode().equals(x.path("code").asText()) || !i.getLevel().wireName().equals(x.path("level").asText())) {
            return false;
        }
        if (x.has("field") && !i.getField().equals(x.get("field").asText())) {
            return false;
        }
        if (x.has("pointer") && !i.getPointer().equals(x.get("pointer").asText())) {
            return false;
        }
        if (x.has("fromStatus") && !x.get("fromStatus").asText().equals(i.getFromStatus().orElse(null))) {
            return false;
        }
        if (x.has("toStatus") && !x.get("toStatus").asText().equals(i.getToStatus().orElse(null))) {
            return false;
        }
        if (x.has("rejectedValue") && !sameValue(x.get("rejectedValue"), i.getRejectedValue().orElse(null))) {
            return false;
        }
        if (x.has("threshold") && !sameValue(x.get("threshold"), i.getThreshold().orElse(null))) {
            return false;
        }
        if (x.has("allowedValues")) {
            List<String> want = new ArrayList<>();
            x.get("allowedValues").forEach(n -> want.add(n.asText()));
            if (!want.equals(i.getAllowedValues().orElse(null))) {
                return false;
            }
        }
        return true;
    }

    /** Compares a JSON value with a plain Java value from the library (numbers by value). */
    static boolean sameValue(JsonNode want, Object got) {
        if (want.isNull()) {
            return got == null;
        }
        if (want.isNumber()) {
            return got instanceof Number && new BigDecimal(got.toString()).compareTo(want.decimalValue()) == 0;
        }
        if (want.isTextual()) {
            return want.asText().equals(got);
        }
        if (want.isBoolean()) {
            return Boolean.valueOf(want.asBoolean()).equals(got);
        }
        return JSON.valueToTree(got).equals(want);
    }

    /** The canonical tree of a message as a Jackson node (for exact comparisons). */
    static JsonNode tree(Message m) throws IOException {
        return JSON.readTree(m.toJson(false));
    }

    /** Field-by-field map view used in assertions. */
    static Map<String, Object> map(Message m) {
        return m.toMap();
    }
}
