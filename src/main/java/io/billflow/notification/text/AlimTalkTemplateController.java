package io.billflow.notification.text;

import io.billflow.platform.web.input.MultiLine;

import java.util.List;
import java.util.Map;

import io.billflow.platform.camunda.StaffGroups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notification-templates/alimtalk}: staff register templates and record Kakao's review.
 * Approve and reject are for {@code camunda-admin} only, checked here because {@code SecurityConfiguration}
 * has no rule for these paths yet (README: "SMS, LMS and KakaoTalk AlimTalk").
 */
@RestController
@RequestMapping("/api/notification-templates/alimtalk")
@Tag(name = "Notifications")
class AlimTalkTemplateController {

    private final AlimTalkTemplateService service;

    public AlimTalkTemplateController(AlimTalkTemplateService service) {
        this.service = service;
    }

    /** The reason Kakao gave for a rejection. */
    public record Rejection(@MultiLine String reason) {
    }

    @Operation(summary = "All AlimTalk templates with their Kakao review state")
    @GetMapping
    public List<AlimTalkTemplate> list() {
        return service.list();
    }

    @Operation(summary = "One AlimTalk template")
    @GetMapping("/{code}")
    public AlimTalkTemplate get(@PathVariable String code) {
        return service.get(code);
    }

    @Operation(summary = "Register a new AlimTalk template (not yet reviewed by Kakao)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public AlimTalkTemplate create(@RequestBody AlimTalkTemplateService.NewTemplate request, Authentication caller) {
        return service.create(request, caller.getName());
    }

    /** Shows the text a recipient would get, e.g. to check a template before asking Kakao to review it. */
    @Operation(summary = "The text a recipient would get with these variables")
    @PostMapping("/{code}/preview")
    public Map<String, String> preview(@PathVariable String code, @RequestBody Map<String, Object> body) {
        // a map's values have no declared property for the JSON reader's rules: each is checked here, named by its key
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw new io.billflow.platform.web.InvalidInputException(name, "must be text");
            }
            io.billflow.platform.web.input.PlainText.problem(name, false, io.billflow.platform.web.input.PlainText.DEFAULT_MAX)
                    .or(() -> io.billflow.platform.web.input.PlainText.problem(text, false,
                            io.billflow.platform.web.input.PlainText.DEFAULT_MAX))
                    .ifPresent(problem -> {
                        throw new io.billflow.platform.web.InvalidInputException(name, problem);
                    });
            variables.put(name, text);
        });
        return Map.of("text", service.render(code, variables));
    }

    @Operation(summary = "Record that the template was sent to Kakao for review")
    @PostMapping("/{code}/review-request")
    public AlimTalkTemplate requestReview(@PathVariable String code, Authentication caller) {
        return service.requestReview(code, caller.getName());
    }

    @Operation(summary = "Record Kakao's approval (admins)")
    @PostMapping("/{code}/approval")
    public AlimTalkTemplate approve(@PathVariable String code, Authentication caller) {
        requireAdmin(caller);
        return service.approve(code, caller.getName());
    }

    @Operation(summary = "Record Kakao's rejection and its reason (admins)")
    @PostMapping("/{code}/rejection")
    public AlimTalkTemplate reject(@PathVariable String code, @RequestBody Rejection rejection, Authentication caller) {
        requireAdmin(caller);
        return service.reject(code, rejection.reason(), caller.getName());
    }

    private static void requireAdmin(Authentication caller) {
        String admin = StaffGroups.authority(StaffGroups.ADMIN);
        if (caller.getAuthorities().stream().noneMatch(a -> admin.equals(a.getAuthority()))) {
            throw new AccessDeniedException("only camunda-admin records Kakao's review");
        }
    }
}
