package io.billflow.settlement.adapter.web;

import java.io.IOException;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.adapter.web.SettlementViews.ReportView;
import io.billflow.settlement.application.ReportSearch;
import io.billflow.settlement.application.SettlementGroupService;
import io.billflow.settlement.application.SettlementReportService;
import io.billflow.settlement.domain.ReportLineInput;
import io.billflow.settlement.domain.ReportStatus;
import io.billflow.settlement.domain.SettlementGroup;
import io.billflow.settlement.domain.SettlementReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Validated
@Tag(name = "Settlement reports", description = "정산리포트: one group × one month, imported as JSON or CSV, all or nothing")
class SettlementReportController {

    /** The lines of one month; amounts in whole won. */
    public record ReportRequest(List<LineRequest> lines) {
    }

    /** {@code adjustment}: a deduction or manual correction, the only kind of line that may be negative. */
    public record LineRequest(@Schema(example = "다음스포츠") String media,
                              @Schema(example = "2026년 10월 정산") String item,
                              @Schema(example = "200000") Long supplyAmount,
                              @Schema(example = "20000") Long vat,
                              @Schema(example = "220000") Long total,
                              @Schema(example = "false") Boolean adjustment) {
    }

    private final SettlementReportService reports;
    private final SettlementGroupService groups;
    private final ReportSearch search;

    public SettlementReportController(SettlementReportService reports, SettlementGroupService groups,
                                      ReportSearch search) {
        this.reports = reports;
        this.groups = groups;
        this.search = search;
    }

    @PutMapping("/api/settlement/groups/{id}/reports/{month}")
    @Operation(summary = "Import a month's lines (JSON): 201 new, 200 replaced; 409 once published; 400 names every bad line")
    public ResponseEntity<ReportView> importJson(@PathVariable long id, @PathVariable String month,
                                                 @RequestBody(required = false) ReportRequest request,
                                                 Authentication caller) {
        YearMonth settlementMonth = month(month);
        List<ReportLineInput> lines = request == null || request.lines() == null ? List.of()
                : request.lines().stream().map(l -> l == null ? new ReportLineInput(null, null, null, null, null, null, null)
                        : new ReportLineInput(l.media(), l.item(), l.supplyAmount(), l.vat(), l.total(),
                                l.adjustment(), null)).toList();
        return answer(reports.importLines(id, settlementMonth, lines, "JSON", caller.getName()));
    }

    @PostMapping(value = "/api/settlement/groups/{id}/reports/{month}/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a month's lines from a CSV (header row; UTF-8 or CP949/EUC-KR): as the JSON import")
    public ResponseEntity<ReportView> importCsv(@PathVariable long id, @PathVariable String month,
                                                @RequestPart(value = "file", required = false) MultipartFile file,
                                                Authentication caller) throws IOException {
        YearMonth settlementMonth = month(month);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is required: a CSV with a header row");
        }
        List<ReportLineInput> lines = ReportCsvReader.read(file.getOriginalFilename(), file.getBytes());
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        String source = "CSV " + (name.length() > 250 ? name.substring(0, 250) : name);
        return answer(reports.importLines(id, settlementMonth, lines, source, caller.getName()));
    }

    @GetMapping("/api/settlement/groups/{id}/reports/{month}")
    @Operation(summary = "A month's report with its lines and totals")
    public ReportView get(@PathVariable long id, @PathVariable String month) {
        SettlementReport report = reports.get(id, month(month));
        return view(report, groups.get(id));
    }

    @GetMapping("/api/settlement/groups/{id}/reports")
    @Operation(summary = "The group's reports, newest month first")
    public List<ReportView> ofGroup(@PathVariable long id) {
        SettlementGroup group = groups.get(id);
        return reports.ofGroup(id).stream().map(r -> view(r, group)).toList();
    }

    @GetMapping("/api/settlement/reports")
    @Operation(summary = "Reports across groups by month (yyyy-MM), status, partner, group; without lines")
    public ReportSearch.Page list(@RequestParam(required = false) String month,
                                  @RequestParam(required = false) ReportStatus status,
                                  @RequestParam(required = false) Long partnerId,
                                  @RequestParam(required = false) Long groupId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return search.search(new ReportSearch.Criteria(month == null ? null : month(month), status, partnerId, groupId),
                page, size);
    }

    private ResponseEntity<ReportView> answer(SettlementReportService.Imported imported) {
        SettlementReport report = imported.report();
        ReportView view = view(report, groups.get(report.groupId()));
        if (imported.created()) {
            return ResponseEntity.created(URI.create("/api/settlement/groups/" + report.groupId() + "/reports/"
                    + report.month())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    private ReportView view(SettlementReport report, SettlementGroup group) {
        return ReportView.of(report, group, reports.deadline(group, report.month()));
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldViolation("month", "must be a month as yyyy-MM, e.g. 2026-10",
                    value)));
        }
    }
}
