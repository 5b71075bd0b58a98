package org.lexedi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema peer, set up as in tools/bench/python_peers.py and node.mjs: the {@code lex}
 * object is validated against the upstream per-type schema chosen by
 * {@code header.messageType}, together with the envelope's {@code MessageHeader} (the
 * envelope's {@code oneOf} can never match a real message); schemas compiled once, formats
 * asserted, every call starting from the JSON text.
 */
final class SchemaPeer {
    static final String BASE = "https://lexstandard.org/schemas/v1/";
    static final Map<String, String> TYPES = Map.of(
            "LEAD", "LEX_LEAD_SCHEMA.json",
            "ASSET", "LEX_ASSET_SCHEMA.json",
            "ACKNOWLEDGMENT", "LEX_ACKNOWLEDGMENT_SCHEMA.json",
            "SUBSCRIPTION", "LEX_SUBSCRIPTION_SCHEMA.json",
            "LEAD_CLOSURE", "LEX_LEAD_CLOSURE_SCHEMA.json");

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonSchema> byType = new HashMap<>();

    SchemaPeer() {
        Map<String, String> store = new LinkedHashMap<>();
        for (String file : TYPES.values()) {
            store.put(BASE + file, load(file));
        }
        store.put(BASE + "LEX_MESSAGE_SCHEMA.json", load("LEX_MESSAGE_SCHEMA.json"));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaLoaders(l -> l.schemas(store)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (Map.Entry<String, String> t : TYPES.entrySet()) {
            JsonSchema schema = factory.getSchema(wrapper(t.getValue()), config);
            schema.initializeValidators(); // compile once, outside the timed calls
            byType.put(t.getKey(), schema);
        }
    }

    private static String load(String file) {
        try {
            String text = Files.readString(Corpus.schemas().resolve(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String wrapper(String file) {
        return "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"allOf\":["
                + "{\"$ref\":\"" + BASE + file + "\"},"
                + "{\"type\":\"object\",\"required\":[\"header\"],\"properties\":{\"header\":"
                + "{\"$ref\":\"" + BASE + "LEX_MESSAGE_SCHEMA.json#/definitions/MessageHeader\"}}}]}";
    }

    /** @param text a JSON document @return the parsed tree (Jackson), the floor of the peer */
    JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param text a JSON document @return whether its {@code lex} object is valid */
    boolean isValid(String text) {
        JsonNode lex = parse(text).path("lex");
        JsonSchema schema = byType.get(lex.path("header").path("messageType").asText(""));
        return schema != null && schema.validate(lex, OutputFormat.BOOLEAN);
    }
}
