package io.billflow.partner.domain;

/** A business is invoiced (역발행); an individual is paid with withholding tax and never invoiced. */
public enum PartnerType {
    BUSINESS,
    INDIVIDUAL
}
