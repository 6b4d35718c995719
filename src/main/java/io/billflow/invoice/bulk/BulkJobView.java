package io.billflow.invoice.bulk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk job's progress and result. {@code errors} holds at most the first 1,000 problems; the CSV
 * report has all of them.
 *
 * @param status QUEUED, RUNNING, COMPLETED (everything valid was written), REJECTED (all-or-nothing and
 *               some rows invalid: nothing written), FAILED (an unexpected error; see {@code failure})
 */
public record BulkJobView(UUID id, String status, BulkMode mode, BulkAction action, String fileName, Integer totalRows,
                          Integer totalInvoices, int processedInvoices, int acceptedInvoices, int rejectedInvoices,
                          int errorCount, List<BulkError> errors, List<Long> createdInvoiceIds, String failure,
                          String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                          Double rowsPerSecond) {
}
