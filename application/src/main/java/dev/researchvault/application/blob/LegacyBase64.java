package dev.researchvault.application.blob;

import dev.researchvault.domain.RuleViolationException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes file bytes stored in the legacy form: plain base64 or a {@code data:<mime>;base64,} URL, with any
 * whitespace (line breaks from old clients) ignored. Also for serving a message not migrated yet.
 */
public final class LegacyBase64 {

    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]*)(?:;[^,]*)?;base64,", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private LegacyBase64() {
    }

    /** Bytes decoded from base64, and the media type when a data URL named one. */
    public record Decoded(byte[] bytes, Optional<String> mime) {
    }

    /**
     * @throws RuleViolationException ({@code blob.invalid-legacy-data}) when the text is not base64
     */
    public static Decoded decode(String text) {
        String payload = text;
        Optional<String> mime = Optional.empty();
        Matcher dataUrl = DATA_URL.matcher(text);
        if (dataUrl.lookingAt()) {
            payload = text.substring(dataUrl.end());
            mime = Optional.of(dataUrl.group(1)).filter(type -> !type.isBlank());
        }
        try {
            return new Decoded(Base64.getDecoder().decode(WHITESPACE.matcher(payload).replaceAll("")), mime);
        } catch (IllegalArgumentException notBase64) {
            throw new RuleViolationException("blob.invalid-legacy-data", "a stored file is not valid base64");
        }
    }

    /**
     * The media type of a legacy thumbnail, which was stored without one: from its data URL, else from its
     * first bytes (PNG, JPEG, GIF, WebP), else {@code application/octet-stream}.
     */
    public static String thumbnailMime(Decoded thumbnail) {
        return thumbnail.mime().orElseGet(() -> sniffImage(thumbnail.bytes()));
    }

    private static String sniffImage(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
