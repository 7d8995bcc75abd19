package dev.researchvault.bootstrap;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.jackson.JacksonJsonMapper;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;

/**
 * The JSON mapper, built after raising Jackson's longest accepted string. Jackson refuses strings above 20
 * million chars by default, but a message file of 25 MiB is ~35 million chars of base64 in a JSON upload.
 * The request size limit ({@code micronaut.server.max-request-size}) still bounds every body; this only stops
 * Jackson from refusing a legal one. Micronaut Serde has no setting for it, and the constraint is read when
 * the mapper's factory is built, hence this replacement.
 */
@Factory
public class JsonWiring {

    /** Above the 40 MiB request limit, so the request limit is what decides. */
    static final int MAX_JSON_STRING_CHARS = 48 * 1024 * 1024;

    @Singleton
    @Primary
    @Replaces(JacksonJsonMapper.class)
    JacksonJsonMapper jsonMapper(SerdeRegistry registry, SerdeConfiguration serde, SerdeJacksonConfiguration jackson) {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_JSON_STRING_CHARS).build());
        return new JacksonJsonMapper(registry, serde, jackson);
    }
}
