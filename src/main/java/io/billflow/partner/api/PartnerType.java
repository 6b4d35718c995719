package io.billflow.partner.api;

/** A business is invoiced (역발행); an individual is paid with withholding tax and never invoiced. */
public enum PartnerType {
    BUSINESS,
    INDIVIDUAL
}
