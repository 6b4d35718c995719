package io.billflow.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class InvoicePdfPaginationTest {

    private static final ItemPagination.Capacity FIRST = new ItemPagination.Capacity(28, 30);
    private static final ItemPagination.Capacity NEXT = new ItemPagination.Capacity(37, 39);

    @Test
    void whatFitsWithTheTotalsStaysOnOnePage() {
        assertThat(ItemPagination.plan(2, FIRST, NEXT)).containsExactly(2);
        assertThat(ItemPagination.plan(28, FIRST, NEXT)).containsExactly(28);
    }

    @Test
    void ninetyNineLinesFillPagesAndTheLastCarriesTheTotals() {
        List<Integer> plan = ItemPagination.plan(99, FIRST, NEXT);

        assertThat(plan).containsExactly(30, 39, 30);
    }

    @Test
    void theTotalsNeverStandOnAPageWithoutLines() {
        // 29 lines fit the first page only without the totals: one moves on with them
        assertThat(ItemPagination.plan(29, FIRST, NEXT)).containsExactly(28, 1);
        assertThat(ItemPagination.plan(30, FIRST, NEXT)).containsExactly(29, 1);
    }

    @Test
    void everyLineIsPlacedForAnyCount() {
        for (int lines = 0; lines <= 300; lines++) {
            List<Integer> plan = ItemPagination.plan(lines, FIRST, NEXT);
            assertThat(plan.stream().mapToInt(Integer::intValue).sum()).isEqualTo(lines);
            assertThat(plan.get(0)).isLessThanOrEqualTo(FIRST.withoutTotals());
            assertThat(plan.get(plan.size() - 1)).isLessThanOrEqualTo(
                    plan.size() == 1 ? FIRST.withTotals() : NEXT.withTotals());
            if (lines > 0) {
                assertThat(plan).allSatisfy(onPage -> assertThat(onPage).isPositive());
            }
        }
    }

    @Test
    void aPageMustHoldALine() {
        assertThatThrownBy(() -> new ItemPagination.Capacity(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
