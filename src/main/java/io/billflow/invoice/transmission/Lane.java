package io.billflow.invoice.transmission;

/**
 * One of the nightly batch's lanes: lane {@code index} of {@code count} takes the invoices whose id leaves
 * remainder {@code index} when divided by {@code count}. Lanes run side by side, so each must own its
 * rows: then no lane finds a short chunk because another holds the rest, and none takes a hand-over the
 * other is retrying.
 */
public record Lane(int index, int count) {

    /** Everything: the result poller, send-to-nts, and a night of one lane. */
    public static final Lane ALL = new Lane(0, 1);

    public Lane {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("lane " + index + " of " + count);
        }
    }
}
