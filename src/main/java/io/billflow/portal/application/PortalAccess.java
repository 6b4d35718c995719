package io.billflow.portal.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.api.Notifications;
import io.billflow.notification.api.PortalLinks;
import io.billflow.notification.api.Recipient;
import io.billflow.notification.api.SecretValue;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.platform.web.ResourceNotFoundException;
import io.billflow.settlement.api.SettlementDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal invitations: a random 256-bit token in a link (only its SHA-256 is stored), valid for
 * {@code billflow.portal.invitation-days}; the supplier proves it is the partner by typing its business
 * number. Five wrong numbers revoke the link (a new one must be sent). An individual's link is bound to a
 * settlement group instead and proven by a code to that group's mobile ({@link IndividualAccess}); each kind of
 * link opens with its own proof only.
 */
@Service
public class PortalAccess implements PortalLinks {

    static final int MAX_FAILED_PROOFS = 5;

    /**
     * A new invitation as staff see it: where it went and until when it opens — never the link, which only its
     * recipient gets (sealed in the outbox until delivered).
     */
    public record Invitation(long id, long partnerId, String sentTo, Instant expiresAt) {
    }

    /** A link just made: its token is in {@code link} only, sealed for the one notice that carries it. */
    private record NewLink(long id, long partnerId, SecretValue link, Instant expiresAt) {
    }

    /** A live link as stored; {@code settlementGroupId} is set for an individual's link only. */
    record Link(long id, long partnerId, Long settlementGroupId, String purpose) {

        boolean individual() {
            return settlementGroupId != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final PartnerDirectory partners;
    private final SettlementDirectory settlementGroups;
    private final Notifications notifications;
    private final Clock clock;
    private final String baseUrl;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    public PortalAccess(JdbcTemplate jdbc, PartnerDirectory partners, SettlementDirectory settlementGroups,
                        Notifications notifications, Clock clock, @Value("${billflow.base-url}") String baseUrl,
                        @Value("${billflow.portal.invitation-days:14}") int invitationDays) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.settlementGroups = settlementGroups;
        this.notifications = notifications;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = Duration.ofDays(invitationDays);
    }

    /** A link for another message (e.g. the issue request) to carry; no invitation mail of its own. */
    @Override
    @Transactional
    public SecretValue newLink(long partnerId, String purpose, String actor) {
        return createLink(partnerId, purpose, actor).link();
    }

    @Override
    @Transactional
    public SecretValue newIndividualLink(long settlementGroupId, String purpose, String actor) {
        long partnerId = settlementGroups.group(settlementGroupId)
                .orElseThrow(() -> new ResourceNotFoundException("No settlement group " + settlementGroupId)).partnerId();
        PartnerSnapshot partner = partners.partner(partnerId).orElseThrow();
        if (!partner.individual()) {
            throw new InvalidInputException("settlementGroupId", "a business proves itself with its business number");
        }
        return insertLink(partnerId, settlementGroupId, purpose, actor).link();
    }

    /** Creates an invitation and e-mails the link to the partner's contacts; the caller never sees the link. */
    @Transactional
    public Invitation invite(long partnerId, String purpose, String actor) {
        NewLink invitation = createLink(partnerId, purpose, actor);
        PartnerSnapshot partner = partners.partner(partnerId).orElseThrow();
        notifications.publish(NotificationEvent.PORTAL_INVITATION, "portal-invitation:" + invitation.id(),
                List.of(Recipient.partner(partner.id(), partner.corpName(), partner.contactEmail(), partner.extraEmails(),
                        partner.contactMobile())),
                Map.of("corpName", partner.corpName(), "link", invitation.link(),
                        "expiresOn", invitation.expiresAt().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalDate()));
        return new Invitation(invitation.id(), partnerId, partner.contactEmail() == null ? null
                : io.billflow.partner.api.ContactMasking.email(partner.contactEmail()), invitation.expiresAt());
    }

