/**
 * Partners (the suppliers) and buyer companies: registration, the NTS link, the business status (휴폐업), contact
 * changes held before they take effect. Owns {@code partner}, {@code partner_email}, {@code partner_contact_change}
 * and {@code buyer_company}. Offers {@code api}: {@code PartnerDirectory} (snapshots for invoices and settlement),
 * {@code PartnerNamed} (the event other modules' copies follow), {@code BusinessNumber}; and {@code demo} (local
 * profile only). Uses the platform and notification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner")
package io.billflow.partner;
