package dev.researchvault.adapter.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Serde {@link Decoder} that refuses a JSON array where a single value belongs. Micronaut Serde's Jackson decoder
 * (2.16) reads {@code ["quick"]} as {@code "quick"} for every scalar type, with no setting to turn that off. It reads
 * such an array as: the start, the one value, the end; so a scalar read that leaves the parser on
 * {@link JsonToken#END_ARRAY} was one of those, since a real single value never ends on an array's end. Everything
 * else (objects, arrays, arbitrary values and trees) is passed through, wrapped again so nested members are checked
 * too.
 */
record SingleValueDecoder(Decoder delegate, JsonParser parser) implements Decoder {

    private Decoder wrap(Decoder child) {
        return child == delegate ? this : new SingleValueDecoder(child, parser);
    }

    /** Answers {@code value} unless reading it consumed a whole array (the value and the array's end). */
    private <V> V single(V value) throws IOException {
        if (parser.currentToken() == JsonToken.END_ARRAY) {
            throw LenientJsonException.arrayForSingleValue();
        }
        return value;
    }

    @Override
    public Decoder decodeArray(Argument<?> type) throws IOException {
        return wrap(delegate.decodeArray(type));
    }

    @Override
    public Decoder decodeArray() throws IOException {
        return wrap(delegate.decodeArray());
    }

    @Override
    public boolean hasNextArrayValue() throws IOException {
        return delegate.hasNextArrayValue();
    }

    @Override
    public Decoder decodeObject(Argument<?> type) throws IOException {
        return wrap(delegate.decodeObject(type));
    }

    @Override
    public Decoder decodeObject() throws IOException {
        return wrap(delegate.decodeObject());
    }

    @Override
    public String decodeKey() throws IOException {
        return delegate.decodeKey();
    }

    @Override
    public String decodeString() throws IOException {
        return single(delegate.decodeString());
    }

    @Override
    public String decodeStringNullable() throws IOException {
        return single(delegate.decodeStringNullable());
    }

    @Override
    public boolean decodeBoolean() throws IOException {
        return single(delegate.decodeBoolean());
    }

    @Override
    public Boolean decodeBooleanNullable() throws IOException {
        return single(delegate.decodeBooleanNullable());
    }

    @Override
    public byte decodeByte() throws IOException {
        return single(delegate.decodeByte());
    }

    @Override
    public Byte decodeByteNullable() throws IOException {
        return single(delegate.decodeByteNullable());
    }

    @Override
    public short decodeShort() throws IOException {
        return single(delegate.decodeShort());
    }

    @Override
    public Short decodeShortNullable() throws IOException {
        return single(delegate.decodeShortNullable());
    }

    @Override
    public char decodeChar() throws IOException {
        return single(delegate.decodeChar());
    }

    @Override
    public Character decodeCharNullable() throws IOException {
        return single(delegate.decodeCharNullable());
    }

    @Override
    public Number decodeNumber() throws IOException {
        return single(delegate.decodeNumber());
    }

    @Override
    public Number decodeNumberNullable() throws IOException {
        return single(delegate.decodeNumberNullable());
    }

    @Override
    public int decodeInt() throws IOException {
        return single(delegate.decodeInt());
    }

    @Override
    public Integer decodeIntNullable() throws IOException {
        return single(delegate.decodeIntNullable());
    }

    @Override
    public long decodeLong() throws IOException {
        return single(delegate.decodeLong());
    }

    @Override
    public Long decodeLongNullable() throws IOException {
        return single(delegate.decodeLongNullable());
    }

    @Override
    public float decodeFloat() throws IOException {
        return single(delegate.decodeFloat());
    }

    @Override
    public Float decodeFloatNullable() throws IOException {
        return single(delegate.decodeFloatNullable());
    }

    @Override
    public double decodeDouble() throws IOException {
        return single(delegate.decodeDouble());
    }

    @Override
    public Double decodeDoubleNullable() throws IOException {
        return single(delegate.decodeDoubleNullable());
    }

    @Override
    public BigInteger decodeBigInteger() throws IOException {
        return single(delegate.decodeBigInteger());
    }

    @Override
    public BigInteger decodeBigIntegerNullable() throws IOException {
        return single(delegate.decodeBigIntegerNullable());
    }

    @Override
    public BigDecimal decodeBigDecimal() throws IOException {
        return single(delegate.decodeBigDecimal());
    }

    @Override
    public BigDecimal decodeBigDecimalNullable() throws IOException {
        return single(delegate.decodeBigDecimalNullable());
    }

    // Binary may legitimately be written as an array of numbers, so it is passed through unchecked.
    @Override
    public byte[] decodeBinary() throws IOException {
        return delegate.decodeBinary();
    }

    @Override
    public byte[] decodeBinaryNullable() throws IOException {
        return delegate.decodeBinaryNullable();
    }

    @Override
    public boolean decodeNull() throws IOException {
        return delegate.decodeNull();
    }

    @Override
    public Object decodeArbitrary() throws IOException {
        return delegate.decodeArbitrary();
    }

    @Override
    public JsonNode decodeNode() throws IOException {
        return delegate.decodeNode();
    }

    // A buffered value is read from a tree, not from the parser, so the check above cannot see into it; none of our
    // request types needs buffering (no subtypes, no unwrapped members).
    @Override
    public Decoder decodeBuffer() throws IOException {
        return delegate.decodeBuffer();
    }

    @Override
    public void skipValue() throws IOException {
        delegate.skipValue();
    }

    @Override
    public void finishStructure() throws IOException {
        delegate.finishStructure();
    }

    @Override
    public void finishStructure(boolean consumeLeftElements) throws IOException {
        delegate.finishStructure(consumeLeftElements);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public IOException createDeserializationException(String message, Object invalidValue) {
        return delegate.createDeserializationException(message, invalidValue);
    }
}
