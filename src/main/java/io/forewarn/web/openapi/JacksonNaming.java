package io.forewarn.web.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.annotation.JsonNaming;

import java.lang.reflect.InvocationTargetException;

/**
 * Lets the OpenAPI model reader (swagger-core, built on Jackson 2) see the naming strategy that the
 * views declare for Jackson 3 ({@code @JsonNaming(KebabCaseStrategy.class)}), so the document names
 * each field as the API writes it ({@code valid-until}, not {@code validUntil}). The translation is
 * Jackson 3's own strategy, called through Jackson 2's interface.
 */
final class JacksonNaming extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Object findNamingStrategy(AnnotatedClass type) {
        JsonNaming naming = type.getRawType().getAnnotation(JsonNaming.class);
        if (naming == null) {
            return null;
        }
        tools.jackson.databind.PropertyNamingStrategy strategy = instance(naming);
        return new PropertyNamingStrategies.NamingBase() {
            private static final long serialVersionUID = 1L;

            @Override
            public String translate(String name) {
                // Jackson 3's strategies translate a name alike whatever it names; they need no context.
                return strategy.nameForField(null, null, name);
            }
        };
    }

    private static tools.jackson.databind.PropertyNamingStrategy instance(JsonNaming naming) {
        try {
            return naming.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot document the naming strategy " + naming.value().getName(),
                    e instanceof InvocationTargetException target ? target.getCause() : e);
        }
    }
}
