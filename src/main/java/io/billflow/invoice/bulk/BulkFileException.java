package io.billflow.invoice.bulk;

import java.util.List;

/** The file as a whole cannot be read (format, header, size); nothing is processed. */
public class BulkFileException extends RuntimeException {

    private final transient List<BulkError> errors;

    public BulkFileException(List<BulkError> errors) {
        super(errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public BulkFileException(String message) {
        this(List.of(new BulkError(0, "file", message)));
    }

    public List<BulkError> errors() {
        return errors;
    }
}
