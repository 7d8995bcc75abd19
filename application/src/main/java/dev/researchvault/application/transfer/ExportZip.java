package dev.researchvault.application.transfer;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip an export is written into, entry by entry, straight to the response: nothing is held but the
 * deflater's window and one buffer. I/O failures are unchecked here (the entries are written from inside a
 * vault scope's lambdas) and turned back into {@link IOException} by {@link #unwrap}.
 */
final class ExportZip implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ZipOutputStream zip;
    private final FileTime time;

    ExportZip(OutputStream out, Instant time) {
        this.zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        this.time = FileTime.from(time);
    }

    void json(String name, Map<String, ?> object) {
        lines(name, writer -> writer.accept(object));
    }

    /** One JSON Lines entry; {@code lines} hands each object to the consumer it is given. */
    void lines(String name, Consumer<Consumer<Map<String, ?>>> lines) {
        try {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            open(name);
            Writer text = new BufferedWriter(new OutputStreamWriter(new KeepOpen(zip), StandardCharsets.UTF_8), BUFFER);
            lines.accept(object -> {
                JsonWriting.writeObject(text, object);
                append(text, '\n');
            });
            text.flush();
            zip.closeEntry();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    void bytes(String name, InputStream content) {
        try (content) {
            // Stored files are mostly compressed already (PDF, images): the fastest level keeps the export at disk
            // speed instead of spending a core on bytes that do not shrink.
            zip.setLevel(Deflater.BEST_SPEED);
            open(name);
            content.transferTo(zip);
            zip.closeEntry();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void open(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
    }

    private static void append(Writer text, char c) {
        try {
            text.append(c);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes the zip's central directory; the stream under it stays open (the caller owns it). */
    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }

    /** Runs {@code work}, giving back the {@link IOException} this class hid inside it. */
    static void unwrap(Runnable work) throws IOException {
        try {
            work.run();
        } catch (UncheckedIOException failure) {
            throw failure.getCause();
        }
    }

    /** Closing a writer or the zip must not close what is under it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
