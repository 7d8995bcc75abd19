package dev.researchvault.application.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An archive to import, read entry by entry as the request body arrives: never more than one line of JSON or
 * one small entry in memory. Counts what arrives ({@link ImportLimits#maxImportBytes()}) and what it expands to
 * ({@link ImportLimits#maxExpandedBytes()}), and turns every failure to read into a 4xx domain error.
 */
final class ImportZip {

    private static final int BUFFER = 64 * 1024;

    private final ZipInputStream zip;
    private final InputStream expanded;

    ImportZip(InputStream body, ImportLimits limits) {
        InputStream sent = new Limited(body, limits.maxImportBytes(), limit -> ImportErrors.tooLarge("the archive", limit));
        this.zip = new ZipInputStream(sent, StandardCharsets.UTF_8);
        // Buffered above the zip: lines are read byte by byte. The buffer never holds bytes of two entries,
        // because next() reads the current entry to its end (-1) through it before moving on.
        this.expanded = new BufferedInputStream(new Limited(zip, limits.maxExpandedBytes(),
                limit -> ImportErrors.tooLarge("what the archive expands to", limit)), BUFFER);
    }

    /** The next entry, or null at the end of the archive; whatever is left of the current one is skipped. */
    ZipEntry next() {
        try {
            byte[] rest = new byte[BUFFER];
            while (expanded.read(rest) >= 0) {
                // skipped, but counted and inflated: a skipped entry cannot hide a bomb either
            }
            return zip.getNextEntry();
        } catch (IOException unreadable) {
            throw unreadable(unreadable);
        }
    }

    /** The whole current entry as UTF-8 text, at most {@code limit} bytes. */
    String text(int limit) {
        try {
            return readUpTo(limit, false);
        } catch (IOException unreadable) {
            throw unreadable(unreadable);
        }
    }

    /** The current entry's bytes, to be read to their end before {@link #next}. */
    InputStream content() {
        return new FilterInputStream(expanded) {
            @Override
            public void close() {
                // the archive goes on after this entry
            }
        };
    }

    /** The lines of the current entry, read one at a time as the iterator is stepped (empty lines skipped). */
    Iterator<String> lines() {
        return new Iterator<>() {
            private String line = advance();

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public String next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                String current = line;
                line = advance();
                return current;
            }

            private String advance() {
                try {
                    String read;
                    do {
                        read = readUpTo(ImportLimits.MAX_LINE_BYTES, true);
                    } while (read != null && read.isBlank());
                    return read;
                } catch (IOException unreadable) {
                    throw unreadable(unreadable);
                }
            }
        };
    }

    /** Up to the end of the entry (or of the line); null at the entry's end when nothing was read. */
    private String readUpTo(int limit, boolean oneLine) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int b;
        while ((b = expanded.read()) >= 0 && !(oneLine && b == '\n')) {
            if (read.size() == limit) {
                throw ImportErrors.tooLarge(oneLine ? "a line of JSON" : "an entry", limit);
            }
            read.write(b);
        }
        if (b < 0 && read.size() == 0 && oneLine) {
            return null;
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static RuntimeException unreadable(IOException failure) {
        if (failure instanceof ZipException) {
            return ImportErrors.malformed();
        }
        // The body itself failed: the client went away or sent less than it announced.
        return new UncheckedIOException(failure);
    }

    /** Counts bytes through it and refuses the one past the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private final LongFunction<RuntimeException> refusal;
        private long count;

        Limited(InputStream in, long limit, LongFunction<RuntimeException> refusal) {
            super(in);
            this.limit = limit;
            this.refusal = refusal;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw refusal.apply(limit);
            }
        }
    }
}
