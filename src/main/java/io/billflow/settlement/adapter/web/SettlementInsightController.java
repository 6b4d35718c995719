package io.billflow.settlement.adapter.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;

import io.billflow.settlement.readmodel.SettlementDashboardQuery;
import io.billflow.settlement.readmodel.SettlementDashboardQuery.Dashboard;
import io.billflow.settlement.readmodel.SettlementGroupOverviewQuery;
import io.billflow.settlement.readmodel.SettlementGroupOverviewQuery.GroupOverview;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Statistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The settlement read models as JSON (and CSV): dashboard, group drill-down, monthly statistics. Staff pages
 * show the same ({@link SettlementPagesController}). Read only; {@code settlement-managers}, {@code camunda-admin}
 * and {@code operations}.
 */
@RestController
@Tag(name = "Settlement dashboard and statistics", description = "정산 현황, 정산그룹 상세, 월별 정산통계 (read only)")
class SettlementInsightController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SettlementDashboardQuery dashboard;
    private final SettlementGroupOverviewQuery overview;
    private final SettlementStatisticsQuery statistics;
    private final Clock clock;

    public SettlementInsightController(SettlementDashboardQuery dashboard, SettlementGroupOverviewQuery overview,
                                       SettlementStatisticsQuery statistics, Clock clock) {
        this.dashboard = dashboard;
        this.overview = overview;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/settlement/dashboard")
    @Operation(summary = "Reports per stage, overdue reports and payouts, totals per settlement month "
            + "(month yyyy-MM; without it every month that still has an unfinished report)")
    public Dashboard dashboard(@RequestParam(required = false) String month) {
        return dashboard.dashboard(MonthParameters.optionalMonth("month", month));
    }

    @GetMapping("/api/settlement/groups/{id}/overview")
    @Operation(summary = "A group (masked account) with its reports by month: stage, amounts, payout, history")
    public GroupOverview overview(@PathVariable long id) {
        return overview.overview(id);
    }

    @GetMapping("/api/settlement/statistics")
    @Operation(summary = "Monthly totals by partner, group or media with the change against the previous month "
            + "(from/to yyyy-MM, at most 36 months; default the last 12)")
    public Statistics statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String by,
                                 @RequestParam(required = false) Long partnerId,
                                 @RequestParam(required = false) Long groupId) {
        MonthParameters.Range range = MonthParameters.range(from, to, by, YearMonth.now(clock));
        return statistics.statistics(range.from(), range.to(), range.by(), partnerId, groupId);
    }

    @GetMapping("/api/settlement/statistics.csv")
    @Operation(summary = "The statistics as CSV for Excel (UTF-8 with BOM, Korean header row)")
    public ResponseEntity<byte[]> statisticsCsv(@RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String by,
                                                @RequestParam(required = false) Long partnerId,
                                                @RequestParam(required = false) Long groupId) {
        MonthParameters.Range range = MonthParameters.range(from, to, by, YearMonth.now(clock));
        Statistics result = statistics.statistics(range.from(), range.to(), range.by(), partnerId, groupId);
        String fileName = "settlement-statistics-" + range.by().key() + "-" + range.from() + "-" + range.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(StatisticsCsv.write(result, range.by()));
    }
}
