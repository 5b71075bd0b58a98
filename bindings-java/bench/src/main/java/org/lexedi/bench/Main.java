package org.lexedi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lexedi.Lex;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this module, then prints a Markdown table (the columns of the
 * other languages' tables) and writes it to build/bench-results/java.md. A benchmark program,
 * not a test: verdicts are compared and reported as notes only.
 * {@code -Dlex.bench.quick=true} shortens every run (for trying the harness, not for figures).
 */
public final class Main {
    private static final String[] SIZES = {"small", "typical", "large"};
    private static final String[] KINDS = {"valid", "invalid"};

    private Main() {}

    /**
     * @param args ignored
     * @throws RunnerException when JMH fails
     * @throws IOException when the results cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        List<String> notes = new ArrayList<>();
        List<String> json = new ArrayList<>();
        for (String size : SIZES) {
            for (String kind : KINDS) {
                String name = size + "-" + kind + ".json";
                if (Files.exists(Corpus.dir().resolve(name))) {
                    json.add(name);
                }
            }
        }
        List<String> edi = new ArrayList<>();
        for (String name : new String[] {"x12-batch.x12", "edifact-batch.edi"}) {
            if (Files.exists(Corpus.dir().resolve(name))) {
                edi.add(name);
            } else {
                notes.add(name + " is not in the corpus (the core cannot write that format yet): not measured");
            }
        }
        compareVerdicts(json, notes);
        checkStaedi(edi, notes);

        Map<String, Double> ns = new HashMap<>();
        ns.putAll(run(JsonValidateBench.class, json));
        ns.putAll(run(EdiReadBench.class, edi));
        ns.putAll(run(CallOverheadBench.class, List.of()));

        Table t = new Table();
        String networknt = "Jackson readTree + networknt " + System.getProperty("lex.bench.networknt", "")
                + " (OutputFormat.BOOLEAN)";
        for (String file : json) {
            String op = "json-validate/" + file.replace(".json", "");
            long bytes = Corpus.read(file).length;
            double lex = ns.get("lexValidateString/" + file);
            t.row(op, "Lex.validate(String)", bytes, lex, 0);
            t.row(op, "Lex.validate(byte[])", bytes, ns.get("lexValidateBytes/" + file), 0);
            t.row(op, "Jackson readTree alone", bytes, ns.get("jacksonParse/" + file), lex);
            t.row(op, networknt, bytes, ns.get("networknt/" + file), lex);
        }
        for (String file : edi) {
            String op = (file.endsWith(".x12") ? "x12" : "edifact") + "-read/100-typical";
            long bytes = Corpus.read(file).length;
            double lex = ns.get("lexParseAll/" + file);
            t.row(op, "Lex.parseAll", bytes, lex, 0);
            t.row(op, "StAEDI " + System.getProperty("lex.bench.staedi", "")
                    + " (every event, text of every element)", bytes, ns.get("staedi/" + file), lex);
        }
        t.row("per-call overhead", "Lex.transitionAllowed (trivial call through JNI)", 0,
                ns.get("lexTransitionAllowed/"), 0);
        t.row("per-call overhead", "String.equals (pure Java, for scale)", 0, ns.get("javaEquals/"), 0);

        String out = "### Java (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", JMH " + jmhVersion() + ", one fork per benchmark)\n\n" + t.markdown(notes);
        System.out.println(out);
        Path results = Corpus.root().resolve("build/bench-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("java.md"), out, StandardCharsets.UTF_8);
    }

    private static String jmhVersion() {
        String v = Runner.class.getPackage().getImplementationVersion();
        return v != null ? v : "1.37";
    }

    /** Runs one benchmark class over the given files; keys are "method/file" (file empty without a parameter). */
    private static Map<String, Double> run(Class<?> bench, List<String> files) throws RunnerException {
        Map<String, Double> out = new HashMap<>();
        if (files.isEmpty() && bench != CallOverheadBench.class) {
            return out;
        }
        boolean quick = Boolean.getBoolean("lex.bench.quick");
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(bench.getName() + "\\.")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 200 : 1000))
                .jvmArgsAppend("-Dlex.repo.root=" + Corpus.root(), "-Xms512m", "-Xmx512m");
        if (!files.isEmpty()) {
            opts.param("file", files.toArray(new String[0]));
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            String file = files.isEmpty() ? "" : r.getParams().getParam("file");
            out.put(method + "/" + file, r.getPrimaryResult().getScore());
        }
        return out;
    }

    private static void compareVerdicts(List<String> files, List<String> notes) {
        SchemaPeer peer = new SchemaPeer();
        for (String file : files) {
            String text = new String(Corpus.read(file), StandardCharsets.UTF_8);
            boolean ours = Lex.validate(text).isValid();
            boolean theirs = peer.isValid(text);
            if (ours != theirs) {
                notes.add(String.format(Locale.ROOT, "%s: verdicts differ (lex %s, networknt %s)", file, ours, theirs));
            }
        }
    }

    private static void checkStaedi(List<String> files, List<String> notes) {
        for (String file : files) {
            try {
                List<String> errors = EdiReadBench.errors(Corpus.read(file));
                if (!errors.isEmpty()) {
                    notes.add(file + ": StAEDI reported errors (still timed): " + String.join("; ", errors));
                }
            } catch (Exception e) {
                notes.add(file + ": StAEDI cannot read it: " + e);
            }
        }
    }
}
