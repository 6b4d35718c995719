package io.billflow.settlement.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.billflow.partner.api.PartnerType;
import io.billflow.partner.demo.PartnerDemoData;
import io.billflow.settlement.application.PayoutAccountInput;
import io.billflow.settlement.application.SettlementGroupService;
import io.billflow.settlement.application.SettlementReportService;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.GroupData;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.ReportLineInput;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.SettlementReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local profile only: a month's settlement to walk through as a settlement manager (README "Try the month on the
 * embedded default"). Everything goes through the same use cases the API calls — partners registered and linked
 * to NTS, groups with their payout accounts sealed under the KEK, reports imported and checked line by line —
 * so the demo exercises the product, not a back door. The four partners match the bank SIMULATOR's demo accounts
 * ({@code billflow.simulator.bank.accounts}) and show the four paths: a business with two groups, a business above
 * the four-eyes threshold, an individual with withholding, and an individual whose account the bank has closed.
 * <p>
 * Idempotent: a partner is found by its contact e-mail, a group by its name, a report by its month; running it
 * again next month adds only that month's reports.
 */
@Component
@Profile("local")
class SettlementDemoData {

    /** The platform operator: the buyer on every settlement invoice unless {@code buyer-corp-num} names another. */
    static final String OPERATOR_CORP_NUM = "1248100998";

    record DemoLine(String media, long supplyAmount, long vat, boolean adjustment, String item) {
        static DemoLine of(String media, long supplyAmount, long vat) {
            return new DemoLine(media, supplyAmount, vat, false, null);
        }
    }

    record DemoGroup(String name, List<String> media, List<DemoLine> lines) {
    }

    record DemoPartner(PartnerType type, String corpNum, String name, String ceo, String address, String bizType,
                       String bizClass, GroupContact contact, String bankCode, String accountNumber, String holder,
                       List<DemoGroup> groups) {
    }

    static final List<DemoPartner> PARTNERS = List.of(
            new DemoPartner(PartnerType.BUSINESS, "2148133579", "주식회사 한빛콘텐츠", "이한빛", "서울특별시 서초구 강남대로 465",
                    "정보통신업", "콘텐츠 제작", new GroupContact("김정산", "settle@hanbit-contents.example", "010-2345-6789"),
                    "090", "3333-01-1234567", "주식회사 한빛콘텐츠", List.of(
                    new DemoGroup("카카오웹툰 배너", List.of("카카오웹툰 메인배너", "카카오웹툰 작품홈"), List.of(
                            DemoLine.of("카카오웹툰 메인배너", 3_200_000, 320_000),
                            DemoLine.of("카카오웹툰 작품홈", 1_850_000, 185_000),
                            new DemoLine("카카오웹툰 메인배너", -50_000, -5_000, true, "전월 과다청구 차감"))),
                    new DemoGroup("다음 뉴스 제휴", List.of("다음뉴스"), List.of(
                            DemoLine.of("다음뉴스", 780_000, 78_000))))),
            new DemoPartner(PartnerType.BUSINESS, "1208133575", "(주)다온미디어", "박다온", "서울특별시 강남구 테헤란로 152",
                    "정보통신업", "광고대행", new GroupContact("최다온", "billing@daon-media.example", "010-3456-7891"),
                    "088", "110-432-987654", "(주)다온미디어", List.of(
                    new DemoGroup("다음 검색광고", List.of("다음 검색광고", "카카오 비즈보드"), List.of(
                            DemoLine.of("다음 검색광고", 8_500_000, 850_000),
                            DemoLine.of("카카오 비즈보드", 2_600_000, 260_000))))),
            new DemoPartner(PartnerType.INDIVIDUAL, null, "홍길동", null, null, null, null,
                    new GroupContact("홍길동", "gildong.writer@example.com", "010-4567-8912"),
                    "004", "123401-04-567890", "홍길동", List.of(
                    new DemoGroup("웹소설 원고료", List.of("카카오페이지 웹소설"), List.of(
                            DemoLine.of("카카오페이지 웹소설", 1_234_567, 0))))),
            new DemoPartner(PartnerType.INDIVIDUAL, null, "김해지", null, null, null, null,
                    new GroupContact("김해지", "haeji.artist@example.com", "010-5678-9123"),
                    "020", "1002-345-678901", "김해지", List.of(
                    new DemoGroup("웹툰 원고료", List.of("카카오웹툰 연재"), List.of(
                            DemoLine.of("카카오웹툰 연재", 2_000_000, 0))))));

