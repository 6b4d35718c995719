package io.billflow.partner.domain;

import org.springframework.data.relational.core.mapping.Table;

/** One of up to five extra e-mail addresses that receive a partner's invoice mail. */
@Table("partner_email")
public record PartnerEmail(String email) {
}
