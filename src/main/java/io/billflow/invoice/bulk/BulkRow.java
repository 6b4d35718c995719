package io.billflow.invoice.bulk;

import java.util.Map;

/** One data row of a bulk file: its 1-based row number in the file (the header is row 1) and its cells. */
public record BulkRow(int rowNumber, Map<String, String> cells) {

    public String get(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
