package io.billflow.partner.api;

/**
 * Published in the partner's own transaction when a partner is registered or its name changes (the type and the
 * business number never change): for modules that keep a copy of who a partner is for their read models, so
 * that none of them reads the partner table.
 */
public record PartnerNamed(long partnerId, PartnerType type, String corpNum, String corpName) {
}
