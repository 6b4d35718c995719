package io.billflow.invoice.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 과세 (10% VAT), 영세 (zero-rated, 0%), 면세 (exempt: a 계산서, no VAT). Popbill's values, in Korean. */
public enum TaxType {
    TAXABLE("과세"),
    ZERO_RATED("영세"),
    EXEMPT("면세");

    private final String label;

    TaxType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The enum name for a label or name, or null when it is neither (for query parameters). */
    public static String fromLabelOrNull(String value) {
        for (TaxType type : values()) {
            if (type.label.equals(value) || type.name().equalsIgnoreCase(value)) {
                return type.name();
            }
        }
        return null;
    }

    @JsonCreator
    public static TaxType fromLabel(String value) {
        for (TaxType type : values()) {
            if (type.label.equals(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be 과세, 영세 or 면세");
    }
}
