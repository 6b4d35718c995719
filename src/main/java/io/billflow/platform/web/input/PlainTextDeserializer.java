package io.billflow.platform.web.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import jakarta.validation.constraints.Size;

/**
 * Every JSON string a client sends passes {@link PlainText}: one-line unless the property is
 * {@link MultiLine}, at most the property's {@code @Size(max)} or the default limit. Reading itself is
 * Jackson's own (with the strict coercion rules of {@link StrictJsonConfiguration}).
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private final boolean multiLine;
    private final int max;

    /**
     * Without a property (a string inside an untyped {@code Map<String, Object>}, e.g. process variables,
     * or a bare string document) there is no declaration to read: multi-line rules and their limit.
     */
    PlainTextDeserializer() {
        this(true, PlainText.DEFAULT_MULTI_LINE_MAX);
    }

    private PlainTextDeserializer(boolean multiLine, int max) {
        super(String.class);
        this.multiLine = multiLine;
        this.max = max;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property == null) {
            return this;
        }
        boolean multi = property.getAnnotation(MultiLine.class) != null;
        int limit = multi ? PlainText.DEFAULT_MULTI_LINE_MAX : PlainText.DEFAULT_MAX;
        Size size = property.getAnnotation(Size.class);
        // @Size on a list counts its elements, not the characters of each. Where @Size speaks, Bean
        // Validation reports the length together with every other field; this is only the backstop.
        if (size != null && property.getType().hasRawClass(String.class)) {
            limit = Math.max(size.max(), PlainText.DEFAULT_MULTI_LINE_MAX);
        }
        return limit == max && multi == multiLine ? this : new PlainTextDeserializer(multi, limit);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        var refused = PlainText.problem(value, multiLine, max);
        if (refused.isPresent()) {
            throw new PlainTextViolation(p, refused.get());
        }
        return value;
    }

    @Override
    public boolean isCachable() {
        return false;
    }
}
