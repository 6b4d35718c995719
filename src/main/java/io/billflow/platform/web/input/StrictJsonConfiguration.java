package io.billflow.platform.web.input;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read strictly (ADR 0004): {@link PlainText} for every string, dates within
 * {@link SaneDates}, no trailing bytes after the document, no duplicate keys, {@code 1.5} is no id,
 * a number or boolean is no text, a number is no enum or boolean. Only Spring MVC's request/response
 * converter gets this mapper; the application's own {@code ObjectMapper} (stored JSON, HTTP clients
 * of the simulated services) is left as it is, so data billflow wrote itself is never refused.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter jackson
                    && jackson.getClass() == MappingJackson2HttpMessageConverter.class) {
                MappingJackson2HttpMessageConverter strict = new MappingJackson2HttpMessageConverter(
                        strict(jackson.getObjectMapper()));
                strict.setSupportedMediaTypes(jackson.getSupportedMediaTypes());
                converters.set(i, strict);
            }
        }
    }

    /** A copy of {@code lenient} that reads client input as ADR 0004 describes. */
    public static ObjectMapper strict(ObjectMapper lenient) {
        ObjectMapper mapper = lenient.copy();
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule plainText = new SimpleModule("billflow-plain-text");
        plainText.addDeserializer(String.class, new PlainTextDeserializer());
        plainText.addDeserializer(LocalDate.class, new SaneDateDeserializer());
        mapper.registerModule(plainText);
        return mapper;
    }
}
