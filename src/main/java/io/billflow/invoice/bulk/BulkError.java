package io.billflow.invoice.bulk;

/** A rejected cell or row: the file's row number (header = 1), the column, and what is wrong. */
public record BulkError(int row, String column, String message) {
}
