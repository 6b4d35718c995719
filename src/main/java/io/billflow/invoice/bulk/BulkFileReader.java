package io.billflow.invoice.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a bulk file (CSV in UTF-8, with or without BOM, or the first sheet of an XLSX) into rows. */
public final class BulkFileReader {

    public static final int MAX_ROWS = 10_000;

    private BulkFileReader() {
    }

    public static List<BulkRow> read(String fileName, byte[] content) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> table;
        if (lower.endsWith(".xlsx")) {
            table = readXlsx(content);
        } else if (lower.endsWith(".csv")) {
            table = readCsv(content);
        } else {
            throw new BulkFileException("the file must be .csv (UTF-8) or .xlsx");
        }
        return toRows(table);
    }

    private static List<List<String>> readCsv(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                StandardCharsets.UTF_8.newDecoder());
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            List<List<String>> table = new ArrayList<>();
            for (CSVRecord record : parser) {
                table.add(record.toList());
                if (table.size() > MAX_ROWS + 1) {
                    throw tooMany();
                }
            }
            return table;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.nio.charset.CharacterCodingException) {
                    throw new BulkFileException("the CSV is not UTF-8 (save it as \"CSV UTF-8\")");
                }
            }
            throw new BulkFileException("the CSV cannot be read: " + e.getMessage());
        }
    }

    private static List<List<String>> readXlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw tooMany();
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> table = new ArrayList<>();
            int width = -1;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    int last = width < 0 ? row.getLastCellNum() : width;
                    for (int c = 0; c < last; c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                if (width < 0) {
                    width = values.size();
                }
                table.add(values);
            }
            return table;
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new BulkFileException("the XLSX cannot be read: " + e.getMessage());
        }
    }

    private static List<BulkRow> toRows(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new BulkFileException("the file is empty; download the template for the header row");
        }
        List<String> header = table.get(0).stream().map(h -> h == null ? "" : h.strip().replace("\uFEFF", "")).toList();
        List<BulkError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (name.isEmpty()) {
                continue;
            }
            if (!BulkColumns.ALL.contains(name)) {
                errors.add(new BulkError(1, name, "unknown column; the template lists the columns"));
            } else if (!seen.add(name)) {
                errors.add(new BulkError(1, name, "column appears twice"));
            }
        }
        for (String required : BulkColumns.REQUIRED) {
            if (!seen.contains(required)) {
                errors.add(new BulkError(1, required, "required column is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BulkFileException(errors);
        }
        List<BulkRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> values = table.get(r);
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < values.size(); c++) {
                if (!header.get(c).isEmpty()) {
                    cells.put(header.get(c), values.get(c));
                }
            }
            rows.add(new BulkRow(r + 1, cells));
        }
        if (rows.isEmpty()) {
            throw new BulkFileException("the file has a header but no rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw tooMany();
        }
        return rows;
    }

    private static BulkFileException tooMany() {
        return new BulkFileException("the file has more than " + MAX_ROWS + " rows; split it");
    }
}
