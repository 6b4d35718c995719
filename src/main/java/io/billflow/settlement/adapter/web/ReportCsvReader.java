package io.billflow.settlement.adapter.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.billflow.platform.web.FieldViolation;
import io.billflow.platform.web.InvalidInputException;
import io.billflow.settlement.domain.ReportLineInput;
import io.billflow.settlement.domain.ReportLineRules;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a monthly report CSV (Commons CSV, RFC 4180, as the invoice bulk upload): a header row, then one
 * line per row. Column names in English or as the Kakao Harmony report prints them (매체명, 품목, 공급가액,
 * 세액, 합계, 조정). Encoding: UTF-8 (with or without BOM, Excel's "CSV UTF-8") or CP949/EUC-KR (Excel's
 * plain "CSV" on a Korean Windows). A file that decodes as strict UTF-8 is UTF-8; Hangul in CP949 never does.
 */
final class ReportCsvReader {

    static final Charset CP949 = Charset.forName("x-windows-949");

    /** The columns, each with its accepted header names (compared ignoring case and blanks). */
    enum Column {
        MEDIA("media", "매체명", "매체"),
        ITEM("item", "품목"),
        SUPPLY_AMOUNT("supplyAmount", "공급가액"),
        VAT("vat", "세액", "부가세"),
        TOTAL("total", "합계", "합계금액"),
        ADJUSTMENT("adjustment", "조정");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        String field() {
            return names.get(0);
        }

        static Column byHeader(String header) {
            String wanted = header.replace(" ", "").toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted))) {
                    return column;
                }
            }
            return null;
        }
    }

    private ReportCsvReader() {
    }

    static List<ReportLineInput> read(String fileName, byte[] content) {
        if (fileName != null && !fileName.isBlank() && !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new InvalidInputException("file", "must be a .csv file");
        }
        List<CSVRecord> records = parse(decode(content));
        if (records.isEmpty() || records.get(0).stream().allMatch(v -> v == null || v.isBlank())) {
            throw new InvalidInputException("file", "is empty; the first row names the columns: "
                    + "media,item,supplyAmount,vat,total[,adjustment] (or 매체명,품목,공급가액,세액,합계[,조정])");
        }
        Map<Column, Integer> columns = header(records.get(0));
        List<FieldViolation> problems = new ArrayList<>();
        List<ReportLineInput> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord record = records.get(r);
            if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            int row = r + 1;
            int index = lines.size();
            if (index >= ReportLineRules.MAX_LINES) {
                throw new InvalidInputException("file", "has more than " + ReportLineRules.MAX_LINES + " lines");
            }
            lines.add(new ReportLineInput(cell(record, columns, Column.MEDIA), cell(record, columns, Column.ITEM),
                    amount(record, columns, Column.SUPPLY_AMOUNT, index, row, problems),
                    amount(record, columns, Column.VAT, index, row, problems),
                    amount(record, columns, Column.TOTAL, index, row, problems),
                    flag(record, columns, index, row, problems), row));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (lines.isEmpty()) {
            throw new InvalidInputException("file", "has a header row but no lines");
        }
        return lines;
    }

    private static String decode(byte[] content) {
        boolean bom = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf;
        int offset = bom ? 3 : 0;
        try {
            return strict(StandardCharsets.UTF_8, content, offset);
        } catch (CharacterCodingException notUtf8) {
            if (bom) {
                throw new InvalidInputException("file", "starts with a UTF-8 byte order mark but is not UTF-8");
            }
        }
        try {
            return strict(CP949, content, 0);
        } catch (CharacterCodingException neither) {
            throw new InvalidInputException("file", "is neither UTF-8 nor CP949/EUC-KR text; save it as CSV");
        }
    }

    private static String strict(Charset charset, byte[] content, int offset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(content, offset, content.length - offset)).toString();
    }

    private static List<CSVRecord> parse(String text) {
        try (Reader reader = new java.io.StringReader(text);
             // empty lines stay records, so a record's position is the row a spreadsheet shows
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
                if (records.size() > ReportLineRules.MAX_LINES + 1) {
                    throw new InvalidInputException("file", "has more than " + ReportLineRules.MAX_LINES + " lines");
                }
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "cannot be read as CSV: " + e.getMessage());
        }
    }

    private static Map<Column, Integer> header(CSVRecord header) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c) == null ? "" : header.get(c).replace("\uFEFF", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            Column column = Column.byHeader(name);
            if (column == null) {
                problems.add(FieldViolation.of("file", "column '" + name + "' is not known; the columns are "
                        + "media,item,supplyAmount,vat,total,adjustment (or 매체명,품목,공급가액,세액,합계,조정)"));
            } else if (columns.putIfAbsent(column, c) != null) {
                problems.add(FieldViolation.of("file", "column '" + name + "' appears twice"));
            }
        }
        for (Column required : List.of(Column.MEDIA, Column.ITEM, Column.SUPPLY_AMOUNT, Column.VAT, Column.TOTAL)) {
            if (!columns.containsKey(required)) {
                problems.add(FieldViolation.of("file", "the required column '" + required.field() + "' ("
                        + required.names.get(1) + ") is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return columns;
    }

    private static String cell(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer c = columns.get(column);
        if (c == null || c >= record.size()) {
            return null;
        }
        String value = record.get(c);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whole won; thousands separators and a trailing 원 are allowed (as spreadsheets format money). */
    private static Long amount(CSVRecord record, Map<Column, Integer> columns, Column column, int index, int row,
                               List<FieldViolation> problems) {
        String value = cell(record, columns, column);
        if (value == null) {
            return null;
        }
        String plain = value.replace(",", "").replace("원", "").strip();
        if (!plain.matches("-?\\d{1,15}")) {
            problems.add(new FieldViolation("lines[" + index + "]." + column.field(), "must be a whole number of won "
                    + "(CSV row " + row + ")", value));
            return null;
        }
        return Long.parseLong(plain);
    }

    private static final Map<String, Boolean> FLAGS = new HashMap<>(Map.of("true", true, "false", false, "y", true,
            "n", false, "1", true, "0", false, "예", true, "아니오", false));

    private static Boolean flag(CSVRecord record, Map<Column, Integer> columns, int index, int row,
                                List<FieldViolation> problems) {
        String value = cell(record, columns, Column.ADJUSTMENT);
        if (value == null) {
            return false;
        }
        Boolean flag = FLAGS.get(value.toLowerCase(Locale.ROOT));
        if (flag == null) {
            problems.add(new FieldViolation("lines[" + index + "].adjustment", "must be true or false (Y/N) (CSV row "
                    + row + ")", value));
        }
        return flag;
    }
}
