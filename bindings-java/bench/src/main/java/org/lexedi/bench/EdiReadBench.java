package org.lexedi.bench;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lexedi.Format;
import org.lexedi.Lex;
import org.lexedi.Message;
import org.lexedi.ReadMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** X12 / EDIFACT interchange read: lex (whole messages) vs StAEDI (every stream event). */
@State(Scope.Benchmark)
public class EdiReadBench {
    /** The interchange file (set by {@link Main} to the files that exist). */
    @Param({"edifact-batch.edi"})
    public String file;

    private byte[] bytes;
    private Format format;
    private EDIInputFactory factory;

    /** Reads the input once. */
    @Setup
    public void setup() {
        bytes = Corpus.read(file);
        format = file.endsWith(".x12") ? Format.X12 : Format.EDIFACT;
        factory = EDIInputFactory.newFactory();
    }

    /** @return every message of the interchange, read by lex */
    @Benchmark
    public List<Message> lexParseAll() {
        return Lex.parseAll(bytes, format, ReadMode.TOLERANT);
    }

    /**
     * Streams every event of the interchange with StAEDI, taking the text of every element.
     *
     * @param bh the sink
     * @return the number of events
     * @throws EDIStreamException when StAEDI cannot read the input
     * @throws IOException when the reader cannot be closed
     */
    @Benchmark
    public int staedi(Blackhole bh) throws EDIStreamException, IOException {
        return stream(factory, bytes, bh);
    }

    static int stream(EDIInputFactory factory, byte[] bytes, Blackhole bh) throws EDIStreamException, IOException {
        int events = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.ELEMENT_DATA) {
                    bh.consume(reader.getText());
                }
                events++;
            }
        }
        return events;
    }

    /**
     * Reads the interchange once outside the timings and lists what StAEDI reported as errors
     * (for the notes under the table).
     *
     * @param bytes the interchange
     * @return the first few errors, with their segment positions
     * @throws EDIStreamException when StAEDI cannot read the input
     * @throws IOException when the reader cannot be closed
     */
    static List<String> errors(byte[] bytes) throws EDIStreamException, IOException {
        List<String> out = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if ((event == EDIStreamEvent.SEGMENT_ERROR || event == EDIStreamEvent.ELEMENT_DATA_ERROR
                        || event == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) && out.size() < 3) {
                    out.add(reader.getErrorType() + " at segment " + reader.getLocation().getSegmentPosition());
                }
            }
        }
        return out;
    }
}
