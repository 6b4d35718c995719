package io.billflow.platform.web;

/**
 * One rejected input field in a 400 problem detail.
 *
 * @param field   the JSON path of the field as the client sent it, e.g. {@code detailList[2].qty}
 * @param message what is wrong, in words an operator can act on
 * @param rejectedValue the value received, when it is safe to echo (never for secrets)
 */
public record FieldViolation(String field, String message, Object rejectedValue) {

    public static FieldViolation of(String field, String message) {
        return new FieldViolation(field, message, null);
    }
}
