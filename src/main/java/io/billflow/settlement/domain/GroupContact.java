package io.billflow.settlement.domain;

import org.springframework.data.relational.core.mapping.Table;

/** A 담당자 of a settlement group: receives its notices (payout account changes, reports, payouts). */
@Table("settlement_group_contact")
public record GroupContact(String name, String email, String mobile) {
}
