package io.billflow.settlement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 정산그룹: the media of one partner that are settled on one tax invoice (Kakao Harmony: "1장의 세금계산서로
 * 정산하는 매체의 묶음"). A partner may have several. The group carries its contacts, the deadline by which
 * the partner should ask for reverse issuance each month, and the mobile that receives the one-time codes
 * confirming a payout account change. The payout account itself is stored apart, encrypted.
 */
@Table("settlement_group")
public class SettlementGroup {

    /**
     * The settlement deadline is a day of the month after the settlement month, at most the 10th: the tax
     * invoice for the month must be issued by the 10th of the next month (발급기한), later costs the partner
     * a 1% penalty.
     */
    public static final int DEFAULT_DEADLINE_DAY = 10;
    public static final int LATEST_DEADLINE_DAY = 10;

    @Id
    private Long id;
    @Version
    private Integer version;
    private long partnerId;
    private String name;
    private int settlementDeadlineDay;
    private String verificationMobile;
    @MappedCollection(idColumn = "group_id", keyColumn = "position")
    private List<GroupMedium> media = new ArrayList<>();
    @MappedCollection(idColumn = "group_id", keyColumn = "position")
    private List<GroupContact> contacts = new ArrayList<>();
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;

    protected SettlementGroup() {
    }

    public static SettlementGroup create(long partnerId, GroupData data, String verificationMobile, String actor,
                                         Instant now) {
        SettlementGroup group = new SettlementGroup();
        group.partnerId = partnerId;
        group.verificationMobile = verificationMobile;
        group.apply(data);
        group.createdAt = now;
        group.createdBy = actor;
        group.updatedAt = now;
        return group;
    }

    public void update(GroupData data, Instant now) {
        apply(data);
        updatedAt = now;
    }

    public void changeVerificationMobile(String mobile, Instant now) {
        verificationMobile = mobile;
        updatedAt = now;
    }

    private void apply(GroupData data) {
        name = data.name();
        media = new ArrayList<>(data.media().stream().map(GroupMedium::new).toList());
        contacts = new ArrayList<>(data.contacts());
        settlementDeadlineDay = data.settlementDeadlineDay();
    }

    /**
     * The group's own spelling of a medium a report line names; names match ignoring case and surrounding
     * blanks (spreadsheets differ in both), so "1Boon " finds "1boon".
     */
    public Optional<String> medium(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = normalize(name);
        return media.stream().map(GroupMedium::name).filter(m -> normalize(m).equals(wanted)).findFirst();
    }

    /** The deadline for {@code month}'s settlement, before any move to a business day. */
    public LocalDate nominalDeadline(YearMonth month) {
        return month.plusMonths(1).atDay(settlementDeadlineDay);
    }

    public static String normalize(String mediumName) {
        return mediumName.strip().toLowerCase(Locale.ROOT);
    }

    public Long id() { return id; }
    public Integer version() { return version; }
    public long partnerId() { return partnerId; }
    public String name() { return name; }
    public int settlementDeadlineDay() { return settlementDeadlineDay; }
    public String verificationMobile() { return verificationMobile; }
    public List<String> media() { return media.stream().map(GroupMedium::name).toList(); }
    public List<GroupContact> contacts() { return List.copyOf(contacts); }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
}
