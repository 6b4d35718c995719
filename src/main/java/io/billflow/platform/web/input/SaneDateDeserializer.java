package io.billflow.platform.web.input;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/** ISO dates as Jackson reads them, refused outside {@link SaneDates}. */
final class SaneDateDeserializer extends StdScalarDeserializer<LocalDate> {

    SaneDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
            throw new PlainTextViolation(p, "must be a date as text (yyyy-MM-dd)");
        }
        LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        var refused = SaneDates.problem(date);
        if (refused.isPresent()) {
            throw new PlainTextViolation(p, refused.get());
        }
        return date;
    }
}
