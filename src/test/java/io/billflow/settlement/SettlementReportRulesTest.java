package io.billflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.billflow.platform.web.FieldViolation;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.GroupData;
import io.billflow.settlement.domain.ReportLine;
import io.billflow.settlement.domain.ReportLineInput;
import io.billflow.settlement.domain.ReportLineRules;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.VatRule;
import org.junit.jupiter.api.Test;

/** Every rule a report line must meet, one failing case each, and the totals invariant. Plain JUnit. */
class SettlementReportRulesTest {

    static final SettlementGroup GROUP = SettlementGroup.create(1, new GroupData("상생RS>뉴스>다음스포츠 외",
                    List.of("다음스포츠", "다음연예", "다음뉴스", "1boon"), List.of(new GroupContact("박정산", "p@x.kr", null)), 10),
            "010-1234-5678", "test", Instant.parse("2026-10-01T00:00:00Z"));
    static final VatRule BUSINESS = VatRule.TEN_PERCENT_TRUNCATED;

    static ReportLineInput line(String media, long supply, long vat, long total) {
        return new ReportLineInput(media, "2026년 10월 정산", supply, vat, total, false, null);
    }

    static ReportLineInput adjustment(String media, long supply, long vat, long total) {
        return new ReportLineInput(media, "10월 정산 조정", supply, vat, total, true, null);
    }

    static List<FieldViolation> violations(VatRule rule, ReportLineInput... lines) {
        return ReportLineRules.check(List.of(lines), GROUP, rule).violations();
    }