    private NewLink createLink(long partnerId, String purpose, String actor) {
        PartnerSnapshot partner = partners.partner(partnerId)
                .orElseThrow(() -> new ResourceNotFoundException("No partner " + partnerId));
        if (partner.individual()) {
            throw new InvalidInputException("partnerId", "individuals sign in by a code to a settlement group's "
                    + "mobile, with a link from that group's notice");
        }
        return insertLink(partnerId, null, purpose, actor);
    }

    private NewLink insertLink(long partnerId, Long settlementGroupId, String purpose, String actor) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        Long id = jdbc.queryForObject("insert into portal_invitation (partner_id, settlement_group_id, token_sha256, "
                        + "purpose, created_at, created_by, expires_at) values (?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, partnerId, settlementGroupId, sha256(token), purpose, Timestamp.from(now), actor,
                Timestamp.from(expires));
        // stored and shown in the notice's place: "sealed-<invitation id>" opens nothing (too short for a token)
        return new NewLink(id, partnerId, new SecretValue(baseUrl + "/portal/access/" + token,
                baseUrl + "/portal/access/sealed-" + id), expires);
    }

    /** The partner a live token belongs to (without proving anything yet). */
    @Transactional(readOnly = true)
    public Optional<PartnerSnapshot> partnerFor(String token) {
        return live(token).flatMap(link -> partners.partner(link.partnerId()));
    }

    /** True for a live individual's link: it opens with a code to its group's mobile, not a business number. */
    @Transactional(readOnly = true)
    public boolean individualLink(String token) {
        return live(token).filter(Link::individual).isPresent();
    }

    /**
     * Where the supplier lands after proving who it is: the settlement reports for a link from a settlement
     * notice, the invoices otherwise.
     */
    @Transactional(readOnly = true)
    public String landingFor(String token) {
        return live(token).map(Link::purpose)
                .map(purpose -> SETTLEMENT.equals(purpose) ? "/portal/settlements" : "/portal/invoices")
                .orElse("/portal/invoices");
    }

    /**
     * Checks the business number typed for a token. Returns the signed-in supplier, or empty when the token
     * is unknown, expired, revoked, an individual's (which no business number opens) or the number is wrong
     * (counted; five wrong numbers revoke the link).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<SupplierPrincipal> prove(String token, String typedBusinessNumber) {
        Optional<Link> link = live(token).filter(l -> !l.individual());
        if (link.isEmpty()) {
            return Optional.empty();
        }
        long invitationId = link.get().id();
        PartnerSnapshot partner = partners.partner(link.get().partnerId()).orElseThrow();
        String typed = typedBusinessNumber == null ? "" : typedBusinessNumber.replace("-", "").strip();
        if (!MessageDigest.isEqual(typed.getBytes(StandardCharsets.US_ASCII),
                partner.corpNum().getBytes(StandardCharsets.US_ASCII))) {
            jdbc.update("update portal_invitation set failed_proofs = failed_proofs + 1, revoked_at = case when "
                    + "failed_proofs + 1 >= ? then ? else revoked_at end where id = ?", MAX_FAILED_PROOFS,
                    Timestamp.from(clock.instant()), invitationId);
            return Optional.empty();
        }
        return Optional.of(new SupplierPrincipal(partner.id(), partner.corpNum(), partner.corpName()));
    }

    /** Ends a link for good (an individual's link whose codes were guessed wrong too often). */
    void revoke(long invitationId) {
        jdbc.update("update portal_invitation set revoked_at = coalesce(revoked_at, ?) where id = ?",
                Timestamp.from(clock.instant()), invitationId);
    }

    Optional<Link> live(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("select id, partner_id, settlement_group_id, purpose from portal_invitation "
                        + "where token_sha256 = ? and revoked_at is null and expires_at > ?",
                (rs, n) -> new Link(rs.getLong("id"), rs.getLong("partner_id"),
                        rs.getObject("settlement_group_id", Long.class), rs.getString("purpose")),
                sha256(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
