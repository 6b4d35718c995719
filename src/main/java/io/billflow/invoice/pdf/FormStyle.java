package io.billflow.invoice.pdf;

import java.awt.Color;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Page, colours and type sizes of the printed form, in points (1/72 inch). */
final class FormStyle {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 28;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    /** Room below the frame for the page number. */
    static final float FOOTER = 16;

    /**
     * The buyer's copy (공급받는자 보관용) of a 세금계산서 is traditionally ruled in blue, the supplier's
     * in red; labels share the ink, filled-in values are black.
     */
    static final Color INK = new Color(0x1f, 0x4e, 0xa8);
    static final Color LABEL_FILL = new Color(0xec, 0xf2, 0xfb);
    static final Color VALUE = Color.BLACK;
    static final Color MUTED = new Color(0x55, 0x5f, 0x6d);

    static final float GRID_LINE = 0.5f;
    static final float FRAME_LINE = 1.2f;
    static final float PADDING = 3;

    static final float LABEL_SIZE = 8;
    static final float VALUE_SIZE = 9;
    static final float MIN_SIZE = 6;

    private FormStyle() {
    }
}
