package io.billflow.notification.template;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The Thymeleaf engine for messages, separate from the web pages' engine: it resolves only
 * {@code classpath:templates/notification/}, picks the mode from the file ending ({@code .html} → HTML
 * with escaping, {@code .txt} → TEXT) and knows {@code #fmt}. Deliberately not a Spring bean: Spring
 * Boot's web engine collects every {@code ITemplateResolver} bean and would start serving these files
 * as pages, and a second {@code SpringTemplateEngine} bean would switch Boot's own engine off.
 */
final class NotificationTemplateEngine {

    static final String PREFIX = "templates/notification/";

    private NotificationTemplateEngine() {
    }

    static ITemplateEngine create() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(NotificationTemplateEngine.class.getClassLoader());
        resolver.setPrefix(PREFIX);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);

        // SpEL (what the web pages use) rather than OGNL, which is not on the classpath
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.addDialect(new KoreanFormatDialect());
        return engine;
    }
}
