package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void validatesFromEightThreads() throws Exception {
        String good = ApiTest.example();
        String bad = good.replace("\"LEAD\"", "\"INQUIRY\"");
        Message shared = Lex.parse(good);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    int[] counts = new int[2];
                    for (int i = 0; i < 300; i++) {
                        counts[Lex.validate(i % 2 == 0 ? good : bad).isValid() ? 0 : 1]++;
                        assertTrue(Lex.validate(shared).isValid());
                    }
                    return counts;
                }));
            }
            for (Future<int[]> f : futures) {
                int[] c = f.get();
                assertEquals(150, c[0]);
                assertEquals(150, c[1]);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void receiverProcessesEachMessageIdOnceAcrossThreads() throws Exception {
        String msg = ApiTest.example();
        try (Receiver rx = new Receiver(ValidationOptions.builder().now("2026-05-04T10:00:00Z").build())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger firsts = new AtomicInteger();
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    fs.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            Receipt r = rx.receive(msg);
                            if (!r.isDuplicate()) {
                                firsts.incrementAndGet();
                            }
                            assertEquals(Outcome.ACCEPTED, r.getOutcome());
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(1, firsts.get());
        }
    }

    @Test
    void closedReceiverFailsCleanly() throws Exception {
        Receiver rx = new Receiver();
        Receipt r = rx.receive(ApiTest.example());
        assertFalse(r.isDuplicate());
        assertEquals(200, r.getHttpStatus());
        rx.close();
        rx.close();
        assertThrows(ArgumentException.class, () -> rx.receive(ApiTest.example()));
    }
}
