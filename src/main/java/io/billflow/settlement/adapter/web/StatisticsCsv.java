package io.billflow.settlement.adapter.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Dimension;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Row;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Statistics;

/**
 * The statistics as a CSV Excel opens as it is: UTF-8 with a byte order mark (without it Excel on Korean
 * Windows reads CP949 and garbles Hangul), a Korean header row, CRLF line ends, amounts as plain integers.
 * Names that start like a formula ({@code = + - @}) are prefixed with {@code '} so a spreadsheet never runs them.
 */
final class StatisticsCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatisticsCsv() {
    }

    static byte[] write(Statistics statistics, Dimension by) {
        StringBuilder csv = new StringBuilder();
        line(csv, header(by));
        for (Row row : statistics.rows()) {
            List<String> cells = new ArrayList<>();
            switch (by) {
                case PARTNER -> {
                    cells.add(String.valueOf(row.partnerId()));
                    cells.add(text(row.partnerName()));
                }
                case GROUP -> {
                    cells.add(String.valueOf(row.partnerId()));
                    cells.add(text(row.partnerName()));
                    cells.add(String.valueOf(row.groupId()));
                    cells.add(text(row.groupName()));
                }
                case MEDIA -> {
                    cells.add(String.valueOf(row.partnerId()));
                    cells.add(text(row.partnerName()));
                    cells.add(text(row.media()));
                }
            }
            cells.add(row.month());
            cells.add(String.valueOf(row.reports()));
            cells.add(String.valueOf(row.supply()));
            cells.add(String.valueOf(row.vat()));
            cells.add(String.valueOf(row.total()));
            if (by == Dimension.PARTNER) {
                cells.add(String.valueOf(row.paid()));
                cells.add(String.valueOf(row.withheld()));
            }
            cells.add(row.totalChange() == null ? "" : String.valueOf(row.totalChange()));
            BigDecimal percent = row.totalChangePercent();
            cells.add(percent == null ? "" : percent.toPlainString());
            line(csv, cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static List<String> header(Dimension by) {
        List<String> header = new ArrayList<>(switch (by) {
            case PARTNER -> List.of("파트너ID", "파트너");
            case GROUP -> List.of("파트너ID", "파트너", "정산그룹ID", "정산그룹");
            case MEDIA -> List.of("파트너ID", "파트너", "매체명");
        });
        header.addAll(List.of("정산월", "리포트 수", "공급가액", "세액", "합계"));
        if (by == Dimension.PARTNER) {
            header.addAll(List.of("지급액", "원천징수액"));
        }
        header.addAll(List.of("전월 대비 증감", "전월 대비 증감률(%)"));
        return header;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** A free-text cell: formula starters neutralised. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
