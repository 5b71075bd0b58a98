package org.lexedi;

import java.lang.ref.Cleaner;
import java.util.function.LongConsumer;

/** Frees a native object exactly once, when its owner becomes unreachable. */
final class NativeHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    private NativeHandle() {}

    /** Registers {@code free(handle)} to run once {@code owner} is unreachable. */
    static Cleaner.Cleanable register(Object owner, long handle, LongConsumer free) {
        return CLEANER.register(owner, () -> free.accept(handle));
    }
}
