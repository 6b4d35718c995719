/**
 * Reading Korean joint certificates (공동인증서, formerly NPKI 공인인증서): the {@code signCert.der} +
 * {@code signPri.key} pair or a PKCS#12 file, decrypted in memory and proven to belong together
 * ({@link io.billflow.certificate.npki.NpkiReader}), and the KISA VID check that binds a certificate to a business
 * number ({@link io.billflow.certificate.npki.VirtualId}).
 * <p>
 * Plain library code: no Spring beans, no logging, no state. Formats, OIDs and quirks follow docs/reference/pki.md
 * {@code pki.md} (sections cited in the classes). Chain, policy, validity and revocation checks are the caller's.
 */
package io.billflow.certificate.npki;
