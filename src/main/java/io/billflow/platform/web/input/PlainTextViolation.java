package io.billflow.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string that breaks {@link PlainText}; Jackson adds the field's path on its way out. */
public class PlainTextViolation extends MismatchedInputException {

    private final String reason;

    public PlainTextViolation(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
