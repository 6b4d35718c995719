package io.billflow.platform.web.input;

/** A request parameter, path variable or form field broke {@link PlainText} or {@link SaneDates}. */
public class InputRefusedException extends IllegalArgumentException {

    public InputRefusedException(String reason) {
        super(reason);
    }
}
