package io.billflow.settlement.bank;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares account-holder names (예금주명) the way a bank's name check tolerates: the same holder is written
 * "주식회사 카카오", "(주)카카오", "㈜카카오" or "(주) 카카오" depending on who typed it. Spaces never count;
 * 주식회사/(주)/㈜ and 유한회사/(유) are the same; full-width forms equal their ASCII forms; Latin letters
 * ignore case. The position of the company-form marker does count: "카카오(주)" is a different registered name
 * from "(주)카카오", and a bank would refuse it too.
 */
public final class HolderName {

    private HolderName() {
    }

    /** The comparable form of a holder name; blank for {@code null}. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        // NFKC turns ㈜ into "(주)" and full-width （주） or Ａ into their ASCII forms
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return folded.replaceAll("\\s+", "")
                .replace("주식회사", "(주)")
                .replace("유한회사", "(유)")
                .toUpperCase(Locale.ROOT);
    }

    public static boolean sameHolder(String a, String b) {
        String left = normalise(a);
        return !left.isEmpty() && left.equals(normalise(b));
    }
}
