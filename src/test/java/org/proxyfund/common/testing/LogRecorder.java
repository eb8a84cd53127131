package org.proxyfund.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log record of this JVM while open (the service's included, in @QuarkusTest), except those of the plain
 * test lane running beside it ({@link PlainLaneThreads}).
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    public LogRecorder() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (PlainLaneThreads.current()) {
            return;
        }
        records.add(r);
    }

    /** Lines at WARNING or above, and any line at all that mentions one of {@code words} (message or exception). */
    public synchronized List<String> suspicious(String... words) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            String text = r.getLoggerName() + " " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown());
            boolean word = false;
            for (String w : words) {
                word |= text.toLowerCase().contains(w.toLowerCase());
            }
            if (r.getLevel().intValue() >= Level.WARNING.intValue() || word) {
                out.add(r.getLevel() + " " + text);
            }
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
