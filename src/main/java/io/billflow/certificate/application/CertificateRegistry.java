package io.billflow.certificate.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.billflow.platform.crypto.SealedKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Persistence of certificate registrations (JDBC: the sealed key columns are plain byte arrays). */
@Component
public class CertificateRegistry {

    /** A stored registration; {@code sealedKey} is never shown outside this module. */
    public record Registration(long id, long partnerId, String status, String serialNumber, String issuerDn,
                               String subjectDn, String policyOid, int keyBits, String keyFormat, Instant notBefore,
                               Instant notAfter, Instant expiresAt, String vidAlgorithm, byte[] certificateDer,
                               SealedKey sealedKey, Instant registeredAt, String registeredBy, Instant endedAt,
                               String keyProtection) {

        /** Keys locked by the certificate's password; the others (older registrations) no longer sign. */
        public static final String PASSWORD_PBES2 = "PASSWORD_PBES2";

        public boolean passwordProtected() {
            return PASSWORD_PBES2.equals(keyProtection);
        }
    }

    private final JdbcTemplate jdbc;

    public CertificateRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Registration r) {
        return jdbc.queryForObject("""
                insert into certificate_registration (partner_id, status, serial_number, issuer_dn, subject_dn,
                    policy_oid, key_bits, key_format, not_before, not_after, expires_at, vid_algorithm, certificate_der,
                    sealed_key, key_iv, wrapped_dek, dek_iv, kek_id, registered_at, registered_by, key_protection)
                values (?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                r.partnerId(), r.serialNumber(), r.issuerDn(), r.subjectDn(), r.policyOid(), r.keyBits(), r.keyFormat(),
                ts(r.notBefore()), ts(r.notAfter()), ts(r.expiresAt()), r.vidAlgorithm(), r.certificateDer(),
                r.sealedKey().ciphertext(), r.sealedKey().iv(), r.sealedKey().wrappedDek(), r.sealedKey().dekIv(),
                r.sealedKey().kekId(), ts(r.registeredAt()), r.registeredBy(), r.keyProtection());
    }

    /** Ends the partner's active registration (renewal or deletion); returns whether there was one. */
    public boolean end(long partnerId, String newStatus, Instant at) {
        return jdbc.update("update certificate_registration set status = ?, ended_at = ? where partner_id = ? "
                + "and status = 'ACTIVE'", newStatus, ts(at), partnerId) > 0;
    }

    public Optional<Registration> active(long partnerId) {
        return jdbc.query("select * from certificate_registration where partner_id = ? and status = 'ACTIVE'",
                CertificateRegistry::map, partnerId).stream().findFirst();
    }

    public List<Registration> history(long partnerId) {
        return jdbc.query("select * from certificate_registration where partner_id = ? order by registered_at desc",
                CertificateRegistry::map, partnerId);
    }

    /** Whether this certificate (serial and issuer) was ever registered for one of these partners. */
    public boolean registeredForAny(List<Long> partnerIds, String serialNumber, String issuerDn) {
        if (partnerIds.isEmpty()) {
            return false;
        }
        return !jdbc.queryForList("select 1 from certificate_registration where partner_id = any(?) "
                + "and serial_number = ? and issuer_dn = ? limit 1", Integer.class,
                partnerIds.toArray(Long[]::new), serialNumber, issuerDn).isEmpty();
    }

    public List<Registration> activeExpiringBefore(Instant limit) {
        return jdbc.query("select * from certificate_registration where status = 'ACTIVE' and expires_at <= ? "
                + "order by expires_at", CertificateRegistry::map, ts(limit));
    }

    public List<Registration> activeNotWrappedBy(String kekId) {
        return jdbc.query("select * from certificate_registration where status = 'ACTIVE' and kek_id <> ?",
                CertificateRegistry::map, kekId);
    }

    public void replaceWrapping(long id, SealedKey sealed) {
        jdbc.update("update certificate_registration set wrapped_dek = ?, dek_iv = ?, kek_id = ? where id = ?",
                sealed.wrappedDek(), sealed.dekIv(), sealed.kekId(), id);
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        return new Registration(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("status"),
                rs.getString("serial_number"), rs.getString("issuer_dn"), rs.getString("subject_dn"),
                rs.getString("policy_oid"), rs.getInt("key_bits"), rs.getString("key_format"),
                instant(rs, "not_before"), instant(rs, "not_after"), instant(rs, "expires_at"),
                rs.getString("vid_algorithm"), rs.getBytes("certificate_der"),
                new SealedKey(rs.getBytes("sealed_key"), rs.getBytes("key_iv"), rs.getBytes("wrapped_dek"),
                        rs.getBytes("dek_iv"), rs.getString("kek_id")),
                instant(rs, "registered_at"), rs.getString("registered_by"), instant(rs, "ended_at"),
                rs.getString("key_protection"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
