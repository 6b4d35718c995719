package io.billflow.platform.web;

import java.util.List;

/**
 * Business validation failed: answered with 400 and one {@link FieldViolation} per field.
 * Thrown before anything is written, so the caller can simply fix and resend.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("Invalid input: " + violations.stream().map(FieldViolation::field).toList());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(FieldViolation.of(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
