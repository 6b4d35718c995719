package io.billflow.invoice.bulk;

import java.util.List;

import io.billflow.invoice.api.InvoiceContent;

/** The rows of one invoice in a bulk file and what they parse to (null content when they do not). */
public record BulkInvoice(String mgtKey, List<BulkRow> rows, InvoiceContent content, List<BulkError> errors) {

    public int firstRow() {
        return rows.get(0).rowNumber();
    }

    public boolean parsed() {
        return content != null && errors.isEmpty();
    }
}
