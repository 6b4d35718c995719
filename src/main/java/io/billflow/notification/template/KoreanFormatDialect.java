package io.billflow.notification.template;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link KoreanFormats} available to notification templates as the expression object {@code #fmt}. */
final class KoreanFormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String OBJECT_NAME = "fmt";
    private static final KoreanFormats FORMATS = new KoreanFormats();

    KoreanFormatDialect() {
        super("billflow-korean-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(OBJECT_NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return OBJECT_NAME.equals(expressionObjectName) ? FORMATS : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
