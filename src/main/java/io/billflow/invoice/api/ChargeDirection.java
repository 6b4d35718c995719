package io.billflow.invoice.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who pays the ASP fee: 정과금 (the supplier) or 역과금 (the buyer, allowed only for 역발행). */
public enum ChargeDirection {
    SUPPLIER_PAYS("정과금"),
    BUYER_PAYS("역과금");

    private final String label;

    ChargeDirection(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ChargeDirection fromLabel(String value) {
        for (ChargeDirection direction : values()) {
            if (direction.label.equals(value) || direction.name().equalsIgnoreCase(value)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("must be 정과금 or 역과금");
    }
}
