package org.lexedi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmark inputs live: the repository root is handed over as {@code -Dlex.repo.root}. */
final class Corpus {
    private Corpus() {}

    /** @return the repository root */
    static Path root() {
        return Path.of(System.getProperty("lex.repo.root", ".")).toAbsolutePath().normalize();
    }

    /** @return the corpus folder written by {@code lex-bench-corpus} */
    static Path dir() {
        String env = System.getenv("LEX_BENCH_CORPUS");
        return env != null && !env.isEmpty() ? Path.of(env) : root().resolve("build/bench-corpus");
    }

    /** @return the upstream JSON Schemas, read at run time (never copied into the repository) */
    static Path schemas() {
        String env = System.getenv("LEX_SPEC_DIR");
        Path spec = env != null && !env.isEmpty() ? Path.of(env) : root().resolve("../shared/spec/lex-1.0");
        return spec.resolve("schemas").toAbsolutePath().normalize();
    }

    /** @param name a corpus file name @return its bytes */
    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
