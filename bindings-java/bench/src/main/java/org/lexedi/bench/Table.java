package org.lexedi.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The Markdown table shared by every language's benchmark (see tools/bench/report.sh). */
final class Table {
    private final StringBuilder rows = new StringBuilder();

    /**
     * @param op the operation / input
     * @param impl the implementation
     * @param bytes the input size (0: not a throughput row)
     * @param ns nanoseconds per operation
     * @param lexNs lex's time for the ratio column (0: this is a lex row, no ratio)
     */
    void row(String op, String impl, long bytes, Double ns, double lexNs) {
        if (ns == null) {
            return; // a benchmark JMH could not run is missing from its results, and from the table
        }
        String us = ns < 1000 ? String.format(Locale.ROOT, "%.0f ns", ns) : String.format(Locale.ROOT, "%.2f", ns / 1e3);
        String mbps = bytes > 0 ? String.format(Locale.ROOT, "%.1f", bytes / ns * 1e3) : "—";
        String ratio = lexNs > 0 ? String.format(Locale.ROOT, "%.2f×", ns / lexNs) : "—";
        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", op, impl,
                bytes > 0 ? Long.toString(bytes) : "—", us, mbps, ratio));
    }

    /** @param notes lines printed under the table @return the whole table */
    String markdown(List<String> notes) {
        StringBuilder out = new StringBuilder();
        out.append("| operation / input | implementation | bytes | µs/op | MB/s | this time ÷ lex time |\n");
        out.append("|---|---|---:|---:|---:|---:|\n");
        out.append(rows);
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(notes));
        if (!unique.isEmpty()) {
            out.append('\n');
            for (String n : unique) {
                out.append("- ").append(n).append('\n');
            }
        }
        return out.toString();
    }
}
