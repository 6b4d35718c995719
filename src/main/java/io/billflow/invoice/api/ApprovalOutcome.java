package io.billflow.invoice.api;

/** What became of one invoice of a batch approval: issued with its approval number, or why not. */
public record ApprovalOutcome(long invoiceId, boolean issued, String approvalNumber, String problem) {
}
