package io.billflow.notification.text;

/**
 * SMS (단문, up to 90 bytes) or LMS (장문, up to 2,000 bytes, with a subject of up to 40 bytes), decided by the
 * EUC-KR byte length of the text ({@link TextLength}). KT raised handset SMS to 140 bytes in 2011, but every
 * API provider still cuts at 90, so we do too.
 */
public enum TextMessageType {
    SMS,
    LMS;

    public static final int SMS_MAX_BYTES = 90;
    public static final int LMS_MAX_BYTES = 2_000;
    public static final int LMS_SUBJECT_MAX_BYTES = 40;

    /** SMS up to 90 bytes, LMS up to 2,000; longer texts are refused with the byte count. */
    public static TextMessageType of(String text) {
        int bytes = TextLength.eucKrBytes(text);
        if (bytes <= SMS_MAX_BYTES) {
            return SMS;
        }
        if (bytes <= LMS_MAX_BYTES) {
            return LMS;
        }
        throw new IllegalArgumentException("the text is " + bytes + " bytes (EUC-KR); an LMS holds at most "
                + LMS_MAX_BYTES + " bytes");
    }

    /** Refuses an LMS subject longer than 40 bytes (null or empty is allowed: the provider shows none). */
    public static void checkSubject(String subject) {
        if (subject == null) {
            return;
        }
        int bytes = TextLength.eucKrBytes(subject);
        if (bytes > LMS_SUBJECT_MAX_BYTES) {
            throw new IllegalArgumentException("the LMS subject is " + bytes + " bytes (EUC-KR); at most "
                    + LMS_SUBJECT_MAX_BYTES + " bytes are allowed");
        }
    }

    public TextChannel channel() {
        return this == SMS ? TextChannel.SMS : TextChannel.LMS;
    }
}
