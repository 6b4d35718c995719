package io.billflow.platform.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEK) that wrap every stored data key. The current KEK wraps new data keys;
 * previous KEKs (after a rotation) can still unwrap until every record has been re-wrapped. Each KEK is
 * known by its id: the first 8 bytes of its SHA-256, hex, which is stored next to every wrapped key.
 */
public final class KeyEncryptionKeys {

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    public KeyEncryptionKeys(byte[] current, List<byte[]> previous) {
        this.current = aesKey(current);
        this.currentId = idOf(current);
        byId.put(currentId, this.current);
        for (byte[] old : previous) {
            byId.putIfAbsent(idOf(old), aesKey(old));
        }
    }

    /** Parses Base64 KEKs as configured; the first is current. */
    public static KeyEncryptionKeys fromBase64(String current, List<String> previous) {
        byte[] key = decode(current, "billflow.security.key-encryption-key");
        try {
            List<byte[]> old = previous.stream().filter(p -> p != null && !p.isBlank())
                    .map(p -> decode(p, "billflow.security.previous-key-encryption-keys")).toList();
            return new KeyEncryptionKeys(key, old);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * For the local profile only: reads the KEK kept in {@code file}, or creates one (32 random bytes,
     * owner-only permissions) the first time, so a restart can still open what was stored.
     */
    public static String loadOrCreateLocal(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Arrays.fill(key, (byte) 0);
            Files.writeString(file, encoded + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            return encoded;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the local key-encryption key " + file, e);
        }
    }

    public SecretKey current() {
        return current;
    }

    public String currentId() {
        return currentId;
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKey aesKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a key-encryption key is 32 bytes (AES-256)");
        }
        return new SecretKeySpec(key.clone(), "AES");
    }

    private static byte[] decode(String base64, String property) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                throw new IllegalStateException(property + " must be 32 bytes in Base64 (openssl rand -base64 32)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid Base64", e);
        }
    }
}
