package io.billflow.certificate.adapter.files;

import static io.billflow.certificate.api.CertificateRejection.Reason.BUSINESS_NUMBER_MISMATCH;
import static io.billflow.certificate.api.CertificateRejection.Reason.NO_VIRTUAL_ID;
import static io.billflow.certificate.api.CertificateRejection.Reason.UNREADABLE_FILE;
import static io.billflow.certificate.api.CertificateRejection.Reason.WRONG_PASSWORD;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;

import io.billflow.certificate.api.CertificateRejection;
import io.billflow.certificate.application.CertificateFiles;
import io.billflow.certificate.npki.CertificateFileException;
import io.billflow.certificate.npki.LoadedCertificate;
import io.billflow.certificate.npki.NpkiReader;
import io.billflow.certificate.npki.VidCheck;
import io.billflow.certificate.npki.VirtualId;
import org.springframework.stereotype.Component;

/** {@link CertificateFiles} on the NPKI reader: file problems become precise, bilingual rejections. */
@Component
class NpkiCertificateFiles implements CertificateFiles {

    private final NpkiReader reader = new NpkiReader();

    @Override
    public UploadedCertificate readPair(byte[] signCertDer, byte[] signPriKey, char[] password) {
        return read(() -> reader.readPair(signCertDer, signPriKey, password));
    }

    @Override
    public UploadedCertificate readPkcs12(byte[] pfx, char[] password) {
        return read(() -> reader.readPkcs12(pfx, password));
    }

    @Override
    public String checkVirtualId(X509Certificate certificate, String businessNumber, byte[] randomR) {
        VidCheck check = VirtualId.matches(certificate, businessNumber, randomR);
        if (check == VidCheck.MATCH) {
            return VirtualId.read(certificate).map(v -> VirtualId.SHA1_OID.equals(v.hashAlgorithmOid()) ? "SHA-1" : "SHA-256")
                    .orElse("SHA-256");
        }
        if (check == VidCheck.MISMATCH) {
            throw new CertificateRejection(BUSINESS_NUMBER_MISMATCH,
                    "이 인증서는 사업자등록번호 " + businessNumber + "의 인증서가 아닙니다 (본인확인 VID 불일치).",
                    "This certificate does not belong to business number " + businessNumber + " (VID mismatch).");
        }
        throw new CertificateRejection(NO_VIRTUAL_ID, check.messageKo(), check.messageEn());
    }

    private static UploadedCertificate read(Supplier<LoadedCertificate> load) {
        LoadedCertificate loaded;
        try {
            loaded = load.get();
        } catch (CertificateFileException e) {
            throw new CertificateRejection(e.reason() == CertificateFileException.Reason.WRONG_PASSWORD
                    ? WRONG_PASSWORD : UNREADABLE_FILE, e.messageKo(), e.messageEn());
        }
        // copies owned by the caller (UploadedCertificate.close zeroes them); the loaded buffers are zeroed now
        try (loaded) {
            byte[] r = loaded.hasRandomNumber() ? loaded.randomNumber().clone() : null;
            return new UploadedCertificate(loaded.certificate(), List.of(), loaded.privateKeyInfo().clone(), r,
                    loaded.keyEncryptionScheme().name());
        }
    }
}
