package io.billflow.settlement.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.billflow.settlement.domain.SettlementReport;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SettlementReportRepository extends ListCrudRepository<SettlementReport, Long> {

    @Query("select * from settlement_report where group_id = :groupId and settlement_month = :month")
    Optional<SettlementReport> findByGroupAndMonth(long groupId, LocalDate month);

    /** Locks an existing report: two imports of the same month replace it one after the other. */
    @Query("select * from settlement_report where group_id = :groupId and settlement_month = :month for update")
    Optional<SettlementReport> findByGroupAndMonthForUpdate(long groupId, LocalDate month);

    @Query("select * from settlement_report where group_id = :groupId order by settlement_month desc")
    List<SettlementReport> findByGroup(long groupId);

    boolean existsByGroupId(long groupId);
}
