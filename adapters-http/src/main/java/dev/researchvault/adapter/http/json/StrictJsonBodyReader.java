package dev.researchvault.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.TSFBuilder;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.jackson.core.parser.JacksonCoreParserFactory;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.JacksonDecoder;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Reads every JSON request body strictly, in one pass: exactly one JSON value (trailing content is refused) and no
 * one-element array taken for a single value ({@link SingleValueDecoder}). Both refusals are a
 * {@link LenientJsonException} inside the {@link CodecException} the framework answers 400 to, like any unreadable
 * body.
 *
 * <p>Why a reader of our own: Micronaut Serde 2.16 has no setting for either (its Jackson decoder unwraps arrays
 * unconditionally, and its mapper stops after the first value), and its mapper is final and keeps its parser to
 * itself. So this reader does what that mapper's {@code readValue} does (the same registry, limits and Jackson
 * features) with its own parser, which it can then ask for the next token. It is ordered before Micronaut's JSON
 * handler ({@code NettyJsonHandler}, order -10), which still writes every JSON response and reads the raw types this
 * one leaves to it (text, bytes, streams). No reflection: the deserializers are Serde's compile-time ones.
 */
@Singleton
@Order(-20)
@JsonMessageHandler.ConsumesJson
final class StrictJsonBodyReader<T> implements MessageBodyReader<T> {

    private final Deserializer.DecoderContext context;
    private final LimitingStream.RemainingLimits limits;
    private final JsonFactory factory;
    private final Map<JsonParser.Feature, Boolean> parserFeatures;

    StrictJsonBodyReader(SerdeRegistry registry, SerdeConfiguration serde, SerdeJacksonConfiguration jackson) {
        // Views are off (micronaut.serde.json-view-enabled), so Serde's mapper always decodes with this context.
        this.context = registry.newDecoderContext(Object.class);
        this.limits = LimitingStream.limitsFromConfiguration(serde);
        this.factory = readingFactory(jackson);
        this.parserFeatures = jackson.getParserFeatures();
    }

    /** The Jackson features Serde's mapper reads with (micronaut.serde.jackson.*), so both parse alike. */
    private static JsonFactory readingFactory(SerdeJacksonConfiguration jackson) {
        TSFBuilder<?, ?> builder = JsonFactory.builder();
        jackson.getFactoryFeatures().forEach(builder::configure);
        jackson.getReadFeatures().forEach(builder::configure);
        return builder.build();
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON)
                && !isRaw(type.getType());
    }

    /** Bodies bound as they arrive, not as JSON: Micronaut's own readers take them, as they always did. */
    private static boolean isRaw(Class<?> type) {
        return CharSequence.class.isAssignableFrom(type) || type == byte[].class
                || InputStream.class.isAssignableFrom(type) || ByteBuffer.class.isAssignableFrom(type)
                || java.nio.ByteBuffer.class.isAssignableFrom(type) || ByteBody.class.isAssignableFrom(type)
                || Publisher.class.isAssignableFrom(type);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        T value;
        try (JsonParser parser = JacksonCoreParserFactory.createJsonParser(factory, body)) {
            value = read(parser, type);
        } catch (IOException unreadable) {
            throw unreadable(type, unreadable);
        }
        // As Micronaut's JSON handler does: the buffer is released once read, and left to the framework on failure.
        if (body instanceof ReferenceCounted counted) {
            counted.release();
        }
        return value;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        try (JsonParser parser = factory.createParser(body)) {
            return read(parser, type);
        } catch (IOException unreadable) {
            throw unreadable(type, unreadable);
        }
    }

    private T read(JsonParser parser, Argument<T> type) throws IOException {
        parserFeatures.forEach(parser::configure);
        try {
            Deserializer<? extends T> deserializer = context.findDeserializer(type).createSpecific(context, type);
            T value = deserializer.deserializeNullable(
                    new SingleValueDecoder(JacksonDecoder.create(parser, limits), parser), context, type);
            requireEnd(parser);
            return value;
        } catch (JsonParseException syntax) {
            throw new JsonSyntaxException(syntax);
        }
    }

    /** Refuses anything but whitespace after the value, be it another value or text that is not JSON at all. */
    private static void requireEnd(JsonParser parser) throws LenientJsonException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (IOException notJson) {
            more = true;
        }
        if (more) {
            throw LenientJsonException.trailingContent();
        }
    }

    /** The exception Micronaut's JSON handler raises for a body it cannot read (a 400). */
    private static CodecException unreadable(Argument<?> type, IOException cause) {
        return new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + cause.getMessage(),
                cause);
    }
}
