package io.billflow.notification.text;

/** How a text reaches a mobile: a carrier message (SMS, LMS) or a KakaoTalk 알림톡. */
public enum TextChannel {
    SMS,
    LMS,
    ALIMTALK
}
