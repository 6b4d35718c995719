package io.billflow.invoice.bulk;

/** ALL_OR_NOTHING writes nothing unless every row is valid; ACCEPT_VALID writes the valid invoices and reports the rest. */
public enum BulkMode {
    ALL_OR_NOTHING,
    ACCEPT_VALID
}
