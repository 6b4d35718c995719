package io.billflow.notification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.billflow.platform.web.ConflictException;
import org.junit.jupiter.api.Test;

class AlimTalkTemplateServiceTest {

    final AlimTalkTemplateService service = new AlimTalkTemplateService(new InMemoryAlimTalkTemplates()
            .with("T1", "발행 완료", "#{상호} 담당자님, #{금액}원 세금계산서가 발행되었습니다. #{상호} 드림",
                    AlimTalkTemplateState.APPROVED), Clock.systemUTC());

    @Test
    void variablesAreSubstitutedEverywhere() {
        assertThat(service.render("T1", Map.of("상호", "(주)한빛", "금액", "1,100,000", "unused", "x")))
                .isEqualTo("(주)한빛 담당자님, 1,100,000원 세금계산서가 발행되었습니다. (주)한빛 드림");
    }

    @Test
    void valuesAreNotExpandedTwice() {
        assertThat(service.render("T1", Map.of("상호", "#{금액}", "금액", "$1")))
                .isEqualTo("#{금액} 담당자님, $1원 세금계산서가 발행되었습니다. #{금액} 드림");
    }

    @Test
    void aMissingVariableIsRefusedByName() {
        assertThatThrownBy(() -> service.render("T1", Map.of("상호", "(주)한빛")))
                .isInstanceOf(MissingTemplateVariableException.class).hasMessageContaining("[금액]");
    }

    @Test
    void reviewGoesSavedRequestedApproved() {
        service.create(new AlimTalkTemplateService.NewTemplate("T2", "INVOICE_REMINDER", "재안내", "#{상호} 확인 부탁드립니다",
                List.of()), "operator");
        assertThat(service.get("T2").state()).isEqualTo(AlimTalkTemplateState.SAVED);
        assertThatThrownBy(() -> service.approve("T2", "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("SAVED");
        service.requestReview("T2", "operator");
        assertThat(service.approve("T2", "admin").state()).isEqualTo(AlimTalkTemplateState.APPROVED);
        assertThatThrownBy(() -> service.reject("T2", "late", "admin")).isInstanceOf(ConflictException.class);
    }

    @Test
    void rejectionKeepsTheReasonAndCannotBeSent() {
        service.create(new AlimTalkTemplateService.NewTemplate("T3", "INVOICE_ISSUED", "안내", "광고성 문구",
                List.of()), "operator");
        service.requestReview("T3", "operator");
        AlimTalkTemplate rejected = service.reject("T3", "정보성 메시지가 아닙니다", "admin");
        assertThat(rejected.rejectReason()).isEqualTo("정보성 메시지가 아닙니다");
        assertThatThrownBy(() -> service.approved("T3"))
                .isInstanceOf(AlimTalkTemplateService.TemplateNotApprovedException.class);
    }

    @Test
    void unknownEventOrTakenCodeIsRefused() {
        assertThatThrownBy(() -> service.create(new AlimTalkTemplateService.NewTemplate("T9", "NO_SUCH_EVENT", "t", "c",
                List.of()), "operator")).hasMessageContaining("event");
        assertThatThrownBy(() -> service.create(new AlimTalkTemplateService.NewTemplate("T1", "INVOICE_ISSUED", "t", "c",
                List.of()), "operator")).isInstanceOf(ConflictException.class);
    }
}
