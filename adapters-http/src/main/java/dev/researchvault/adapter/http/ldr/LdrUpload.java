package dev.researchvault.adapter.http.ldr;

import dev.researchvault.adapter.http.file.MultipartForm;
import dev.researchvault.application.ldr.ImportLdrCommand;
import dev.researchvault.domain.DomainException;
import dev.researchvault.domain.RuleViolationException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import java.io.IOException;
import org.reactivestreams.Publisher;

/**
 * An LDR database uploaded as {@code multipart/form-data}: the file part {@code database} (LDR's
 * {@code ldr_user_<hash>.db}), the file part {@code salt} (its {@code .salt} file, absent for the legacy format)
 * and the text part {@code password}. Any other part, or a part sent twice, is refused rather than dropped. The
 * bytes are copied once into heap arrays and the framework's buffers released (the request size limit bounds them).
 */
final class LdrUpload implements MultipartForm.Parts {

    static final String INVALID = "ldr.invalid-multipart";

    private byte[] database;
    private byte[] salt;
    private char[] password;

    private LdrUpload() {
    }

    /** Reads every part (blocking the calling thread, never an event loop) into a command; 400 when one is missing. */
    static ImportLdrCommand read(Publisher<CompletedPart> body) {
        LdrUpload upload = new LdrUpload();
        MultipartForm.read(body, upload);
        if (upload.database == null) {
            throw new RuleViolationException("ldr.database-required", "send the LDR database as a file part named database");
        }
        if (upload.password == null) {
            throw new RuleViolationException("ldr.password-required", "send the LDR account's password as a text part named password");
        }
        return new ImportLdrCommand(upload.database, upload.salt, upload.password);
    }

    @Override
    public void accept(CompletedPart part) throws IOException {
        String name = part.getName();
        if (part instanceof CompletedFileUpload file && "database".equals(name) && database == null) {
            database = file.getBytes();
        } else if (part instanceof CompletedFileUpload file && "salt".equals(name) && salt == null) {
            salt = file.getBytes();
        } else if (!(part instanceof CompletedFileUpload) && "password".equals(name) && password == null) {
            password = MultipartForm.text(part).toCharArray();
        } else {
            throw invalid("parts are database (a file), salt (a file, optional) and password (text), each at most once");
        }
    }

    @Override
    public DomainException unreadable() {
        return invalid("a part could not be read");
    }

    private static RuleViolationException invalid(String detail) {
        return new RuleViolationException(INVALID, detail);
    }
}
