package io.billflow.invoice.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * How many item lines go on each page. The first page also carries the parties and the summary, the
 * last one the totals; every line is printed, none is dropped, and the totals never stand on a page
 * without at least one line above them.
 */
final class ItemPagination {

    /** Lines a page holds when it ends with the totals and when it does not. */
    record Capacity(int withTotals, int withoutTotals) {
        Capacity {
            if (withTotals < 1 || withoutTotals < withTotals) {
                throw new IllegalArgumentException("a page must hold at least one line: " + withTotals
                        + "/" + withoutTotals);
            }
        }
    }

    private ItemPagination() {
    }

    static List<Integer> plan(int lines, Capacity firstPage, Capacity nextPages) {
        List<Integer> perPage = new ArrayList<>();
        int remaining = lines;
        Capacity capacity = firstPage;
        while (remaining > capacity.withTotals()) {
            // leave at least one line for the page that closes with the totals
            int onThisPage = Math.min(capacity.withoutTotals(), remaining - 1);
            perPage.add(onThisPage);
            remaining -= onThisPage;
            capacity = nextPages;
        }
        perPage.add(remaining);
        return perPage;
    }
}
