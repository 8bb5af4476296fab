package io.forewarn.web.openapi;

import io.forewarn.code.Coded;
import io.forewarn.json.Codes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

/** Lists the codes of a {@link Codes} field as its values (of its items, for a list), from the domain's enum. */
final class CodedValues implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (type.getCtxAnnotations() == null) {
            return property;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof Codes codes) {
                List<String> values = Arrays.stream(codes.value().getEnumConstants()).map(Coded::code).toList();
                Schema target = property.getItems() != null ? property.getItems() : property;
                target.setEnum(values);
            }
        }
        return property;
    }
}
