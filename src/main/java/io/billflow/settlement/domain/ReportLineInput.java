package io.billflow.settlement.domain;

/**
 * A line as received (JSON or a CSV row), before any check: amounts may be missing.
 *
 * @param csvRow the 1-based row of the CSV file it came from (the header is row 1), or null for JSON
 */
public record ReportLineInput(String media, String item, Long supplyAmount, Long vat, Long total, Boolean adjustment,
                              Integer csvRow) {
}
