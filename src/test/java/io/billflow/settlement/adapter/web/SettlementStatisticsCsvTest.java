package io.billflow.settlement.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Dimension;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Row;
import io.billflow.settlement.readmodel.SettlementStatisticsQuery.Statistics;
import org.junit.jupiter.api.Test;

/** The statistics CSV on its own: BOM, Korean headers, RFC 4180 quoting, no formulas from names. */
class SettlementStatisticsCsvTest {

    @Test
    void quotesSeparatorsAndNeutralisesFormulaLikeNames() {
        Row media = new Row(7, "=HYPERLINK(\"http://evil\")", null, null, "스포츠, 연예", "2026-10", 1, -10_000, -1_000,
                -11_000, null, null, -20_000L, new BigDecimal("-222.2"));
        byte[] csv = StatisticsCsv.write(new Statistics("2026-10", "2026-10", "media", List.of(media)), Dimension.MEDIA);

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("파트너ID,파트너,매체명,정산월,리포트 수,공급가액,세액,합계,전월 대비 증감,전월 대비 증감률(%)\r\n"
                + "7,\"'=HYPERLINK(\"\"http://evil\"\")\",\"스포츠, 연예\",2026-10,1,-10000,-1000,-11000,-20000,-222.2\r\n");
    }

    @Test
    void headersPerDimension() {
        assertThat(StatisticsCsv.header(Dimension.PARTNER)).containsExactly("파트너ID", "파트너", "정산월", "리포트 수",
                "공급가액", "세액", "합계", "지급액", "원천징수액", "전월 대비 증감", "전월 대비 증감률(%)");
        assertThat(StatisticsCsv.header(Dimension.GROUP)).startsWith("파트너ID", "파트너", "정산그룹ID", "정산그룹", "정산월")
                .doesNotContain("지급액");
        byte[] empty = StatisticsCsv.write(new Statistics("2026-01", "2026-02", "group", List.of()), Dimension.GROUP);
        assertThat(new String(empty, StandardCharsets.UTF_8)).startsWith("\uFEFF파트너ID").endsWith("(%)\r\n");
    }
}
