package io.billflow.certificate.adapter.dev;

import io.billflow.certificate.testpki.TestPki;
import io.billflow.partner.api.PartnerDirectory;
import io.billflow.partner.api.PartnerSnapshot;
import io.billflow.platform.web.ResourceNotFoundException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: a TEST joint certificate (PKCS#12, issued by the generated TEST PKI, VID for the
 * partner's business number) so a newcomer can walk the supplier path without a real 공동인증서.
 * The password comes back in the {@code X-Test-Certificate-Password} header.
 */
@RestController
@Profile("local")
class TestCertificateController {

    private final PartnerDirectory partners;

    public TestCertificateController(PartnerDirectory partners) {
        this.partners = partners;
    }

    @PostMapping("/dev/test-certificates/{partnerId}")
    public ResponseEntity<byte[]> issue(@PathVariable long partnerId) {
        PartnerSnapshot partner = partners.partner(partnerId)
                .orElseThrow(() -> new ResourceNotFoundException("No partner " + partnerId));
        if (partner.corpNum() == null) {
            throw new ResourceNotFoundException("Partner " + partnerId + " is an individual: no certificate");
        }
        byte[] pfx = TestPki.endEntity().businessNumber(partner.corpNum()).companyName(partner.corpName())
                .keyAlias("partner-" + partnerId).build()
                .pkcs12(TestPki.Pkcs12Encryption.PBES2_SEED, TestPki.password());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"test-certificate-" + partner.corpNum() + ".pfx\"")
                .header("X-Test-Certificate-Password", new String(TestPki.password()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(pfx);
    }
}
