package io.billflow.notification.adapter.web;

import java.util.ArrayList;
import java.util.List;

import io.billflow.notification.api.NotificationEvent;
import io.billflow.notification.template.NotificationTemplates;
import io.billflow.notification.text.AlimTalkTemplate;
import io.billflow.notification.text.AlimTalkTemplateService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationTemplateController {

    /** One event's message: whether it is a legal notice, its AlimTalk template, and a sample rendering. */
    public record TemplateInfo(NotificationEvent event, boolean mandatory, String alimTalkTemplate, String alimTalkState,
                               String sampleSubject, String sampleText) {
    }

    private final NotificationTemplates templates;
    private final AlimTalkTemplateService alimTalk;

    public NotificationTemplateController(NotificationTemplates templates, AlimTalkTemplateService alimTalk) {
        this.templates = templates;
        this.alimTalk = alimTalk;
    }

    @GetMapping("/api/notification-templates")
    @Operation(summary = "Every message: e-mail subject and SMS text rendered with sample data, and its AlimTalk template")
    public List<TemplateInfo> list() {
        List<AlimTalkTemplate> kakao = alimTalk.list();
        List<TemplateInfo> all = new ArrayList<>();
        for (NotificationEvent event : NotificationEvent.values()) {
            AlimTalkTemplate template = kakao.stream().filter(t -> t.code().equals("BF_" + event.name())).findFirst()
                    .orElse(null);
            all.add(new TemplateInfo(event, event.mandatory(), template == null ? null : template.code(),
                    template == null ? null : template.state().name(),
                    templates.renderMail(event, NotificationTemplates.sampleVariables(event)).subject(),
                    templates.renderText(event, NotificationTemplates.sampleVariables(event))));
        }
        return all;
    }
}