    static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }

    @Test
    void theSeedsReportIsValidAndItsTotalsAreTheSumsOfItsLines() {
        ReportLineRules.Outcome outcome = ReportLineRules.check(List.of(line("다음스포츠", 200_000, 20_000, 220_000),
                line("다음연예", 4_780_000, 478_000, 5_258_000), line("다음뉴스", 4_940_000, 494_000, 5_434_000)), GROUP, BUSINESS);

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.checked().supplyTotal()).isEqualTo(9_920_000);
        assertThat(outcome.checked().vatTotal()).isEqualTo(992_000);
        assertThat(outcome.checked().total()).isEqualTo(10_912_000);
    }

    @Test
    void anEmptyReportIsRefused() {
        assertThat(fields(ReportLineRules.check(List.of(), GROUP, BUSINESS).violations())).containsExactly("lines");
        assertThat(fields(ReportLineRules.check(null, GROUP, BUSINESS).violations())).containsExactly("lines");
    }

    @Test
    void moreThanTheLineLimitIsRefused() {
        List<ReportLineInput> many = Collections.nCopies(ReportLineRules.MAX_LINES + 1, line("다음스포츠", 10, 1, 11));
        assertThat(fields(ReportLineRules.check(many, GROUP, BUSINESS).violations())).containsExactly("lines");
    }

    @Test
    void theMediumMustBeOneOfTheGroupsAndIsStoredInTheGroupsSpelling() {
        assertThat(violations(BUSINESS, line("카카오페이지", 100, 10, 110)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines[0].media");
                    assertThat(v.message()).contains("다음스포츠", "1boon");
                    assertThat(v.rejectedValue()).isEqualTo("카카오페이지");
                });
        assertThat(fields(violations(BUSINESS, line(" ", 100, 10, 110)))).containsExactly("lines[0].media");

        ReportLineRules.Outcome outcome = ReportLineRules.check(List.of(line(" 1BOON ", 100, 10, 110)), GROUP, BUSINESS);
        assertThat(outcome.checked().lines()).extracting(ReportLine::media).containsExactly("1boon");
    }

    @Test
    void theItemIsRequiredAndShort() {
        assertThat(fields(violations(BUSINESS, new ReportLineInput("다음뉴스", null, 100L, 10L, 110L, false, null))))
                .containsExactly("lines[0].item");
        assertThat(fields(violations(BUSINESS, new ReportLineInput("다음뉴스", "가".repeat(101), 100L, 10L, 110L, false, null))))
                .containsExactly("lines[0].item");
    }

    @Test
    void everyAmountIsRequired() {
        assertThat(fields(violations(BUSINESS, new ReportLineInput("다음뉴스", "정산", null, null, null, false, null))))
                .containsExactly("lines[0].supplyAmount", "lines[0].vat", "lines[0].total");
    }

    @Test
    void vatIsTenPercentTruncatedBelowOneWon() {
        assertThat(ReportLineRules.check(List.of(line("다음뉴스", 10_009, 1_000, 11_009)), GROUP, BUSINESS).valid()).isTrue();
        assertThat(violations(BUSINESS, line("다음뉴스", 10_009, 1_001, 11_010))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("lines[0].vat");
            assertThat(v.message()).contains("truncated", "1000");
        });
    }

    @Test
    void theTotalIsSupplyPlusVat() {
        assertThat(violations(BUSINESS, line("다음뉴스", 100_000, 10_000, 100_000))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("lines[0].total");
            assertThat(v.message()).contains("110000");
        });
    }

    @Test
    void individualsAreChargedNoVat() {
        assertThat(fields(violations(VatRule.NONE, line("다음뉴스", 100_000, 10_000, 110_000))))
                .containsExactly("lines[0].vat");
        assertThat(ReportLineRules.check(List.of(line("다음뉴스", 100_000, 0, 100_000)), GROUP, VatRule.NONE).valid()).isTrue();
    }

    @Test
    void onlyAdjustmentsMayBeNegative() {
        assertThat(fields(violations(BUSINESS, line("다음뉴스", -1_000, -100, -1_100))))
                .containsExactly("lines[0].supplyAmount", "lines[0].vat", "lines[0].total");

        ReportLineRules.Outcome outcome = ReportLineRules.check(List.of(line("다음뉴스", 100_000, 10_000, 110_000),
                adjustment("다음뉴스", -1_005, -100, -1_105)), GROUP, BUSINESS);
        assertThat(outcome.valid()).as("VAT of a deduction truncates toward zero, mirroring a positive line").isTrue();
        assertThat(outcome.checked().total()).isEqualTo(108_895);
    }

    @Test
    void anAdjustmentOfNothingIsRefused() {
        assertThat(fields(violations(BUSINESS, line("다음뉴스", 100, 10, 110), adjustment("다음뉴스", 0, 0, 0))))
                .containsExactly("lines[1].supplyAmount");
    }

    @Test
    void aMediumAppearsOncePerItem() {
        assertThat(violations(BUSINESS, line("다음뉴스", 100, 10, 110), line("다음스포츠", 100, 10, 110),
                line("다음뉴스 ", 200, 20, 220))).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines[2].item");
                    assertThat(v.message()).contains("lines[0]");
                });
        assertThat(ReportLineRules.check(List.of(line("다음뉴스", 100, 10, 110), adjustment("다음뉴스", -50, -5, -55)),
                GROUP, BUSINESS).valid()).as("an adjustment of the same medium is another line").isTrue();
    }

    @Test
    void amountsStayWithinWhatOnePayoutCarries() {
        long tooMuch = ReportLineRules.MAX_AMOUNT + 1;
        assertThat(fields(violations(BUSINESS, line("다음뉴스", tooMuch, tooMuch / 10, tooMuch + tooMuch / 10))))
                .contains("lines[0].supplyAmount", "lines[0].total");
        long supply = 500_000_000_000L;
        assertThat(fields(violations(BUSINESS, line("다음뉴스", supply, supply / 10, supply + supply / 10),
                line("다음스포츠", supply, supply / 10, supply + supply / 10)))).containsExactly("lines");
    }

    @Test
    void aReportThatComesToNothingOrLessIsRefused() {
        assertThat(violations(BUSINESS, line("다음뉴스", 1_000, 100, 1_100), adjustment("다음스포츠", -2_000, -200, -2_200)))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("lines");
                    assertThat(v.message()).contains("-1100");
                });
        assertThat(fields(violations(BUSINESS, line("다음뉴스", 0, 0, 0)))).containsExactly("lines");
    }

    @Test
    void everyBadLineIsNamedAtOnceWithItsCsvRow() {
        List<FieldViolation> violations = violations(BUSINESS, line("다음뉴스", 100, 10, 110),
                new ReportLineInput("없는매체", "정산", 100L, 10L, 110L, false, 3),
                new ReportLineInput("다음연예", "정산", 100L, 11L, 111L, false, 4),
                new ReportLineInput("다음스포츠", "정산", 100L, 10L, 999L, false, 5));

        assertThat(fields(violations)).containsExactly("lines[1].media", "lines[2].vat", "lines[3].total");
        assertThat(violations.get(0).message()).endsWith("(CSV row 3)");
        assertThat(violations.get(2).message()).endsWith("(CSV row 5)");
    }

    /** Seeded, so a failure is reproducible: random valid reports (with deductions) keep totals = Σ lines. */
    @Test
    void totalsAreAlwaysTheSumsOfTheLines() {
        Random random = new Random(20261031L);
        List<String> media = GROUP.media();
        for (int report = 0; report < 2_000; report++) {
            VatRule rule = random.nextInt(4) == 0 ? VatRule.NONE : BUSINESS;
            List<ReportLineInput> lines = new ArrayList<>();
            int count = 1 + random.nextInt(media.size());
            long expectedSupply = 0;
            long expectedVat = 0;
            for (int i = 0; i < count; i++) {
                long supply = random.nextLong(1, 50_000_000_000L);
                lines.add(line(media.get(i), supply, rule.vatOf(supply), supply + rule.vatOf(supply)));
                expectedSupply += supply;
                expectedVat += rule.vatOf(supply);
                if (random.nextInt(3) == 0) {
                    long deduction = -random.nextLong(1, supply);
                    lines.add(adjustment(media.get(i), deduction, rule.vatOf(deduction), deduction + rule.vatOf(deduction)));
                    expectedSupply += deduction;
                    expectedVat += rule.vatOf(deduction);
                }
            }
            ReportLineRules.Outcome outcome = ReportLineRules.check(lines, GROUP, rule);

            assertThat(outcome.violations()).as("report %d", report).isEmpty();
            ReportLineRules.Checked checked = outcome.checked();
            assertThat(checked.supplyTotal()).isEqualTo(expectedSupply)
                    .isEqualTo(checked.lines().stream().mapToLong(ReportLine::supplyAmount).sum());
            assertThat(checked.vatTotal()).isEqualTo(expectedVat)
                    .isEqualTo(checked.lines().stream().mapToLong(ReportLine::vat).sum());
            assertThat(checked.total()).isEqualTo(checked.supplyTotal() + checked.vatTotal())
                    .isEqualTo(checked.lines().stream().mapToLong(ReportLine::total).sum());
        }
    }
}
