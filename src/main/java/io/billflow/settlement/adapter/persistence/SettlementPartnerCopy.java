package io.billflow.settlement.adapter.persistence;

import io.billflow.partner.api.PartnerNamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code settlement_partner}, the settlement's copy of each partner's name, type and business number, from
 * the partner module's {@link PartnerNamed}. A plain (synchronous) listener: the copy is written in the partner's
 * transaction, so a registration or a rename and its copy commit together or not at all.
 */
@Component
class SettlementPartnerCopy {

    private final JdbcTemplate jdbc;

    SettlementPartnerCopy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PartnerNamed partner) {
        jdbc.update("""
                insert into settlement_partner (partner_id, partner_type, corp_num, corp_name) values (?, ?, ?, ?)
                on conflict (partner_id) do update set partner_type = excluded.partner_type,
                    corp_num = excluded.corp_num, corp_name = excluded.corp_name""",
                partner.partnerId(), partner.type().name(), partner.corpNum(), partner.corpName());
    }
}