    /** What the demo holds after a run: one row per report, ids to use in the README's commands. */
    public record DemoReport(long partnerId, String partnerName, String corpNum, long groupId, String groupName,
                             long reportId, String month, String status, long totalAmount, String verificationMobile) {
    }

    public record Seeded(long buyerCompanyId, String month, List<DemoReport> reports) {
    }

    private final PartnerDemoData partners;
    private final SettlementGroupService groups;
    private final SettlementReportService reports;
    private final Clock clock;
    private final String configuredBuyer;

    public SettlementDemoData(PartnerDemoData partners, SettlementGroupService groups,
                              SettlementReportService reports, Clock clock,
                              @Value("${billflow.settlement.buyer-corp-num:}") String configuredBuyer) {
        this.partners = partners;
        this.groups = groups;
        this.reports = reports;
        this.clock = clock;
        this.configuredBuyer = configuredBuyer == null ? "" : configuredBuyer.replace("-", "").strip();
    }

    /** All or nothing: a refused line or account leaves no half-made demo behind. */
    @Transactional
    public Seeded seed(String actor) {
        long buyer = buyerCompany();
        YearMonth month = demoMonth(LocalDate.now(clock));
        List<DemoReport> seeded = new ArrayList<>();
        for (DemoPartner demo : PARTNERS) {
            long partnerId = partner(demo, actor);
            for (DemoGroup demoGroup : demo.groups()) {
                SettlementGroup group = group(partnerId, demo, demoGroup, actor);
                SettlementReport report = report(group, demoGroup, month, actor);
                seeded.add(new DemoReport(partnerId, demo.name(), demo.corpNum(), group.id(), group.name(), report.id(),
                        month.toString(), report.status().name(), report.totalAmount(),
                        Masking.mobile(group.verificationMobile())));
            }
        }
        return new Seeded(buyer, month.toString(), seeded);
    }

    /**
     * The latest month whose settlement deadline (the 10th of the following month at the latest) is still ahead
     * with days to spare: last month early in a month, else the month in progress — so the partner's form is there.
     */
    static YearMonth demoMonth(LocalDate today) {
        return today.getDayOfMonth() <= 5 ? YearMonth.from(today).minusMonths(1) : YearMonth.from(today);
    }

    private long buyerCompany() {
        return partners.buyerCompany(configuredBuyer.isEmpty() ? OPERATOR_CORP_NUM : configuredBuyer);
    }

    private long partner(DemoPartner demo, String actor) {
        GroupContact contact = demo.contact();
        return partners.partner(new PartnerDemoData.DemoPartner(demo.type(), demo.corpNum(), demo.name(), demo.ceo(),
                demo.address(), demo.bizType(), demo.bizClass(), contact.name(), contact.email(), contact.mobile()),
                actor);
    }

    private SettlementGroup group(long partnerId, DemoPartner demo, DemoGroup demoGroup, String actor) {
        return groups.list(partnerId, null).stream().filter(g -> g.name().equals(demoGroup.name())).findFirst()
                .orElseGet(() -> groups.create(partnerId,
                        new GroupData(demoGroup.name(), demoGroup.media(), List.of(demo.contact()),
                                SettlementGroup.LATEST_DEADLINE_DAY),
                        demo.contact().mobile(), new PayoutAccountInput(demo.bankCode(), demo.accountNumber(),
                                demo.holder()), actor));
    }

    private SettlementReport report(SettlementGroup group, DemoGroup demoGroup, YearMonth month, String actor) {
        List<SettlementReport> existing = reports.ofGroup(group.id()).stream()
                .filter(r -> r.month().equals(month)).toList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String item = "%d년 %d월 정산".formatted(month.getYear(), month.getMonthValue());
        List<ReportLineInput> lines = demoGroup.lines().stream().map(line -> new ReportLineInput(line.media(),
                line.item() == null ? item : line.item(), line.supplyAmount(), line.vat(),
                line.supplyAmount() + line.vat(), line.adjustment(), null)).toList();
        return reports.importLines(group.id(), month, lines, "DEMO", actor).report();
    }
}
