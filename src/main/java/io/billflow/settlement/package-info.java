/**
 * The monthly partner settlement: groups and payout accounts, reports reviewed and published, the partner's
 * confirmation, the reverse invoice, withholding and payout through the bank, the managers' dashboard. Owns every
 * {@code settlement_*} table, among them {@code settlement_partner}, its copy of who each partner is. Offers
 * {@code api}: what the portal needs ({@code PartnerSettlements}, {@code IndividualSettlements},
 * {@code GroupSignInCodes}, {@code PayoutAccounts}, {@code SettlementDirectory}). Uses the platform, calendar,
 * workflow, notification, partner and invoice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement")
package io.billflow.settlement;
