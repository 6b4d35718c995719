package io.billflow.invoice.issuance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 승인번호: write date {@code yyyyMMdd} + the 8-digit system code NTS assigned to this issuing system
 * ({@code billflow.nts.system-code}) + an 8-digit serial from a database sequence, so numbers are
 * unique across nodes (the column is unique as well). NTS checks the date part against the write date.
 */
@Component
class ApprovalNumbers {

    private final JdbcTemplate jdbc;
    private final String systemCode;

    public ApprovalNumbers(JdbcTemplate jdbc, @Value("${billflow.nts.system-code:41000000}") String systemCode) {
        if (!systemCode.matches("\\d{8}")) {
            throw new IllegalStateException("billflow.nts.system-code must be 8 digits");
        }
        this.jdbc = jdbc;
        this.systemCode = systemCode;
    }

    public String next(LocalDate writeDate) {
        Long serial = jdbc.queryForObject("select nextval('nts_confirm_serial')", Long.class);
        return DateTimeFormatter.BASIC_ISO_DATE.format(writeDate) + systemCode + String.format("%08d", serial);
    }
}
