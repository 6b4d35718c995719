package io.billflow.settlement.application;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The buyer of every settlement invoice: the platform operator's buyer company, named by
 * {@code billflow.settlement.buyer-corp-num}, or the only buyer company there is.
 */
@Component
public class SettlementBuyer {

    private final JdbcTemplate jdbc;
    private final String corpNum;

    public SettlementBuyer(JdbcTemplate jdbc, @Value("${billflow.settlement.buyer-corp-num:}") String corpNum) {
        this.jdbc = jdbc;
        this.corpNum = corpNum == null ? "" : corpNum.replace("-", "").strip();
    }

    public Optional<Long> id() {
        List<Long> ids = corpNum.isEmpty()
                ? jdbc.queryForList("select id from buyer_company order by id limit 2", Long.class)
                : jdbc.queryForList("select id from buyer_company where corp_num = ?", Long.class, corpNum);
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** The buyer company id; a configuration error (surfaced as a failed job, then an incident) when unclear. */
    public long required() {
        return id().orElseThrow(() -> new IllegalStateException("billflow.settlement.buyer-corp-num "
                + "(BILLFLOW_SETTLEMENT_BUYER_CORP_NUM) must name the buyer company (the platform operator) that "
                + "settlement invoices are written to"));
    }
}
