package io.billflow.settlement.adapter.persistence;

import java.sql.Date;
import java.util.Optional;

import io.billflow.settlement.application.port.TaskFormFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link TaskFormFacts} from {@code settlement_partner} and {@code settlement_payout}. */
@Repository
class JdbcTaskFormFacts implements TaskFormFacts {

    private final JdbcTemplate jdbc;

    JdbcTaskFormFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String partnerName(long partnerId) {
        return jdbc.queryForList("select corp_name from settlement_partner where partner_id = ?", String.class,
                partnerId).stream().findFirst().orElse("");
    }

    @Override
    public Optional<PlannedPayout> payout(long reportId) {
        return jdbc.query("select payout_amount, scheduled_date, account_masked from settlement_payout "
                + "where report_id = ?", (rs, row) -> {
                    Date scheduled = rs.getDate("scheduled_date");
                    return new PlannedPayout(rs.getLong("payout_amount"),
                            scheduled == null ? null : scheduled.toLocalDate(), rs.getString("account_masked"));
                }, reportId).stream().findFirst();
    }
}
