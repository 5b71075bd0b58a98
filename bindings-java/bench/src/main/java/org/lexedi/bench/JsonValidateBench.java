package org.lexedi.bench;

import java.nio.charset.StandardCharsets;
import org.lexedi.Lex;
import org.lexedi.Report;
import org.lexedi.ValidationOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import com.fasterxml.jackson.databind.JsonNode;

/** JSON validate from text: lex vs Jackson parse alone (the floor) vs Jackson + networknt. */
@State(Scope.Benchmark)
public class JsonValidateBench {
    /** The corpus file (set by {@link Main} to the files that exist). */
    @Param({"typical-valid.json"})
    public String file;

    private String text;
    private byte[] bytes;
    private SchemaPeer peer;

    /** Reads the input and compiles the schemas once. */
    @Setup
    public void setup() {
        bytes = Corpus.read(file);
        text = new String(bytes, StandardCharsets.UTF_8);
        peer = new SchemaPeer();
    }

    /** @return lex's report from the text (a Java String, encoded to UTF-8 by the binding) */
    @Benchmark
    public Report lexValidateString() {
        return Lex.validate(text);
    }

    /** @return lex's report from the UTF-8 bytes */
    @Benchmark
    public Report lexValidateBytes() {
        return Lex.validate(bytes, ValidationOptions.DEFAULT);
    }

    /** @return the Jackson tree alone */
    @Benchmark
    public JsonNode jacksonParse() {
        return peer.parse(text);
    }

    /** @return the networknt verdict, from the text */
    @Benchmark
    public boolean networknt() {
        return peer.isValid(text);
    }
}
