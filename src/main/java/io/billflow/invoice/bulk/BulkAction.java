package io.billflow.invoice.bulk;

/** What to do with each valid invoice: save it as a draft (100) or register and request it (200). */
public enum BulkAction {
    DRAFT,
    REQUEST
}
