package org.lexedi;

import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A stateful receiving endpoint: idempotent on {@code messageId} (a repeat returns the original
 * receipt and is never processed twice), remembers each lead's status for transition checks,
 * dead-letters expired messages, and flags duplicate customers. Thread-safe; close it (or use
 * try-with-resources) to release its state.
 */
public final class Receiver implements AutoCloseable {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Cleaner.Cleanable cleanable;
    private long handle;

    /** A receiver with the default options. */
    public Receiver() {
        this(ValidationOptions.DEFAULT);
    }

    /** @param options validation options applied to every received message */
    public Receiver(ValidationOptions options) {
        this.handle = Native.receiverNew(options.level, options.now, options.strict(), options.policy.wireName());
        this.cleanable = NativeHandle.register(this, handle, Native::receiverFree);
    }

    /**
     * @param input one message in any format
     * @return the receipt
     * @throws LexException when the input cannot be read, or the receiver is closed
     */
    public Receipt receive(byte[] input) {
        lock.readLock().lock();
        try {
            return Native.receiverReceive(handle, input);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @param input one message in any format @return the receipt */
    public Receipt receive(String input) {
        return receive(input.getBytes(StandardCharsets.UTF_8));
    }

    /** @param message a message @return the receipt */
    public Receipt receive(Message message) {
        return receive(message.jsonBytes());
    }

    /** Releases the receiver's state; further calls fail with {@link ArgumentException}. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != 0) {
                handle = 0;
                cleanable.clean();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
