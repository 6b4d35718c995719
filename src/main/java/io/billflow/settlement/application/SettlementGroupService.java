package io.billflow.settlement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.web.ConflictException;
import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.domain.GroupContact;
import io.billflow.settlement.domain.GroupData;
import io.billflow.settlement.domain.Masking;
import io.billflow.settlement.domain.SettlementGroup;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settlement group use cases: create (optionally with the first payout account), edit, delete while it has
 * no report, change the verification mobile. A medium belongs to at most one group of a partner, so every
 * report line finds exactly one tax invoice.
 */
@Service
public class SettlementGroupService {

    public static final int MAX_MEDIA = 100;
    public static final int MAX_CONTACTS = 10;

    private final SettlementGroupRepository groups;
    private final SettlementReportRepository reports;
    private final PayoutAccountService accounts;
    private final VerificationMobileHold mobileHold;
    private final PartnerDirectory partners;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public SettlementGroupService(SettlementGroupRepository groups, SettlementReportRepository reports,
                                  PayoutAccountService accounts, VerificationMobileHold mobileHold,
                                  PartnerDirectory partners, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.groups = groups;
        this.reports = reports;
        this.accounts = accounts;
        this.mobileHold = mobileHold;
        this.partners = partners;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param firstAccount the payout account, or null to add one later through a change request */
    @Transactional
    public SettlementGroup create(long partnerId, GroupData data, String verificationMobile,
                                  PayoutAccountInput firstAccount, String actor) {
        List<FieldViolation> violations = problems(data);
        PartnerSnapshot partner = partners.partner(partnerId).orElse(null);
        if (partner == null) {
            violations.add(0, new FieldViolation("partnerId", "no partner " + partnerId, partnerId));
        }
        if (firstAccount != null) {
            violations.addAll(accounts.problems(firstAccount, "payoutAccount."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        lockPartner(partnerId);
        checkUniqueWithinPartner(partnerId, null, data);
        SettlementGroup group;
        try {
            group = groups.save(SettlementGroup.create(partnerId, data, verificationMobile, actor, now()));
        } catch (DuplicateKeyException race) {
            throw new ConflictException("name", "partner " + partnerId + " has a settlement group named '" + data.name()
                    + "' already");
        }
        audit(actor, "SETTLEMENT_GROUP_CREATED", group, describe(group));
        if (firstAccount != null) {
            accounts.registerFirst(group, firstAccount, actor);
        }
        return group;
    }

    @Transactional
    public SettlementGroup update(long id, int expectedVersion, GroupData data, String actor) {
        SettlementGroup group = get(id);
        if (!Objects.equals(group.version(), expectedVersion)) {
            throw new ConflictException("version", "The settlement group was changed by someone else (version "
                    + group.version() + "); reload and apply your change again");
        }
        List<FieldViolation> violations = problems(data);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        lockPartner(group.partnerId());
        checkUniqueWithinPartner(group.partnerId(), id, data);
        String before = describe(group);
        group.update(data, now());
        try {
            group = groups.save(group);
        } catch (OptimisticLockingFailureException race) {
            throw new ConflictException("version", "The settlement group was changed by someone else; reload and retry");
        } catch (DuplicateKeyException race) {
            throw new ConflictException("name", "partner " + group.partnerId() + " has a settlement group named '"
                    + data.name() + "' already");
        }
        audit(actor, "SETTLEMENT_GROUP_UPDATED", group, "from " + before + " to " + describe(group));
        return group;
    }

    /** Only a group without reports: a report (and later its invoice and payout) must keep its group. */
    @Transactional
    public void delete(long id, String actor) {
        SettlementGroup group = get(id);
        if (reports.existsByGroupId(id)) {
            throw new ConflictException("id", "Settlement group " + id + " has monthly reports; it cannot be deleted");
        }
        groups.delete(group);
        audit(actor, "SETTLEMENT_GROUP_DELETED", group, describe(group));
    }

    /**
     * The mobile that proves a payout account change. Changing it is for administrators only (whoever controls
     * it controls the account, and an individual's portal sign-in), waits for the hold and is announced to the
     * group's contacts and the mobile in place ({@link VerificationMobileHold}).
     */
    public SettlementGroup changeVerificationMobile(long id, String mobile, String actor) {
        return mobileHold.request(id, mobile, actor);
    }

    @Transactional(readOnly = true)
    public SettlementGroup get(long id) {
        return groups.findById(id).orElseThrow(() -> new ResourceNotFoundException("No settlement group " + id));
    }

    /** Groups of a partner, or whose name contains {@code q}, or all; by id. */
    @Transactional(readOnly = true)
    public List<SettlementGroup> list(Long partnerId, String q) {
        List<SettlementGroup> found = partnerId != null ? groups.findByPartnerIdOrderById(partnerId)
                : groups.findByNameLike("%" + (q == null ? "" : q.strip().replace("%", "").replace("_", "")) + "%");
        if (partnerId != null && q != null && !q.isBlank()) {
            String wanted = q.strip().toLowerCase(Locale.ROOT);
            return found.stream().filter(g -> g.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        }
        return found;
    }

    private static List<FieldViolation> problems(GroupData data) {
        List<FieldViolation> violations = new ArrayList<>();
        if (data.media().isEmpty()) {
            violations.add(FieldViolation.of("media", "a group settles at least one medium"));
        } else if (data.media().size() > MAX_MEDIA) {
            violations.add(FieldViolation.of("media", "at most " + MAX_MEDIA + " media per group"));
        }
        Map<String, Integer> seenMedia = new HashMap<>();
        for (int i = 0; i < data.media().size(); i++) {
            Integer first = seenMedia.putIfAbsent(SettlementGroup.normalize(data.media().get(i)), i);
            if (first != null) {
                violations.add(new FieldViolation("media[" + i + "]", "repeats media[" + first + "]", data.media().get(i)));
            }
        }
        if (data.contacts().isEmpty()) {
            violations.add(FieldViolation.of("contacts", "a group needs at least one contact (담당자)"));
        } else if (data.contacts().size() > MAX_CONTACTS) {
            violations.add(FieldViolation.of("contacts", "at most " + MAX_CONTACTS + " contacts per group"));
        }
        Map<String, Integer> seenEmails = new HashMap<>();
        for (int i = 0; i < data.contacts().size(); i++) {
            GroupContact contact = data.contacts().get(i);
            Integer first = seenEmails.putIfAbsent(contact.email().toLowerCase(Locale.ROOT), i);
            if (first != null) {
                violations.add(new FieldViolation("contacts[" + i + "].email", "repeats contacts[" + first + "].email",
                        contact.email()));
            }
        }
        if (data.settlementDeadlineDay() < 1 || data.settlementDeadlineDay() > SettlementGroup.LATEST_DEADLINE_DAY) {
            violations.add(new FieldViolation("settlementDeadlineDay", "must be a day from 1 to "
                    + SettlementGroup.LATEST_DEADLINE_DAY + " of the following month: the tax invoice is due by the "
                    + "10th (발급기한)", data.settlementDeadlineDay()));
        }
        return violations;
    }

    /** Locks taken by the settlement: the first key of PostgreSQL's two-key transaction advisory locks. */
    private static final int GROUPS_OF_PARTNER_LOCK = 0x5e771e01;

    /**
     * Groups of one partner are created and edited one at a time, so the uniqueness checks below hold: a
     * transaction-scoped advisory lock on the partner id (the partner's row is the partner module's, not ours to
     * lock). Two ids that agree in their low 32 bits share a lock, which only serialises them.
     */
    private void lockPartner(long partnerId) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> { }, GROUPS_OF_PARTNER_LOCK, (int) partnerId);
    }

    private void checkUniqueWithinPartner(long partnerId, Long groupId, GroupData data) {
        groups.findByPartnerIdAndName(partnerId, data.name()).filter(g -> !g.id().equals(groupId)).ifPresent(g -> {
            throw new ConflictException("name", "partner " + partnerId + " has a settlement group named '" + g.name()
                    + "' already (id " + g.id() + ")");
        });
        Map<String, String> mediaOfOtherGroups = new HashMap<>();
        for (SettlementGroup other : groups.findByPartnerIdOrderById(partnerId)) {
            if (!other.id().equals(groupId)) {
                other.media().forEach(m -> mediaOfOtherGroups.put(SettlementGroup.normalize(m), other.name()));
            }
        }
        for (int i = 0; i < data.media().size(); i++) {
            String owner = mediaOfOtherGroups.get(SettlementGroup.normalize(data.media().get(i)));
            if (owner != null) {
                throw new ConflictException("media[" + i + "]", "'" + data.media().get(i) + "' is settled in the "
                        + "partner's group '" + owner + "' already; a medium belongs to one group (one tax invoice)");
            }
        }
    }

    private static String describe(SettlementGroup g) {
        return "'" + g.name() + "' partner " + g.partnerId() + ", media " + g.media() + ", " + g.contacts().size()
                + " contact(s), deadline day " + g.settlementDeadlineDay();
    }

    private void audit(String actor, String action, SettlementGroup group, String detail) {
        String bounded = detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
        audit.save(AuditEntry.of(now(), actor, action, "settlement_group", String.valueOf(group.id()), bounded));
    }

    /** PostgreSQL keeps microseconds: what is answered now equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
