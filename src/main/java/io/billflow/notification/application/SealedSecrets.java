package io.billflow.notification.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billflow.notification.api.SecretValue;
import io.billflow.platform.audit.AuditEntry;
import io.billflow.platform.audit.AuditLog;
import io.billflow.platform.crypto.KeyRewrapping;
import io.billflow.platform.crypto.KeyVault;
import io.billflow.platform.crypto.SealedKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's sealed variables ({@link SecretValue}): each row keeps its secrets in {@code sealed_secrets},
 * envelope-encrypted with the row's dedup key as associated data (a sealed column copied onto another row does not
 * open), and the workers {@link #reveal} them only into what leaves for the recipient. Sealed values follow KEK
 * rotation like the other holders of data keys.
 */
@Component
class SealedSecrets implements KeyRewrapping {

    /** One sealed value as stored: the placeholder it replaces and its envelope. */
    record Entry(String placeholder, String ciphertext, String iv, String wrappedDek, String dekIv, String kekId) {
    }

    /** Variables with every secret replaced by its placeholder, and the secrets taken out. */
    record Prepared(Map<String, Object> variables, List<SecretValue> secrets) {
        boolean hasSecrets() {
            return !secrets.isEmpty();
        }
    }

    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() { };
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final KeyVault vault;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public SealedSecrets(KeyVault vault, ObjectMapper json, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.vault = vault;
        this.json = json;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Takes the secrets out of a publication's variables: templates render the placeholders. */
    static Prepared prepare(Map<String, Object> variables) {
        if (variables.values().stream().noneMatch(SecretValue.class::isInstance)) {
            return new Prepared(variables, List.of());
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        List<SecretValue> secrets = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (value instanceof SecretValue secret) {
                secrets.add(secret);
                shown.put(name, secret.placeholder());
            } else {
                shown.put(name, value);
            }
        });
        return new Prepared(shown, List.copyOf(secrets));
    }

    /** The {@code sealed_secrets} value of the row with this dedup key; null without secrets. */
    String seal(String dedupKey, List<SecretValue> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        for (SecretValue secret : secrets) {
            byte[] plain = secret.value().getBytes(StandardCharsets.UTF_8);
            try {
                entries.add(entry(secret.placeholder(), vault.seal(aad(dedupKey), plain)));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        return write(entries);
    }

    /**
     * The row's secrets opened, placeholder → value, for the copy that leaves for the recipient only; empty without
     * secrets. Open once per message and {@link #reveal(String, Map)} each of its parts.
     */
    Map<String, String> open(String dedupKey, String sealed) {
        if (sealed == null) {
            return Map.of();
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Entry entry : read(sealed)) {
            byte[] plain = vault.open(aad(dedupKey), envelope(entry));
            try {
                secrets.put(entry.placeholder(), new String(plain, StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        return secrets;
    }

    /** {@code text} with each placeholder replaced by its opened secret. */
    static String reveal(String text, Map<String, String> opened) {
        if (text == null || opened.isEmpty()) {
            return text;
        }
        String revealed = text;
        for (Map.Entry<String, String> secret : opened.entrySet()) {
            revealed = revealed.replace(secret.getKey(), secret.getValue());
        }
        return revealed;
    }

    /** One part of a message with its secrets put back: {@link #open} then {@link #reveal(String, Map)}. */
    String reveal(String dedupKey, String sealed, String text) {
        return sealed == null || text == null ? text : reveal(text, open(dedupKey, sealed));
    }

    @Override
    public String holding() {
        return "notificationLinks";
    }

    /** Re-wraps the data keys of every outbox row whose secrets are still sealed under an older KEK. */
    @Override
    @Transactional
    public int rewrapAll(String actor) {
        String current = vault.currentKekId();
        int rewrapped = 0;
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, sealed_secrets from notification_message where sealed_secrets is not null for update");
        for (Map<String, Object> row : rows) {
            List<Entry> entries = read((String) row.get("sealed_secrets"));
            if (entries.stream().allMatch(e -> e.kekId().equals(current))) {
                continue;
            }
            List<Entry> renewed = entries.stream().map(e -> entry(e.placeholder(), vault.rewrap(envelope(e)))).toList();
            jdbc.update("update notification_message set sealed_secrets = ? where id = ?", write(renewed), row.get("id"));
            rewrapped += renewed.size();
        }
        audit.save(AuditEntry.of(clock.instant(), actor, "NOTIFICATION_KEK_ROTATED", "kek", current,
                rewrapped + " data keys re-wrapped"));
        return rewrapped;
    }

    private static byte[] aad(String dedupKey) {
        return ("billflow-notification-secret|" + dedupKey).getBytes(StandardCharsets.UTF_8);
    }

    private static Entry entry(String placeholder, SealedKey sealed) {
        return new Entry(placeholder, B64.encodeToString(sealed.ciphertext()), B64.encodeToString(sealed.iv()),
                B64.encodeToString(sealed.wrappedDek()), B64.encodeToString(sealed.dekIv()), sealed.kekId());
    }

    private static SealedKey envelope(Entry entry) {
        return new SealedKey(B64D.decode(entry.ciphertext()), B64D.decode(entry.iv()), B64D.decode(entry.wrappedDek()),
                B64D.decode(entry.dekIv()), entry.kekId());
    }

    private String write(List<Entry> entries) {
        try {
            return json.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Entry> read(String sealed) {
        try {
            return json.readValue(sealed, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed secrets unreadable", e);
        }
    }
}
