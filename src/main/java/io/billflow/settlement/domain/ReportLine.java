package io.billflow.settlement.domain;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of a monthly report: what one medium earned (or, for an adjustment, what is added or deducted).
 * {@code media} is the group's own spelling of the medium.
 */
@Table("settlement_report_line")
public record ReportLine(String media, String item, long supplyAmount, long vat, long total, boolean adjustment) {
}
