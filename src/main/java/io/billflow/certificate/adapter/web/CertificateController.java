package io.billflow.certificate.adapter.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.billflow.certificate.application.CertificateRegistry;
import io.billflow.certificate.application.CertificateService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Certificates", description = "Suppliers' joint certificates (공동인증서): registration and status, never key material")
class CertificateController {

    /** A registration as staff see it: no key, no password, nothing secret. */
    public record CertificateView(long id, long partnerId, String status, String validity, String serialNumber,
                                  String issuerDn, String subjectDn, String policyOid, int keyBits, String keyFormat,
                                  Instant notBefore, Instant notAfter, Instant expiresAt, long daysLeft,
                                  String vidAlgorithm, Instant registeredAt, String registeredBy, Instant endedAt) {
    }

    private final CertificateService service;
    private final CertificateRegistry registry;
    private final Clock clock;

    public CertificateController(CertificateService service, CertificateRegistry registry, Clock clock) {
        this.service = service;
        this.registry = registry;
        this.clock = clock;
    }

    @PostMapping(value = "/api/partners/{partnerId}/certificates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Register (or renew) the partner's certificate: signCert + signPri, or pfx; with its password")
    public ResponseEntity<CertificateView> register(@PathVariable long partnerId,
                                                    @RequestPart(value = "signCert", required = false) MultipartFile signCert,
                                                    @RequestPart(value = "signPri", required = false) MultipartFile signPri,
                                                    @RequestPart(value = "pfx", required = false) MultipartFile pfx,
                                                    @RequestParam("password") String password,
                                                    Authentication caller) throws IOException {
        char[] secret = password.toCharArray();
        byte[] key = bytes(signPri);
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(view(service.registerUpload(partnerId, bytes(signCert),
                    key, bytes(pfx), secret, caller.getName())));
        } finally {
            Arrays.fill(secret, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** The bytes of an uploaded part, or null when it was not sent. */
    public static byte[] bytes(MultipartFile part) throws IOException {
        return part == null || part.isEmpty() ? null : part.getBytes();
    }

    @GetMapping("/api/partners/{partnerId}/certificates")
    @Operation(summary = "The partner's registrations, newest first, with validity (VALID / EXPIRING / EXPIRED)")
    public List<CertificateView> list(@PathVariable long partnerId) {
        return service.registrations(partnerId).stream().map(this::view).toList();
    }

    @DeleteMapping("/api/partners/{partnerId}/certificates")
    @Operation(summary = "Delete the partner's active registration (its sealed key can no longer be used)")
    public ResponseEntity<Void> delete(@PathVariable long partnerId, Authentication caller) {
        service.delete(partnerId, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/certificates/expiring")
    @Operation(summary = "Active registrations that end within the given number of days")
    public List<CertificateView> expiring(@RequestParam(defaultValue = "30") int days) {
        return registry.activeExpiringBefore(clock.instant().plus(Duration.ofDays(Math.max(0, days))))
                .stream().map(this::view).toList();
    }

    @PostMapping("/api/admin/certificates/rotate-kek")
    @Operation(summary = "Re-wrap every stored data key under the current KEK (after changing BILLFLOW_KEK)")
    public Map<String, Object> rotate(Authentication caller) {
        return Map.of("rewrapped", service.rewrapAll(caller.getName()));
    }

    private CertificateView view(CertificateRegistry.Registration r) {
        Instant now = clock.instant();
        long daysLeft = Math.max(0, Duration.between(now, r.expiresAt()).toDays());
        String validity = r.expiresAt().isBefore(now) ? "EXPIRED" : daysLeft <= 30 ? "EXPIRING" : "VALID";
        return new CertificateView(r.id(), r.partnerId(), r.status(), validity, r.serialNumber(), r.issuerDn(),
                r.subjectDn(), r.policyOid(), r.keyBits(), r.keyFormat(), r.notBefore(), r.notAfter(), r.expiresAt(),
                daysLeft, r.vidAlgorithm(), r.registeredAt(), r.registeredBy(), r.endedAt());
    }
}
