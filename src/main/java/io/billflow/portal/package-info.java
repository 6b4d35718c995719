/**
 * The supplier portal: sign-in by link and business number (or an individual's mobile code), certificate
 * registration, the invoices to approve, reject or cancel, the settlement reports to confirm. Owns
 * {@code portal_invitation}. Offers nothing to other modules except its implementation of
 * {@code notification.api.PortalLinks}. Uses the platform, notification, partner, certificate, invoice and
 * settlement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supplier portal")
package io.billflow.portal;
