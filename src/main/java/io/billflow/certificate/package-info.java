/**
 * Suppliers' joint certificates (공동인증서): registration of the NPKI files, keys kept under the password and the
 * KEK, signing an invoice with the password typed at that moment, password lockout, expiry reminders. Owns
 * {@code certificate_registration}, {@code certificate_password_failures}, {@code certificate_signature_audit} and
 * {@code certificate_expiry_reminder}. Offers {@code api}: {@code InvoiceSigning}, {@code SupplierCertificates},
 * {@code NtsXmlSignature}. Uses the platform, notification and partner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificate")
package io.billflow.certificate;
