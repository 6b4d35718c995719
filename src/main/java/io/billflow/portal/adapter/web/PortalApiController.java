package io.billflow.portal.adapter.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.billflow.certificate.api.SupplierCertificates;
import io.billflow.portal.application.PortalAccess;
import io.billflow.portal.application.SupplierPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Supplier portal", description = "Supplier-side calls, in the session opened by the e-mailed link")
class PortalApiController {

    /** What the supplier sees of its own registration. */
    public record OwnCertificate(String status, String serialNumber, String issuerDn, String keyFormat,
                                 Instant expiresAt) {
        static OwnCertificate of(SupplierCertificates.OwnRegistration r) {
            return new OwnCertificate(r.status(), r.serialNumber(), r.issuerDn(), r.keyFormat(), r.expiresAt());
        }
    }

    private final SupplierCertificates certificates;
    private final PortalAccess access;

    public PortalApiController(SupplierCertificates certificates, PortalAccess access) {
        this.certificates = certificates;
        this.access = access;
    }

    @PostMapping(value = "/portal/api/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The signed-in supplier registers its own certificate (signCert + signPri, or pfx)")
    public ResponseEntity<OwnCertificate> register(@AuthenticationPrincipal SupplierPrincipal supplier,
                                                   @RequestPart(value = "signCert", required = false) MultipartFile signCert,
                                                   @RequestPart(value = "signPri", required = false) MultipartFile signPri,
                                                   @RequestPart(value = "pfx", required = false) MultipartFile pfx,
                                                   @RequestParam("password") String password) throws IOException {
        char[] secret = password.toCharArray();
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(OwnCertificate.of(certificates.register(
                    supplier.partnerId(), PortalUploads.bytes(signCert), PortalUploads.bytes(signPri),
                    PortalUploads.bytes(pfx), secret, supplier.actor())));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @GetMapping("/portal/api/certificate")
    @Operation(summary = "The signed-in supplier's own registrations")
    public List<OwnCertificate> own(@AuthenticationPrincipal SupplierPrincipal supplier) {
        return certificates.history(supplier.partnerId()).stream().map(OwnCertificate::of).toList();
    }

    @PostMapping("/api/partners/{partnerId}/portal-invitations")
    @Operation(summary = "E-mail the partner a portal link, valid 14 days; the link goes to the partner's contact only, never in the answer")
    public ResponseEntity<PortalAccess.Invitation> invite(@PathVariable long partnerId,
                                                          @RequestParam(defaultValue = "CERTIFICATE") String purpose,
                                                          Authentication caller) {
        PortalAccess.Invitation invitation = access.invite(partnerId, purpose, caller.getName());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId)).body(invitation);
    }
}
