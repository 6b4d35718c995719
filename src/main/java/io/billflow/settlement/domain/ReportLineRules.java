package io.billflow.settlement.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.billflow.platform.web.FieldViolation;

/**
 * Checks every line of a monthly report and, when all are right, computes the report totals. Every problem
 * is named by its JSON path ({@code lines[3].vat}, 0-based like the request), and CSV rows add their row
 * number, so one answer lists everything to fix.
 */
public final class ReportLineRules {

    public static final int MAX_LINES = 1000;
    public static final int MAX_ITEM_LENGTH = 100;
    /**
     * 999,999,999,999 won: a KFTC transfer carries at most 12 digits (오픈뱅킹 {@code tran_amt} N12), so no
     * line and no report may exceed what one payout can carry.
     */
    public static final long MAX_AMOUNT = 999_999_999_999L;

    /** A valid report: its lines (media spelled as the group spells them) and totals. */
    public record Checked(List<ReportLine> lines, long supplyTotal, long vatTotal, long total) {
    }

    /** Either {@code checked} (no violations) or the violations (nothing checked). */
    public record Outcome(Checked checked, List<FieldViolation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private ReportLineRules() {
    }

    public static Outcome check(List<ReportLineInput> inputs, SettlementGroup group, VatRule vatRule) {
        List<FieldViolation> violations = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            violations.add(FieldViolation.of("lines", "a report needs at least one line"));
            return new Outcome(null, violations);
        }
        if (inputs.size() > MAX_LINES) {
            violations.add(FieldViolation.of("lines", "a report has at most " + MAX_LINES + " lines, this one "
                    + inputs.size()));
            return new Outcome(null, violations);
        }
        List<ReportLine> lines = new ArrayList<>(inputs.size());
        Map<String, Integer> firstIndexOfLine = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ReportLineInput input = inputs.get(i);
            LineCheck line = new LineCheck(i, input, violations);
            String media = line.media(group);
            String item = line.item();
            boolean adjustment = Boolean.TRUE.equals(input.adjustment());
            if (line.amountsPresent()) {
                line.checkAmounts(adjustment, vatRule);
            }
            if (media != null && item != null) {
                String key = SettlementGroup.normalize(media) + "\u0000" + item.toLowerCase(Locale.ROOT) + "\u0000" + adjustment;
                Integer first = firstIndexOfLine.putIfAbsent(key, i);
                if (first != null) {
                    violations.add(line.violation("item", "repeats lines[" + first + "] (same media and item); "
                            + "a medium appears once per item, add its amounts up", item));
                }
            }
            if (violations.isEmpty()) {
                lines.add(new ReportLine(media, item, input.supplyAmount(), input.vat(), input.total(), adjustment));
            }
        }
        if (!violations.isEmpty()) {
            return new Outcome(null, violations);
        }
        long supply = 0;
        long vat = 0;
        for (ReportLine line : lines) {
            supply = Math.addExact(supply, line.supplyAmount());
            vat = Math.addExact(vat, line.vat());
        }
        long total = Math.addExact(supply, vat);
        if (total <= 0) {
            violations.add(new FieldViolation("lines", "the report comes to " + total + " won; it must come to more "
                    + "than 0 won, otherwise there is nothing to invoice or pay", total));
        } else if (total > MAX_AMOUNT) {
            violations.add(new FieldViolation("lines", "the report comes to " + total + " won, more than one payout "
                    + "can carry (" + MAX_AMOUNT + ")", total));
        }
        return violations.isEmpty() ? new Outcome(new Checked(List.copyOf(lines), supply, vat, total), List.of())
                : new Outcome(null, violations);
    }

    /** The checks of one line; each problem is added to the shared list. */
    private static final class LineCheck {
        private final int index;
        private final ReportLineInput input;
        private final List<FieldViolation> violations;

        LineCheck(int index, ReportLineInput input, List<FieldViolation> violations) {
            this.index = index;
            this.input = input;
            this.violations = violations;
        }

        String media(SettlementGroup group) {
            if (blank(input.media())) {
                violations.add(violation("media", "is required", null));
                return null;
            }
            return group.medium(input.media()).orElseGet(() -> {
                violations.add(violation("media", "is not a medium of settlement group '" + group.name() + "' ("
                        + String.join(", ", group.media()) + ")", input.media()));
                return null;
            });
        }

        String item() {
            if (blank(input.item())) {
                violations.add(violation("item", "is required (e.g. \"2026년 10월 정산\")", null));
                return null;
            }
            String item = input.item().strip();
            if (item.length() > MAX_ITEM_LENGTH) {
                violations.add(violation("item", "must be at most " + MAX_ITEM_LENGTH + " characters", null));
                return null;
            }
            return item;
        }

        boolean amountsPresent() {
            boolean present = true;
            if (input.supplyAmount() == null) {
                violations.add(violation("supplyAmount", "is required (won)", null));
                present = false;
            }
            if (input.vat() == null) {
                violations.add(violation("vat", "is required (won; 0 when no VAT applies)", null));
                present = false;
            }
            if (input.total() == null) {
                violations.add(violation("total", "is required (won)", null));
                present = false;
            }
            return present;
        }

        void checkAmounts(boolean adjustment, VatRule vatRule) {
            long supply = input.supplyAmount();
            long vat = input.vat();
            long total = input.total();
            boolean inRange = true;
            for (String field : List.of("supplyAmount", "vat", "total")) {
                long amount = switch (field) {
                    case "supplyAmount" -> supply;
                    case "vat" -> vat;
                    default -> total;
                };
                if (Math.abs(amount) > MAX_AMOUNT) {
                    violations.add(violation(field, "must be at most " + MAX_AMOUNT + " won in size", amount));
                    inRange = false;
                } else if (amount < 0 && !adjustment) {
                    violations.add(violation(field, "must not be negative; a deduction is a line with "
                            + "\"adjustment\": true", amount));
                    inRange = false;
                }
            }
            if (!inRange) {
                return;
            }
            if (adjustment && supply == 0) {
                violations.add(violation("supplyAmount", "an adjustment of 0 won changes nothing; leave the line out",
                        supply));
                return;
            }
            long expectedVat = vatRule.vatOf(supply);
            if (vat != expectedVat) {
                violations.add(violation("vat", vatRule == VatRule.NONE
                        ? "must be 0: the partner is an individual (no VAT; income tax is withheld at payout)"
                        : "must be 10% of supplyAmount, truncated below 1 won: " + expectedVat, vat));
            }
            if (total != supply + vat) {
                violations.add(violation("total", "must be supplyAmount + vat = " + (supply + vat), total));
            }
        }

        FieldViolation violation(String field, String message, Object rejected) {
            String where = input.csvRow() == null ? "" : " (CSV row " + input.csvRow() + ")";
            return new FieldViolation("lines[" + index + "]." + field, message + where, rejected);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
