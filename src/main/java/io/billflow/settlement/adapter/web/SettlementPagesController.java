package io.billflow.settlement.adapter.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.readmodel.SettlementDashboardQuery;
import io.billflow.settlement.readmodel.SettlementGroupOverviewQuery;
import io.billflow.settlement.readmodel.SettlementStatementQuery;
import io.billflow.settlement.readmodel.StageLabels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settlement managers' pages, server-rendered (no JavaScript needed): the dashboard, the group drill-down
 * with each report's history, and the printable statement (정산 명세서) of one report.
 */
@Controller
class SettlementPagesController {

    private final SettlementDashboardQuery dashboard;
    private final SettlementGroupOverviewQuery overview;
    private final SettlementStatementQuery statements;
    private final Clock clock;
    private final PageFormat format;

    public SettlementPagesController(SettlementDashboardQuery dashboard, SettlementGroupOverviewQuery overview,
                                     SettlementStatementQuery statements, Clock clock) {
        this.dashboard = dashboard;
        this.overview = overview;
        this.statements = statements;
        this.clock = clock;
        this.format = new PageFormat(clock.getZone());
    }

    @GetMapping("/settlement/dashboard")
    public String dashboard(@RequestParam(required = false) String month,
                            @RequestParam(required = false) String status, Model model) {
        YearMonth selected = null;
        try {
            selected = MonthParameters.optionalMonth("month", month);
        } catch (InvalidInputException bad) {
            model.addAttribute("problem", "정산월은 2026-10 처럼 yyyy-MM 형식으로 입력하세요. 진행 중인 모든 월을 표시합니다.");
        }
        ReportStatus stage = stage(status).orElse(null);
        model.addAttribute("dashboard", dashboard.dashboard(selected));
        model.addAttribute("reports", dashboard.reports(selected, stage, SettlementDashboardQuery.REPORT_LIST_LIMIT));
        model.addAttribute("month", selected == null ? null : selected.toString());
        model.addAttribute("stage", stage);
        model.addAttribute("stageLabel", StageLabels.of(stage));
        model.addAttribute("currentMonth", YearMonth.now(clock).toString());
        model.addAttribute("statisticsFrom", YearMonth.now(clock).minusMonths(11).toString());
        model.addAttribute("fmt", format);
        return "settlement/dashboard";
    }

    @GetMapping("/settlement/groups/{id}")
    public String group(@PathVariable long id, Model model) {
        model.addAttribute("group", overview.overview(id));
        model.addAttribute("fmt", format);
        return "settlement/group";
    }

    @GetMapping("/settlement/reports/{id}/statement")
    public String statement(@PathVariable long id, Model model) {
        model.addAttribute("s", statements.statement(id));
        model.addAttribute("fmt", format);
        return "settlement/statement";
    }

    /** A stage to list; anything else lists every stage. */
    static Optional<ReportStatus> stage(String value) {
        return Arrays.stream(ReportStatus.values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
