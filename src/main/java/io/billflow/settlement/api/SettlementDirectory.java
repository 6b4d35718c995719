package io.billflow.settlement.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** What other modules (and the settlement process) read of groups and monthly reports. */
public interface SettlementDirectory {

    Optional<GroupSnapshot> group(long groupId);

    Optional<ReportSnapshot> report(long reportId);

    Optional<ReportSnapshot> report(long groupId, YearMonth month);

    /** A settlement group: whom to tell (contacts) and by when the partner should act each month. */
    record GroupSnapshot(long id, long partnerId, String name, List<String> media, List<Contact> contacts,
                         int settlementDeadlineDay, boolean hasPayoutAccount) {
    }

    record Contact(String name, String email, String mobile) {
    }

    /**
     * A monthly report with its lines; the totals equal the sums of the lines.
     *
     * @param status   {@code DRAFT}, {@code IN_REVIEW}, {@code PUBLISHED} (more as the process grows)
     * @param vatRule  {@code TEN_PERCENT_TRUNCATED} for businesses, {@code NONE} for individuals
     * @param deadline the settlement deadline (the group's day in the following month, moved to a business day)
     */
    record ReportSnapshot(long id, long groupId, long partnerId, YearMonth month, String status, String vatRule,
                          long supplyTotal, long vatTotal, long totalAmount, int revision, LocalDate deadline,
                          List<Line> lines) {
    }

    record Line(String media, String item, long supplyAmount, long vat, long total, boolean adjustment) {
    }
}
