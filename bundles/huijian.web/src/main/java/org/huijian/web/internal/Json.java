package org.huijian.web.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** The JSON binding of the REST API: ISO dates, strict about unknown fields and wrong types. */
final class Json {
    private Json() {
    }

    static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Jetty sends a body it was not asked to flush in one write, with its Content-Length, when the
                // response completes; flushing after the value would send the headers and body, then an empty
                // chunk to end it: two TLS records and two system calls per answer instead of one.
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .build();
        // A number or a boolean where text is expected is a mistake, not something to convert.
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    static JacksonJsonProvider provider() {
        JacksonJsonProvider provider = new JacksonJsonProvider(mapper());
        // Let our exception mappers turn Jackson's errors into problem details.
        provider.disable(com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature.ADD_NO_SNIFF_HEADER);
        return provider;
    }
}
