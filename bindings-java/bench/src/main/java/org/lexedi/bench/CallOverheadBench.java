package org.lexedi.bench;

import org.lexedi.Lex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The cost of a trivial call through JNI (two strings in, a boolean out). */
@State(Scope.Benchmark)
public class CallOverheadBench {
    /** Fields, not constants, so the JIT cannot fold the arguments. */
    public String from = "SHOPPING";
    /** The target status. */
    public String to = "ORDER";

    /** @return whether SHOPPING to ORDER is allowed, asked of the core */
    @Benchmark
    public boolean lexTransitionAllowed() {
        return Lex.transitionAllowed(from, to);
    }

    /** @return a pure-Java string comparison of the same arguments, for scale */
    @Benchmark
    public boolean javaEquals() {
        return from.equals(to);
    }
}
