package io.billflow.settlement.domain;

import org.springframework.data.relational.core.mapping.Table;

/** One medium (매체) or item settled in a group: a report line names it. */
@Table("settlement_group_media")
public record GroupMedium(String name) {
}
