package io.billflow.notification.text;

import java.util.Set;

/**
 * Kakao's review of a template (템플릿 심사): 저장됨 → 등록요청 → 등록완료 | 반려됨. Only APPROVED templates
 * may be sent. A rejected template is not re-requested in place: register a corrected one under a new code,
 * as Kakao keeps the review history per template.
 */
public enum AlimTalkTemplateState {
    SAVED,
    REQUESTED,
    APPROVED,
    REJECTED;

    public Set<AlimTalkTemplateState> next() {
        return switch (this) {
            case SAVED -> Set.of(REQUESTED);
            case REQUESTED -> Set.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> Set.of();
        };
    }

    public boolean canMoveTo(AlimTalkTemplateState target) {
        return next().contains(target);
    }
}
