package io.billflow.invoice.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import io.billflow.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/invoices/bulk")
@Tag(name = "Bulk invoice registration", description = "CSV / XLSX, up to 10,000 rows, processed in the background")
class BulkUploadController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BulkJobService jobs;
    private final java.time.Clock clock;

    public BulkUploadController(BulkJobService jobs, java.time.Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a bulk file; 202 with the job to poll")
    public ResponseEntity<BulkJobView> upload(@RequestPart("file") MultipartFile file,
                                              @RequestParam(defaultValue = "ALL_OR_NOTHING") BulkMode mode,
                                              @RequestParam(defaultValue = "DRAFT") BulkAction action,
                                              Authentication caller) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        BulkJobView job = jobs.submit(file.getOriginalFilename(), file.getBytes(), mode, action, caller.getName());
        return ResponseEntity.accepted().location(URI.create("/api/invoices/bulk/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Progress and result of a bulk job")
    public BulkJobView get(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @GetMapping(value = "/{id}/report.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Every error (row, column, message) and every created invoice id")
    public ResponseEntity<String> report(@PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulk-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(jobs.report(id));
    }

    @GetMapping(value = "/template.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The CSV template with the header row and one example invoice")
    public ResponseEntity<String> csvTemplate() {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", BulkColumns.ALL)).append('\n');
        for (List<String> row : examples()) {
            csv.append(String.join(",", row.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).toList())).append('\n');
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-bulk-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "The XLSX template with the header row and one example invoice")
    public ResponseEntity<byte[]> xlsxTemplate() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("invoices");
            Row header = sheet.createRow(0);
            for (int c = 0; c < BulkColumns.ALL.size(); c++) {
                header.createCell(c).setCellValue(BulkColumns.ALL.get(c));
            }
            List<List<String>> examples = examples();
            for (int r = 0; r < examples.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < examples.get(r).size(); c++) {
                    row.createCell(c).setCellValue(examples.get(r).get(c));
                }
            }
            workbook.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-bulk-template.xlsx\"")
                    .contentType(MediaType.parseMediaType(XLSX)).body(out.toByteArray());
        }
    }

    private List<List<String>> examples() {
        return BulkColumns.exampleRows("124-81-00998", "220-81-62517",
                DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock)));
    }
}
